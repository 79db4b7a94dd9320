// The tricks and when each is learned: every learning level on both sides of its edge, the order, the next
// trick, what a level-up teaches (announced once by the fold, never for levels already reached), the
// cycle the pet's k key goes through, and the words.
import { describe, expect, it, vi } from 'vitest';
import { foldGrowth } from '../../src/game/fold.js';
import { xpForLevel } from '../../src/game/levels.js';
import { initialGrowth } from '../../src/game/state.js';
import {
  nextTrickAfter,
  nextTrickToPerform,
  noTrickYetText,
  notLearnedYetText,
  trickById,
  trickLearnedText,
  TRICKS,
  tricksLearnedAt,
  tricksLearnedBetween,
  tricksToLearnAt,
} from '../../src/game/tricks.js';
import { announcementText } from '../../src/game/view.js';

const ids = (tricks: readonly { id: string }[]): string[] => tricks.map((trick) => trick.id);
const LEVELS: Record<string, number> = { spin: 2, hop: 4, nap: 7, dance: 10, bow: 14, fetch: 19, juggle: 25, roll: 32, moonwalk: 36, encore: 40 };

describe('the tricks', () => {
  it('are ten, learned at rising levels from 2 to 40, with names and one-line descriptions', async () => {
    // The table is read afresh inside the test: it is built when its module loads, and a table that only
    // ever loads outside a test is measured by no test of its own.
    vi.resetModules();
    const { TRICKS: table } = await import('../../src/game/tricks.js');
    expect(table).toEqual([
      { id: 'spin', name: 'Spin', level: 2, description: 'turns right round on the spot' },
      { id: 'hop', name: 'Hop', level: 4, description: 'hops up and down, as high as it can' },
      { id: 'nap', name: 'Nap', level: 7, description: 'curls up for a short nap on command' },
      { id: 'dance', name: 'Dance', level: 10, description: 'dances from side to side to a little tune' },
      { id: 'bow', name: 'Bow', level: 14, description: 'takes a bow, stars and all' },
      { id: 'fetch', name: 'Fetch', level: 19, description: 'chases a ball and brings it back' },
      { id: 'juggle', name: 'Juggle', level: 25, description: 'juggles three balls over its head' },
      { id: 'roll', name: 'Roll over', level: 32, description: 'rolls right over, upside down and back' },
      { id: 'moonwalk', name: 'Moonwalk', level: 36, description: 'glides backwards while facing forwards' },
      { id: 'encore', name: 'Encore', level: 40, description: 'a little of everything, with fireworks' },
    ]);
    expect(TRICKS.map((trick) => [trick.id, trick.level])).toEqual(Object.entries(LEVELS));
  });

  it('finds a trick by id, and nothing for another word', () => {
    expect(trickById('juggle')?.name).toBe('Juggle');
    expect(trickById('spin')).toBe(TRICKS[0]);
    expect(trickById('Juggle')).toBeUndefined();
    expect(trickById('')).toBeUndefined();
  });

  it.each(Object.entries(LEVELS))('learns %s at level %i, not a level before', (id, level) => {
    expect(ids(tricksLearnedAt(level - 1))).not.toContain(id);
    expect(ids(tricksLearnedAt(level))).toContain(id);
    expect(ids(tricksToLearnAt(level - 1))).toContain(id);
    expect(ids(tricksToLearnAt(level))).not.toContain(id);
    expect(nextTrickAfter(level - 1)?.id).toBe(id);
    expect(nextTrickAfter(level)?.id).not.toBe(id);
  });

  it('lists learned tricks in the order learned, and the ones to come next first', () => {
    expect(tricksLearnedAt(1)).toEqual([]);
    expect(ids(tricksLearnedAt(2))).toEqual(['spin']);
    expect(ids(tricksLearnedAt(13))).toEqual(['spin', 'hop', 'nap', 'dance']);
    expect(ids(tricksToLearnAt(13))).toEqual(['bow', 'fetch', 'juggle', 'roll', 'moonwalk', 'encore']);
    expect(ids(tricksLearnedAt(50))).toEqual(ids(TRICKS));
    expect(tricksToLearnAt(40)).toEqual([]);
    expect(ids(tricksToLearnAt(1))).toEqual(ids(TRICKS));
  });

  it('has a next trick until the last is learned', () => {
    expect(nextTrickAfter(1)?.id).toBe('spin');
    expect(nextTrickAfter(2)?.id).toBe('hop');
    expect(nextTrickAfter(39)?.id).toBe('encore');
    expect(nextTrickAfter(40)).toBeUndefined();
    expect(nextTrickAfter(50)).toBeUndefined();
  });

  it('teaches, on a level-up, the tricks of the levels passed, and nothing otherwise', () => {
    expect(tricksLearnedBetween(1, 2).map((trick) => trick.id)).toEqual(['spin']);
    expect(tricksLearnedBetween(2, 3)).toEqual([]);
    expect(tricksLearnedBetween(3, 4).map((trick) => trick.id)).toEqual(['hop']);
    expect(tricksLearnedBetween(1, 10).map((trick) => trick.id)).toEqual(['spin', 'hop', 'nap', 'dance']);
    expect(tricksLearnedBetween(2, 2)).toEqual([]);
    expect(tricksLearnedBetween(4, 2)).toEqual([]);
    expect(tricksLearnedBetween(39, 50).map((trick) => trick.id)).toEqual(['encore']);
  });
});

