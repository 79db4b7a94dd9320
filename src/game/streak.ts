// The care streak: local days in a row with at least one care. A day earlier than the last (a flight west,
// a clock set back) changes nothing; care within 24 hours of the last continues it even across a skipped
// date (a flight east); a missed day starts it again at 1 and keeps the streak it broke, so that a break
// caused by a clock that ran ahead can be undone once the clock is right again (see fair.ts).
import { DAY_MS, localDay, type Clock } from './clock.js';
import type { BrokenStreak, Streak } from './state.js';

export interface StreakStep {
  readonly streak: Streak;
  /** The care fell on a day after the last one (it earns the daily bonus). */
  readonly newDay: boolean;
}

/** The streak after care at `at` on local day `day`; `lastCareAt` is the latest care before it. */
export function keepStreak(streak: Streak, day: number, at: number, lastCareAt: number | undefined): StreakStep {
  const last = streak.lastDay ?? -Infinity;
  // The same day, or a day before the last (a clock set back, a time zone to the west): nothing changes.
  if (day <= last) return { streak, newDay: false };
  const continues = day === last + 1 || (lastCareAt !== undefined && at - lastCareAt < DAY_MS);
  if (continues) {
    const current = streak.current + 1;
    return { streak: { ...streak, current, best: Math.max(streak.best, current), lastDay: day }, newDay: true };
  }
  const broken: BrokenStreak | undefined =
    streak.lastDay === undefined ? undefined : { current: streak.current, lastDay: streak.lastDay, ...(lastCareAt === undefined ? {} : { lastCareAt }), resetAt: at };
  return { streak: { current: 1, best: Math.max(streak.best, 1), lastDay: day, ...(broken ? { broken } : {}) }, newDay: true };
}

/**
 * The streak when its last care (`lastCareAt`) lies beyond `latest`, the last moment the clock allows:
 * that care was given under a clock that ran ahead, and it is taken as care given now. If the run that
 * care belongs to began beyond `latest` too, the streak it broke comes back first; otherwise the run
 * keeps its count and its last day becomes today.
 */
export function streakFromTheFuture(streak: Streak, lastCareAt: number, latest: number, clock: Clock): Streak {
  if (lastCareAt <= latest) return streak;
  const today = localDay(clock.now, clock.offsetMinutes);
  const broken = streak.broken;
  if (broken && broken.resetAt > latest && (broken.lastCareAt === undefined || broken.lastCareAt <= latest)) {
    const before: Streak = { current: broken.current, best: streak.best, lastDay: broken.lastDay };
    return keepStreak(before, today, clock.now, broken.lastCareAt).streak;
  }
  // A broken streak of no use here (it, too, lies beyond the clock) is let go, so it can never come back later.
  const { broken: _dropped, ...kept } = streak;
  const keep = broken !== undefined && broken.resetAt <= latest && (broken.lastCareAt === undefined || broken.lastCareAt <= latest);
  return { ...kept, ...(keep ? { broken } : {}), lastDay: Math.min(streak.lastDay ?? today, today) };
}
