// The stored growth's rules: a write must pass each field's rule strictly (240 XP buckets at most, an
// achievement id of 1 to 40 lower-case letters, digits and dashes, a witnessed event of a known kind, a
// level announcement of 2 to 50), a read keeps what passes and lets each bad field fall back on its own,
// and a buddy's growth is dated from its hatch when it has no start of its own.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { EventCursorSchema, growthOf, isGrowthValid, LenientGrowthSchema, toStoredGrowth } from '../../src/store/growth-schema.js';

const HATCHED = '2025-06-01T10:00:00.000Z';
const HATCHED_MS = Date.parse(HATCHED);
const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const base = (): GrowthState => initialGrowth(HATCHED_MS, HATCHED_MS);
const stored = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...toStoredGrowth(base()), ...changes });
const lenient = (changes: Record<string, unknown>) => v.parse(LenientGrowthSchema, stored(changes));
const bucket = (hour: number) => ({ hour, category: 'care', xp: 2 });

describe('a growth written', () => {
  it('holds at most 240 XP buckets: a day of hours for each of the five categories, twice', () => {
    const buckets = (count: number) => Array.from({ length: count }, (_, index) => bucket(index));
    expect(isGrowthValid(stored({ earned: buckets(240) }))).toBe(true);
    expect(isGrowthValid(stored({ earned: buckets(241) }))).toBe(false);
  });

  it('holds buckets with an hour, a category and the XP earned, nothing less', () => {
    expect(isGrowthValid(stored({ earned: [bucket(3)] }))).toBe(true);
    expect(isGrowthValid(stored({ earned: [{}] }))).toBe(false);
    expect(isGrowthValid(stored({ earned: [{ hour: 3, category: 'naps', xp: 2 }] }))).toBe(false);
  });

  it('names achievements by ids of 1 to 40 lower-case letters, digits and dashes', () => {
    expect(isGrowthValid(stored({ achievements: { 'first-pet': 1, ['a'.repeat(40)]: 2, 'level-5': 3 } }))).toBe(true);
    expect(isGrowthValid(stored({ achievements: { ['a'.repeat(41)]: 1 } }))).toBe(false);
    expect(isGrowthValid(stored({ achievements: { 'first-pet!': 1 } }))).toBe(false);
    expect(isGrowthValid(stored({ achievements: { 'First-pet': 1 } }))).toBe(false);
    expect(isGrowthValid(stored({ achievements: { '': 1 } }))).toBe(false);
  });

  it('remembers the last event witnessed only with a known kind and a moment', () => {
    expect(isGrowthValid(stored({ lastWitnessed: { kind: 'session', at: 5 } }))).toBe(true);
    expect(isGrowthValid(stored({ lastWitnessed: { kind: 'bogus', at: 5 } }))).toBe(false);
    expect(isGrowthValid(stored({ lastWitnessed: {} }))).toBe(false);
  });

  it('announces levels 2 to 50 and achievements', () => {
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 2 }, { kind: 'level', level: 50 }, { kind: 'achievement', id: 'first-pet' }] }))).toBe(true);
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 1 }] }))).toBe(false);
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 51 }] }))).toBe(false);
  });

  it('announces tricks learned, by id', () => {
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 2 }, { kind: 'trick', id: 'spin' }] }))).toBe(true);
    expect(isGrowthValid(stored({ pending: [{ kind: 'trick', id: 'Spin!' }] }))).toBe(false);
    expect(isGrowthValid(stored({ pending: [{ kind: 'trick' }] }))).toBe(false);
    expect(lenient({ pending: [{ kind: 'trick', id: 'juggle' }] }).pending).toEqual([{ kind: 'trick', id: 'juggle' }]);
  });
});

