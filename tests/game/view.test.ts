// Growth as it is shown and told: the achievements count, the announcement lines, how each mood is put to
// the talk prompt, and what a statusline refresh counts as witnessed.
import { describe, expect, it } from 'vitest';
import { foldGrowth } from '../../src/game/fold.js';
import { initialGrowth, type Mood } from '../../src/game/state.js';
import { levelProgress } from '../../src/game/levels.js';
import { announcementTexts, capLine, eatsSnack, growthViewAt, levelLine, moodPhrase, needsLine, type GrowthView } from '../../src/game/view.js';
import { witnessedKinds } from '../../src/game/witness.js';
import { at, event, START } from './simulate.js';

const noon = at(0, 12, 0);
const clock = { now: noon, offsetMinutes: 0 };

describe('the achievements count', () => {
  it('counts the ones earned out of all 27', () => {
    const petted = foldGrowth(initialGrowth(START, START), [event('pet', noon)], clock, { careOn: true, shiny: false }).state;
    expect(growthViewAt(petted, clock, true).achievements).toEqual({ earned: 1, total: 27 });
  });

  it('leaves out ids it does not know (earned with a newer version)', () => {
    const state = { ...initialGrowth(START, START), achievements: { 'first-pet': noon, 'from-a-newer-version': noon } };
    expect(growthViewAt(state, clock, true).achievements).toEqual({ earned: 1, total: 27 });
  });
});

describe('announcement lines', () => {
  it('tells each one in order and drops the ones it cannot name', () => {
    const texts = announcementTexts(
      [
        { kind: 'level', level: 2 },
        { kind: 'achievement', id: 'from-a-newer-version' },
        { kind: 'achievement', id: 'streak-7' },
      ],
      'Pip',
    );
    expect(texts).toEqual(['Level up! Pip is level 2.', 'Achievement: A week together. A seven-day care streak.']);
    expect(announcementTexts([], 'Pip')).toEqual([]);
  });
});

describe('how it feels, for the talk prompt', () => {
  const view = (mood: Mood, extra: Partial<GrowthView> = {}): GrowthView => ({ ...growthViewAt(initialGrowth(START, START), clock, true), mood, ...extra });

  it('puts each mood in words, with the needs when care is on', () => {
    const needs = { fullness: 12, energy: 88 };
    expect(moodPhrase(view('hungry', { needs }))).toBe('hungry, and would love a snack (fullness 12%, energy 88%); level 1, a hatchling');
    expect(moodPhrase(view('sleepy', { needs }))).toBe('sleepy (fullness 12%, energy 88%); level 1, a hatchling');
    expect(moodPhrase(view('worried', { needs }))).toBe('a little worried, having just seen something go wrong (fullness 12%, energy 88%); level 1, a hatchling');
    expect(moodPhrase(view('content', { needs: undefined, careOn: false, level: 12, stage: 'young' }))).toBe('content; level 12, a young one');
    expect(moodPhrase(view('cheerful', { needs: undefined, careOn: false, level: 45, stage: 'elder' }))).toBe('cheerful; level 45, an elder');
  });

  it('names every stage with a noun', () => {
    const stages = (['hatchling', 'young', 'adult', 'elder'] as const).map((stage) => moodPhrase(view('content', { needs: undefined, stage })).split('; ')[1]);
    expect(stages).toEqual(['level 1, a hatchling', 'level 1, a young one', 'level 1, an adult', 'level 1, an elder']);
  });
});

describe('what a statusline refresh witnessed', () => {
  it('a big diff is not a failure: tests passing after it are no recovery', () => {
    expect(witnessedKinds({ failuresBefore: 0, signals: ['bigDiff', 'testsPassed'], silenceNoticed: false, firstLook: false })).toEqual(['bigDiff']);
  });

  it('an error is a failure: tests passing after it are a recovery', () => {
    expect(witnessedKinds({ failuresBefore: 0, signals: ['error', 'testsPassed'], silenceNoticed: false, firstLook: false })).toEqual(['error', 'recovered']);
  });

  it('tests passing twice after one failure are one recovery', () => {
    expect(witnessedKinds({ failuresBefore: 1, signals: ['testsPassed', 'testsPassed'], silenceNoticed: false, firstLook: false })).toEqual(['recovered']);
  });
});

