// The exact odds of roll v1 (the table in docs/roll-v1.md), as `buddy odds` and `buddy hunt` use them.
import { describe, expect, it } from 'vitest';
import { rarityOf, type Species } from '../../src/engine/constants.js';
import { oddsTable, speciesOdds, targetOdds } from '../../src/engine/odds.js';

describe('speciesOdds', () => {
  it.each([
    ['Pebblecrab', 0.1],
    ['Burrowmole', 0.1],
    ['Gustowl', 0.0625],
    ['Deepstag', 0.1 / 3],
    ['Voidcat', 0.02],
    ['Nebulynx', 0.005],
  ] as const)('%s: %d', (species, odds) => {
    expect(speciesOdds(species)).toBeCloseTo(odds, 15);
  });
});

describe('oddsTable', () => {
  it('lists the 17 species in tier order with their odds and shiny odds', () => {
    const table = oddsTable();
    expect(table.map((row) => row.species)).toEqual([
      'Pebblecrab', 'Dustbunny', 'Mossfrog', 'Puddlepup', 'Twigmouse', 'Burrowmole',
      'Cloudferret', 'Gustowl', 'Emberfox', 'Tidalotter',
      'Crystaldrake', 'Deepstag', 'Lanternmoth',
      'Stormwyrm', 'Voidcat',
      'Cosmoshale', 'Nebulynx',
    ]);
    const row = (rarity: string, species: string, odds: number, shinyOdds: number) => ({ rarity, species, odds: expect.closeTo(odds, 15), shinyOdds: expect.closeTo(shinyOdds, 15) });
    expect(table[0]).toEqual(row('common', 'Pebblecrab', 0.1, 0.001));
    expect(table[7]).toEqual(row('uncommon', 'Gustowl', 0.0625, 0.000625));
    expect(table[12]).toEqual(row('rare', 'Lanternmoth', 0.1 / 3, 0.001 / 3));
    expect(table[14]).toEqual(row('epic', 'Voidcat', 0.02, 0.0002));
    expect(table[16]).toEqual(row('legendary', 'Nebulynx', 0.005, 0.00005));
    expect(table.reduce((sum, row) => sum + row.odds, 0)).toBeCloseTo(1, 12);
  });
});

describe('targetOdds', () => {
  it.each([
    [{}, 1],
    [{ rarity: 'common' }, 0.6],
    [{ rarity: 'uncommon' }, 0.25],
    [{ rarity: 'rare' }, 0.1],
    [{ rarity: 'epic' }, 0.04],
    [{ rarity: 'legendary' }, 0.01],
    [{ species: 'Voidcat' }, 0.02],
    [{ species: 'Voidcat', rarity: 'epic' }, 0.02],
    [{ shiny: true }, 0.01],
    [{ shiny: false }, 1],
    [{ rarity: 'legendary', shiny: true }, 0.0001],
    [{ species: 'Gustowl', shiny: true }, 0.000625],
  ] as const)('%j: %d', (target, odds) => {
    expect(targetOdds(target)).toBeCloseTo(odds, 15);
  });
});

describe('rarityOf', () => {
  it('finds the tier of a species, and refuses one it does not know', () => {
    expect((['Burrowmole', 'Tidalotter', 'Lanternmoth', 'Voidcat', 'Cosmoshale'] as const).map(rarityOf)).toEqual(['common', 'uncommon', 'rare', 'epic', 'legendary']);
    expect(() => rarityOf('Dragonite' as Species)).toThrow('unknown species Dragonite');
  });
});
