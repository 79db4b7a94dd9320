// What the buddy can truly say on the first sight of a day, and which of it tells the most. Pure: yesterday's
// counts (from the journal), the streak and the remembered facts come in with the moment and the local
// offset; the same inputs always choose the same fact.
//
// The order: yesterday's work (a red run turned green first, then the sessions themselves), then a care
// streak still alive of two days or more, then one remembered fact, then a plain hello. A streak whose last
// care is older than yesterday is not said to be running.
import { localDay } from './clock.js';

/** One local day of the journal, counted. */
export interface DayCount {
  /** Distinct sessions (a host session, a pet run, a shell) with a line that day. */
  readonly sessions: number;
  /** Test runs that failed. */
  readonly failed: number;
  /** Test runs that went green again after failing. */
  readonly green: number;
}

export type DailyFact =
  | { readonly kind: 'green'; readonly sessions: number; readonly failed: number; readonly green: number }
  | { readonly kind: 'sessions'; readonly sessions: number }
  | { readonly kind: 'streak'; readonly days: number; readonly best: boolean }
  | { readonly kind: 'remembered'; readonly text: string }
  | { readonly kind: 'hello' };

export type DailyFactKind = DailyFact['kind'];

export interface DailyInputs {
  /** The moment of the first sight, and the local offset (minutes east of UTC) that makes its day. */
  readonly now: number;
  readonly offsetMinutes: number;
  /** Yesterday's counts (the local day before `now`'s). */
  readonly yesterday: DayCount;
  /** The care streak; `lastDay` is the local day number of the last care. */
  readonly streak: { readonly current: number; readonly best: number; readonly lastDay?: number | undefined } | undefined;
  /** The remembered facts' texts, oldest first. */
  readonly remembered: readonly string[];
}

/** The shortest streak worth a greeting: one day in a row is just a day. */
export const DAILY_STREAK_MIN = 2;

/** The most telling true fact for the day of `now`. */
export function chooseDailyFact(inputs: DailyInputs): DailyFact {
  const { yesterday, streak } = inputs;
  if (yesterday.green > 0) return { kind: 'green', sessions: yesterday.sessions, failed: yesterday.failed, green: yesterday.green };
  if (yesterday.sessions > 0) return { kind: 'sessions', sessions: yesterday.sessions };
  const today = localDay(inputs.now, inputs.offsetMinutes);
  // Alive: its last care was today or yesterday (a streak never cared for has no last day).
  if (streak !== undefined && streak.current >= DAILY_STREAK_MIN && (streak.lastDay ?? -Infinity) >= today - 1) {
    return { kind: 'streak', days: streak.current, best: streak.current >= streak.best };
  }
  const facts = inputs.remembered.filter((text) => text.trim() !== '');
  // A different fact on different days, the same one all day.
  if (facts.length > 0) return { kind: 'remembered', text: facts[today % facts.length] as string };
  return { kind: 'hello' };
}
