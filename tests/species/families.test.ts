// Every species of both rolls belongs to exactly one family, and every family has species enough to be one.
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES } from '../../src/engine/bones.js';
import { FAMILIES, familyOf } from '../../src/species/families.js';

describe('species families', () => {
  it('gives every species exactly one of the families', () => {
    for (const species of EVERY_SPECIES) expect(FAMILIES, species).toContain(familyOf(species));
    expect(new Set(EVERY_SPECIES).size).toBe(EVERY_SPECIES.length);
  });

  it('has at least four species in each family', () => {
    for (const family of FAMILIES) expect(EVERY_SPECIES.filter((species) => familyOf(species) === family).length, family).toBeGreaterThanOrEqual(4);
  });

  it('sorts them by body plan', () => {
    const members = Object.fromEntries(FAMILIES.map((family) => [family, EVERY_SPECIES.filter((species) => familyOf(species) === family)]));
    expect(members).toEqual({
      furred: ['Dustbunny', 'Puddlepup', 'Twigmouse', 'Burrowmole', 'Cloudferret', 'Emberfox', 'Deepstag', 'Voidcat', 'Nebulynx', 'cat', 'capybara', 'rabbit', 'chonk'],
      winged: ['Gustowl', 'Lanternmoth', 'duck', 'goose', 'owl', 'penguin'],
      scaled: ['Crystaldrake', 'Stormwyrm', 'dragon', 'turtle'],
      aquatic: ['Pebblecrab', 'Mossfrog', 'Tidalotter', 'Cosmoshale', 'octopus', 'axolotl'],
      other: ['blob', 'snail', 'ghost', 'cactus', 'robot', 'mushroom'],
    });
  });
});
