// The frozen tables of roll v1. Changing anything here changes everyone's buddy: add a new version instead.

export const ROLL_VERSION = 1 as const;
export const DEFAULT_SALT = 'friend-2026-401';

export const RARITIES = ['common', 'uncommon', 'rare', 'epic', 'legendary'] as const;
export type Rarity = (typeof RARITIES)[number];

/** Upper bounds of the cumulative rarity thresholds; the last tier takes everything above 0.99. */
export const RARITY_THRESHOLDS: Readonly<Record<Exclude<Rarity, 'legendary'>, number>> = {
  common: 0.6,
  uncommon: 0.85,
  rare: 0.95,
  epic: 0.99,
};

/** Exact probability of each tier, for odds and the distribution tests. */
export const RARITY_ODDS: Readonly<Record<Rarity, number>> = {
  common: 0.6,
  uncommon: 0.25,
  rare: 0.1,
  epic: 0.04,
  legendary: 0.01,
};

export const SPECIES_BY_RARITY = {
  common: ['Pebblecrab', 'Dustbunny', 'Mossfrog', 'Puddlepup', 'Twigmouse', 'Burrowmole'],
  uncommon: ['Cloudferret', 'Gustowl', 'Emberfox', 'Tidalotter'],
  rare: ['Crystaldrake', 'Deepstag', 'Lanternmoth'],
  epic: ['Stormwyrm', 'Voidcat'],
  legendary: ['Cosmoshale', 'Nebulynx'],
} as const satisfies Readonly<Record<Rarity, readonly string[]>>;

export type Species = (typeof SPECIES_BY_RARITY)[Rarity][number];

export const ALL_SPECIES: readonly Species[] = RARITIES.flatMap((rarity) => SPECIES_BY_RARITY[rarity]);

export const SHINY_ODDS = 0.01;

export const STATS = ['DEBUGGING', 'PATIENCE', 'CHAOS', 'WISDOM', 'SNARK'] as const;
export type Stat = (typeof STATS)[number];

export const RARITY_FLOOR: Readonly<Record<Rarity, number>> = {
  common: 5,
  uncommon: 15,
  rare: 25,
  epic: 35,
  legendary: 50,
};

export const EYES = ['·', '✦', '×', '◉', '@', '°'] as const;
export type Eye = (typeof EYES)[number];

export const HATS = ['none', 'crown', 'tophat', 'propeller', 'halo', 'wizard', 'beanie', 'tinyduck'] as const;
export type Hat = (typeof HATS)[number];

/** Roll inputs are bounded so that a line of input can never cost more than a moment. */
export const MAX_USER_ID_LENGTH = 1024;
export const MAX_SALT_LENGTH = 256;

export function rarityOf(species: Species): Rarity {
  for (const rarity of RARITIES) {
    if ((SPECIES_BY_RARITY[rarity] as readonly string[]).includes(species)) return rarity;
  }
  throw new Error(`unknown species ${species}`);
}
