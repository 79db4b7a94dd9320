// A month of use in milliseconds: levels, stages, moods, streaks and achievements behave as documented
// (docs/growth.md), and a year of the same steady use reaches level 50.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS } from '../../src/game/achievements.js';
import { DAY_MS, localDate } from '../../src/game/clock.js';
import { levelForXp, stageForLevel } from '../../src/game/levels.js';
import { moodOf } from '../../src/game/mood.js';
import { initialGrowth, MOODS, type Mood } from '../../src/game/state.js';
import { growthViewAt } from '../../src/game/view.js';
import { DAILY_CAP } from '../../src/game/xp.js';
import { at, event, fold, START, steadyDay, witnessed, type Run } from './simulate.js';

const CARE_ON = { careOn: true, shiny: false };

/** Moments of each day the buddy is looked at (local hh:mm): each folds what happened since the last. */
const LOOKS = [[3, 0], [8, 50], [10, 5], [11, 2], [12, 30], [22, 0]] as const;

function simulateMonth(): { run: Run; levels: number[]; moods: Set<Mood>; dailyXp: number[] } {
  let run: Run = { state: initialGrowth(START - DAY_MS), announced: [] };
  const levels: number[] = [];
  const moods = new Set<Mood>();
  const dailyXp: number[] = [];
  for (let day = 0; day < 30; day++) {
    const before = run.state.xp;
    const events = steadyDay(day);
    // Some days bring something more: a talk in the small hours, care at dawn, a long quiet stretch, a shiny.
    if (day === 4) events.unshift(event('talk', at(day, 1, 30)));
    if (day === 5) events.unshift(event('pet', at(day, 6, 15)));
    if (day === 8) events.push(witnessed('longSilence', at(day, 18, 0)), witnessed('error', at(day, 18, 30)));
    if (day === 12) events.push(event('sawShiny', at(day, 12, 0)));
    if (day === 20) events.push(event('feed', at(day, 16, 5)), event('feed', at(day, 16, 6)));
    let folded = 0;
    for (const [hour, minute] of LOOKS) {
      const moment = at(day, hour, minute);
      const due = events.filter((item) => item.at <= moment).length;
      run = fold(run, events.slice(folded, due), { now: moment, offsetMinutes: 0 }, CARE_ON);
      folded = due;
      moods.add(moodOf(run.state, { now: moment, offsetMinutes: 0 }, true));
    }
    run = fold(run, events.slice(folded), { now: at(day, 23, 59), offsetMinutes: 0 }, CARE_ON);
    dailyXp.push(run.state.xp - before);
    levels.push(levelForXp(run.state.xp));
  }
  return { run, levels, moods, dailyXp };
}

describe('a month of steady use', () => {
  // Simulated once for the whole block, inside a hook so that each run sees the code as it is then.
  let run: Run;
  let levels: number[];
  let moods: Set<Mood>;
  let dailyXp: number[];
  beforeAll(() => {
    ({ run, levels, moods, dailyXp } = simulateMonth());
  });

  it('earns about 125 XP a steady day, never more than the daily cap', () => {
    expect(dailyXp[1]).toBe(125);
    for (const xp of dailyXp) expect(xp).toBeLessThanOrEqual(DAILY_CAP);
  });

  it('climbs levels steadily: level 3 at the end of the first day, 10 on day 15, 14 after a month', () => {
    expect(levels[0]).toBe(3);
    expect(levels.findIndex((level) => level >= 10)).toBe(14);
    expect(levels.at(-1)).toBe(14);
    for (let day = 1; day < levels.length; day++) expect(levels[day]).toBeGreaterThanOrEqual(levels[day - 1]!);
  });

  it('grows from hatchling to young at level 10', () => {
    expect(stageForLevel(levels[13]!)).toBe('hatchling');
    expect(stageForLevel(levels[14]!)).toBe('young');
  });

  it('keeps a 30-day streak', () => {
    const view = growthViewAt(run.state, { now: at(29, 22, 0), offsetMinutes: 0 }, true);
    expect(view.streak).toBe(30);
    expect(view.bestStreak).toBe(30);
  });

  it('shows every mood over the month: worried after failures, cheerful when cared for, sleepy at night, hungry before breakfast', () => {
    expect([...moods].sort()).toEqual(['cheerful', 'content', 'hungry', 'sleepy', 'worried']);
    expect([...run.state.moodsSeen].sort()).toEqual([...MOODS].sort());
  });

  it('earns at least twenty achievements, each dated and announced once', () => {
    const earned = Object.keys(run.state.achievements);
    expect(earned.length).toBeGreaterThanOrEqual(20);
    expect(earned.sort()).toEqual(
      [
        'first-pet', 'pets-100', 'first-snack', 'snacks-50', 'full-belly', 'first-words', 'talks-50', 'night-owl', 'early-bird',
        'streak-3', 'streak-7', 'streak-30', 'first-session', 'sessions-50', 'red-to-green', 'fixes-10', 'big-diff',
        'quiet-company', 'level-5', 'level-10', 'shiny', 'every-mood',
      ].sort(),
    );
    const announcedIds = run.announced.filter((item) => item.kind === 'achievement').map((item) => (item as { id: string }).id);
    expect(announcedIds.sort()).toEqual(earned.sort());
    expect(localDate(run.state.achievements['first-pet']!, 0)).toBe('2026-03-02');
    expect(localDate(run.state.achievements['night-owl']!, 0)).toBe('2026-03-06');
    expect(localDate(run.state.achievements['streak-30']!, 0)).toBe('2026-03-31');
    expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(20);
  });

  it('announces every level it reached, once each, in order', () => {
    const announcedLevels = run.announced.filter((item) => item.kind === 'level').map((item) => (item as { level: number }).level);
    expect(announcedLevels).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });
});

describe('a year of steady use', () => {
  it('reaches level 50 in about a year, and not much sooner', () => {
    let run: Run = { state: initialGrowth(START), announced: [] };
    let reached: number | undefined;
    for (let day = 0; day < 400 && reached === undefined; day++) {
      run = fold(run, steadyDay(day), { now: at(day, 23, 0), offsetMinutes: 0 }, CARE_ON);
      if (levelForXp(run.state.xp) === 50) reached = day + 1;
    }
    expect(reached).toBeGreaterThanOrEqual(365);
    expect(reached).toBeLessThanOrEqual(400);
    expect(run.state.achievements['level-50']).toBeDefined();
    expect(run.state.achievements['one-year']).toBeDefined();
  });
});
