// The journal read back, as people see it: which lines to show (since when, how many) and how one line
// looks. Pure: times arrive as numbers and stamps as text, made by the caller.

/** One journal line, checked and cleaned. */
export interface JournalRecord {
  /** ISO 8601, as written. */
  readonly at: string;
  /** The same moment in milliseconds since the epoch. */
  readonly time: number;
  readonly source: string;
  /** A reaction's event, when the line says it (lines written before it was kept do not). */
  readonly event?: string;
  readonly session?: string;
  readonly name?: string;
  readonly mood?: string;
  readonly text: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Further back than this is no duration anyone means (and keeps the sum a safe integer). */
const MAX_SINCE_MS = 100 * 365 * 86_400_000;

/** `2h`, `30m`, `1h30m`, `7d`, `2w`, `90s` as milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!/^(?:\d{1,6}[smhdw])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return total > 0 && total <= MAX_SINCE_MS ? total : undefined;
}

// `2026-05-01`, then optionally `T14:00` (or a space), `:30`, `.5`, and a zone: `Z`, `+02:00`, `-0500`.
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** Days in a month (1 to 12) of the Gregorian calendar: 29 February only in leap years. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether a date, or a date and time, names a moment that exists: no 30 February, no 29 February outside
 * a leap year, no month 13, no 24:00 or minute 60. (A date parser would quietly roll 2026-02-30 over to
 * 2 March.)
 */
export function isCalendarStamp(text: string): boolean {
  const match = STAMP.exec(text);
  if (!match) return false;
  const part = (index: number): number => Number(match[index] ?? 0);
  const [month, day] = [part(2), part(3)];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(part(1), month) && part(4) <= 23 && part(5) <= 59 && part(6) <= 59 && part(7) <= 23 && part(8) <= 59;
}

/** Whether text has the form of a date (and time), real or not: then a refusal can say it is no real date. */
export function looksLikeStamp(text: string): boolean {
  return STAMP.test(text);
}

export interface Selection {
  /** Only lines said at or after this moment. */
  readonly since?: number | undefined;
  /** Only the last this many. */
  readonly count?: number | undefined;
}

/** The lines to show, oldest first: those since the moment asked, the last `count` of them. */
export function selectRecords(records: readonly JournalRecord[], selection: Selection): JournalRecord[] {
  const since = selection.since;
  const recent = since === undefined ? [...records] : records.filter((record) => record.time >= since);
  return selection.count === undefined ? recent : recent.slice(Math.max(0, recent.length - selection.count));
}

/** `2026-05-01 14:02  reaction  Dorina: text`; the source padded so the texts line up. */
export function formatRecord(record: JournalRecord, stamp: string): string {
  const who = record.name ? `${record.name}: ` : '';
  return `${stamp}  ${record.source.padEnd(8)}  ${who}${record.text}`;
}

/** The JSON form of one line for `buddy log --json`: the checked fields only, in a fixed order. */
export function recordJson(record: JournalRecord): string {
  const { time: _time, ...fields } = record;
  return JSON.stringify({
    at: fields.at,
    source: fields.source,
    ...(fields.event === undefined ? {} : { event: fields.event }),
    ...(fields.session === undefined ? {} : { session: fields.session }),
    ...(fields.name === undefined ? {} : { name: fields.name }),
    ...(fields.mood === undefined ? {} : { mood: fields.mood }),
    text: fields.text,
  });
}
