// The journal's `game` source: a round of catch the bug (a new best) is kept and read back as such.
import { describe, expect, it } from 'vitest';
import { JOURNAL_SOURCES, journalLine } from '../../src/journal/append.js';
import { parseJournalLine } from '../../src/journal/read-back.js';

describe('the game source', () => {
  it('is one of the journal sources, after the daily greeting', () => {
    expect(JOURNAL_SOURCES).toEqual(['pet', 'say', 'reaction', 'reply', 'greeting', 'achievement', 'level-up', 'care', 'daily', 'game']);
  });

  it('writes a new best and reads it back', () => {
    const line = journalLine({ source: 'game', text: 'New best: 14 (live)', at: Date.UTC(2026, 11, 6, 15, 0) }, 0);
    expect(JSON.parse(line)).toEqual({ at: '2026-12-06T15:00:00.000Z', source: 'game', text: 'New best: 14 (live)' });
    expect(parseJournalLine(line.trimEnd())).toMatchObject({ source: 'game', text: 'New best: 14 (live)' });
  });
});
