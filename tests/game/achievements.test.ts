// Each achievement on both sides of what earns it (docs/growth.md): counts one short of the goal and at it,
// the hours of the time-of-day ones, a full belly, a week away, levels, streaks, a shiny, every mood and a
// year; how far along the locked ones are; and the table's text and ids as `buddy achievements` and the
// stored config use them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_BY_ID, ACHIEVEMENTS } from '../../src/game/achievements.js';
import { DAY_MS, MINUTE_MS } from '../../src/game/clock.js';
import type { EventKind, GameEvent } from '../../src/game/events.js';
import { foldGrowth, type FoldOptions } from '../../src/game/fold.js';
import { initialGrowth, type GrowthState, type Mood } from '../../src/game/state.js';
import { at, event, START, witnessed } from './simulate.js';

const ON: FoldOptions = { careOn: true, shiny: false };
const fresh = (): GrowthState => initialGrowth(START, START);
const clock = (now: number, offsetMinutes = 0) => ({ now, offsetMinutes });
const CODING: ReadonlySet<EventKind> = new Set(['session', 'recovered', 'bigDiff', 'longSilence']);

/**
 * `count` events of a kind, one a minute from noon on day 0 (coding ones carry ids, as the statusline
 * writes them); snacks twelve hours apart, as a full buddy turns them down.
 */
function series(kind: EventKind, count: number): GameEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const moment = at(0, 12, 0) + index * (kind === 'feed' ? DAY_MS / 2 : MINUTE_MS);
    return CODING.has(kind) ? witnessed(kind, moment) : event(kind, moment);
  });
}

/** Folds up to the last event, then looks at the clock once more (which confirms the time-based achievements). */
function foldUntil(events: readonly GameEvent[], state: GrowthState = fresh(), options: FoldOptions = ON): GrowthState {
  const last = events.at(-1)?.at ?? at(0, 12, 0);
  return foldGrowth(foldGrowth(state, events, clock(last), options).state, [], clock(last), options).state;
}

describe('achievements for counts', () => {
  const counted: ReadonlyArray<readonly [string, EventKind, number]> = [
    ['first-pet', 'pet', 1],
    ['pets-100', 'pet', 100],
    ['first-snack', 'feed', 1],
    ['snacks-50', 'feed', 50],
    ['first-words', 'talk', 1],
    ['talks-50', 'talk', 50],
    ['first-session', 'session', 1],
    ['sessions-50', 'session', 50],
    ['red-to-green', 'recovered', 1],
    ['fixes-10', 'recovered', 10],
    ['big-diff', 'bigDiff', 1],
    ['quiet-company', 'longSilence', 1],
  ];

  for (const [id, kind, goal] of counted) {
    it(`${id}: not at ${goal - 1} × ${kind}, earned at the ${goal}th, dated then`, () => {
      const events = series(kind, goal);
      const short = foldUntil(events.slice(0, -1));
      expect(short.achievements[id]).toBeUndefined();
      const reached = foldGrowth(short, events.slice(-1), clock(events.at(-1)!.at + MINUTE_MS), ON).state;
      expect(reached.achievements[id]).toBe(events.at(-1)!.at);
    });
  }

  it('keeps the date it was first earned', () => {
    const state = foldUntil(series('pet', 3));
    expect(state.achievements['first-pet']).toBe(at(0, 12, 0));
  });

  it('events that count nothing earn nothing', () => {
    const state = foldUntil([witnessed('testsFailed', at(0, 12, 0)), witnessed('error', at(0, 12, 1))]);
    expect(state.achievements).toEqual({});
  });
});

describe('achievements for the time of day', () => {
  const newYork = -5 * 60;
  const earnedAt = (kind: EventKind, hour: number, minute: number, id: string): boolean => {
    const moment = at(0, hour, minute, newYork);
    const claimed = foldGrowth(fresh(), [event(kind, moment, newYork)], clock(moment, newYork), ON).state;
    // Claimed by the fold that took the event, earned by the next look at the clock, dated at the event.
    expect(claimed.achievements[id]).toBeUndefined();
    const earned = foldGrowth(claimed, [], clock(moment + MINUTE_MS, newYork), ON).state.achievements[id];
    if (earned !== undefined) expect(earned).toBe(moment);
    return earned !== undefined;
  };

  it('night owl: a conversation from midnight to just before 4 a.m., local time', () => {
    expect([[0, 0], [1, 30], [3, 59]].map(([hour, minute]) => earnedAt('talk', hour!, minute!, 'night-owl'))).toEqual([true, true, true]);
    expect(earnedAt('talk', 4, 0, 'night-owl')).toBe(false);
    expect(earnedAt('talk', 23, 59, 'night-owl')).toBe(false);
  });

  it('night owl: only a conversation counts, not a pet or a snack', () => {
    expect(earnedAt('pet', 1, 0, 'night-owl')).toBe(false);
    expect(earnedAt('feed', 1, 0, 'night-owl')).toBe(false);
  });

  it('early bird: any care from 5 to just before 7 a.m., local time', () => {
    expect(earnedAt('pet', 4, 59, 'early-bird')).toBe(false);
    expect(earnedAt('pet', 5, 0, 'early-bird')).toBe(true);
    expect(earnedAt('feed', 6, 0, 'early-bird')).toBe(true);
    expect(earnedAt('talk', 6, 59, 'early-bird')).toBe(true);
    expect(earnedAt('pet', 7, 0, 'early-bird')).toBe(false);
  });

  it('early bird: coding and a shiny at dawn are not care', () => {
    expect(earnedAt('session', 5, 30, 'early-bird')).toBe(false);
    expect(earnedAt('sawShiny', 5, 30, 'early-bird')).toBe(false);
  });
});

