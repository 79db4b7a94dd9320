// Invariants of roll v1 over many IDs, and its distribution on a fixed set of IDs.
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../src/engine/chi-square.js';
import { ALL_SPECIES, EYES, HATS, RARITIES, RARITY_FLOOR, RARITY_ODDS, SPECIES_BY_RARITY, STATS } from '../../src/engine/constants.js';
import { speciesOdds } from '../../src/engine/odds.js';
import { rollFromUserId, type Bones } from '../../src/engine/roll.js';

const SAMPLE = Array.from({ length: 20_000 }, (_, i) => rollFromUserId(`property-${i}`));

/** Checks every bone of a roll; returns what is wrong (empty when all is well). */
function violations(bones: Bones): string[] {
  const wrong: string[] = [];
  const floor = RARITY_FLOOR[bones.rarity];
  if (!(SPECIES_BY_RARITY[bones.rarity] as readonly string[]).includes(bones.species)) wrong.push('species outside its tier');
  if (!(EYES as readonly string[]).includes(bones.eye)) wrong.push('unknown eye');
  if (!(HATS as readonly string[]).includes(bones.hat)) wrong.push('unknown hat');
  if (bones.rarity === 'common' && bones.hat !== 'none') wrong.push('common with a hat');
  if (bones.peak === bones.dump) wrong.push('peak equals dump');
  if (!Number.isInteger(bones.inspirationSeed) || bones.inspirationSeed < 0 || bones.inspirationSeed >= 1e9) {
    wrong.push('inspirationSeed out of range');
  }
  for (const stat of STATS) {
    const value = bones.stats[stat];
    if (!Number.isInteger(value) || value < 1 || value > 100) wrong.push(`${stat} out of 1..100`);
    if (stat === bones.peak && value < Math.min(100, floor + 50)) wrong.push('peak too low');
    if (stat === bones.dump && value > floor + 4) wrong.push('dump too high');
    if (stat !== bones.peak && stat !== bones.dump && (value < floor || value >= floor + 40)) wrong.push(`${stat} off its band`);
  }
  return wrong;
}

describe('roll invariants', () => {
  it('keeps every bone inside its table and range, for 20,000 IDs', () => {
    const broken = SAMPLE.map((bones) => ({ id: bones.idHash, wrong: violations(bones) })).filter((row) => row.wrong.length > 0);
    expect(broken).toEqual([]);
    expect(new Set(SAMPLE.map((bones) => bones.rarity))).toEqual(new Set(RARITIES));
  });

  it('is deterministic and sensitive to the salt', () => {
    expect(rollFromUserId('same')).toEqual(rollFromUserId('same'));
    const differing = Array.from({ length: 50 }, (_, i) => `salt-check-${i}`).filter(
      (id) => rollFromUserId(id, 'a').inspirationSeed !== rollFromUserId(id, 'b').inspirationSeed,
    );
    expect(differing.length).toBeGreaterThan(45);
  });
});

describe('roll distribution on a fixed set of IDs', () => {
  const count = (predicate: (bones: Bones) => boolean): number => SAMPLE.filter(predicate).length;

  it('matches the rarity odds (chi-square p > 0.001)', () => {
    const observed = RARITIES.map((rarity) => count((bones) => bones.rarity === rarity));
    const result = chiSquareTest(observed, RARITIES.map((rarity) => RARITY_ODDS[rarity]));
    expect(result.pValue).toBeGreaterThan(0.001);
  });

  it('matches the species odds (chi-square p > 0.001)', () => {
    const observed = ALL_SPECIES.map((species) => count((bones) => bones.species === species));
    expect(chiSquareTest(observed, ALL_SPECIES.map(speciesOdds)).pValue).toBeGreaterThan(0.001);
  });

  it('makes about 1 % shiny, in every tier', () => {
    const shiny = count((bones) => bones.shiny);
    expect(shiny / SAMPLE.length).toBeGreaterThan(0.007);
    expect(shiny / SAMPLE.length).toBeLessThan(0.013);
  });
});