describe('a growth read', () => {
  it('keeps announcements, moods, seen ids and buckets that pass', () => {
    const kept = { pending: [{ kind: 'level', level: 3 }], moodsSeen: ['content'], seenIds: ['s1:0:pet'], earned: [bucket(1)] };
    expect(lenient(kept)).toMatchObject(kept);
  });

  it('lets each bad list fall back to empty on its own', () => {
    expect(lenient({ earned: 'x', moodsSeen: ['grumpy'], seenIds: [''], pending: [{ kind: 'nap' }], xp: 12 })).toMatchObject({
      earned: [],
      moodsSeen: [],
      seenIds: [],
      pending: [],
      xp: 12,
    });
  });

  it('drops the buckets that fail, and keeps the last 240 of the rest', () => {
    expect(lenient({ earned: [bucket(1), { hour: -1, category: 'care', xp: 1 }, bucket(2)] }).earned).toEqual([bucket(1), bucket(2)]);
    const many = Array.from({ length: 250 }, (_, index) => bucket(index));
    expect(lenient({ earned: many }).earned).toEqual(many.slice(10));
  });

  it('lets a bad last-witnessed event go, keeping the rest', () => {
    expect(lenient({ lastWitnessed: { kind: 'bogus', at: 5 }, xp: 7 })).toMatchObject({ lastWitnessed: undefined, xp: 7 });
  });
});

describe('growthOf', () => {
  it('starts a buddy stored before growth at level 1 from its hatch, its needs reckoned from now', () => {
    expect(growthOf({ hatchedAt: HATCHED }, NOW)).toEqual(initialGrowth(HATCHED_MS, NOW));
  });

  it('starts from now when the hatch date is no date, or before 1970', () => {
    expect(growthOf({ hatchedAt: 'not a date' }, NOW).startedAt).toBe(NOW);
    expect(growthOf({ hatchedAt: '1969-12-31T23:59:59.000Z' }, NOW).startedAt).toBe(NOW);
    expect(growthOf({ hatchedAt: '1970-01-01T00:00:00.000Z' }, NOW).startedAt).toBe(0);
  });

  it('reads a start or a needs moment of 0 (a repaired field) as the hatch and now', () => {
    const growth = v.parse(LenientGrowthSchema, stored({ startedAt: 0, needsAt: 0 }));
    expect(growthOf({ hatchedAt: HATCHED, growth }, NOW)).toMatchObject({ startedAt: HATCHED_MS, needsAt: NOW });
    const own = v.parse(LenientGrowthSchema, stored({ startedAt: 1, needsAt: 1 }));
    expect(growthOf({ hatchedAt: HATCHED, growth: own }, NOW)).toMatchObject({ startedAt: 1, needsAt: 1 });
  });

  it('fills in counters a stored growth lacks', () => {
    const growth = v.parse(LenientGrowthSchema, stored({ counts: { pets: 4 } }));
    expect(growthOf({ hatchedAt: HATCHED, growth }, NOW).counts).toEqual({ ...base().counts, pets: 4 });
  });
});

describe('toStoredGrowth', () => {
  it('keeps every list and every claim', () => {
    const state: GrowthState = {
      ...base(),
      earned: [bucket(1) as GrowthState['earned'][number]],
      moodsSeen: ['content'],
      seenIds: ['s1:0:pet'],
      pending: [{ kind: 'level', level: 2 }],
      claims: { 'welcome-back': 5 },
    };
    expect(toStoredGrowth(state)).toEqual(state);
    expect(isGrowthValid(toStoredGrowth(state))).toBe(true);
  });
});

describe('the event log position', () => {
  it('names a file by 1 to 100 characters and an offset of 0 or more, for the log and the one before it', () => {
    expect(v.is(EventCursorSchema, { offset: 0 })).toBe(true);
    expect(v.is(EventCursorSchema, { file: 'x'.repeat(100), offset: 3, previous: { file: 'y', offset: 0 } })).toBe(true);
    expect(v.is(EventCursorSchema, { file: 'x'.repeat(101), offset: 3 })).toBe(false);
    expect(v.is(EventCursorSchema, { file: '', offset: 3 })).toBe(false);
    expect(v.is(EventCursorSchema, { offset: -1 })).toBe(false);
    expect(v.is(EventCursorSchema, {})).toBe(false);
    expect(v.is(EventCursorSchema, { offset: 0, previous: { file: 'y' } })).toBe(false);
    expect(v.is(EventCursorSchema, { offset: 0, previous: { file: '', offset: 0 } })).toBe(false);
  });
});