describe('full belly', () => {
  const noon = at(0, 12, 0);
  const fedFrom = (fullness: number, kind: EventKind = 'feed', options: FoldOptions = ON) =>
    foldGrowth({ ...fresh(), fullness, needsAt: noon }, [event(kind, noon)], clock(noon), options).state.achievements['full-belly'];

  it('is earned by the snack that fills it to 100 %, not by one that leaves it at 99 %', () => {
    expect(fedFrom(49)).toBeUndefined();
    expect(fedFrom(50)).toBe(noon);
    expect(fedFrom(90)).toBe(noon);
  });

  it('needs a snack: petting a full buddy does not earn it', () => {
    expect(fedFrom(100, 'pet')).toBeUndefined();
  });

  it('needs care on: with no needs there is no belly to fill', () => {
    expect(fedFrom(100, 'feed', { careOn: false, shiny: false })).toBeUndefined();
  });
});

describe('welcome back', () => {
  const lastCare = at(0, 12, 0);
  const cared = (): GrowthState => foldUntil([event('pet', lastCare)]);

  it('is earned by care a week or more after the last care, not a moment sooner', () => {
    const week = lastCare + 7 * DAY_MS;
    expect(foldUntil([event('pet', week - 1)], cared()).achievements['welcome-back']).toBeUndefined();
    expect(foldUntil([event('talk', week)], cared()).achievements['welcome-back']).toBe(week);
  });

  it('needs care: coding seen after a week away does not count, the care after it does', () => {
    const away = lastCare + 8 * DAY_MS;
    const coded = foldUntil([witnessed('session', away)], cared());
    expect(coded.achievements['welcome-back']).toBeUndefined();
    expect(foldUntil([event('feed', away + MINUTE_MS)], coded).achievements['welcome-back']).toBe(away + MINUTE_MS);
  });

  it('is not earned by the very first care, however long after the hatch', () => {
    expect(foldUntil([event('pet', at(40, 12, 0))]).achievements['welcome-back']).toBeUndefined();
  });
});

describe('levels and streaks', () => {
  const noon = at(0, 12, 0);
  const withXp = (xp: number) => foldGrowth({ ...fresh(), xp }, [], clock(noon), ON).state.achievements;

  it('each level achievement comes at exactly the XP of its level', () => {
    const thresholds: ReadonlyArray<readonly [string, number]> = [['level-5', 400], ['level-10', 1_800], ['level-25', 12_000], ['level-40', 31_200], ['level-50', 49_000]];
    for (const [id, xp] of thresholds) {
      expect(withXp(xp - 1)[id], `${id} at ${xp - 1} XP`).toBeUndefined();
      expect(withXp(xp)[id], `${id} at ${xp} XP`).toBe(noon);
    }
  });

  it('streaks of three and seven days, not one day sooner', () => {
    const days = (count: number) => foldUntil(Array.from({ length: count }, (_, day) => event('pet', at(day, 9, 0))));
    expect(days(2).achievements['streak-3']).toBeUndefined();
    expect(days(3).achievements['streak-3']).toBe(at(2, 9, 0));
    expect(days(6).achievements['streak-7']).toBeUndefined();
    expect(days(7).achievements['streak-7']).toBe(at(6, 9, 0));
  });
});

