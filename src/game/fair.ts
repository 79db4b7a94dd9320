// Fair play with the clock and the log. An event counts only between the hatch and the clock (a few
// minutes of slack for processes reading the time a moment apart); growth stamped beyond the clock (left
// by a run whose clock ran ahead) is read as stamped now, never as a lock-out; and the time-based
// achievements wait for a later look at the clock to confirm them. Pure: the clock is passed in.
import { ACHIEVEMENT_BY_ID } from './achievements.js';
import { hourIndex, MINUTE_MS, type Clock } from './clock.js';
import type { GameEvent } from './events.js';
import type { Announcement, GrowthState, XpBucket } from './state.js';
import { streakFromTheFuture } from './streak.js';

/** How far past the clock a moment may lie and still count as now (another process read its clock a little later). */
export const FUTURE_SLACK_MS = 5 * MINUTE_MS;

/** Why the fold turned an event away: dated before the hatch, beyond the clock, or a snack for a full buddy. */
export type TurnedAway = 'beforeHatch' | 'future' | 'full';

/** Whether an event may count at all, by its date alone. */
export function admission(event: GameEvent, startedAt: number, now: number): TurnedAway | undefined {
  if (event.at < startedAt) return 'beforeHatch';
  if (event.at > now + FUTURE_SLACK_MS) return 'future';
  return undefined;
}

/** XP buckets beyond the clock stop counting (the XP itself stays: nothing is taken away). */
function bucketsAtTheClock(earned: readonly XpBucket[], latest: number): readonly XpBucket[] {
  const lastHour = hourIndex(latest);
  return earned.some((bucket) => bucket.hour > lastHour) ? earned.filter((bucket) => bucket.hour <= lastHour) : earned;
}

/**
 * Growth as it reads at the clock's moment: every moment stamped beyond the clock (the last care, when
 * achievements were earned, the hatch itself) is taken as now, and the streak the last care made is
 * mended (streak.ts); XP buckets and what it witnessed beyond the clock are let go. The needs keep their
 * own reckoning (fold.ts). Unchanged when nothing lies beyond the clock.
 */
export function atTheClock(state: GrowthState, clock: Clock): GrowthState {
  const latest = clock.now + FUTURE_SLACK_MS;
  const now = clock.now;
  const beyond = (moment: number | undefined): boolean => moment !== undefined && moment > latest;
  let next = state;
  if (beyond(next.startedAt)) next = { ...next, startedAt: now };
  if (beyond(next.lastCareAt)) next = { ...next, streak: streakFromTheFuture(next.streak, next.lastCareAt!, latest, clock), lastCareAt: now };
  // What it witnessed ahead stops colouring its mood (taken as now, it would outweigh what it sees next).
  if (next.lastWitnessed && beyond(next.lastWitnessed.at)) {
    const { lastWitnessed: _ahead, ...rest } = next;
    next = rest;
  }
  if (Object.values(next.achievements).some(beyond)) {
    next = { ...next, achievements: Object.fromEntries(Object.entries(next.achievements).map(([id, at]) => [id, beyond(at) ? now : at])) };
  }
  const earned = bucketsAtTheClock(next.earned, latest);
  if (earned !== next.earned) next = { ...next, earned };
  return next;
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
