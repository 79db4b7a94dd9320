// The stored growth of a buddy (src/game/state.ts), in valibot. Growth is read leniently: a field that
// fails falls back on its own and the rest is kept, so a damaged field never costs a buddy its level or
// its soul (the file as it was is kept aside, like any other repair). Writes are checked strictly.
import * as v from 'valibot';
import { WITNESSED_KINDS } from '../game/events.js';
import { BRANCHES } from '../game/branch.js';
import { COUNTERS, GROWTH_VERSION, initialGrowth, MOODS, PENDING_KEPT, SEEN_IDS_KEPT, XP_CATEGORIES, type Counter, type GrowthState } from '../game/state.js';
import { FULL } from '../game/needs.js';
import { ITEM_SLOT, isWardrobeId, WARDROBE_SLOTS, type WardrobeId } from '../game/wardrobe-slots.js';
import { MAX_ROUND_SCORE } from '../game/catch/rules.js';

const MAX_COUNT = 1_000_000_000;
/** Far enough for any real date (the year 275760 is the last a Date can hold). */
const MAX_MOMENT = 8_640_000_000_000_000;
const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT));
const MOMENT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_MOMENT));
const DAY = v.pipe(v.number(), v.integer(), v.minValue(-100_000_000), v.maxValue(100_000_000));
/** A day of hourly buckets per category, and room for a clock that jumped. */
const MAX_BUCKETS = 24 * XP_CATEGORIES.length * 2;
const ACHIEVEMENT_ID = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));

const BucketSchema = v.object({ hour: v.pipe(v.number(), v.integer(), v.minValue(0)), category: v.picklist(XP_CATEGORIES), xp: COUNT });
const AnnouncementSchema = v.variant('kind', [
  v.object({ kind: v.literal('level'), level: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(50)), branch: v.optional(v.picklist(BRANCHES)) }),
  v.object({ kind: v.literal('achievement'), id: ACHIEVEMENT_ID }),
  v.object({ kind: v.literal('trick'), id: ACHIEVEMENT_ID }),
  v.object({ kind: v.literal('item'), id: ACHIEVEMENT_ID }),
]);
const BrokenStreakSchema = v.object({ current: COUNT, lastDay: DAY, lastCareAt: v.optional(MOMENT), resetAt: MOMENT });
const StreakSchema = v.object({ current: COUNT, best: COUNT, lastDay: v.optional(DAY), broken: v.optional(BrokenStreakSchema) });
/** Achievement id → moment, as earned or as claimed. */
const MomentsById = v.record(ACHIEVEMENT_ID, MOMENT);
const RaisingSchema = v.object({ care: COUNT, work: COUNT, night: COUNT });
const BRANCH = v.picklist(BRANCHES);
const BranchesSchema = v.object({ young: v.optional(BRANCH), adult: v.optional(BRANCH), elder: v.optional(BRANCH) });
const SCORE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ROUND_SCORE));
const PlaySchema = v.object({ rounds: COUNT, best: v.object({ live: SCORE, turns: SCORE }) });
/** The mini-game's record read leniently: a damaged count or best falls back alone (a best to 0, never the rest). */
const LenientPlaySchema = v.object({
  rounds: v.fallback(COUNT, 0),
  best: v.fallback(v.object({ live: v.fallback(SCORE, 0), turns: v.fallback(SCORE, 0) }), { live: 0, turns: 0 }),
});
const CountsSchema = v.object(Object.fromEntries(COUNTERS.map((counter) => [counter, v.optional(COUNT, 0)])) as Record<Counter, v.OptionalSchema<typeof COUNT, 0>>);

/** The wardrobe: unlocked items by id, and what is worn, which must be unlocked and of that slot. */
const ITEM_ID = v.picklist(Object.keys(ITEM_SLOT) as WardrobeId[]);
const WardrobeSchema = v.pipe(
  v.object({ unlocked: v.record(ITEM_ID, MOMENT), worn: v.object({ head: v.optional(ITEM_ID), card: v.optional(ITEM_ID) }) }),
  v.check(({ unlocked, worn }) => WARDROBE_SLOTS.every((slot) => worn[slot] === undefined || (unlocked[worn[slot]] !== undefined && ITEM_SLOT[worn[slot]] === slot)), 'a worn item must be unlocked and of its slot'),
);

/** The wardrobe read leniently: unknown ids are dropped, and so is a worn item that is not unlocked or not of its slot. */
const LenientWardrobe = v.pipe(
  v.object({ unlocked: v.fallback(v.record(v.string(), v.unknown()), {}), worn: v.fallback(v.record(v.string(), v.unknown()), {}) }),
  v.transform(({ unlocked, worn }) => {
    const kept = Object.fromEntries(Object.entries(unlocked).filter(([id, at]) => isWardrobeId(id) && v.is(MOMENT, at))) as Record<string, number>;
    const wearing = Object.fromEntries(
      WARDROBE_SLOTS.flatMap((slot) => {
        const id = worn[slot];
        return typeof id === 'string' && isWardrobeId(id) && kept[id] !== undefined && ITEM_SLOT[id] === slot ? [[slot, id]] : [];
      }),
    ) as { head?: string; card?: string };
    return { unlocked: kept, worn: wearing };
  }),
);

