// `buddy hunt --classic`: the odds it quotes, and its quick salt test, which must agree with the full
// classic roll on every salt it decides.
import { describe, expect, it } from 'vitest';
import { HASH_FNS, type ClassicSpecies } from '../../src/engine/classic-constants.js';
import { classicSaltMatches, classicTargetOdds, type ClassicHuntTarget } from '../../src/engine/classic-odds.js';
import { rollClassic } from '../../src/engine/classic.js';
import { RARITIES } from '../../src/engine/constants.js';

describe('classicTargetOdds', () => {
  it('is certain with no target, and multiplies species, rarity and shininess', () => {
    expect(classicTargetOdds({})).toBe(1);
    expect(classicTargetOdds({ species: 'duck' })).toBeCloseTo(1 / 18, 12);
    expect(classicTargetOdds({ rarity: 'common' })).toBeCloseTo(0.6, 12);
    expect(classicTargetOdds({ rarity: 'legendary' })).toBeCloseTo(0.01, 12);
    expect(classicTargetOdds({ shiny: true })).toBeCloseTo(0.01, 12);
    expect(classicTargetOdds({ shiny: false })).toBe(1);
    expect(classicTargetOdds({ species: 'dragon', rarity: 'epic', shiny: true })).toBeCloseTo((1 / 18) * 0.04 * 0.01, 15);
  });

  it('matches the share of salts the full roll gives the target', () => {
    const salts = Array.from({ length: 6000 }, (_, i) => `odds-${i}`);
    const rolls = salts.map((salt) => rollClassic('odds-user', salt, 'fnv1a'));
    const share = (hit: (bones: (typeof rolls)[number]) => boolean): number => rolls.filter(hit).length / rolls.length;
    expect(share((bones) => bones.rarity === 'uncommon')).toBeCloseTo(classicTargetOdds({ rarity: 'uncommon' }), 1);
    expect(share((bones) => bones.species === 'owl')).toBeCloseTo(classicTargetOdds({ species: 'owl' }), 1);
  });
});

describe('classicSaltMatches', () => {
  const PUBLIC_ID = '29c6aedc-5463-411c-991c-a386d9a93570';

  it('decides the public vectors as the full roll does', () => {
    // fnv1a: a shiny legendary dragon; wyhash: a plain common penguin.
    expect(classicSaltMatches(PUBLIC_ID, 'friend-2026-401', 'fnv1a', { species: 'dragon', rarity: 'legendary', shiny: true })).toBe(true);
    expect(classicSaltMatches(PUBLIC_ID, 'friend-2026-401', 'wyhash', { species: 'dragon' })).toBe(false);
    expect(classicSaltMatches(PUBLIC_ID, 'friend-2026-401', 'wyhash', { species: 'penguin', rarity: 'common' })).toBe(true);
    expect(classicSaltMatches(PUBLIC_ID, 'friend-2026-401', 'wyhash', { shiny: true })).toBe(false);
    expect(classicSaltMatches(PUBLIC_ID, 'friend-2026-401', 'wyhash', { rarity: 'legendary' })).toBe(false);
  });

  it('agrees with the full roll on every target, salt and seed function', () => {
    const targets: ClassicHuntTarget[] = [{}, { shiny: true }, { shiny: false }];
    for (const rarity of RARITIES) targets.push({ rarity }, { rarity, shiny: true });
    for (const species of ['duck', 'cat', 'chonk'] as ClassicSpecies[]) targets.push({ species }, { species, rarity: 'common' }, { species, rarity: 'rare' });
    for (const hashFn of HASH_FNS) {
      for (let i = 0; i < 300; i++) {
        const salt = `agree-${i}`;
        const bones = rollClassic('agree-user', salt, hashFn);
        for (const target of targets) {
          const expected =
            (target.rarity === undefined || bones.rarity === target.rarity) &&
            (target.species === undefined || bones.species === target.species) &&
            (target.shiny !== true || bones.shiny);
          expect(classicSaltMatches('agree-user', salt, hashFn, target), `${hashFn} ${salt} ${JSON.stringify(target)}`).toBe(expected);
        }
      }
    }
  });
});
