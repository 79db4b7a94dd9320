// A finished round of catch the bug, kept as the care the pet gives is kept: a `played` event appended to
// the event log at once (or handed to the next fold when it cannot be), the mode's best before it told
// back for the result bubble, and a new best kept in the journal. The fold that follows takes the round
// (its XP, its record, any wardrobe item a score unlocks) and announces what it earned.
import { isNewBest, roundResultText } from '../game/catch/result.js';
import type { PlayMode } from '../game/catch/rules.js';
import type { GameEvent } from '../game/events.js';
import type { GrowthState } from '../game/state.js';
import { journal } from '../journal/append.js';
import { appendEvent } from '../store/event-log.js';
import { eventNow } from './growth.js';

export interface PlayedRound {
  readonly mode: PlayMode;
  readonly score: number;
  /** When the round ended. */
  readonly at: number;
}

export interface PlayedRecord {
  readonly event: GameEvent;
  /** Whether the log took the event (when not, the caller hands it to the next fold). */
  readonly appended: boolean;
  /** The mode's best before this round (0 before the first). */
  readonly bestBefore: number;
  readonly newBest: boolean;
}

/** The event a finished round is recorded as. */
export function playedEvent(round: PlayedRound): GameEvent {
  return { ...eventNow('played', round.at), score: round.score, mode: round.mode };
}

/** The mode's best so far in a growth (0 before any round). */
export function bestBefore(growth: GrowthState | undefined, mode: PlayMode): number {
  return growth?.play?.best[mode] ?? 0;
}

/**
 * Appends the round to the event log and, on a new best, keeps the result in the journal. `growth` is the
 * growth the round was played against (its best is the one to beat).
 */
export function recordPlayed(
  env: NodeJS.ProcessEnv,
  round: PlayedRound,
  growth: GrowthState | undefined,
  who: { readonly name?: string | undefined; readonly session?: string | undefined } = {},
): PlayedRecord {
  const event = playedEvent(round);
  const appended = appendEvent(env, event);
  const before = bestBefore(growth, round.mode);
  const newBest = isNewBest(round.score, before);
  if (newBest) journal({ at: round.at, source: 'game', text: roundResultText(round.score, before), session: who.session, name: who.name }, env);
  return { event, appended, bestBefore: before, newBest };
}
