// The tables of the classic roll: the companion Claude Code gave every account, rolled exactly as it did.
// Like roll v1's tables, nothing here may change: a changed entry would change someone's old buddy.
import { DEFAULT_SALT, type Rarity } from './constants.js';

export const CLASSIC_VERSION = 'classic' as const;

/** The original's salt; it happens to be roll v1's default too. */
export const CLASSIC_DEFAULT_SALT: string = DEFAULT_SALT;

/**
 * The two seed functions: the original's seed depended on the runtime it was installed with.
 * `wyhash` for Bun builds (the native installer), `fnv1a` for Node builds (npm).
 */
export const HASH_FNS = ['wyhash', 'fnv1a'] as const;
export type HashFn = (typeof HASH_FNS)[number];
export const DEFAULT_HASH_FN: HashFn = 'wyhash';

/** Where each seed function came from, in words a person recognises. */
export const HASH_FN_ORIGIN: Readonly<Record<HashFn, string>> = {
  wyhash: 'the native installer',
  fnv1a: 'an npm install',
};

/** Drawn in this order, any species at any rarity. */
export const CLASSIC_SPECIES = [
  'duck',
  'goose',
  'blob',
  'cat',
  'dragon',
  'octopus',
  'owl',
  'penguin',
  'turtle',
  'snail',
  'ghost',
  'axolotl',
  'capybara',
  'cactus',
  'robot',
  'rabbit',
  'mushroom',
  'chonk',
] as const;
export type ClassicSpecies = (typeof CLASSIC_SPECIES)[number];

/** Rarity weights out of 100, walked in this order. */
export const CLASSIC_RARITY_WEIGHTS: readonly (readonly [Rarity, number])[] = [
  ['common', 60],
  ['uncommon', 25],
  ['rare', 10],
  ['epic', 4],
  ['legendary', 1],
];

export const CLASSIC_SHINY_ODDS = 0.01;

export function isClassicSpecies(name: string): name is ClassicSpecies {
  return (CLASSIC_SPECIES as readonly string[]).includes(name);
}

/** The user ID of an account that has none (neither an OAuth account nor a userID), as the original did. */
export const CLASSIC_ANONYMOUS_ID = 'anon';
