// Exact odds implied by roll v1's tables, for `buddy odds`, `buddy hunt` and the distribution tests.
import {
  ALL_SPECIES,
  RARITY_ODDS,
  SHINY_ODDS,
  SPECIES_BY_RARITY,
  rarityOf,
  type Rarity,
  type Species,
} from './constants.js';

export function speciesOdds(species: Species): number {
  const rarity = rarityOf(species);
  return RARITY_ODDS[rarity] / SPECIES_BY_RARITY[rarity].length;
}

export interface OddsRow {
  readonly rarity: Rarity;
  readonly species: Species;
  readonly odds: number;
  readonly shinyOdds: number;
}

export function oddsTable(): OddsRow[] {
  return ALL_SPECIES.map((species) => ({
    rarity: rarityOf(species),
    species,
    odds: speciesOdds(species),
    shinyOdds: speciesOdds(species) * SHINY_ODDS,
  }));
}

export interface HuntTarget {
  readonly species?: Species;
  readonly rarity?: Rarity;
  readonly shiny?: boolean;
}

/** Probability that one salt gives the target; the expected number of attempts is its inverse. */
export function targetOdds(target: HuntTarget): number {
  let odds = 1;
  if (target.species !== undefined) odds *= speciesOdds(target.species);
  else if (target.rarity !== undefined) odds *= RARITY_ODDS[target.rarity];
  if (target.shiny) odds *= SHINY_ODDS;
  return odds;
}
