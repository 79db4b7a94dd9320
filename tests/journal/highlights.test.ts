// The last sessions' highlights, read back from the journal: each reaction line is known by its exact
// words from the species' banks, days are local, and each day is told in a few true words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journal } from '../../src/journal/append.js';
import { describeDay, HIGHLIGHT_DAYS, highlightsOf, reactionEventOf, readHighlights, type HighlightEvent } from '../../src/journal/highlights.js';
import type { JournalRecord } from '../../src/render/journal-lines.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { makeTempConfig, removeTempConfig } from '../helpers/temp-config.js';

const fox = SPECIES_LINES.Emberfox;
const LINE: Readonly<Record<HighlightEvent, string>> = { testsFailed: fox.testsFailed[0]!, error: fox.error[1]!, bigDiff: fox.bigDiff[2]!, recovered: fox.recovered[0]! };

const record = (at: string, text: string, source = 'reaction'): JournalRecord => ({ at, time: Date.parse(at), source, text });

describe('reactionEventOf', () => {
  it('knows every watched line of every species', () => {
    for (const bank of Object.values(SPECIES_LINES)) {
      for (const line of bank.testsFailed) expect(['testsFailed', 'error', 'bigDiff', 'recovered']).toContain(reactionEventOf(line));
      for (const line of bank.recovered) expect(reactionEventOf(line)).toBeDefined();
    }
    expect(reactionEventOf(LINE.testsFailed)).toBe('testsFailed');
    expect(reactionEventOf(LINE.error)).toBe('error');
    expect(reactionEventOf(LINE.bigDiff)).toBe('bigDiff');
    expect(reactionEventOf(LINE.recovered)).toBe('recovered');
  });

  it('knows no other line', () => {
    expect(reactionEventOf(fox.petted[0]!)).toBeUndefined();
    expect(reactionEventOf(fox.longSilence[0]!)).toBeUndefined();
    expect(reactionEventOf(`${LINE.testsFailed} `)).toBeUndefined();
    expect(reactionEventOf('')).toBeUndefined();
  });
});

describe('describeDay', () => {
  it.each<[readonly HighlightEvent[], string]>([
    [['testsFailed', 'testsFailed', 'testsFailed', 'recovered'], 'tests failed 3×, then green'],
    [['testsFailed'], 'tests failed 1×'],
    [['error'], 'an error'],
    [['error', 'error', 'bigDiff'], '2 errors, a big change'],
    [['bigDiff', 'bigDiff'], '2 big changes'],
    [['testsFailed', 'error', 'recovered'], 'tests failed 1×, an error, then green'],
    [['recovered', 'testsFailed'], 'tests failed 1×, green 1× between, still red at the end'],
    [['testsFailed', 'recovered', 'error', 'recovered', 'testsFailed'], 'tests failed 2×, an error, green 2× between, still red at the end'],
    [['testsFailed', 'recovered', 'error'], 'tests failed 1×, an error, green 1× between, still red at the end'],
    [['error', 'recovered'], 'an error, then green'],
    [['recovered'], 'green 1×'],
    [['bigDiff', 'recovered', 'recovered'], 'a big change, green 2×'],
    [[], ''],
  ])('%j → %j', (events, text) => {
    expect(describeDay(events)).toBe(text);
  });
});

describe('highlightsOf', () => {
  // The test's time zone is at most ten hours ahead of UTC and two behind (tests/setup.ts): every record is
  // stamped where the local day is the UTC day.
  it('groups by local day, oldest first, and keeps only reactions it knows', () => {
    const records = [
      record('2026-12-01T09:00:00.000Z', LINE.testsFailed),
      record('2026-12-01T09:05:00.000Z', 'Pip, hi', 'say'),
      record('2026-12-01T09:06:00.000Z', LINE.testsFailed, 'say'),
      record('2026-12-01T09:10:00.000Z', LINE.testsFailed),
      record('2026-12-01T10:00:00.000Z', fox.petted[0]!),
      record('2026-12-01T11:00:00.000Z', LINE.recovered),
      record('2026-12-03T12:00:00.000Z', LINE.error),
      record('2026-12-04T12:00:00.000Z', LINE.bigDiff),
    ];
    expect(highlightsOf(records)).toEqual([
      { day: '2026-12-01', weekday: 'Tue', text: 'tests failed 2×, then green' },
      { day: '2026-12-03', weekday: 'Thu', text: 'an error' },
      { day: '2026-12-04', weekday: 'Fri', text: 'a big change' },
    ]);
  });

  it('keeps the latest days only, even when the records are out of order', () => {
    const records = ['2026-12-05', '2026-12-01', '2026-12-04', '2026-12-02', '2026-12-03'].map((day) => record(`${day}T12:00:00.000Z`, LINE.error));
    expect(HIGHLIGHT_DAYS).toBe(3);
    expect(highlightsOf(records).map((day) => day.day)).toEqual(['2026-12-03', '2026-12-04', '2026-12-05']);
    expect(highlightsOf(records, 1).map((day) => day.day)).toEqual(['2026-12-05']);
  });

  it('is empty for a journal without reactions', () => {
    expect(highlightsOf([record('2026-12-01T09:00:00.000Z', 'hello', 'pet')])).toEqual([]);
  });
});

describe('readHighlights', () => {
  let temp: ReturnType<typeof makeTempConfig>;
  beforeEach(() => {
    temp = makeTempConfig('buddy-highlights-');
  });
  afterEach(() => removeTempConfig(temp));

  it('reads them from the journal on disk', () => {
    journal({ at: Date.parse('2026-12-01T09:00:00.000Z'), source: 'reaction', text: LINE.testsFailed }, temp.env);
    journal({ at: Date.parse('2026-12-01T09:30:00.000Z'), source: 'reaction', text: LINE.recovered }, temp.env);
    expect(readHighlights(temp.env)).toEqual([{ day: '2026-12-01', weekday: 'Tue', text: 'tests failed 1×, then green' }]);
    expect(readHighlights(temp.env, 0)).toEqual([]);
  });
});
