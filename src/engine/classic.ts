// The classic roll: the creature Claude Code's companion gave an account, rebuilt from public facts about
// it so that people get back exactly the buddy they had. Normative text: docs/roll-classic.md.
// It stands beside roll v1, which does not change: different seed, generator and draw order.
import { EYES, HATS, type Eye, type Hat, type Rarity, type Stat } from './constants.js';
import {
  CLASSIC_DEFAULT_SALT,
  CLASSIC_RARITY_WEIGHTS,
  CLASSIC_SHINY_ODDS,
  CLASSIC_SPECIES,
  CLASSIC_VERSION,
  DEFAULT_HASH_FN,
  type ClassicSpecies,
  type HashFn,
} from './classic-constants.js';
import { drawStats, pick, type Draw } from './draws.js';
import { fnv1a32 } from './fnv1a.js';
import { hashUserId } from './hash.js';
import { mulberry32 } from './mulberry32.js';
import { wyhashLow32 } from './wyhash.js';

/** Everything the classic roll decides; names match the JSON form of `buddy roll --classic --json`. */
export interface ClassicBones {
  readonly version: typeof CLASSIC_VERSION;
  readonly hashFn: HashFn;
  /** SHA-256 of the user ID, as in roll v1: not drawn from, kept so a buddy's owner can be compared. */
  readonly idHash: string;
  readonly salt: string;
  readonly rarity: Rarity;
  readonly species: ClassicSpecies;
  readonly shiny: boolean;
  readonly peak: Stat;
  readonly dump: Stat;
  readonly stats: Readonly<Record<Stat, number>>;
  readonly eye: Eye;
  readonly hat: Hat;
  readonly inspirationSeed: number;
}

/** The 32-bit seed of a key (user ID + salt). */
export function classicSeed(key: string, hashFn: HashFn): number {
  return hashFn === 'wyhash' ? wyhashLow32(key) : fnv1a32(key);
}

/** Step 1: subtract each weight from a draw of 0–100; the first tier that goes below zero wins. */
export function drawClassicRarity(rng: Draw): Rarity {
  let left = rng() * 100;
  for (const [rarity, weight] of CLASSIC_RARITY_WEIGHTS) {
    left -= weight;
    if (left < 0) return rarity;
  }
  return 'common';
}

/** The draws a hunt needs, in the roll's order: rarity, species, eye, hat, shiny. */
export interface ClassicLook {
  readonly rarity: Rarity;
  readonly species: ClassicSpecies;
  readonly eye: Eye;
  readonly hat: Hat;
  readonly shiny: boolean;
}

export function drawClassicLook(rng: Draw): ClassicLook {
  const rarity = drawClassicRarity(rng);
  const species = pick(CLASSIC_SPECIES, rng);
  const eye = pick(EYES, rng);
  // A common gets no hat and no draw for one.
  const hat: Hat = rarity === 'common' ? 'none' : pick(HATS, rng);
  const shiny = rng() < CLASSIC_SHINY_ODDS;
  return { rarity, species, eye, hat, shiny };
}

/** Stats exactly as roll v1's step 6: peak, dump (drawn again while equal to the peak), one draw per stat. */
/** Rolls the classic bones of a user ID. Callers validate the ID and salt first (see validate.ts). */
export function rollClassic(userId: string, salt: string = CLASSIC_DEFAULT_SALT, hashFn: HashFn = DEFAULT_HASH_FN, idHash: string = hashUserId(userId)): ClassicBones {
  const rng = mulberry32(classicSeed(userId + salt, hashFn));
  const { rarity, species, eye, hat, shiny } = drawClassicLook(rng);
  const { peak, dump, stats } = drawStats(rarity, rng);
  const inspirationSeed = Math.floor(rng() * 1e9);
  return { version: CLASSIC_VERSION, hashFn, idHash, salt, rarity, species, shiny, peak, dump, stats, eye, hat, inspirationSeed };
}

/** The JSON form, keys in the documented order; `userId` only where one was given. */
export function classicBonesToJson(bones: ClassicBones, userId?: string): string {
  const { stats } = bones;
  return (
    `{"version":"${bones.version}","hashFn":"${bones.hashFn}","idHash":${JSON.stringify(bones.idHash)},"salt":${JSON.stringify(bones.salt)},` +
    `"rarity":"${bones.rarity}","species":"${bones.species}","shiny":${bones.shiny},"peak":"${bones.peak}","dump":"${bones.dump}",` +
    `"stats":{"DEBUGGING":${stats.DEBUGGING},"PATIENCE":${stats.PATIENCE},"CHAOS":${stats.CHAOS},"WISDOM":${stats.WISDOM},"SNARK":${stats.SNARK}},` +
    `"eye":"${bones.eye}","hat":"${bones.hat}","inspirationSeed":${bones.inspirationSeed}` +
    `${userId === undefined ? '' : `,"userId":${JSON.stringify(userId)}`}}`
  );
}
