// Parses species and rarity names given on the command line, case-insensitively.
import { ALL_SPECIES, RARITIES, type Rarity, type Species } from '../engine/constants.js';
import { UsageError } from './errors.js';

export function parseSpecies(command: string, name: string): Species {
  const found = ALL_SPECIES.find((species) => species.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: unknown species '${name}' (see 'buddy odds' for the list)`);
  return found;
}

export function parseRarity(command: string, name: string): Rarity {
  const found = RARITIES.find((rarity) => rarity === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: unknown rarity '${name}' (one of ${RARITIES.join(', ')})`);
  return found;
}
