// The growth rules, one at a time: the level curve, needs, moods, XP caps, streaks across time zones, a
// clock going backwards, a year without use, care switched off, and events counted once.
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, localDate, localDay, localHour, MINUTE_MS } from '../../src/game/clock.js';
import { formatEventLine, parseEventLines } from '../../src/game/events.js';
import { foldGrowth } from '../../src/game/fold.js';
import { levelForXp, levelProgress, MAX_LEVEL, stageForLevel, xpForLevel } from '../../src/game/levels.js';
import { moodOf } from '../../src/game/mood.js';
import { energyAt, fullnessAfter, FULL } from '../../src/game/needs.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { announcementText, growthViewAt, moodPhrase } from '../../src/game/view.js';
import { witnessedKinds } from '../../src/game/witness.js';
import { DAILY_CAP, DAILY_CARE_BONUS, HOURLY_CAP } from '../../src/game/xp.js';
import { at, event, START, witnessed } from './simulate.js';

const ON = { careOn: true, shiny: false };
const OFF = { careOn: false, shiny: false };
const fresh = (): GrowthState => initialGrowth(START, START);
const clock = (now: number, offsetMinutes = 0) => ({ now, offsetMinutes });

describe('the level curve', () => {
  it('costs 40 XP more for each level: 40, 120, 240 … 49,000 for level 50', () => {
    expect([1, 2, 3, 4, 10, 25, 40, 50].map(xpForLevel)).toEqual([0, 40, 120, 240, 1_800, 12_000, 31_200, 49_000]);
    for (let level = 2; level <= MAX_LEVEL; level++) expect(xpForLevel(level) - xpForLevel(level - 1)).toBe(40 * (level - 1));
  });

  it('reads levels on both sides of every threshold, and stops at 50', () => {
    for (let level = 2; level <= MAX_LEVEL; level++) {
      expect(levelForXp(xpForLevel(level) - 1)).toBe(level - 1);
      expect(levelForXp(xpForLevel(level))).toBe(level);
    }
    expect(levelForXp(10_000_000)).toBe(MAX_LEVEL);
    expect(levelProgress(10_000_000).levelSize).toBeUndefined();
    expect(levelProgress(130)).toMatchObject({ level: 3, intoLevel: 10, levelSize: 120 });
  });

  it('grows through the stages at 10, 25 and 40', () => {
    expect([1, 9, 10, 24, 25, 39, 40, 50].map(stageForLevel)).toEqual(['hatchling', 'hatchling', 'young', 'young', 'adult', 'adult', 'elder', 'elder']);
  });
});

describe('needs', () => {
  it('fullness empties in a day and never goes below empty or back up by itself', () => {
    expect(fullnessAfter(FULL, DAY_MS / 2)).toBe(50);
    expect(fullnessAfter(FULL, DAY_MS)).toBe(0);
    expect(fullnessAfter(FULL, 365 * DAY_MS)).toBe(0);
    expect(fullnessAfter(40, -DAY_MS)).toBe(40);
  });

  it('energy follows the local clock: low in the small hours, high in the day', () => {
    expect(energyAt(at(0, 3, 0), 0)).toBeLessThan(30);
    expect(energyAt(at(0, 11, 0), 0)).toBeGreaterThan(80);
    // The same moment is the small hours in one zone and the morning in another.
    const moment = at(0, 3, 0);
    expect(energyAt(moment, 8 * 60)).toBeGreaterThan(80);
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const energy = energyAt(START + minute * MINUTE_MS, 0);
      expect(energy).toBeGreaterThanOrEqual(0);
      expect(energy).toBeLessThanOrEqual(100);
    }
  });
});

