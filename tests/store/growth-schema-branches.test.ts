// The stored tally and branches: written strictly (counts, known stages and branches), read leniently (a
// damaged tally starts again, a damaged branch alone is let go and the others kept), and a level
// announcement may carry the branch its stage grew into.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { initialGrowth } from '../../src/game/state.js';
import { isGrowthValid, LenientGrowthSchema, toStoredGrowth } from '../../src/store/growth-schema.js';

const stored = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...toStoredGrowth(initialGrowth(1_000, 1_000)), ...changes });
const lenient = (changes: Record<string, unknown>) => v.parse(LenientGrowthSchema, stored(changes));

describe('a tally and branches written', () => {
  it('holds a tally of whole counts and known branches of known stages', () => {
    expect(isGrowthValid(stored({ raising: { care: 3, work: 2, night: 1 }, branches: { young: 'care', adult: 'night', elder: 'balanced' } }))).toBe(true);
    expect(isGrowthValid(stored({}))).toBe(true);
    expect(isGrowthValid(stored({ raising: { care: -1, work: 2, night: 1 } }))).toBe(false);
    expect(isGrowthValid(stored({ raising: { care: 1.5, work: 2, night: 1 } }))).toBe(false);
    expect(isGrowthValid(stored({ raising: { care: 1, work: 2 } }))).toBe(false);
    expect(isGrowthValid(stored({ branches: { young: 'sporty' } }))).toBe(false);
    expect(isGrowthValid(stored({ branches: 'care' }))).toBe(false);
  });

  it('lets a level announcement carry a known branch', () => {
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 10, branch: 'work' }] }))).toBe(true);
    expect(isGrowthValid(stored({ pending: [{ kind: 'level', level: 10, branch: 'sporty' }] }))).toBe(false);
  });
});

describe('a tally and branches read', () => {
  it('keeps them as written', () => {
    const read = lenient({ raising: { care: 3, work: 2, night: 1 }, branches: { young: 'care', adult: 'work' } });
    expect(read.raising).toEqual({ care: 3, work: 2, night: 1 });
    expect(read.branches).toEqual({ young: 'care', adult: 'work' });
  });

  it('starts a damaged tally again, keeping everything else', () => {
    const read = lenient({ raising: { care: 'lots' }, xp: 2_000, branches: { young: 'care' } });
    expect(read.raising).toBeUndefined();
    expect(read.xp).toBe(2_000);
    expect(read.branches).toEqual({ young: 'care' });
  });

  it('lets a damaged branch go alone, and damaged branches all at once', () => {
    const read = lenient({ branches: { young: 'care', adult: 'sporty', elder: 7 } });
    expect(read.branches?.young).toBe('care');
    expect(read.branches?.adult).toBeUndefined();
    expect(read.branches?.elder).toBeUndefined();
    expect(Object.values(lenient({ branches: ['care'] }).branches ?? {}).filter(Boolean)).toEqual([]);
    expect(lenient({ branches: null }).branches).toBeUndefined();
  });

  it('reads growth stored before branches, with neither', () => {
    const read = lenient({});
    expect(read.raising).toBeUndefined();
    expect(read.branches).toBeUndefined();
  });
});
