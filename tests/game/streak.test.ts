// The care streak step by step (docs/growth.md, "Streak"): the same or an earlier day changes nothing, the
// next day or care within 24 hours continues it, a missed day starts again at 1 and keeps the run it broke;
// and care given under a clock that ran ahead is taken as care given now, bringing back a run it broke.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, localDay } from '../../src/game/clock.js';
import type { Streak } from '../../src/game/state.js';
import { keepStreak, streakFromTheFuture } from '../../src/game/streak.js';
import { at } from './simulate.js';

const DAY = 100;

describe('keepStreak', () => {
  it('starts the first streak at 1, with nothing broken', () => {
    expect(keepStreak({ current: 0, best: 0 }, DAY, at(0, 9, 0), undefined)).toEqual({ streak: { current: 1, best: 1, lastDay: DAY }, newDay: true });
  });

  it('changes nothing on the same day or a day before the last', () => {
    const streak: Streak = { current: 3, best: 5, lastDay: DAY };
    expect(keepStreak(streak, DAY, at(0, 20, 0), at(0, 9, 0))).toEqual({ streak, newDay: false });
    expect(keepStreak(streak, DAY - 1, at(0, 20, 0), at(0, 9, 0))).toEqual({ streak, newDay: false });
  });

  it('continues on the next day, raising the best only when passed', () => {
    expect(keepStreak({ current: 3, best: 5, lastDay: DAY }, DAY + 1, at(1, 9, 0), at(0, 9, 0)).streak).toEqual({ current: 4, best: 5, lastDay: DAY + 1 });
    expect(keepStreak({ current: 5, best: 5, lastDay: DAY }, DAY + 1, at(1, 9, 0), at(0, 9, 0)).streak).toEqual({ current: 6, best: 6, lastDay: DAY + 1 });
  });

  it('continues across a skipped date when the care comes within 24 hours of the last (a flight east)', () => {
    const last = at(0, 9, 0);
    expect(keepStreak({ current: 3, best: 3, lastDay: DAY }, DAY + 2, last + DAY_MS - 1, last).streak).toEqual({ current: 4, best: 4, lastDay: DAY + 2 });
  });

  it('starts again at 1 after a missed day (24 hours or more), keeping the run it broke', () => {
    const last = at(0, 9, 0);
    const now = last + DAY_MS;
    expect(keepStreak({ current: 3, best: 7, lastDay: DAY }, DAY + 2, now, last)).toEqual({
      streak: { current: 1, best: 7, lastDay: DAY + 2, broken: { current: 3, lastDay: DAY, lastCareAt: last, resetAt: now } },
      newDay: true,
    });
  });

  it('keeps a broken run without its last care when none is known', () => {
    const now = at(3, 9, 0);
    // Strictly: no `lastCareAt` key at all, not one holding undefined.
    expect(keepStreak({ current: 2, best: 2, lastDay: DAY }, DAY + 3, now, undefined).streak).toStrictEqual({
      current: 1,
      best: 2,
      lastDay: DAY + 3,
      broken: { current: 2, lastDay: DAY, resetAt: now },
    });
  });
});

describe('streakFromTheFuture', () => {
  const now = at(10, 12, 0);
  const clock = { now, offsetMinutes: 0 };
  const today = localDay(now, 0);
  const latest = now + HOUR_MS;
  const ahead = latest + 5 * DAY_MS;

  it('leaves a streak whose last care the clock allows exactly as it is', () => {
    const streak: Streak = { current: 4, best: 4, lastDay: today };
    expect(streakFromTheFuture(streak, latest - 1, latest, clock)).toBe(streak);
    expect(streakFromTheFuture(streak, latest, latest, clock)).toBe(streak);
  });

  it('brings back the run that future care broke, continued by care today', () => {
    const broken = { current: 6, lastDay: today - 1, lastCareAt: now - 20 * HOUR_MS, resetAt: latest + 1 };
    expect(streakFromTheFuture({ current: 1, best: 6, lastDay: today + 5, broken }, ahead, latest, clock)).toEqual({ current: 7, best: 7, lastDay: today });
    // Its last care at the very edge the clock allows still counts as the past.
    expect(streakFromTheFuture({ current: 1, best: 6, lastDay: today + 5, broken: { ...broken, lastCareAt: latest } }, ahead, latest, clock).current).toBe(7);
    // A broken run with no known last care comes back too (continued because it ended yesterday).
    const { lastCareAt: _unknown, ...withoutLastCare } = broken;
    expect(streakFromTheFuture({ current: 1, best: 6, lastDay: today + 5, broken: withoutLastCare }, ahead, latest, clock).current).toBe(7);
  });

  it('keeps the run counted and moves its last day back to today when the break was no fault of the clock', () => {
    // Broken at the very edge of what the clock allows: a real break, kept as it is.
    const broken = { current: 6, lastDay: today - 3, lastCareAt: now - 3 * DAY_MS, resetAt: latest };
    expect(streakFromTheFuture({ current: 2, best: 6, lastDay: today + 5, broken }, ahead, latest, clock)).toEqual({ current: 2, best: 6, lastDay: today, broken });
  });

  it('keeps such a real break whether or not its last care is known, even one ended at the edge itself', () => {
    const { lastCareAt: _unknown, ...noLastCare } = { current: 6, lastDay: today - 3, lastCareAt: 0, resetAt: latest - DAY_MS };
    expect(streakFromTheFuture({ current: 2, best: 6, lastDay: today + 5, broken: noLastCare }, ahead, latest, clock).broken).toEqual(noLastCare);
    const atTheEdge = { current: 6, lastDay: today - 3, lastCareAt: latest, resetAt: latest };
    expect(streakFromTheFuture({ current: 2, best: 6, lastDay: today + 5, broken: atTheEdge }, ahead, latest, clock).broken).toEqual(atTheEdge);
  });

  it('lets go a broken run that itself lies beyond the clock, so it can never come back later', () => {
    const broken = { current: 6, lastDay: today + 2, lastCareAt: latest + 1, resetAt: latest + 2 };
    expect(streakFromTheFuture({ current: 2, best: 6, lastDay: today + 5, broken }, ahead, latest, clock)).toEqual({ current: 2, best: 6, lastDay: today });
  });

  it('never moves a last day forward: one before today stays, and none becomes today', () => {
    expect(streakFromTheFuture({ current: 2, best: 2, lastDay: today - 1 }, ahead, latest, clock)).toEqual({ current: 2, best: 2, lastDay: today - 1 });
    expect(streakFromTheFuture({ current: 0, best: 0 }, ahead, latest, clock)).toEqual({ current: 0, best: 0, lastDay: today });
  });
});
