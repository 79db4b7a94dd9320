// One local day of the journal counted for the daily greeting: its distinct sessions, its failed test runs
// and the runs that went green again. Read from records already parsed (the caller reads the journal).
import { localDate } from '../game/clock.js';
import type { DayCount } from '../game/daily.js';
import type { JournalRecord } from '../render/journal-lines.js';
import { reactionEventOf, watchedEvent } from './highlights.js';

/** The counts of local date `date` (YYYY-MM-DD, by `offsetMinutes`). */
export function countDay(records: readonly JournalRecord[], date: string, offsetMinutes: number): DayCount {
  const sessions = new Set<string>();
  let failed = 0;
  let green = 0;
  for (const record of records) {
    if (localDate(record.time, offsetMinutes) !== date) continue;
    if (record.session !== undefined) sessions.add(record.session);
    if (record.source !== 'reaction') continue;
    // Lines that name their event say it; older ones are known by their words, as the highlights know them.
    const event = record.event === undefined ? reactionEventOf(record.text) : watchedEvent(record.event);
    if (event === 'testsFailed') failed += 1;
    if (event === 'recovered') green += 1;
  }
  return { sessions: sessions.size, failed, green };
}
