// Roll v1: the deterministic draw from an idHash and a salt. Normative text: docs/roll-v1.md.
import seedrandom from 'seedrandom';
import {
  DEFAULT_SALT,
  EYES,
  HATS,
  RARITY_THRESHOLDS,
  ROLL_VERSION,
  SHINY_ODDS,
  SPECIES_BY_RARITY,
  type Eye,
  type Hat,
  type Rarity,
  type Species,
  type Stat,
} from './constants.js';
import { drawStats, pick, type Draw, type StatBlock } from './draws.js';
import { hashUserId } from './hash.js';

export type { StatBlock } from './draws.js';

/** Everything the roll decides. Names match the JSON form of `buddy roll --json`. */
export interface Bones {
  readonly version: typeof ROLL_VERSION;
  readonly idHash: string;
  readonly salt: string;
  readonly rarity: Rarity;
  readonly species: Species;
  readonly shiny: boolean;
  readonly peak: Stat;
  readonly dump: Stat;
  readonly stats: Readonly<StatBlock>;
  readonly eye: Eye;
  readonly hat: Hat;
  readonly inspirationSeed: number;
}

export function drawRarity(u: number): Rarity {
  if (u < RARITY_THRESHOLDS.common) return 'common';
  if (u < RARITY_THRESHOLDS.uncommon) return 'uncommon';
  if (u < RARITY_THRESHOLDS.rare) return 'rare';
  if (u < RARITY_THRESHOLDS.epic) return 'epic';
  return 'legendary';
}

/** Makes roll v1's generator from its seed string: seedrandom's default export, or an exact equivalent. */
export type GeneratorFactory = (seed: string) => Draw;

/** The reference generator of roll v1. */
export const seedrandomGenerator: GeneratorFactory = (seed) => seedrandom(seed);

/** Rolls from an idHash. Callers validate inputs first (see validate.ts). */
export function rollFromHash(idHash: string, salt: string = DEFAULT_SALT, generator: GeneratorFactory = seedrandomGenerator): Bones {
  const rng: Draw = generator(idHash + salt);
  const rarity = drawRarity(rng());
  const species = pick<Species>(SPECIES_BY_RARITY[rarity], rng);
  const shiny = rng() < SHINY_ODDS;
  const { peak, dump, stats } = drawStats(rarity, rng);
  const eye = pick(EYES, rng);
  const hat: Hat = rarity === 'common' ? 'none' : pick(HATS, rng);
  const inspirationSeed = Math.floor(rng() * 1e9);
  return { version: ROLL_VERSION, idHash, salt, rarity, species, shiny, peak, dump, stats, eye, hat, inspirationSeed };
}

export function rollFromUserId(userId: string, salt: string = DEFAULT_SALT): Bones {
  return rollFromHash(hashUserId(userId), salt);
}

/**
 * The JSON form, with keys in the documented order; `userId` is added only where one was given.
 * Written by hand because batch rolls print millions of these: every value but the strings that can
 * hold anything (idHash, salt, userId) is a number, a boolean or a name from a fixed table.
 */
let lastSalt: string | undefined;
let lastSaltJson: string;

export function bonesToJson(bones: Bones, userId?: string): string {
  const { stats } = bones;
  // A batch uses one salt for millions of lines: quote it once.
  if (bones.salt !== lastSalt) {
    lastSalt = bones.salt;
    lastSaltJson = JSON.stringify(bones.salt);
  }
  const head = `{"version":${bones.version},"idHash":${JSON.stringify(bones.idHash)},"salt":${lastSaltJson},"rarity":"${bones.rarity}","species":"${bones.species}","shiny":${bones.shiny},"peak":"${bones.peak}","dump":"${bones.dump}"`;
  const statsJson = `"stats":{"DEBUGGING":${stats.DEBUGGING},"PATIENCE":${stats.PATIENCE},"CHAOS":${stats.CHAOS},"WISDOM":${stats.WISDOM},"SNARK":${stats.SNARK}}`;
  const tail = `"eye":"${bones.eye}","hat":"${bones.hat}","inspirationSeed":${bones.inspirationSeed}`;
  return `${head},${statsJson},${tail}${userId === undefined ? '' : `,"userId":${JSON.stringify(userId)}`}}`;
}

/** True when two rolls agree on every bone; used to detect a changed identity or algorithm. */
export function sameBones(a: Bones, b: Bones): boolean {
  return bonesToJson(a) === bonesToJson(b);
}
