// The salt search behind `buddy hunt`: which salts to try, and a cheap test of the first draws.
import { SHINY_ODDS, SPECIES_BY_RARITY, type Species } from './constants.js';
import { drawRarity, seedrandomGenerator, type GeneratorFactory } from './roll.js';
import type { HuntTarget } from './odds.js';

/** The n-th candidate salt. Short, readable and unique per n. */
export function huntSalt(n: number): string {
  return `hunt-${n.toString(36)}`;
}

/**
 * Decides a salt by the first three draws only (rarity, species, shiny), exactly as roll v1 makes them;
 * a full roll is made only for the winner.
 */
export function saltMatches(idHash: string, salt: string, target: HuntTarget, generator: GeneratorFactory = seedrandomGenerator): boolean {
  const rng = generator(idHash + salt);
  const rarity = drawRarity(rng());
  if (target.rarity !== undefined && rarity !== target.rarity) return false;
  const list: readonly Species[] = SPECIES_BY_RARITY[rarity];
  const species = list[Math.floor(rng() * list.length)];
  if (target.species !== undefined && species !== target.species) return false;
  const shiny = rng() < SHINY_ODDS;
  return !target.shiny || shiny;
}