describe('shiny, every mood and a year', () => {
  const noon = at(0, 12, 0);

  it('shiny: its own shiny earns it at the next fold; any shiny seen earns it when seen; nothing else does', () => {
    expect(foldGrowth(fresh(), [], clock(noon), { careOn: true, shiny: true }).state.achievements.shiny).toBe(noon);
    expect(foldGrowth(fresh(), [event('pet', noon)], clock(noon), ON).state.achievements.shiny).toBeUndefined();
    expect(foldGrowth(fresh(), [event('sawShiny', noon)], clock(noon + MINUTE_MS), ON).state.achievements.shiny).toBe(noon);
  });

  it('many moods: all five seen, not four', () => {
    // At noon with a comfortable belly it is content, so a fold adds nothing new to four seen moods.
    const seen = (moodsSeen: Mood[]) => foldGrowth({ ...fresh(), fullness: 80, needsAt: noon, moodsSeen }, [], clock(noon), ON).state;
    const four = seen(['cheerful', 'content', 'hungry', 'sleepy']);
    expect(four.moodsSeen).toHaveLength(4);
    expect(four.achievements['every-mood']).toBeUndefined();
    expect(seen(['cheerful', 'content', 'hungry', 'sleepy', 'worried']).achievements['every-mood']).toBe(noon);
  });

  it('one year: 365 days after the hatch, not a moment sooner, confirmed by the next look at the clock', () => {
    const year = START + 365 * DAY_MS;
    const lookTwice = (moment: number) => foldGrowth(foldGrowth(fresh(), [], clock(moment), ON).state, [], clock(moment + MINUTE_MS), ON).state;
    expect(lookTwice(year - MINUTE_MS - 1).achievements['one-year']).toBeUndefined();
    expect(foldGrowth(fresh(), [], clock(year), ON).state).toMatchObject({ achievements: {}, claims: { 'one-year': year } });
    expect(lookTwice(year).achievements['one-year']).toBe(year);
  });
});

describe('how far along a locked achievement is', () => {
  const progress = (id: string, state: GrowthState) => ACHIEVEMENT_BY_ID.get(id)!.progress!(state);
  const counts = (pets: number) => ({ ...fresh().counts, pets });

  it('counts up to the goal and stops there', () => {
    expect(progress('pets-100', { ...fresh(), counts: counts(30) })).toEqual([30, 100]);
    expect(progress('pets-100', { ...fresh(), counts: counts(150) })).toEqual([100, 100]);
  });

  it('reads levels, the best streak and the moods seen', () => {
    expect(progress('level-10', { ...fresh(), xp: 400 })).toEqual([5, 10]);
    expect(progress('level-10', { ...fresh(), xp: 49_000 })).toEqual([10, 10]);
    expect(progress('streak-7', { ...fresh(), streak: { current: 1, best: 4, lastDay: 3 } })).toEqual([4, 7]);
    expect(progress('streak-7', { ...fresh(), streak: { current: 40, best: 40, lastDay: 3 } })).toEqual([7, 7]);
    expect(progress('every-mood', { ...fresh(), moodsSeen: ['cheerful', 'hungry', 'sleepy'] })).toEqual([3, 5]);
  });

  it('has no measure for the ones earned in one moment', () => {
    const without = ACHIEVEMENTS.filter((achievement) => achievement.progress === undefined).map((achievement) => achievement.id);
    expect(without).toEqual(['full-belly', 'night-owl', 'early-bird', 'welcome-back', 'shiny', 'one-year']);
  });
});

describe('the table as it is shown and stored', () => {
  it('keeps the ids earned achievements are stored under', () => {
    expect(ACHIEVEMENTS.map((achievement) => achievement.id)).toEqual([
      'first-pet', 'pets-100', 'first-snack', 'snacks-50', 'full-belly', 'first-words', 'talks-50', 'night-owl', 'early-bird',
      'streak-3', 'streak-7', 'streak-30', 'welcome-back', 'first-session', 'sessions-50', 'red-to-green', 'fixes-10', 'big-diff',
      'quiet-company', 'level-5', 'level-10', 'level-25', 'level-40', 'level-50', 'shiny', 'every-mood', 'one-year',
    ]);
    for (const achievement of ACHIEVEMENTS) expect(ACHIEVEMENT_BY_ID.get(achievement.id)).toBe(achievement);
  });

  it('gives each a distinct name, a one-line description and a hint for when it is locked', () => {
    for (const { id, name, description, hint } of ACHIEVEMENTS) {
      expect(name.trim(), id).not.toBe('');
      expect(description, id).toMatch(/^[A-Z][^\n]*[.!]$/);
      expect(hint.trim(), id).not.toBe('');
      expect(hint, id).not.toContain('\n');
    }
    expect(new Set(ACHIEVEMENTS.map((achievement) => achievement.name)).size).toBe(ACHIEVEMENTS.length);
  });

  it('names each one exactly as docs/growth.md does', () => {
    const docs = readFileSync(new URL('../../docs/growth.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## Achievements'), docs.indexOf('Each is stored with'));
    const documented = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| name') && !line.startsWith('| ---'))
      .flatMap((line) => line.split('|')[1]!.split(',').map((name) => name.trim()));
    expect([...documented].sort()).toEqual(ACHIEVEMENTS.map((achievement) => achievement.name).sort());
  });
});
