// The daily moment: the first time the buddy is seen on a local day (the pet, or the statusline's first Node
// refresh), it greets with something true about the person's recent days. The day is claimed once, by a
// marker made by exclusive create (files/day-marker.ts), so any number of processes greet exactly once;
// muted, nothing is said and the day stays unclaimed. Offline only here, light enough for the statusline;
// the model's version is in daily-model.ts.
import path from 'node:path';
import { DAY_MS, localDate, localDay } from '../game/clock.js';
import { chooseDailyFact, type DailyFact } from '../game/daily.js';
import { claimDay } from '../files/day-marker.js';
import { countDay } from '../journal/day-count.js';
import { readJournal } from '../journal/read-back.js';
import { dailyWords } from '../persona/daily-words.js';
import { growthOf } from '../store/growth-schema.js';
import { cacheDir } from '../store/paths.js';
import type { Settings, StoredBuddy } from '../store/schema.js';

/** Where the day markers are kept: beside the statusline's session state. */
export function dailyDir(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'daily');
}

export interface DailyGreeting {
  readonly text: string;
  readonly fact: DailyFact;
  /** The local date it greets, YYYY-MM-DD. */
  readonly date: string;
}

/** The process's local offset at `now`, minutes east of UTC. */
export function offsetAt(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** The fact to greet with, from the journal, the streak and the remembered facts. */
export function dailyFactOf(env: NodeJS.ProcessEnv, buddy: StoredBuddy, now: number, offsetMinutes: number): DailyFact {
  const yesterday = localDate((localDay(now, offsetMinutes) - 1) * DAY_MS, 0);
  return chooseDailyFact({
    now,
    offsetMinutes,
    yesterday: countDay(readJournal(env), yesterday, offsetMinutes),
    streak: growthOf(buddy, now).streak,
    remembered: (buddy.facts ?? []).map((fact) => fact.text),
  });
}

/**
 * Claims today and gives its offline greeting; undefined when muted, on the day it hatched, or already
 * greeted today (anywhere).
 */
export function greetToday(env: NodeJS.ProcessEnv, buddy: StoredBuddy, settings: Settings, now: number): DailyGreeting | undefined {
  if (settings.muted) return undefined;
  const offsetMinutes = offsetAt(now);
  const date = localDate(now, offsetMinutes);
  // The hatch was that day's hello: a buddy greets from the day after it hatched (the day stays unclaimed).
  const hatched = Date.parse(buddy.hatchedAt);
  if (!Number.isFinite(hatched) || localDate(hatched, offsetMinutes) >= date) return undefined;
  if (!claimDay(dailyDir(env), date)) return undefined;
  const fact = dailyFactOf(env, buddy, now, offsetMinutes);
  return { text: dailyWords(buddy.bones, fact, date), fact, date };
}
