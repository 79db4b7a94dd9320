// The stored wardrobe and mini-game fields: read leniently (unknown ids, bad moments and a worn item that
// is not unlocked or not of its slot are dropped, never an error), written strictly.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { initialGrowth } from '../../src/game/state.js';
import { isGrowthValid, LenientGrowthSchema, toStoredGrowth } from '../../src/store/growth-schema.js';

const AT = Date.parse('2026-03-02T12:00:00.000Z');
const stored = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...toStoredGrowth(initialGrowth(AT)), ...changes });
const lenient = (changes: Record<string, unknown>) => v.parse(LenientGrowthSchema, stored(changes));

describe('the stored wardrobe', () => {
  it('keeps known items and what is worn of them', () => {
    const wardrobe = { unlocked: { bow: AT, rose: AT }, worn: { head: 'bow', card: 'rose' } };
    expect(lenient({ wardrobe }).wardrobe).toEqual(wardrobe);
    expect(isGrowthValid(stored({ wardrobe }))).toBe(true);
  });

  it('drops unknown ids, bad moments, and a worn item not unlocked or not of its slot', () => {
    const read = lenient({ wardrobe: { unlocked: { bow: AT, crown: AT, cap: -1, rose: AT }, worn: { head: 'rose', card: 'gold' } } });
    expect(read.wardrobe).toEqual({ unlocked: { bow: AT, rose: AT }, worn: {} });
    expect(lenient({ wardrobe: { unlocked: { bow: AT }, worn: { head: 'cap' } } }).wardrobe).toEqual({ unlocked: { bow: AT }, worn: {} });
    expect(lenient({ wardrobe: 'lots' }).wardrobe).toBeUndefined();
    expect(lenient({ wardrobe: { unlocked: 3, worn: [] } }).wardrobe).toEqual({ unlocked: {}, worn: {} });
  });

  it('refuses to write a worn item that is not unlocked, or an unknown one', () => {
    expect(isGrowthValid(stored({ wardrobe: { unlocked: { bow: AT }, worn: { head: 'cap' } } }))).toBe(false);
    expect(isGrowthValid(stored({ wardrobe: { unlocked: { crown: AT }, worn: {} } }))).toBe(false);
    expect(isGrowthValid(stored({ wardrobe: { unlocked: { rose: AT }, worn: { head: 'rose' } } }))).toBe(false);
  });

  it('reads the mini-game leniently and announcements of items', () => {
    expect(lenient({ play: { rounds: 3, best: { live: 4, turns: 9 } } }).play).toEqual({ rounds: 3, best: { live: 4, turns: 9 } });
    // A damaged count or best falls back alone (docs/minigame.md): the rest of the record is kept.
    expect(lenient({ play: { rounds: -1 } }).play).toEqual({ rounds: 0, best: { live: 0, turns: 0 } });
    expect(lenient({ pending: [{ kind: 'item', id: 'bow' }] }).pending).toEqual([{ kind: 'item', id: 'bow' }]);
  });
});
