// Parses species, rarity and seed function names given on the command line, case-insensitively.
import { EVERY_SPECIES, type BuddySpecies } from '../engine/bones.js';
import { CLASSIC_SPECIES, HASH_FNS, type ClassicSpecies, type HashFn } from '../engine/classic-constants.js';
import { ALL_SPECIES, RARITIES, type Rarity, type Species } from '../engine/constants.js';
import { UsageError } from './command-errors.js';

export function parseSpecies(command: string, name: string): Species {
  const found = ALL_SPECIES.find((species) => species.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: unknown species '${name}'`, "see 'buddy odds' for the list");
  return found;
}

export function parseRarity(command: string, name: string): Rarity {
  const found = RARITIES.find((rarity) => rarity === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: unknown rarity '${name}'`, `one of ${RARITIES.join(', ')}`);
  return found;
}

export function parseHashFn(command: string, name: string): HashFn {
  const found = HASH_FNS.find((hashFn) => hashFn === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: --hash-fn must be one of ${HASH_FNS.join(', ')}`);
  return found;
}

export function parseClassicSpecies(command: string, name: string): ClassicSpecies {
  const found = CLASSIC_SPECIES.find((species) => species === name.trim().toLowerCase());
  if (!found) throw new UsageError(`${command}: unknown classic species '${name}'`, `one of ${CLASSIC_SPECIES.join(', ')}`);
  return found;
}

/** Any species name, roll v1's or the classic family's. */
export function parseAnySpecies(command: string, name: string): BuddySpecies {
  const wanted = name.trim().toLowerCase();
  const found = EVERY_SPECIES.find((species) => species.toLowerCase() === wanted);
  if (!found) throw new UsageError(`${command}: unknown species '${name}'`, "see 'buddy dex' for the list");
  return found;
}
