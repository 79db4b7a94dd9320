// The one definition of Buddy's config file, in valibot. Every read goes through it: the conf-backed store,
// the light read-only snapshot of the fast paths, and the backup. The TypeScript types are inferred from
// it, so what the code believes about the file is exactly what was checked.
import * as v from 'valibot';
import { rollKey } from '../engine/bones.js';
import { CLASSIC_SPECIES, CLASSIC_VERSION, HASH_FNS } from '../engine/classic-constants.js';
import { ALL_SPECIES, EYES, HATS, MAX_SALT_LENGTH, RARITIES, rarityOf, ROLL_VERSION, STATS } from '../engine/constants.js';
import { LANGUAGE_TAG_PATTERN } from '../persona/language.js';
import { isModelName } from '../persona/model-client.js';
import { sanitizeLine } from '../text/sanitize.js';
import { MAX_FACT_LENGTH, MAX_FACTS, type RememberedFact } from '../persona/prompt/remembered.js';
import { checkName, MAX_PERSONALITY_LENGTH, SOUL_SOURCES, type SoulSource } from '../persona/prompt/soul.js';
import { EventCursorSchema, GrowthSchema, isGrowthValid, LenientGrowthSchema, type EventCursor } from './growth-schema.js';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const noControls = (text: string): boolean => !CONTROL_CHARACTERS.test(text);

const ID_HASH = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'idHash must be 64 lowercase hex characters'));
const SALT = v.pipe(v.string(), v.maxLength(MAX_SALT_LENGTH), v.check(noControls, 'salt has control characters'));
const STAT_VALUE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

// What every roll decides besides its version and species list, in the order of the JSON form (the
// parsed output keeps the schema's key order, so a stored buddy reads back exactly as it was written).
const BONES_HEAD = { idHash: ID_HASH, salt: SALT, rarity: v.picklist(RARITIES) };
const BONES_TAIL = {
  shiny: v.boolean(),
  peak: v.picklist(STATS),
  dump: v.picklist(STATS),
  stats: v.object({ DEBUGGING: STAT_VALUE, PATIENCE: STAT_VALUE, CHAOS: STAT_VALUE, WISDOM: STAT_VALUE, SNARK: STAT_VALUE }),
  eye: v.picklist(EYES),
  hat: v.picklist(HATS),
  inspirationSeed: v.pipe(v.number(), v.integer(), v.minValue(0)),
};

const BonesSchema = v.pipe(
  v.object({ version: v.literal(ROLL_VERSION), ...BONES_HEAD, species: v.picklist(ALL_SPECIES), ...BONES_TAIL }),
  v.check((bones) => rarityOf(bones.species) === bones.rarity, 'species and rarity disagree'),
);

/** The classic roll: any species at any rarity, and the seed function it was rolled with. */
export const ClassicBonesSchema = v.object({
  version: v.literal(CLASSIC_VERSION),
  hashFn: v.picklist(HASH_FNS),
  ...BONES_HEAD,
  species: v.picklist(CLASSIC_SPECIES),
  ...BONES_TAIL,
});

export const NameSchema = v.pipe(
  v.string(),
  v.check((name) => checkName(name) === undefined, 'name must be one word of letters, at most 14'),
);
export const PersonalitySchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_PERSONALITY_LENGTH),
  // Shown on cards and the pet: no control characters, no escape sequences, no direction overrides.
  v.check((text) => sanitizeLine(text, MAX_PERSONALITY_LENGTH) === text, 'personality has control characters'),
);
export const ModelNameSchema = v.pipe(v.string(), v.check(isModelName, 'not a model name'));
/** A language tag's form; `buddy config language` checks the language itself when it is set. */
export const LanguageTagSchema = v.pipe(v.string(), v.maxLength(35), v.regex(LANGUAGE_TAG_PATTERN, 'not a language tag'));

export { SOUL_SOURCES, type SoulSource };

const TEXT = v.pipe(v.string(), v.maxLength(4_000));
export const ExchangeSchema = v.object({ at: v.string(), user: TEXT, buddy: TEXT });
export type Exchange = v.InferOutput<typeof ExchangeSchema>;

/** One fact the person asked the buddy to keep: one line of text, already safe to show, and when. */
export const FactSchema = v.object({
  text: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(MAX_FACT_LENGTH),
    v.check((text) => sanitizeLine(text, MAX_FACT_LENGTH) === text, 'fact has control characters'),
  ),
  at: v.pipe(v.string(), v.isoTimestamp()),
});
export type Fact = RememberedFact;

