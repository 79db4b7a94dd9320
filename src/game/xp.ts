// Experience: what each event is worth, and the caps that keep mashing `p`, a looping script or a
// hand-written log from farming levels. Caps count per UTC hour and category, and over any 24 hours in all.
// The buckets are kept for two days behind the newest one, so an event up to a day older than the newest
// XP is still weighed against every hour around it; an older one (written out of order) earns nothing,
// however the log was written. Buckets beyond the clock are let go when read (fair.ts): a clock that ran
// ahead never blocks XP once it is right again.
import { hourIndex } from './clock.js';
import { playXp } from './catch/result.js';
import type { EventKind, GameEvent } from './events.js';
import type { XpBucket, XpCategory } from './state.js';

export const XP_AWARD: Readonly<Record<EventKind, { readonly category: XpCategory; readonly xp: number }>> = {
  pet: { category: 'care', xp: 2 },
  feed: { category: 'care', xp: 5 },
  talk: { category: 'talk', xp: 8 },
  session: { category: 'coding', xp: 15 },
  recovered: { category: 'coding', xp: 25 },
  bigDiff: { category: 'coding', xp: 10 },
  testsFailed: { category: 'coding', xp: 0 },
  error: { category: 'coding', xp: 0 },
  longSilence: { category: 'coding', xp: 0 },
  sawShiny: { category: 'care', xp: 0 },
  // A round's XP follows its score (xpFor).
  played: { category: 'play', xp: 0 },
};

/** What one event is worth before the caps: its kind's award, or for a round of the mini-game, its score's. */
export function xpFor(event: Pick<GameEvent, 'kind' | 'score'>): number {
  return event.kind === 'played' ? playXp(event.score ?? 0) : XP_AWARD[event.kind].xp;
}

/** The first care of each local day. */
export const DAILY_CARE_BONUS = 10;

export const HOURLY_CAP: Readonly<Record<XpCategory, number>> = { care: 20, talk: 40, coding: 60, daily: DAILY_CARE_BONUS, play: 30 };
export const DAILY_CAP = 400;
const WINDOW_HOURS = 24;
/** How far behind the newest bucket buckets are kept: a window either side of the oldest event still weighed. */
export const MEMORY_HOURS = 2 * WINDOW_HOURS;

/** What held an award back: its category's hourly cap, the cap over 24 hours, or an event too old to weigh. */
export type XpLimit = 'hour' | 'day' | 'late';

export interface Grant {
  readonly granted: number;
  readonly earned: readonly XpBucket[];
  /** Present when less than asked was granted. */
  readonly limit?: XpLimit;
}

export function grantXp(earned: readonly XpBucket[], category: XpCategory, xp: number, at: number): Grant {
  const hour = hourIndex(at);
  const newest = earned.reduce((top, bucket) => Math.max(top, bucket.hour), hour);
  const kept = earned.filter((bucket) => newest - bucket.hour < MEMORY_HOURS);
  // Older than the caps can still be checked against: written out of order, it earns nothing.
  if (newest - hour >= WINDOW_HOURS) return { granted: 0, earned: kept, limit: 'late' };
  const thisHour = kept.filter((bucket) => bucket.hour === hour && bucket.category === category).reduce((sum, bucket) => sum + bucket.xp, 0);
  const inWindow = kept.filter((bucket) => Math.abs(bucket.hour - hour) < WINDOW_HOURS).reduce((sum, bucket) => sum + bucket.xp, 0);
  const hourRoom = HOURLY_CAP[category] - thisHour;
  const dayRoom = DAILY_CAP - inWindow;
  const granted = Math.max(0, Math.min(xp, hourRoom, dayRoom));
  const limit: XpLimit | undefined = granted < xp ? (dayRoom <= hourRoom ? 'day' : 'hour') : undefined;
  const held = limit ? { limit } : {};
  if (granted === 0) return { granted, earned: kept, ...held };
  const others = kept.filter((bucket) => !(bucket.hour === hour && bucket.category === category));
  return { granted, earned: [...others, { hour, category, xp: thisHour + granted }], ...held };
}
