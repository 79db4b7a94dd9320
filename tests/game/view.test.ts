// Growth as it is shown and told: the achievements count, the announcement lines, how each mood is put to
// the talk prompt, and what a statusline refresh counts as witnessed.
import { describe, expect, it } from 'vitest';
import { foldGrowth } from '../../src/game/fold.js';
import { initialGrowth, type Mood } from '../../src/game/state.js';
import { announcementTexts, growthViewAt, moodPhrase, type GrowthView } from '../../src/game/view.js';
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
