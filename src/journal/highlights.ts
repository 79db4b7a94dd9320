// The last sessions' highlights, read back from the journal on demand (nothing is stored twice): what
// broke, what went green again, by day. A reaction line names its event (tests failing, an error, a big
// change, a recovery: tests green again, or an agent's work done); lines journaled before events were kept
// are known by their exact words, every one of them a line of its species' bank. Other lines (talk, care,
// greetings, a model's rewrite of a reaction) are not highlights.
import { SPECIES_LINES, type ReactionEvent } from '../species/lines.js';
import type { JournalRecord } from '../render/journal-lines.js';
import { readJournal } from './read-back.js';

const WATCHED = ['testsFailed', 'error', 'bigDiff', 'recovered'] as const satisfies readonly ReactionEvent[];
export type HighlightEvent = (typeof WATCHED)[number];

/** The days with highlights `buddy memory` shows, the latest. */
export const HIGHLIGHT_DAYS = 3;

/** Every watched line of every species, with its event: built once, when `buddy memory` loads this. */
const LINES_TO_EVENTS: ReadonlyMap<string, HighlightEvent> = new Map(
  Object.values(SPECIES_LINES).flatMap((bank) => WATCHED.flatMap((event) => bank[event].map((line) => [line, event] as const))),
);

const isWatched = (event: string): event is HighlightEvent => (WATCHED as readonly string[]).includes(event);

/** A journaled event, if it is one the highlights count (testsFailed, error, bigDiff, recovered). */
export function watchedEvent(event: string): HighlightEvent | undefined {
  return isWatched(event) ? event : undefined;
}

/** Which watched event a reaction line was; undefined for any other line. */
export function reactionEventOf(text: string): HighlightEvent | undefined {
  return LINES_TO_EVENTS.get(text);
}

export interface DayHighlight {
  /** The local day, `2026-12-01`. */
  readonly day: string;
  /** Its weekday, `Tue`. */
  readonly weekday: string;
  /** What happened, e.g. `tests failed 3×, then green`. */
  readonly text: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const two = (value: number): string => String(value).padStart(2, '0');

function localDay(time: number): { day: string; weekday: string } {
  const date = new Date(time);
  return { day: `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`, weekday: WEEKDAYS[date.getDay()] ?? '' };
}

const times = (count: number): string => `${count}×`;
const counted = (count: number, one: string, many: string): string => (count === 1 ? one : `${count} ${many}`);

/** One day's events, oldest first, in a few words. */
export function describeDay(events: readonly HighlightEvent[]): string {
  const count = (kind: HighlightEvent): number => events.filter((event) => event === kind).length;
  const failed = count('testsFailed');
  const errors = count('error');
  const changes = count('bigDiff');
  const greens = count('recovered');
  const parts = [
    ...(failed > 0 ? [`tests failed ${times(failed)}`] : []),
    ...(errors > 0 ? [counted(errors, 'an error', 'errors')] : []),
    ...(changes > 0 ? [counted(changes, 'a big change', 'big changes')] : []),
  ];
  const lastTrouble = Math.max(events.lastIndexOf('testsFailed'), events.lastIndexOf('error'));
  const lastGreen = events.lastIndexOf('recovered');
  if (lastTrouble < 0) return [...parts, ...(greens > 0 ? [`green ${times(greens)}`] : [])].join(', ');
  if (lastGreen > lastTrouble) return `${parts.join(', ')}, then green`;
  if (greens > 0) return `${parts.join(', ')}, green ${times(greens)} between, still red at the end`;
  return parts.join(', ');
}

/** The latest `days` days that had highlights, oldest first, from journal records (oldest first). */
export function highlightsOf(records: readonly JournalRecord[], days = HIGHLIGHT_DAYS): DayHighlight[] {
  const byDay = new Map<string, { weekday: string; events: HighlightEvent[] }>();
  for (const record of records) {
    if (record.source !== 'reaction') continue;
    // Lines that name their event say it; older ones are known by their words. A line without an event
    // that is no line of a bank (a model's rewrite of a reaction journaled already) is not counted again.
    const event = record.event === undefined ? reactionEventOf(record.text) : watchedEvent(record.event);
    if (!event) continue;
    const { day, weekday } = localDay(record.time);
    const entry = byDay.get(day) ?? { weekday, events: [] };
    entry.events.push(event);
    byDay.set(day, entry);
  }
  if (days <= 0) return [];
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-days)
    .map(([day, { weekday, events }]) => ({ day, weekday, text: describeDay(events) }));
}

/** The highlights of the journal here. */
export function readHighlights(env: NodeJS.ProcessEnv, days = HIGHLIGHT_DAYS): DayHighlight[] {
  return highlightsOf(readJournal(env), days);
}
