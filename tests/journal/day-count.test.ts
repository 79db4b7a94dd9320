// One local day of the journal counted for the daily greeting: distinct sessions, failed runs and runs gone
// green, by the event a line names or, for older lines, by its words; yesterday is not two days ago.
import { describe, expect, it } from 'vitest';
import { countDay } from '../../src/journal/day-count.js';
import type { JournalRecord } from '../../src/render/journal-lines.js';
import { SPECIES_LINES } from '../../src/species/lines.js';

const at = (iso: string): number => Date.parse(iso);
const record = (iso: string, fields: Partial<JournalRecord>): JournalRecord => ({ at: iso, time: at(iso), source: 'say', text: 'hello', ...fields });

const RECORDS: JournalRecord[] = [
  record('2026-12-04T12:00:00Z', { source: 'reaction', event: 'recovered', session: 'old' }),
  record('2026-12-05T09:00:00Z', { source: 'reaction', event: 'testsFailed', session: 'a' }),
  record('2026-12-05T09:05:00Z', { source: 'reaction', event: 'testsFailed', session: 'a' }),
  record('2026-12-05T09:10:00Z', { source: 'reaction', event: 'recovered', session: 'b' }),
  record('2026-12-05T10:00:00Z', { source: 'reaction', text: SPECIES_LINES.Pebblecrab.recovered[0]!, session: 'b' }),
  record('2026-12-05T11:00:00Z', { source: 'say', session: 'pet-1' }),
  record('2026-12-05T12:00:00Z', { source: 'reply', event: 'recovered' }),
  record('2026-12-05T23:30:00Z', { source: 'reaction', event: 'testsFailed', session: 'late' }),
];

describe('countDay', () => {
  it('counts the sessions, failures and greens of that day only', () => {
    expect(countDay(RECORDS, '2026-12-05', 0)).toEqual({ sessions: 4, failed: 3, green: 2 });
    expect(countDay(RECORDS, '2026-12-04', 0)).toEqual({ sessions: 1, failed: 0, green: 1 });
    expect(countDay(RECORDS, '2026-12-03', 0)).toEqual({ sessions: 0, failed: 0, green: 0 });
    expect(countDay([], '2026-12-05', 0)).toEqual({ sessions: 0, failed: 0, green: 0 });
  });

  it('reads each line\'s day by the offset', () => {
    // At UTC+1 the 23:30 line belongs to the 6th.
    expect(countDay(RECORDS, '2026-12-05', 60)).toEqual({ sessions: 3, failed: 2, green: 2 });
    expect(countDay(RECORDS, '2026-12-06', 60)).toEqual({ sessions: 1, failed: 1, green: 0 });
  });
});