/** The soul and its history, the same whichever roll made the bones. */
const SOUL_ENTRIES = {
  name: NameSchema,
  personality: PersonalitySchema,
  hatchedAt: v.pipe(v.string(), v.isoTimestamp()),
  soulSource: v.picklist(SOUL_SOURCES),
  model: v.optional(ModelNameSchema),
  // A memory with one bad exchange loses that exchange, not the buddy.
  memory: v.pipe(
    v.optional(v.array(v.unknown()), []),
    v.transform((items): readonly Exchange[] => items.filter((item): item is Exchange => v.is(ExchangeSchema, item))),
  ),
  /** How many times `hatch --again` rewrote the soul; mixed into the offline writer's seed. */
  generation: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** True once the person chose the name with `buddy rename`. */
  renamed: v.optional(v.boolean()),
  /** Level, needs, streak and achievements; absent for a buddy stored before growth (it is level 1). */
  growth: v.optional(LenientGrowthSchema),
  /**
   * The language the soul was written in (absent: English, as every soul was before languages). A bad
   * value is read as absent: it only decides whether `hatch --again` offers a rewrite.
   */
  soulLanguage: v.fallback(v.optional(LanguageTagSchema), undefined),
  /**
   * The identity (its idHash) already told, once, that this buddy was hatched from an earlier ID of the same
   * person (Buddy's random local ID, or Claude Code's userID before accountUuid). A bad value reads as absent.
   */
  identityChangeNoted: v.fallback(v.optional(ID_HASH), undefined),
  /**
   * What the person asked it to keep, oldest first (absent until the first). Like the memory, one bad
   * fact is dropped, not the buddy; a list that is not one reads as none, and at most the last
   * MAX_FACTS are read.
   */
  facts: v.fallback(
    v.optional(
      v.pipe(
        v.array(v.unknown()),
        v.transform((items): readonly Fact[] => items.filter((item): item is Fact => v.is(FactSchema, item)).slice(-MAX_FACTS)),
      ),
    ),
    undefined,
  ),
  /**
   * True when the person chose this buddy's salt with `buddy adopt` (a hunted salt): that salt is the one
   * it is re-rolled with, so it is not warned about. A bad value reads as absent.
   */
  adopted: v.fallback(v.optional(v.boolean()), undefined),
};

/** A roll v1 buddy: re-rolled from its idHash and salt. */
const V1_ROLL_ENTRIES = { rollVersion: v.literal(ROLL_VERSION), idHash: ID_HASH, salt: SALT, bones: BonesSchema };
/** A classic buddy: re-rolled from the user ID (its idHash names it) and salt with its seed function. */
const CLASSIC_ROLL_ENTRIES = {
  rollVersion: v.literal(CLASSIC_VERSION),
  hashFn: v.picklist(HASH_FNS),
  idHash: ID_HASH,
  salt: SALT,
  bones: ClassicBonesSchema,
  /**
   * True once the person chose this seed function (answered `buddy rescue`'s question, or gave --hash-fn);
   * absent when it was taken without asking. A bad value reads as absent.
   */
  hashFnChosen: v.fallback(v.optional(v.boolean()), undefined),
};

interface RollKeys {
  readonly rollVersion: number | string;
  readonly idHash: string;
  readonly salt: string;
  readonly hashFn?: string;
  readonly bones: { readonly version: number | string; readonly idHash: string; readonly salt: string; readonly hashFn?: string };
}

const sameRoll = (buddy: RollKeys): boolean =>
  buddy.bones.idHash === buddy.idHash && buddy.bones.salt === buddy.salt && buddy.bones.version === buddy.rollVersion && buddy.bones.hashFn === buddy.hashFn;

/** A hatched buddy: the bones as rolled at hatch time (by roll v1 or the classic roll), and its soul. */
export const StoredBuddySchema = v.pipe(
  v.variant('rollVersion', [v.object({ ...V1_ROLL_ENTRIES, ...SOUL_ENTRIES }), v.object({ ...CLASSIC_ROLL_ENTRIES, ...SOUL_ENTRIES })]),
  v.check((buddy) => sameRoll(buddy), 'bones belong to another roll'),
);
export type StoredBuddy = v.InferOutput<typeof StoredBuddySchema>;

const ARCHIVED_AT = { archivedAt: v.pipe(v.string(), v.isoTimestamp()) };

