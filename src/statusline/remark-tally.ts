// How many times each kind of thing happened today in a session, so a remark can say "the 3rd red run
// today". A day is the person's local day: the moment and the local offset are passed in, so the count is
// pure and testable, and a new day starts every count again.
import type { RemarkKind } from '../species/remark-facts.js';

export interface RemarkTally {
  /** The local day counted, as YYYY-MM-DD. */
  readonly day: string;
  readonly counts: Readonly<Partial<Record<RemarkKind, number>>>;
}

/** The local day of `now`, `offsetMinutes` east of UTC (as -Date#getTimezoneOffset() gives it). */
export function localDay(now: number, offsetMinutes: number): string {
  return new Date(now + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The tally after these kinds happened on `day` (each once per entry); another day's counts are dropped. */
export function tallied(tally: RemarkTally | undefined, kinds: readonly RemarkKind[], day: string): RemarkTally {
  const counts: Partial<Record<RemarkKind, number>> = tally?.day === day ? { ...tally.counts } : {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return { day, counts };
}

/** How many times `kind` happened on `day` by this tally, at least 1 (the one being remarked on). */
export function timesToday(tally: RemarkTally | undefined, kind: RemarkKind, day: string): number {
  return Math.max(1, tally?.day === day ? (tally.counts[kind] ?? 0) : 0);
}