describe('mood', () => {
  const noon = at(0, 12, 0);

  it('is content when nothing is going on, hungry when empty, sleepy at night', () => {
    expect(moodOf(fresh(), clock(noon), true)).toBe('content');
    const empty = { ...fresh(), fullness: 0, needsAt: noon };
    expect(moodOf(empty, clock(noon), true)).toBe('hungry');
    expect(moodOf(fresh(), clock(at(0, 3, 0)), true)).toBe('sleepy');
  });

  it('cheers up at once when cared for, however hungry or sleepy', () => {
    const empty = { ...fresh(), fullness: 0, needsAt: noon };
    const petted = foldGrowth(empty, [event('pet', noon)], clock(noon + MINUTE_MS), ON).state;
    expect(moodOf(petted, clock(noon + MINUTE_MS), true)).toBe('cheerful');
    const night = foldGrowth(fresh(), [event('talk', at(0, 3, 0))], clock(at(0, 3, 1)), ON).state;
    expect(moodOf(night, clock(at(0, 3, 1)), true)).toBe('cheerful');
  });

  it('worries after failures and errors, cheers when they are fixed, dozes after a long silence', () => {
    const erred = foldGrowth(fresh(), [witnessed('error', noon)], clock(noon), ON).state;
    expect(moodOf(erred, clock(noon + 5 * MINUTE_MS), true)).toBe('worried');
    const failed = foldGrowth(fresh(), [witnessed('testsFailed', noon)], clock(noon), ON).state;
    expect(moodOf(failed, clock(noon + 5 * MINUTE_MS), true)).toBe('worried');
    expect(moodOf(failed, clock(noon + 30 * MINUTE_MS), true)).toBe('content');
    const fixed = foldGrowth(failed, [witnessed('recovered', noon + 10 * MINUTE_MS)], clock(noon + 11 * MINUTE_MS), ON).state;
    expect(moodOf(fixed, clock(noon + 11 * MINUTE_MS), true)).toBe('cheerful');
    const quiet = foldGrowth(fresh(), [witnessed('longSilence', noon)], clock(noon), ON).state;
    expect(moodOf(quiet, clock(noon + 10 * MINUTE_MS), true)).toBe('sleepy');
  });

  it('with care off, never nags: not hungry, not sleepy for want of energy', () => {
    const empty = { ...fresh(), fullness: 0, needsAt: noon };
    expect(moodOf(empty, clock(noon), false)).toBe('content');
    expect(moodOf(fresh(), clock(at(0, 3, 0)), false)).toBe('content');
  });

  it('tells the talk prompt how it feels', () => {
    const view = growthViewAt(foldGrowth(fresh(), [event('pet', noon)], clock(noon), ON).state, clock(noon), true);
    expect(moodPhrase(view)).toBe(`cheerful (fullness ${view.needs!.fullness}%, energy ${view.needs!.energy}%); level 1, a hatchling`);
    expect(moodPhrase({ ...view, careOn: false, needs: undefined, mood: 'content', level: 30, stage: 'adult' })).toBe('content; level 30, an adult');
  });
});

describe('XP and its caps', () => {
  it('earns for care, talk and coding, and a bonus for the first care of the day', () => {
    const noon = at(0, 12, 0);
    const state = foldGrowth(fresh(), [event('pet', noon), event('feed', noon + 1), event('talk', noon + 2), witnessed('recovered', noon + 3), witnessed('error', noon + 4)], clock(noon + 5), ON).state;
    expect(state.xp).toBe(2 + 5 + 8 + 25 + DAILY_CARE_BONUS);
  });

  it('counts each kind of event in its own counter, and a shiny in none', () => {
    const noon = at(0, 12, 0);
    const kinds = ['pet', 'feed', 'talk', 'session', 'recovered', 'testsFailed', 'error', 'bigDiff', 'longSilence'] as const;
    const state = foldGrowth(fresh(), [...kinds.map((kind, index) => witnessed(kind, noon + index)), event('sawShiny', noon + 20)], clock(noon + 30), ON).state;
    expect(state.counts).toEqual({ pets: 1, feeds: 1, talks: 1, sessions: 1, recoveries: 1, failures: 1, errors: 1, bigDiffs: 1, silences: 1 });
  });

  it('fills the belly only with a snack', () => {
    const noon = at(0, 12, 0);
    const hungry = { ...fresh(), fullness: 10, needsAt: noon };
    const others = foldGrowth(hungry, ['pet', 'talk', 'session', 'recovered'].map((kind) => event(kind as 'pet', noon)), clock(noon), ON).state;
    expect(others.fullness).toBe(10);
    expect(foldGrowth(hungry, [event('feed', noon)], clock(noon), ON).state.fullness).toBe(60);
  });

  it('mashing p for an hour earns the hourly care cap, no more', () => {
    const mash = Array.from({ length: 1_000 }, (_, index) => event('pet', at(0, 12, 0) + index * 3_000));
    const state = foldGrowth(fresh(), mash, clock(at(0, 13, 0)), ON).state;
    expect(state.xp).toBe(HOURLY_CAP.care + DAILY_CARE_BONUS);
    expect(state.counts.pets).toBe(1_000);
  });

  it('a script looping every minute for a week earns at most the daily cap each day', () => {
    const loop = [];
    for (let minute = 0; minute < 7 * 24 * 60; minute++) {
      const moment = START + minute * MINUTE_MS;
      loop.push(event('talk', moment), event('pet', moment), witnessed('recovered', moment), witnessed('session', moment));
    }
    const state = foldGrowth(fresh(), loop, clock(START + 7 * DAY_MS), ON).state;
    expect(state.xp).toBeLessThanOrEqual(7 * DAILY_CAP);
    expect(state.xp).toBeGreaterThan(6 * DAILY_CAP);
  });
});