/** A buddy put away by `buddy switch` (or a rescue), with the moment it was put away. */
export const ArchivedBuddySchema = v.pipe(
  v.variant('rollVersion', [
    v.object({ ...V1_ROLL_ENTRIES, ...SOUL_ENTRIES, ...ARCHIVED_AT }),
    v.object({ ...CLASSIC_ROLL_ENTRIES, ...SOUL_ENTRIES, ...ARCHIVED_AT }),
  ]),
  v.check((buddy) => sameRoll(buddy), 'bones belong to another roll'),
);
export type ArchivedBuddy = v.InferOutput<typeof ArchivedBuddySchema>;

/** Two stored buddies of the same roll: the same identity, salt, roll and seed function. */
export function sameRollKey(a: StoredBuddy, b: StoredBuddy): boolean {
  return rollKey(a.bones) === rollKey(b.bones);
}

export const STATUSLINE_LAYOUTS = ['compact', 'full'] as const;
export type StatuslineLayout = (typeof STATUSLINE_LAYOUTS)[number];

/**
 * What the buddy does with what it sees in a coding session: `on`, remarks written by the model (with a key,
 * within the budget) or else offline; `local`, offline remarks only, nothing sent; `off`, no remarks on the
 * session's content at all, only its generic reactions.
 */
export const WATCH_MODES = ['on', 'local', 'off'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];
export const MAX_REMARKS_PER_HOUR = 60;
export const MAX_REMARK_TOKENS_PER_DAY = 1_000_000;
const REMARKS_PER_HOUR = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REMARKS_PER_HOUR));
const REMARK_TOKENS_PER_DAY = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REMARK_TOKENS_PER_DAY));

