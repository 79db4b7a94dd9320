// Fair growth, as pure folds with literal numbers: events outside the hatch-to-now window count for
// nothing, the caps hold however the log was written (out of order, by hand, 4,000 lines), a clock that
// ran a month ahead and came back costs nothing (the streak and the daily bonus go on by the real clock),
// a time-based achievement needs a later look at the clock, a full buddy turns a snack down, and the caps
// say when they held XP back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, localDay, MINUTE_MS } from '../../src/game/clock.js';
import type { GameEvent } from '../../src/game/events.js';
import { atTheClock, FUTURE_SLACK_MS } from '../../src/game/fair.js';
import { foldGrowth, type FoldOptions } from '../../src/game/fold.js';
import { levelForXp } from '../../src/game/levels.js';
import { moodOf } from '../../src/game/mood.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { growthViewAt } from '../../src/game/view.js';
import { at, event, START } from './simulate.js';

const ON: FoldOptions = { careOn: true, shiny: false };
const fresh = (): GrowthState => initialGrowth(START, START);
const clock = (now: number, offsetMinutes = 0) => ({ now, offsetMinutes });

describe('what a fold takes in', () => {
  const noon = at(2, 12, 0);

  it('turns away an event dated before the hatch, to the millisecond', () => {
    const hatched = initialGrowth(noon, noon);
    const before = foldGrowth(hatched, [event('talk', noon - 1)], clock(noon + MINUTE_MS), ON);
    expect(before.state).toMatchObject({ xp: 0, counts: { talks: 0 } });
    expect(before.turnedAway).toEqual([{ event: event('talk', noon - 1), why: 'beforeHatch' }]);
    const at0 = foldGrowth(hatched, [event('talk', noon)], clock(noon + MINUTE_MS), ON);
    expect(at0.state).toMatchObject({ xp: 18, counts: { talks: 1 } });
    expect(at0.turnedAway).toEqual([]);
  });

  it('turns away an event dated more than five minutes beyond the clock', () => {
    expect(FUTURE_SLACK_MS).toBe(5 * MINUTE_MS);
    const within = foldGrowth(fresh(), [event('pet', noon + 5 * MINUTE_MS)], clock(noon), ON);
    expect(within.state).toMatchObject({ xp: 12, counts: { pets: 1 } });
    const beyond = foldGrowth(fresh(), [event('pet', noon + 5 * MINUTE_MS + 1)], clock(noon), ON);
    expect(beyond.state).toMatchObject({ xp: 0, counts: { pets: 0 } });
    expect(beyond.turnedAway.map((item) => item.why)).toEqual(['future']);
  });

  it('a 4,000-line hand-written log, two days interleaved, earns 85 XP, not level 50', () => {
    // Fixes dated two days apart, one line each, alternating: the old fold forgot each day's caps when
    // it read a line of the other, and gave 4,000 × 25 XP.
    const log: GameEvent[] = Array.from({ length: 4_000 }, (_, index) => event('recovered', index % 2 === 0 ? at(8, 12, 0) : at(10, 12, 0)));
    const result = foldGrowth(fresh(), log, clock(at(10, 12, 1)), ON);
    // 25 for the first line of day 8, then day 10's hourly coding cap (60); day 8 is then too old to weigh.
    expect(result.state.xp).toBe(85);
    expect(levelForXp(result.state.xp)).toBe(2);
    expect(result.state.counts.recoveries).toBe(4_000);
    expect(result.capped.filter((item) => item.limit === 'late')).toHaveLength(1_999);
  });

  it('however a log is ordered, no 24 hours earn more than the cap', () => {
    const span = 3 * DAY_MS;
    const bound = 400 * Math.ceil(span / DAY_MS + 1);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('pet', 'feed', 'talk', 'recovered', 'session', 'bigDiff' as const), fc.integer({ min: 0, max: span })), { maxLength: 600 }), (lines) => {
        const log = lines.map(([kind, offset]) => event(kind, at(1, 0, 0) + offset));
        const state = foldGrowth(fresh(), log, clock(at(1, 0, 0) + span), ON).state;
        return state.xp <= bound;
      }),
      { numRuns: 60 },
    );
  });
});

