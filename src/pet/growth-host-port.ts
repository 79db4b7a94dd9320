// What the pet screen needs from whoever keeps the buddy's growth (the store in the app, a fake in tests):
// record care at the moment it was given, fold what was recorded (here and by the statusline), and say
// what to announce. A port of the pet, implemented in the app by src/buddy/store-growth-host.ts. Types
// only: the pet stays pure.
import type { Clock } from '../game/clock.js';
import type { CareKind } from '../game/events.js';
import type { GrowthState } from '../game/state.js';
import type { PlayMode } from '../game/catch/rules.js';

export interface GrowthUpdate {
  readonly growth: GrowthState;
  readonly careOn: boolean;
  /** Level-ups and achievements to show, as the bubbles' words (none with care off). */
  readonly announcements: readonly string[];
}

export interface GrowthHost {
  readonly initial: GrowthState;
  readonly careOn: boolean;
  /** Records care given at a moment; cheap and synchronous (an append). */
  readonly record: (kind: CareKind, at: number) => void;
  /** A snack it was too full to eat (nothing is recorded): kept in the journal as the care commands keep theirs. */
  readonly turnedDown?: (at: number) => void;
  /**
   * Records a finished round at the moment it ended (cheap and synchronous, like `record`; the next fold
   * takes it) and says the mode's best before it, for the result bubble.
   */
  readonly played?: (mode: PlayMode, score: number, at: number) => { readonly bestBefore: number };
  /** Folds everything recorded into the stored growth. */
  readonly fold: () => Promise<GrowthUpdate>;
  readonly clockAt: (ms: number) => Clock;
}