/** Each setting's rule, strict: what `buddy config` and every write must pass. */
const SETTING_SCHEMAS = {
  animation: v.boolean(),
  statuslineLayout: v.picklist(STATUSLINE_LAYOUTS),
  muted: v.boolean(),
  model: ModelNameSchema,
  language: LanguageTagSchema,
  care: v.boolean(),
  watch: v.picklist(WATCH_MODES),
  remarksPerHour: REMARKS_PER_HOUR,
  remarkTokensPerDay: REMARK_TOKENS_PER_DAY,
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export const SETTING_KEYS: readonly SettingKey[] = ['animation', 'statuslineLayout', 'muted', 'model', 'language', 'care', 'watch', 'remarksPerHour', 'remarkTokensPerDay'];

// Settings are forgiving when read: one bad value falls back to its default, the rest are kept.
export const SettingsSchema = v.object({
  animation: v.fallback(v.optional(v.boolean(), true), true),
  statuslineLayout: v.fallback(v.optional(v.picklist(STATUSLINE_LAYOUTS), 'compact'), 'compact'),
  muted: v.fallback(v.optional(v.boolean(), false), false),
  model: v.fallback(v.optional(ModelNameSchema), undefined),
  /** Absent: the locale's language (LC_ALL, LC_MESSAGES, LANG). */
  language: v.fallback(v.optional(LanguageTagSchema), undefined),
  /** Needs, mood nagging and level-up bubbles; off, levels and achievements are still earned silently. */
  care: v.fallback(v.optional(v.boolean(), true), true),
  /** Model remarks on the session (on), offline ones only (local), or none on its content (off). */
  watch: v.fallback(v.optional(v.picklist(WATCH_MODES), 'on'), 'on'),
  /** Model remarks in any rolling hour. */
  remarksPerHour: v.fallback(v.optional(REMARKS_PER_HOUR, 6), 6),
  /** Tokens (input and output) the model remarks may use in a local day. */
  remarkTokensPerDay: v.fallback(v.optional(REMARK_TOKENS_PER_DAY, 20_000), 20_000),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

// The same defaults as the schema's fallbacks (a unit test holds them equal); a literal, as parsing at
// load would cost every statusline refresh.
export const DEFAULT_SETTINGS: Settings = { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 };

export interface ConfigData {
  readonly localUserId?: string;
  readonly settings: Settings;
  readonly buddy?: StoredBuddy;
  /** Buddies of other identities, put away by `buddy switch`; never deleted. */
  readonly archive?: readonly ArchivedBuddy[];
  /** How far the event log has been folded into the buddy's growth. */
  readonly events?: EventCursor;
}


/** What a config file holds, checked: the parts that pass, and the raw buddy when it did not. */
export interface CheckedConfig {
  readonly data: ConfigData;
  /** Present when the file has a buddy that fails the schema (it is left out of `data`). */
  readonly invalidBuddy?: { readonly raw: unknown; readonly problem: string };
  /** Settings (and the local ID) whose stored values failed and were read as their defaults. */
  readonly invalidKeys: readonly string[];
}

/** Whether a known key in a settings record holds a value its rule refuses. */
export function invalidSettingKeys(settings: Readonly<Record<string, unknown>>): string[] {
  return SETTING_KEYS.filter((key) => settings[key] !== undefined && !v.is(SETTING_SCHEMAS[key], settings[key]));
}

const AnyRecord = v.looseObject({});

/** Any JSON object as a record of unknown values; anything else as an empty one. */
export function recordOf(value: unknown): Readonly<Record<string, unknown>> {
  const result = v.safeParse(AnyRecord, value);
  return result.success && !Array.isArray(value) ? result.output : {};
}

/** `archive: false` skips the archived buddies (the statusline and hooks never show them). */
export function checkConfig(raw: unknown, options: { readonly archive?: boolean } = {}): CheckedConfig {
  const record = recordOf(raw);
  const settings = v.parse(SettingsSchema, recordOf(record.settings));
  const localUserId = typeof record.localUserId === 'string' && record.localUserId.length > 0 ? record.localUserId : undefined;
  const invalidKeys = [
    ...(record.settings !== undefined && (!v.is(AnyRecord, record.settings) || Array.isArray(record.settings)) ? ['settings'] : invalidSettingKeys(recordOf(record.settings)).map((key) => `settings.${key}`)),
    ...(record.localUserId !== undefined && localUserId === undefined ? ['localUserId'] : []),
    ...(record.events !== undefined && !v.is(EventCursorSchema, record.events) ? ['events'] : []),
    ...(recordOf(record.buddy).growth !== undefined && !isGrowthValid(recordOf(record.buddy).growth) ? ['buddy.growth'] : []),
  ];
  const events = v.is(EventCursorSchema, record.events) ? record.events : undefined;
  const archive = options.archive !== false && Array.isArray(record.archive) ? record.archive.filter((item): item is ArchivedBuddy => v.is(ArchivedBuddySchema, item)) : [];
  const buddy = record.buddy === undefined ? undefined : v.safeParse(StoredBuddySchema, record.buddy);
  const data: ConfigData = {
    ...(localUserId ? { localUserId } : {}),
    settings,
    ...(buddy?.success ? { buddy: buddy.output } : {}),
    ...(archive.length > 0 ? { archive } : {}),
    ...(events ? { events } : {}),
  };
  if (buddy && !buddy.success) return { data, invalidKeys, invalidBuddy: { raw: record.buddy, problem: describeIssue(buddy.issues[0]) } };
  return { data, invalidKeys };
}

/**
 * One short phrase for the first problem. Valibot's own messages quote the value they received, which
 * came from the file and may hold anything: only the path and the rule are named, never the value.
 */
export function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unknown problem';
  const where = issue.path?.map((item) => String(item.key)).join('.') || 'the buddy';
  if (issue.kind !== 'schema') return issue.type === 'check' || issue.type === 'regex' ? `${where}: ${issue.message}` : `${where} breaks its ${issue.type} rule`;
  if (issue.received === 'undefined') return `${where} is missing`;
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'variant') return `${where} is not one of the allowed values`;
  return `${where} is not ${/^[aeiou]/i.test(issue.type) ? 'an' : 'a'} ${issue.type}`;
}

/** Throws (one line) when data about to be written breaks the schema: nothing unchecked reaches the file. */
export function assertWritable(data: ConfigData): void {
  for (const key of SETTING_KEYS) {
    const value = data.settings[key];
    if (value !== undefined && !v.is(SETTING_SCHEMAS[key], value)) throw new Error(`config: settings.${key} is not valid`);
  }
  if (data.buddy !== undefined) {
    const result = v.safeParse(StoredBuddySchema, data.buddy);
    if (!result.success) throw new Error(`config: the buddy is not valid (${describeIssue(result.issues[0])})`);
    if (data.buddy.growth !== undefined && !v.is(GrowthSchema, data.buddy.growth)) throw new Error('config: the buddy\'s growth is not valid');
  }
  if (data.events !== undefined && !v.is(EventCursorSchema, data.events)) throw new Error('config: the event log position is not valid');
  for (const item of data.archive ?? []) {
    if (!v.is(ArchivedBuddySchema, item)) throw new Error('config: an archived buddy is not valid');
  }
}

/** The checked parts of a config file, with defaults filled in. */
export function normaliseConfig(raw: unknown): ConfigData {
  return checkConfig(raw).data;
}
