// Growth as it reads at the clock's moment: growth stamped beyond the clock (left by a run whose clock ran
// ahead) is read as stamped now, never as a lock-out (see fair.ts). Apart from fair.ts so that every face,
// the statusline too, reads growth this way without loading the achievements. Pure: the clock is passed in.
import { hourIndex, MINUTE_MS, type Clock } from './clock.js';
import type { GrowthState, XpBucket } from './state.js';
import { streakFromTheFuture } from './streak.js';

/** How far past the clock a moment may lie and still count as now (another process read its clock a little later). */
export const FUTURE_SLACK_MS = 5 * MINUTE_MS;

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
