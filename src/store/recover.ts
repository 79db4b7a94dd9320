// A stored buddy that fails the schema is never a crash and never silently lost: it comes back from the
// last good backup when that passes, or else its bones are rolled again from its own idHash and salt (roll
// v1 is deterministic; a classic buddy keeps its stored bones when they pass) and its name and personality
// are kept when they are still valid. Pure: the caller reads the files, passes the moment, and writes the
// result.
import * as v from 'valibot';
import { rollFromHash } from '../engine/roll.js';
import { validateSalt } from '../engine/validate.js';
import type { Soul } from '../persona/prompt/soul.js';
import type { BuddyBones } from '../engine/bones.js';
import { CLASSIC_VERSION } from '../engine/classic-constants.js';
import { ROLL_VERSION } from '../engine/constants.js';
import { LenientGrowthSchema } from './growth-schema.js';
import { checkConfig, ClassicBonesSchema, recordOf, ExchangeSchema, ModelNameSchema, NameSchema, PersonalitySchema, SOUL_SOURCES, StoredBuddySchema, type StoredBuddy } from './schema.js';

export interface Recovery {
  /** The buddy to keep; undefined when nothing could be rebuilt (the raw one is kept aside by the caller). */
  readonly buddy: StoredBuddy | undefined;
  /** One line saying what happened. */
  readonly note: string;
}

const ROLL_KEYS = v.object({
  idHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  salt: v.string(),
});

function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
}

/** Writes a soul for rebuilt bones whose stored name or personality did not survive. */
export type SoulWriter = (bones: BuddyBones) => Soul;

/**
 * For reads that repair only in memory (the statusline and hooks, where the offline writer's word banks
 * would cost every refresh): the species' name and a plain line, until a writer repairs the file.
 */
export const placeholderSoul: SoulWriter = (bones) => ({ name: bones.species, personality: `A ${bones.rarity} ${bones.species}.` });

export function recoverBuddy(raw: unknown, problem: string, backupFile: unknown, now: Date, writeSoul: SoulWriter = placeholderSoul): Recovery {
  const record = recordOf(raw);
  const backup = checkConfig(backupFile).data.buddy;
  const keys = field(ROLL_KEYS, record);
  // The salt must pass the same rules as a stored one before anything is rolled from it.
  const roll = keys && validateSalt(keys.salt).ok ? keys : undefined;
  const version = record.rollVersion === CLASSIC_VERSION || record.rollVersion === ROLL_VERSION ? record.rollVersion : undefined;
  if (backup && (!roll || roll.idHash === backup.idHash) && (version === undefined || version === backup.rollVersion)) {
    return { buddy: backup, note: `the stored buddy did not match the expected shape (${problem}); restored ${backup.name} from the last good backup` };
  }
  if (!roll) return { buddy: undefined, note: `the stored buddy did not match the expected shape (${problem}) and could not be rebuilt; it was set aside` };

  let bones: BuddyBones;
  if (version === CLASSIC_VERSION) {
    // Classic bones are rolled from the account's ID, which is not kept: its stored bones are kept when
    // they pass (every start checks them against the roll again), and `buddy rescue` can always re-roll.
    const classic = field(ClassicBonesSchema, record.bones);
    if (!classic || classic.idHash !== roll.idHash || classic.salt !== roll.salt) {
      return { buddy: undefined, note: `the stored buddy did not match the expected shape (${problem}) and its classic bones could not be rebuilt; it was set aside (buddy rescue brings a Claude Code buddy back)` };
    }
    bones = classic;
  } else {
    bones = rollFromHash(roll.idHash, roll.salt);
  }
  const name = field(NameSchema, record.name);
  const personality = field(PersonalitySchema, record.personality);
  const offline = name && personality ? undefined : writeSoul(bones);
  const memory = Array.isArray(record.memory) ? record.memory.filter((item) => v.is(ExchangeSchema, item)) : [];
  // Growth is the buddy's, whatever happened to its bones or soul: what can be read of it is kept.
  const growth = record.growth === undefined ? undefined : field(LenientGrowthSchema, record.growth);
  const candidate = {
    rollVersion: bones.version,
    ...(bones.version === CLASSIC_VERSION ? { hashFn: bones.hashFn } : {}),
    idHash: bones.idHash,
    salt: bones.salt,
    bones,
    name: name ?? offline?.name,
    personality: personality ?? offline?.personality,
    hatchedAt: field(v.pipe(v.string(), v.isoTimestamp()), record.hatchedAt) ?? now.toISOString(),
    soulSource: name && personality ? (field(v.picklist(SOUL_SOURCES), record.soulSource) ?? 'offline') : 'offline',
    ...(name && personality && field(ModelNameSchema, record.model) ? { model: record.model } : {}),
    memory,
    ...(growth ? { growth } : {}),
  };
  const rebuilt = v.safeParse(StoredBuddySchema, candidate);
  if (!rebuilt.success) return { buddy: undefined, note: `the stored buddy did not match the expected shape (${problem}) and could not be rebuilt; it was set aside` };
  const kept = name && personality ? `kept its name and personality` : name ? 'kept its name' : 'wrote a new soul offline';
  const how = bones.version === CLASSIC_VERSION ? `kept ${rebuilt.output.name}'s classic bones` : `rolled ${rebuilt.output.name}'s bones again from its idHash and salt`;
  return { buddy: rebuilt.output, note: `the stored buddy did not match the expected shape (${problem}); ${how} and ${kept}` };
}
