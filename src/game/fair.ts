// Fair play with the clock and the log. An event counts only between the hatch and the clock (a few
// minutes of slack for processes reading the time a moment apart); growth stamped beyond the clock (left
// by a run whose clock ran ahead) is read as stamped now, never as a lock-out; and the time-based
// achievements wait for a later look at the clock to confirm them. Pure: the clock is passed in.
import { ACHIEVEMENT_BY_ID } from './achievements.js';
import { FUTURE_SLACK_MS } from './at-the-clock.js';
import type { Clock } from './clock.js';
import type { GameEvent } from './events.js';
import type { Announcement, GrowthState } from './state.js';

// Reading growth at the clock (atTheClock) lives apart, so the statusline can ask it without the achievements.
export { atTheClock, FUTURE_SLACK_MS } from './at-the-clock.js';

/** Why the fold turned an event away: dated before the hatch, beyond the clock, or a snack for a full buddy. */
export type TurnedAway = 'beforeHatch' | 'future' | 'full';

/** Whether an event may count at all, by its date alone. */
export function admission(event: GameEvent, startedAt: number, now: number): TurnedAway | undefined {
  if (event.at < startedAt) return 'beforeHatch';
  if (event.at > now + FUTURE_SLACK_MS) return 'future';
  return undefined;
}

/**
 * The time-based achievements an earlier fold claimed: each one whose moment the clock has reached is
 * earned, dated then; one still beyond the clock came from a clock that ran ahead and is let go.
 */
export function confirmClaims(state: GrowthState, clock: Clock): { readonly state: GrowthState; readonly earned: Announcement[] } {
  const claims = Object.entries(state.claims);
  if (claims.length === 0) return { state, earned: [] };
  const latest = clock.now + FUTURE_SLACK_MS;
  const achievements = { ...state.achievements };
  const earned: Announcement[] = [];
  for (const [id, at] of claims) {
    if (at > latest || achievements[id] !== undefined || !ACHIEVEMENT_BY_ID.has(id)) continue;
    achievements[id] = at;
    earned.push({ kind: 'achievement', id });
  }
  return { state: { ...state, achievements, claims: {} }, earned };
}
