// The daily greeting's chooser: the most telling true fact, in its order (yesterday's green runs, then
// yesterday's sessions, then a live streak of two days or more, then a remembered fact, then hello), each
// edge from both sides, and the same fact all day.
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/game/clock.js';
import { chooseDailyFact, DAILY_STREAK_MIN, type DailyInputs } from '../../src/game/daily.js';

// 2026-12-06 10:00 UTC: local day 20428 at offset 0.
const NOW = Date.UTC(2026, 11, 6, 10);
const TODAY = Math.floor(NOW / DAY_MS);
const NONE = { sessions: 0, failed: 0, green: 0 };
const base: DailyInputs = { now: NOW, offsetMinutes: 0, yesterday: NONE, streak: undefined, remembered: [] };
const choose = (over: Partial<DailyInputs>) => chooseDailyFact({ ...base, ...over });

describe('chooseDailyFact', () => {
  it('needs two days for a streak', () => {
    expect(DAILY_STREAK_MIN).toBe(2);
  });

  it('says hello when nothing is known', () => {
    expect(choose({})).toEqual({ kind: 'hello' });
  });

  it('prefers a green run yesterday to everything, with its counts', () => {
    const all = { yesterday: { sessions: 3, failed: 2, green: 1 }, streak: { current: 5, best: 5, lastDay: TODAY - 1 }, remembered: ['a fact'] };
    expect(choose(all)).toEqual({ kind: 'green', sessions: 3, failed: 2, green: 1 });
    expect(choose({ yesterday: { sessions: 0, failed: 0, green: 1 } })).toEqual({ kind: 'green', sessions: 0, failed: 0, green: 1 });
  });

  it('names yesterday\'s sessions when nothing went green, before the streak', () => {
    const streak = { current: 5, best: 5, lastDay: TODAY - 1 };
    expect(choose({ yesterday: { sessions: 1, failed: 4, green: 0 }, streak })).toEqual({ kind: 'sessions', sessions: 1 });
    expect(choose({ yesterday: { sessions: 0, failed: 4, green: 0 }, streak })).toEqual({ kind: 'streak', days: 5, best: true });
  });

  it('names a streak of two days or more, only while it is alive', () => {
    expect(choose({ streak: { current: 0, best: 0 } })).toEqual({ kind: 'hello' });
    expect(choose({ streak: { current: 1, best: 3, lastDay: TODAY } })).toEqual({ kind: 'hello' });
    expect(choose({ streak: { current: 2, best: 3, lastDay: TODAY } })).toEqual({ kind: 'streak', days: 2, best: false });
    expect(choose({ streak: { current: 2, best: 3, lastDay: TODAY - 1 } })).toEqual({ kind: 'streak', days: 2, best: false });
    expect(choose({ streak: { current: 2, best: 3, lastDay: TODAY - 2 } })).toEqual({ kind: 'hello' });
    expect(choose({ streak: { current: 2, best: 3 } })).toEqual({ kind: 'hello' });
  });

  it('calls the streak the best when it is at least the best so far', () => {
    expect(choose({ streak: { current: 4, best: 4, lastDay: TODAY } })).toEqual({ kind: 'streak', days: 4, best: true });
    expect(choose({ streak: { current: 4, best: 3, lastDay: TODAY } })).toEqual({ kind: 'streak', days: 4, best: true });
    expect(choose({ streak: { current: 4, best: 5, lastDay: TODAY } })).toEqual({ kind: 'streak', days: 4, best: false });
  });

  it('reads the day by the local offset', () => {
    // 01:00 UTC on the 6th is still the 5th at UTC-2: the last care on the 4th is then "yesterday".
    const early = Date.UTC(2026, 11, 6, 1);
    const day = Math.floor(early / DAY_MS);
    const streak = { current: 3, best: 3, lastDay: day - 2 };
    expect(choose({ now: early, offsetMinutes: -120, streak })).toEqual({ kind: 'streak', days: 3, best: true });
    expect(choose({ now: early, offsetMinutes: 0, streak })).toEqual({ kind: 'hello' });
  });

  it('takes a remembered fact over hello, a different one each day and the same all day', () => {
    const remembered = ['first', 'second', 'third'];
    expect(choose({ remembered })).toEqual({ kind: 'remembered', text: remembered[TODAY % 3] });
    expect(choose({ remembered, now: NOW + DAY_MS })).toEqual({ kind: 'remembered', text: remembered[(TODAY + 1) % 3] });
    expect(choose({ remembered, now: NOW + 3 * 3_600_000 })).toEqual({ kind: 'remembered', text: remembered[TODAY % 3] });
    expect(choose({ remembered: ['only'] })).toEqual({ kind: 'remembered', text: 'only' });
  });

  it('skips blank facts, and says hello when only blanks are left', () => {
    expect(choose({ remembered: ['  ', ''] })).toEqual({ kind: 'hello' });
    expect(choose({ remembered: [' ', 'kept'] })).toEqual({ kind: 'remembered', text: 'kept' });
  });
});
