// Exact odds of the classic roll, and the salt test behind `buddy hunt --classic`. Species and rarity are
// drawn independently (any species at any rarity), so every species has the same odds.
import { classicSeed, drawClassicLook } from './classic.js';
import { CLASSIC_RARITY_WEIGHTS, CLASSIC_SHINY_ODDS, CLASSIC_SPECIES, type ClassicSpecies, type HashFn } from './classic-constants.js';
import type { Rarity } from './constants.js';
import { mulberry32 } from './mulberry32.js';

export const CLASSIC_RARITY_ODDS: Readonly<Record<Rarity, number>> = Object.fromEntries(
  CLASSIC_RARITY_WEIGHTS.map(([rarity, weight]) => [rarity, weight / 100]),
) as Record<Rarity, number>;

export const CLASSIC_SPECIES_ODDS = 1 / CLASSIC_SPECIES.length;

export interface ClassicHuntTarget {
  readonly species?: ClassicSpecies;
  readonly rarity?: Rarity;
  readonly shiny?: boolean;
}

/** Probability that one salt gives the target; the expected number of attempts is its inverse. */
export function classicTargetOdds(target: ClassicHuntTarget): number {
  let odds = 1;
  if (target.species !== undefined) odds *= CLASSIC_SPECIES_ODDS;
  if (target.rarity !== undefined) odds *= CLASSIC_RARITY_ODDS[target.rarity];
  if (target.shiny) odds *= CLASSIC_SHINY_ODDS;
  return odds;
}

/** Decides a salt by the draws up to shininess, exactly as the classic roll makes them. */
export function classicSaltMatches(userId: string, salt: string, hashFn: HashFn, target: ClassicHuntTarget): boolean {
  const look = drawClassicLook(mulberry32(classicSeed(userId + salt, hashFn)));
  return (target.rarity === undefined || look.rarity === target.rarity) && (target.species === undefined || look.species === target.species) && (!target.shiny || look.shiny);
}