describe('streaks across days and time zones', () => {
  const careAt = (day: number, hour: number, offset = 0) => event('pet', at(day, hour, 0, offset), offset);

  it('counts days in a row and restarts after a missed day, keeping the best', () => {
    const state = foldGrowth(fresh(), [careAt(0, 9), careAt(1, 9), careAt(2, 23), careAt(4, 9), careAt(5, 9)], clock(at(5, 10, 0)), ON).state;
    expect(state.streak).toMatchObject({ current: 2, best: 3 });
    expect(growthViewAt(state, clock(at(6, 23, 0)), true).streak).toBe(2);
    expect(growthViewAt(state, clock(at(7, 0, 30)), true).streak).toBe(0);
  });

  it('follows the local day: 23:30 and 00:30 local are two days, whatever UTC says', () => {
    const tokyo = 9 * 60;
    const state = foldGrowth(fresh(), [careAt(0, 23, tokyo), event('pet', at(1, 0, 30, tokyo), tokyo)], clock(at(1, 1, 0, tokyo), tokyo), ON).state;
    expect(state.streak.current).toBe(2);
    expect(localDate(at(1, 0, 30, tokyo), tokyo)).toBe('2026-03-03');
  });

  it('survives a flight west (the same local day twice) and east (a short day) without losing the streak', () => {
    const tokyo = 9 * 60;
    const newYork = -5 * 60;
    // Day 0 and 1 in Tokyo, then a flight to New York: day 1 again in local time, then day 2.
    const events = [careAt(0, 20, tokyo), careAt(1, 8, tokyo), event('pet', at(1, 18, 0, newYork), newYork), event('pet', at(2, 9, 0, newYork), newYork)];
    const west = foldGrowth(fresh(), events, clock(at(2, 10, 0, newYork), newYork), ON).state;
    expect(west.streak).toMatchObject({ current: 3, best: 3 });
    // And back east: from New York's evening to Tokyo's next morning.
    const east = foldGrowth(west, [event('pet', at(3, 21, 0, newYork), newYork), careAt(5, 8, tokyo)], clock(at(5, 9, 0, tokyo), tokyo), ON).state;
    expect(east.streak.current).toBe(5);
  });

  it('keeps each day in its own zone: the time-of-day achievements read the local hour of the event', () => {
    const tokyo = 9 * 60;
    // 01:30 in Tokyo is 16:30 UTC the day before.
    const claimed = foldGrowth(fresh(), [event('talk', at(1, 1, 30, tokyo), tokyo)], clock(at(1, 2, 0, tokyo), tokyo), ON).state;
    const state = foldGrowth(claimed, [], clock(at(1, 2, 1, tokyo), tokyo), ON).state;
    expect(localHour(at(1, 1, 30, tokyo), 0)).toBe(16);
    expect(state.achievements['night-owl']).toBe(at(1, 1, 30, tokyo));
  });
});

