// Experience: what each event is worth, and the caps that keep mashing `p` or a looping script from
// farming levels. Caps count per UTC hour and category, and over any 24 hours in all. XP buckets more
// than a day away from the moment, either way, stop counting: a clock that jumped never blocks XP for long.
import { hourIndex } from './clock.js';
import type { EventKind } from './events.js';
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
};

/** The first care of each local day. */
export const DAILY_CARE_BONUS = 10;

export const HOURLY_CAP: Readonly<Record<XpCategory, number>> = { care: 20, talk: 40, coding: 60, daily: DAILY_CARE_BONUS };
export const DAILY_CAP = 400;
const WINDOW_HOURS = 24;

export interface Grant {
  readonly granted: number;
  readonly earned: readonly XpBucket[];
}

export function grantXp(earned: readonly XpBucket[], category: XpCategory, xp: number, at: number): Grant {
  const hour = hourIndex(at);
  const kept = earned.filter((bucket) => Math.abs(bucket.hour - hour) < WINDOW_HOURS);
  const thisHour = kept.filter((bucket) => bucket.hour === hour && bucket.category === category).reduce((sum, bucket) => sum + bucket.xp, 0);
  const inWindow = kept.reduce((sum, bucket) => sum + bucket.xp, 0);
  const granted = Math.max(0, Math.min(xp, HOURLY_CAP[category] - thisHour, DAILY_CAP - inWindow));
  if (granted === 0) return { granted, earned: kept };
  const others = kept.filter((bucket) => !(bucket.hour === hour && bucket.category === category));
  return { granted, earned: [...others, { hour, category, xp: thisHour + granted }] };
}