describe('a clock a month ahead, then right again', () => {
  const careAt = (state: GrowthState, moment: number) => foldGrowth(state, [event('pet', moment)], clock(moment), ON).state;

  it('keeps the streak going and the daily bonus coming by the real clock', () => {
    const day0 = careAt(fresh(), at(0, 9, 0));
    const day1 = careAt(day0, at(1, 9, 0));
    expect(day1).toMatchObject({ xp: 24, streak: { current: 2, best: 2 } });
    // One run with the clock a month ahead: it breaks the streak there, and takes that day's bonus.
    const ahead = careAt(day1, at(31, 9, 0));
    expect(ahead).toMatchObject({ xp: 36, streak: { current: 1, best: 2, lastDay: localDay(at(31, 9, 0), 0) } });
    // The clock is right again on day 2: the care given ahead counts as today's, the streak it broke is back.
    const day2 = careAt(ahead, at(2, 9, 0));
    expect(day2).toMatchObject({ xp: 38, streak: { current: 3, best: 3, lastDay: localDay(at(2, 9, 0), 0) } });
    expect(growthViewAt(day2, clock(at(2, 10, 0)), true).streak).toBe(3);
    const day3 = careAt(day2, at(3, 9, 0));
    expect(day3).toMatchObject({ xp: 50, streak: { current: 4, best: 4 } });
  });

  it('is read the same by a view that does not fold', () => {
    const ahead = careAt(careAt(careAt(fresh(), at(0, 9, 0)), at(1, 9, 0)), at(31, 9, 0));
    expect(growthViewAt(ahead, clock(at(1, 18, 0)), true).streak).toBe(2);
  });

  it('never blocks XP: the caps forget what was earned beyond the clock', () => {
    // A month ahead, the day's cap reached.
    const loop = Array.from({ length: 8 * 20 }, (_, index) => event('recovered', at(31, 0, 0) + index * 3 * MINUTE_MS));
    const ahead = foldGrowth(careAt(fresh(), at(0, 9, 0)), loop, clock(at(31, 8, 0)), ON).state;
    expect(ahead.xp).toBe(12 + 400);
    const back = foldGrowth(ahead, [event('recovered', at(1, 9, 0))], clock(at(1, 9, 1)), ON).state;
    expect(back.xp).toBe(12 + 400 + 25);
  });

  it('does not leave the mood unable to worry for a month', () => {
    const ahead = foldGrowth(fresh(), [event('recovered', at(31, 9, 0))], clock(at(31, 9, 0)), ON).state;
    const back = foldGrowth(ahead, [event('testsFailed', at(1, 9, 0))], clock(at(1, 9, 1)), ON).state;
    expect(moodOf(back, clock(at(1, 9, 5)), true)).toBe('worried');
  });

  it('dates achievements earned ahead, and the hatch itself, at the moment the clock is right again', () => {
    const ahead = careAt(initialGrowth(at(31, 8, 0), at(31, 8, 0)), at(31, 9, 0));
    expect(ahead.achievements['first-pet']).toBe(at(31, 9, 0));
    const read = atTheClock(ahead, clock(at(1, 9, 0)));
    expect(read).toMatchObject({ startedAt: at(1, 9, 0), lastCareAt: at(1, 9, 0), achievements: { 'first-pet': at(1, 9, 0) } });
    // Nothing beyond the clock: read as it is.
    expect(atTheClock(ahead, clock(at(31, 9, 0)))).toBe(ahead);
  });
});

