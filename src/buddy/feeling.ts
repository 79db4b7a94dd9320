// The buddy's mood now, from its stored growth, for the lines it says: the journal keeps it with each line.
// It is the mood `buddy status` shows at that moment (from growth folded as far as the caller has folded
// it), never the temperament (src/persona/temperament.ts). Light: the hooks ask it on their way.
import { standingAt } from '../game/standing.js';
import type { Mood } from '../game/state.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import { clockAt } from './system-clock.js';

export function moodNow(buddy: StoredBuddy, careOn: boolean, now: number = Date.now()): Mood {
  return standingAt(growthOf(buddy, now), clockAt(now), careOn).mood;
}