describe('a clock going backwards', () => {
  it('loses nothing, counts nothing twice and keeps needs in range when events arrive out of order', () => {
    const noon = at(3, 12, 0);
    const events = [event('feed', noon), event('pet', noon - 2 * HOUR_MS), event('pet', noon - 3 * DAY_MS), event('talk', noon + HOUR_MS), event('pet', noon - 40 * DAY_MS)];
    const result = foldGrowth(fresh(), events, clock(noon + HOUR_MS), ON);
    const state = result.state;
    // The pet dated 40 days back is from before the hatch: it counts for nothing.
    expect(state.counts).toMatchObject({ feeds: 1, pets: 2, talks: 1 });
    expect(result.turnedAway).toEqual([{ event: events[4], why: 'beforeHatch' }]);
    expect(state.xp).toBeGreaterThan(0);
    expect(state.fullness).toBeGreaterThanOrEqual(0);
    expect(state.fullness).toBeLessThanOrEqual(FULL);
    // The streak never moves backwards.
    expect(state.streak.lastDay).toBe(localDay(noon + HOUR_MS, 0));
    // Read by a clock set back 41 days, it shows the same level and sane needs.
    const view = growthViewAt(state, clock(noon - 41 * DAY_MS), true);
    expect(view.level).toBe(levelForXp(state.xp));
    expect(view.needs!.fullness).toBeGreaterThanOrEqual(0);
  });

  it('reckons the needs again from a clock set back by more than a day, and ignores a small step back', () => {
    const noon = at(3, 12, 0);
    const fed = { ...fresh(), fullness: 50, needsAt: noon };
    const stepBack = foldGrowth(fed, [event('pet', noon - HOUR_MS)], clock(noon - HOUR_MS), ON).state;
    expect(stepBack).toMatchObject({ fullness: 50, needsAt: noon });
    const setBack = foldGrowth(fed, [event('pet', noon - 3 * DAY_MS)], clock(noon - 3 * DAY_MS), ON).state;
    expect(setBack).toMatchObject({ fullness: 50, needsAt: noon - 3 * DAY_MS });
    // Time then runs on from the new reckoning.
    expect(foldGrowth(setBack, [], clock(noon - 3 * DAY_MS + DAY_MS / 2), ON).state.fullness).toBe(0);
  });

  it('a clock set back and forth keeps the caps: no more than the daily cap in a day', () => {
    const events = [];
    for (let index = 0; index < 2_000; index++) events.push(event('talk', at(0, 12, 0) + (index % 2 === 0 ? 1 : -1) * (index % 50) * MINUTE_MS));
    const state = foldGrowth(fresh(), events, clock(at(0, 13, 0)), ON).state;
    expect(state.xp).toBeLessThanOrEqual(DAILY_CAP + DAILY_CARE_BONUS);
  });

  it('a clock that jumped a year ahead and came back does not block XP', () => {
    const ahead = foldGrowth(fresh(), [event('talk', at(365, 12, 0))], clock(at(365, 12, 0)), ON).state;
    const back = foldGrowth(ahead, [event('talk', at(1, 12, 0))], clock(at(1, 12, 1)), ON).state;
    expect(back.xp).toBe(ahead.xp + 8);
  });
});

describe('a year without use', () => {
  const lastSeen = at(10, 18, 0);
  const yearLater = at(375, 18, 0);
  let before: GrowthState;
  beforeEach(() => {
    before = foldGrowth(fresh(), [event('pet', at(10, 9, 0)), event('feed', at(10, 9, 1)), event('talk', at(10, 9, 2))], clock(lastSeen), ON).state;
  });

  it('keeps every level and achievement; it only looks hungry', () => {
    const idle = foldGrowth(before, [], clock(yearLater), ON).state;
    expect(idle.xp).toBe(before.xp);
    expect(Object.keys(idle.achievements)).toEqual(expect.arrayContaining(Object.keys(before.achievements)));
    const view = growthViewAt(idle, clock(yearLater), true);
    expect(view.needs!.fullness).toBe(0);
    expect(view.mood).toBe('hungry');
    expect(view.streak).toBe(0);
    expect(view.bestStreak).toBe(1);
  });

  it('cheers up at once when cared for, says welcome back, and marks the year at the next look at the clock', () => {
    const result = foldGrowth(before, [event('pet', yearLater)], clock(yearLater + MINUTE_MS), ON);
    expect(moodOf(result.state, clock(yearLater + MINUTE_MS), true)).toBe('cheerful');
    expect(result.state.claims).toEqual({ 'welcome-back': yearLater, 'one-year': yearLater });
    const next = foldGrowth(result.state, [], clock(yearLater + 2 * MINUTE_MS), ON);
    const ids = next.announced.filter((item) => item.kind === 'achievement').map((item) => (item as { id: string }).id);
    expect(ids).toEqual(['welcome-back', 'one-year']);
    expect(next.state.achievements).toMatchObject({ 'welcome-back': yearLater, 'one-year': yearLater });
    expect(result.state.streak.current).toBe(1);
  });
});