describe('time-based achievements need a later look at the clock', () => {
  const lastCare = at(0, 12, 0);
  const cared = (): GrowthState => foldGrowth(fresh(), [event('pet', lastCare)], clock(lastCare), ON).state;

  it('welcome back: one run a month ahead claims it, the right clock lets the claim go', () => {
    const ahead = foldGrowth(cared(), [event('pet', at(31, 12, 0))], clock(at(31, 12, 0)), ON);
    expect(ahead.announced).toEqual([]);
    expect(ahead.state.claims).toEqual({ 'welcome-back': at(31, 12, 0) });
    const back = foldGrowth(ahead.state, [], clock(at(1, 12, 0)), ON);
    expect(back.state.achievements['welcome-back']).toBeUndefined();
    expect(back.state.claims).toEqual({});
    expect(back.announced).toEqual([]);
  });

  it('welcome back: a real week away is confirmed by the next fold, dated at the care', () => {
    const returned = foldGrowth(cared(), [event('pet', at(8, 12, 0))], clock(at(8, 12, 0)), ON).state;
    const next = foldGrowth(returned, [], clock(at(8, 12, 0) + MINUTE_MS), ON);
    expect(next.announced).toEqual([{ kind: 'achievement', id: 'welcome-back' }, { kind: 'item', id: 'feather' }]);
    expect(next.state.achievements['welcome-back']).toBe(at(8, 12, 0));
  });

  it('one year: a run a year ahead does not unlock it', () => {
    const ahead = foldGrowth(fresh(), [], clock(START + 366 * DAY_MS), ON).state;
    expect(ahead.claims).toEqual({ 'one-year': START + 366 * DAY_MS });
    const back = foldGrowth(ahead, [], clock(START + 10 * DAY_MS), ON).state;
    expect(back.achievements['one-year']).toBeUndefined();
    expect(foldGrowth(back, [], clock(START + 10 * DAY_MS + HOUR_MS), ON).state.achievements['one-year']).toBeUndefined();
  });
});

describe('a snack for a full buddy', () => {
  const noon = at(1, 12, 0);

  it('is turned down at 100 % as shown (99.5 and up): no XP, no count, no streak', () => {
    const full = { ...fresh(), fullness: 99.5, needsAt: noon };
    const result = foldGrowth(full, [event('feed', noon)], clock(noon), ON);
    expect(result.state).toMatchObject({ xp: 0, counts: { feeds: 0 }, streak: { current: 0 } });
    expect(result.turnedAway.map((item) => item.why)).toEqual(['full']);
  });

  it('is eaten at 99 % as shown', () => {
    const almost = { ...fresh(), fullness: 99.4, needsAt: noon };
    const result = foldGrowth(almost, [event('feed', noon)], clock(noon), ON);
    expect(result.state).toMatchObject({ xp: 15, counts: { feeds: 1 }, fullness: 100 });
    expect(result.turnedAway).toEqual([]);
  });

  it('is eaten with care off, where there are no needs', () => {
    const result = foldGrowth({ ...fresh(), fullness: 100, needsAt: noon }, [event('feed', noon)], clock(noon), { careOn: false, shiny: false });
    expect(result.state).toMatchObject({ xp: 15, counts: { feeds: 1 } });
  });

  it('a second snack right after a first that filled it is turned down', () => {
    const result = foldGrowth({ ...fresh(), fullness: 60, needsAt: noon }, [event('feed', noon), event('feed', noon + 1_000)], clock(noon + 2_000), ON);
    expect(result.state.counts.feeds).toBe(1);
    expect(result.state.xp).toBe(15);
  });
});

describe('the caps say when they held XP back', () => {
  const noon = at(1, 12, 0);

  it('names the hourly cap of the category, and the cap over 24 hours', () => {
    const pets = Array.from({ length: 11 }, (_, index) => event('pet', noon + index * MINUTE_MS));
    const hour = foldGrowth(fresh(), pets, clock(noon + 11 * MINUTE_MS), ON);
    // 10 pets fill the 20 XP an hour; the 11th earns nothing.
    expect(hour.state.xp).toBe(20 + 10);
    expect(hour.capped).toEqual([{ event: pets[10], limit: 'hour' }]);

    const loop = Array.from({ length: 7 * 20 }, (_, index) => event('recovered', at(1, 0, 0) + index * 3 * MINUTE_MS));
    const day = foldGrowth(fresh(), [...loop, event('talk', at(1, 7, 30))], clock(at(1, 7, 30)), ON);
    expect(day.state.xp).toBe(400);
    expect(day.capped.at(-1)).toEqual({ event: event('talk', at(1, 7, 30)), limit: 'day' });
  });
});
