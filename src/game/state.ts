// A buddy's growth as stored with it: experience, the belly's fullness at a moment, what it has seen and
// been given, its care streak, the XP earned per hour (for the caps), achievements with the moment each was
// earned, and announcements not yet shown. Times are ms since the epoch. Pure data; rules in fold.ts.
import type { WitnessedKind } from './events.js';
import { STARTING_FULLNESS } from './needs.js';

export const GROWTH_VERSION = 1 as const;
/** Ids of recently folded events kept to count each once; announcements kept until shown. */
export const SEEN_IDS_KEPT = 64;
export const PENDING_KEPT = 20;

export const COUNTERS = ['pets', 'feeds', 'talks', 'sessions', 'recoveries', 'failures', 'errors', 'bigDiffs', 'silences'] as const;
export type Counter = (typeof COUNTERS)[number];

export const MOODS = ['cheerful', 'content', 'hungry', 'sleepy', 'worried'] as const;
export type Mood = (typeof MOODS)[number];

export const XP_CATEGORIES = ['care', 'talk', 'coding', 'daily', 'play'] as const;
export type XpCategory = (typeof XP_CATEGORIES)[number];

/** XP of one category earned in one UTC hour. */
export interface XpBucket {
  readonly hour: number;
  readonly category: XpCategory;
  readonly xp: number;
}

export type Announcement =
  /** A level-up that reached a new stage carries the branch that stage grew into (branch.ts). */
  | { readonly kind: 'level'; readonly level: number; readonly branch?: 'care' | 'work' | 'night' | 'balanced' }
  | { readonly kind: 'achievement'; readonly id: string }
  /** A trick a level-up taught (tricks.ts). */
  | { readonly kind: 'trick'; readonly id: string }
  /** A wardrobe item unlocked (wardrobe.ts). */
  | { readonly kind: 'item'; readonly id: string };

/** The streak a missed day broke, kept until the next break (a break a clock that ran ahead caused is undone). */
export interface BrokenStreak {
  readonly current: number;
  readonly lastDay: number;
  /** Its last care. */
  readonly lastCareAt?: number;
  /** When the care that broke it came. */
  readonly resetAt: number;
}

export interface Streak {
  readonly current: number;
  readonly best: number;
  /** The local day of the last care, when there was one. */
  readonly lastDay?: number;
  readonly broken?: BrokenStreak;
}

export interface GrowthState {
  readonly version: typeof GROWTH_VERSION;
  /** When growth began: the hatch, kept across migrations. */
  readonly startedAt: number;
  readonly xp: number;
  /** Fullness (0 to 100) at `needsAt`; it empties from there. */
  readonly fullness: number;
  readonly needsAt: number;
  readonly lastCareAt?: number;
  readonly lastWitnessed?: { readonly kind: WitnessedKind; readonly at: number };
  readonly counts: Readonly<Record<Counter, number>>;
  readonly streak: Streak;
  /** The last day's XP by hour and category: what the caps count. */
  readonly earned: readonly XpBucket[];
  /** Achievement id → when it was earned. */
  readonly achievements: Readonly<Record<string, number>>;
  /**
   * Time-based achievements that one fold found earned, id → the moment: a later fold whose clock has
   * reached that moment confirms them (a clock that ran ahead never unlocks them on its own).
   */
  readonly claims: Readonly<Record<string, number>>;
  readonly moodsSeen: readonly Mood[];
  /** Ids of recently folded events that more than one process could have recorded. */
  readonly seenIds: readonly string[];
  /** Level-ups and achievements not yet announced. */
  readonly pending: readonly Announcement[];
  /** What raised it since its current stage began: care, work, and either of them late at night (branch.ts). */
  readonly raising?: { readonly care: number; readonly work: number; readonly night: number };
  /** The branch each stage after the hatchling grew into, decided once when the stage was reached. */
  readonly branches?: Readonly<Partial<Record<'young' | 'adult' | 'elder', 'care' | 'work' | 'night' | 'balanced'>>>;
  /** The mini-game: rounds played and the best score in each mode. */
  readonly play?: { readonly rounds: number; readonly best: Readonly<Record<'live' | 'turns', number>> };
  /** The wardrobe: what it has unlocked (item id → when) and what it wears (src/game/wardrobe.ts). */
  readonly wardrobe?: Wardrobe;
}

/** Item id → the moment it was unlocked, and the item worn in each slot (always one it unlocked). */
export interface Wardrobe {
  readonly unlocked: Readonly<Record<string, number>>;
  readonly worn: { readonly head?: string; readonly card?: string };
}

const NO_COUNTS: Readonly<Record<Counter, number>> = Object.fromEntries(COUNTERS.map((counter) => [counter, 0])) as Record<Counter, number>;

/** A buddy at level 1: growth began at `startedAt` (its hatch), its needs are reckoned from `now`. */
export function initialGrowth(startedAt: number, now: number = startedAt): GrowthState {
  return {
    version: GROWTH_VERSION,
    startedAt,
    xp: 0,
    fullness: STARTING_FULLNESS,
    needsAt: now,
    counts: NO_COUNTS,
    streak: { current: 0, best: 0 },
    earned: [],
    achievements: {},
    claims: {},
    moodsSeen: [],
    seenIds: [],
    pending: [],
  };
}
