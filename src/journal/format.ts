// The journal read back, as people see it: which lines to show (since when, how many) and how one line
// looks. Pure: times arrive as numbers and stamps as text, made by the caller.

/** One journal line, checked and cleaned. */
export interface JournalRecord {
  /** ISO 8601, as written. */
  readonly at: string;
  /** The same moment in milliseconds since the epoch. */
  readonly time: number;
  readonly source: string;
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
    ...(fields.session === undefined ? {} : { session: fields.session }),
    ...(fields.name === undefined ? {} : { name: fields.name }),
    ...(fields.mood === undefined ? {} : { mood: fields.mood }),
    text: fields.text,
  });
}