describe('care off', () => {
  it('holds the needs full and earns levels and achievements silently', () => {
    const noon = at(0, 12, 0);
    const state = foldGrowth({ ...fresh(), fullness: 3 }, [event('pet', noon), event('feed', noon)], clock(noon + 2 * DAY_MS), OFF).state;
    expect(state.fullness).toBe(FULL);
    expect(state.xp).toBe(2 + 5 + DAILY_CARE_BONUS);
    expect(state.achievements['first-pet']).toBe(noon);
    expect(state.achievements['full-belly']).toBeUndefined();
    expect(growthViewAt(state, clock(noon), false).needs).toBeUndefined();
  });
});

describe('events counted once', () => {
  it('folds an event with an id once, however often it was written', () => {
    const twice = witnessed('recovered', at(0, 12, 0));
    const state = foldGrowth(fresh(), [twice, twice, { ...twice }], clock(at(0, 12, 1)), ON).state;
    expect(state.counts.recoveries).toBe(1);
    expect(state.xp).toBe(25);
    const later = foldGrowth(state, [twice], clock(at(0, 13, 0)), ON).state;
    expect(later.counts.recoveries).toBe(1);
  });

  it('writes and reads event lines, skipping torn and foreign ones', () => {
    const line = formatEventLine({ kind: 'pet', at: 1_700_000_000_000, offsetMinutes: -300 });
    expect(line).toBe('{"k":"pet","at":1700000000000,"tz":-300}\n');
    const withId = formatEventLine({ kind: 'bigDiff', at: 5, offsetMinutes: 60, id: 's:1:bigDiff' });
    const text = `${line}{"k":"pet","at":1\n${withId}not json\n{"k":"fly","at":1,"tz":0}\n{"k":"pet","at":-1,"tz":0}\n{"k":"pet","at":1,"tz":9999}\n`;
    expect(parseEventLines(text)).toEqual([
      { kind: 'pet', at: 1_700_000_000_000, offsetMinutes: -300 },
      { kind: 'bigDiff', at: 5, offsetMinutes: 60, id: 's:1:bigDiff' },
    ]);
  });
});

describe('what a statusline refresh witnessed', () => {
  it('turns signals into events once each, with failing tests fixed as a recovery', () => {
    expect(witnessedKinds({ failuresBefore: 0, signals: ['testsFailed', 'error', 'testsFailed', 'testsPassed', 'bigDiff'], silenceNoticed: false, firstLook: true })).toEqual([
      'session', 'testsFailed', 'error', 'recovered', 'bigDiff',
    ]);
    expect(witnessedKinds({ failuresBefore: 2, signals: ['testsPassed'], silenceNoticed: false, firstLook: false })).toEqual(['recovered']);
    expect(witnessedKinds({ failuresBefore: 0, signals: ['testsPassed'], silenceNoticed: true, firstLook: false })).toEqual(['longSilence']);
  });
});

describe('announcements', () => {
  it('names the level, the new stage, and the achievement', () => {
    expect(announcementText({ kind: 'level', level: 2 }, 'Pip')).toBe('Level up! Pip is level 2.');
    expect(announcementText({ kind: 'level', level: 10 }, 'Pip')).toBe('Level up! Pip is level 10. Pip is not a hatchling any more!');
    expect(announcementText({ kind: 'level', level: 25 }, 'Pip')).toBe('Level up! Pip is level 25. Pip is all grown up!');
    expect(announcementText({ kind: 'level', level: 40 }, 'Pip')).toBe('Level up! Pip is level 40. Pip is an elder now!');
    expect(announcementText({ kind: 'achievement', id: 'first-pet' }, 'Pip')).toBe('Achievement: First pet. You pet it for the first time.');
    expect(announcementText({ kind: 'achievement', id: 'shiny' }, 'Pip')).toBe('Achievement: Shiny! Saw a shiny buddy.');
    expect(announcementText({ kind: 'achievement', id: 'from-a-newer-version' }, 'Pip')).toBeUndefined();
  });
});