/** Each field's rule, strict: what every write must pass. */
const FIELDS = {
  version: v.literal(GROWTH_VERSION),
  startedAt: MOMENT,
  xp: COUNT,
  fullness: v.pipe(v.number(), v.minValue(0), v.maxValue(FULL)),
  needsAt: MOMENT,
  lastCareAt: v.optional(MOMENT),
  lastWitnessed: v.optional(v.object({ kind: v.picklist(WITNESSED_KINDS), at: MOMENT })),
  counts: CountsSchema,
  streak: StreakSchema,
  earned: v.pipe(v.array(BucketSchema), v.maxLength(MAX_BUCKETS)),
  achievements: MomentsById,
  claims: v.optional(MomentsById, {}),
  moodsSeen: v.pipe(v.array(v.picklist(MOODS)), v.maxLength(MOODS.length)),
  seenIds: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(120))), v.maxLength(SEEN_IDS_KEPT)),
  pending: v.pipe(v.array(AnnouncementSchema), v.maxLength(PENDING_KEPT)),
  raising: v.optional(RaisingSchema),
  branches: v.optional(BranchesSchema),
  play: v.optional(PlaySchema),
  wardrobe: v.optional(WardrobeSchema),
};

export const GrowthSchema = v.object(FIELDS);

/** Fallbacks for a damaged field: a start of 0 is read as the hatch (see growthOf). */
const EMPTY = initialGrowth(0);

/** Achievement id → moment, read keeping each entry that passes. */
const LenientMoments = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((record) => Object.fromEntries(Object.entries(record).filter(([id, at]) => v.is(ACHIEVEMENT_ID, id) && v.is(MOMENT, at))) as Record<string, number>),
);

/** The same fields read leniently: each bad one falls back on its own. */
export const LenientGrowthSchema = v.object({
  version: v.fallback(FIELDS.version, GROWTH_VERSION),
  startedAt: v.fallback(FIELDS.startedAt, 0),
  xp: v.fallback(FIELDS.xp, 0),
  fullness: v.fallback(FIELDS.fullness, EMPTY.fullness),
  needsAt: v.fallback(FIELDS.needsAt, 0),
  lastCareAt: v.fallback(FIELDS.lastCareAt, undefined),
  lastWitnessed: v.fallback(FIELDS.lastWitnessed, undefined),
  counts: v.fallback(v.object(Object.fromEntries(COUNTERS.map((counter) => [counter, v.fallback(v.optional(COUNT, 0), 0)])) as Record<Counter, v.SchemaWithFallback<v.OptionalSchema<typeof COUNT, 0>, 0>>), EMPTY.counts),
  // A damaged broken streak alone is let go: it never costs the streak itself.
  streak: v.fallback(v.object({ ...StreakSchema.entries, broken: v.fallback(v.optional(BrokenStreakSchema), undefined) }), EMPTY.streak),
  earned: v.fallback(v.pipe(v.array(v.unknown()), v.transform((items) => items.filter((item) => v.is(BucketSchema, item)).slice(-MAX_BUCKETS))), []),
  achievements: v.fallback(LenientMoments, {}),
  claims: v.fallback(v.optional(LenientMoments, {}), {}),
  moodsSeen: v.fallback(FIELDS.moodsSeen, []),
  seenIds: v.fallback(FIELDS.seenIds, []),
  pending: v.fallback(FIELDS.pending, []),
  // A damaged tally starts again; a damaged branch alone is let go, to be decided again on the next fold.
  raising: v.fallback(FIELDS.raising, undefined),
  branches: v.fallback(
    v.optional(v.object({ young: v.fallback(v.optional(BRANCH), undefined), adult: v.fallback(v.optional(BRANCH), undefined), elder: v.fallback(v.optional(BRANCH), undefined) })),
    undefined,
  ),
  play: v.fallback(v.optional(LenientPlaySchema), undefined),
  wardrobe: v.fallback(v.optional(LenientWardrobe), undefined),
});

export type StoredGrowth = v.InferOutput<typeof LenientGrowthSchema>;

/** Whether a stored growth value passes every rule (a lenient read of one that does not is a repair). */
export function isGrowthValid(value: unknown): boolean {
  return v.is(GrowthSchema, value);
}

/** A buddy's growth: as stored, or, for a buddy stored before growth existed, level 1 from its hatch. */
export function growthOf(buddy: { readonly hatchedAt: string; readonly growth?: StoredGrowth | undefined }, now: number): GrowthState {
  const hatched = Date.parse(buddy.hatchedAt);
  const startedAt = Number.isFinite(hatched) && hatched >= 0 ? hatched : now;
  if (!buddy.growth) return initialGrowth(startedAt, now);
  const growth = buddy.growth;
  return {
    ...growth,
    startedAt: growth.startedAt > 0 ? growth.startedAt : startedAt,
    needsAt: growth.needsAt > 0 ? growth.needsAt : now,
    counts: { ...EMPTY.counts, ...growth.counts },
  };
}

const LOG_POSITION = v.object({ file: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), offset: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/**
 * How far the event log has been folded: the log file (by device, inode and birth time, so a new file is
 * known) and the bytes taken from it, and the same for the file rotated out before it, in case a late
 * writer still appended to that one.
 */
export const EventCursorSchema = v.object({
  file: v.optional(LOG_POSITION.entries.file),
  offset: LOG_POSITION.entries.offset,
  previous: v.optional(LOG_POSITION),
});
export type EventCursor = v.InferOutput<typeof EventCursorSchema>;

/** Growth in the stored form (the schema's lists are plain arrays). */
export function toStoredGrowth(state: GrowthState): StoredGrowth {
  const play = state.play ? { play: { rounds: state.play.rounds, best: { ...state.play.best } } } : {};
  return { ...state, earned: [...state.earned], moodsSeen: [...state.moodsSeen], seenIds: [...state.seenIds], pending: [...state.pending], claims: { ...state.claims }, ...play };
}