describe('the lines the care commands print', () => {
  const base = growthViewAt(initialGrowth(START, START), clock, true);
  const atXp = (xp: number): GrowthView => ({ ...base, ...levelProgress(xp) });

  it('gives the level, the stage and the XP still to go, or the top level', () => {
    expect(levelLine(atXp(12))).toBe('level 1 hatchling · 12/40 XP to level 2');
    // Level L takes 20·(L − 1)·L XP in all (docs/growth.md): level 2 at 40, level 3 at 120.
    expect(levelLine(atXp(40))).toBe('level 2 hatchling · 0/80 XP to level 3');
    expect(levelLine(atXp(119))).toBe('level 2 hatchling · 79/80 XP to level 3');
    const top = levelProgress(10_000_000);
    expect(levelLine({ ...base, ...top })).toBe(`level 50 elder · ${top.xp} XP, the top level`);
  });

  it('gives the needs and the mood with care on, and nothing with care off', () => {
    expect(needsLine({ ...base, needs: { fullness: 80, energy: 95 }, mood: 'cheerful' })).toBe('fullness 80% · energy 95% · cheerful');
    expect(needsLine({ ...base, needs: undefined, careOn: false })).toBeUndefined();
  });

  it('says which cap held XP back, and by how much for the hour, per kind of care', () => {
    expect(capLine('day', 'care')).toBe('XP is capped for the day: 400 XP in any 24 hours. It still counts, and it still loves it.');
    expect(capLine('hour', 'care')).toBe('XP is capped for this hour: care earns at most 20 XP an hour. It still counts.');
    expect(capLine('hour', 'talk')).toBe('XP is capped for this hour: talking earns at most 40 XP an hour. It still counts.');
    expect(capLine('hour', 'coding')).toBe('XP is capped for this hour: coding earns at most 60 XP an hour. It still counts.');
    expect(capLine('hour', 'daily')).toMatch(/^XP is capped for this hour: the daily bonus earns at most \d+ XP an hour\. It still counts\.$/);
    expect(capLine('stale' as Parameters<typeof capLine>[0], 'care')).toBeUndefined();
  });
});

describe('a snack offered', () => {
  const withFullness = (fullness: number) => ({ ...initialGrowth(START, START), fullness, needsAt: noon });

  it('is turned down by a buddy that shows as full, and eaten by one that does not', () => {
    expect(eatsSnack(withFullness(100), true, noon)).toBe(false);
    expect(eatsSnack(withFullness(99.6), true, noon)).toBe(false);
    expect(eatsSnack(withFullness(99.4), true, noon)).toBe(true);
    expect(eatsSnack(withFullness(20), true, noon)).toBe(true);
  });

  it('is always eaten with care off, full or not', () => {
    expect(eatsSnack(withFullness(100), false, noon)).toBe(true);
  });

  it('is eaten once the belly has emptied a little since it was full', () => {
    expect(eatsSnack(withFullness(100), true, noon + 6 * 60 * 60 * 1000)).toBe(true);
  });
});

describe('the streak shown', () => {
  const cared = (lastDayAgo: number) => {
    const today = Math.floor(noon / (24 * 60 * 60 * 1000));
    return { ...initialGrowth(START, START), streak: { current: 4, best: 6, lastDay: today - lastDayAgo } };
  };

  it('runs while the last care was today or yesterday, and is 0 once a day was missed', () => {
    expect(growthViewAt(cared(0), clock, true).streak).toBe(4);
    expect(growthViewAt(cared(1), clock, true).streak).toBe(4);
    expect(growthViewAt(cared(2), clock, true).streak).toBe(0);
    expect(growthViewAt(cared(2), clock, true).bestStreak).toBe(6);
  });
});