describe('the trick the pet performs next', () => {
  const learned = tricksLearnedAt(7);

  it('starts with the first, then cycles through the learned ones in order', () => {
    expect(nextTrickToPerform(learned, undefined)?.id).toBe('spin');
    expect(nextTrickToPerform(learned, 'spin')?.id).toBe('hop');
    expect(nextTrickToPerform(learned, 'hop')?.id).toBe('nap');
    expect(nextTrickToPerform(learned, 'nap')?.id).toBe('spin');
  });

  it('starts again from the first after a trick it does not know, and has none to perform with none learned', () => {
    expect(nextTrickToPerform(learned, 'encore')?.id).toBe('spin');
    expect(nextTrickToPerform(tricksLearnedAt(2), 'spin')?.id).toBe('spin');
    expect(nextTrickToPerform([], undefined)).toBeUndefined();
    expect(nextTrickToPerform([], 'spin')).toBeUndefined();
  });
});

describe('the words', () => {
  const spin = TRICKS[0]!;

  it('announces a trick learned, and how to see it', () => {
    expect(trickLearnedText(spin, 'Pip')).toBe('Pip learned a trick: Spin! Press k in the pet, or run buddy trick spin');
    expect(announcementText({ kind: 'trick', id: 'juggle' }, 'Pip')).toBe('Pip learned a trick: Juggle! Press k in the pet, or run buddy trick juggle');
    expect(announcementText({ kind: 'trick', id: 'cartwheel' }, 'Pip')).toBeUndefined();
  });

  it('says which trick comes first, before any is learned', () => {
    expect(noTrickYetText('Pip', 1)).toBe('Pip knows no tricks yet: Spin comes at level 2.');
    expect(noTrickYetText('Pip', 50)).toBe('Pip knows no tricks.');
  });

  it('says when a trick not learned yet comes', () => {
    expect(notLearnedYetText(TRICKS[6]!, 'Pip', 12)).toBe('Pip has not learned Juggle yet: it comes at level 25 (Pip is level 12).');
  });
});

describe('a level-up announces the tricks it teaches, once', () => {
  const START = Date.UTC(2026, 0, 5, 12);
  const clock = { now: START + 60_000, offsetMinutes: 0 };
  const pet = { kind: 'pet', at: START + 1_000, offsetMinutes: 0 } as const;

  it('announces the level, then the trick, when a level-up teaches one', () => {
    const state = { ...initialGrowth(START), xp: xpForLevel(2) - 2, lastCareAt: START, streak: { current: 1, best: 1, lastDay: 20458 } };
    const { announced } = foldGrowth(state, [pet], clock, { careOn: true, shiny: false });
    const ordered = announced.filter((item) => item.kind === 'level' || item.kind === 'trick');
    expect(ordered).toEqual([
      { kind: 'level', level: 2 },
      { kind: 'trick', id: 'spin' },
    ]);
  });

  it('announces no trick for a level-up that teaches none, and none for tricks of levels already reached', () => {
    const state = { ...initialGrowth(START), xp: xpForLevel(3) - 2, lastCareAt: START, streak: { current: 1, best: 1, lastDay: 20458 } };
    const { announced } = foldGrowth(state, [pet], clock, { careOn: true, shiny: false });
    expect(announced.filter((item) => item.kind === 'level' || item.kind === 'trick')).toEqual([{ kind: 'level', level: 3 }]);
    const grown = { ...initialGrowth(START), xp: xpForLevel(30) };
    expect(foldGrowth(grown, [], clock, { careOn: true, shiny: false }).announced.filter((item) => item.kind === 'trick')).toEqual([]);
  });
});
