// The journal's lines as `buddy log` chooses them, each limit pinned on both sides: the durations and the
// calendar dates `--since` takes, and the last-n and since choices.
import { describe, expect, it } from 'vitest';
import { isCalendarStamp, parseDuration, selectRecords, type JournalRecord } from '../../src/render/journal-lines.js';

describe('durations for --since', () => {
  it('takes up to six digits a unit, and refuses seven', () => {
    expect(parseDuration('999999s')).toBe(999_999_000);
    expect(parseDuration('1000000s')).toBeUndefined();
  });

  it('takes up to a hundred years of 365 days, and not a second more', () => {
    expect(parseDuration('36500d')).toBe(36_500 * 86_400_000);
    expect(parseDuration('36500d1s')).toBeUndefined();
    expect(parseDuration('5214w2d')).toBe(36_500 * 86_400_000);
    expect(parseDuration('5214w3d')).toBeUndefined();
  });

  it('refuses a duration with anything after its last unit', () => {
    expect(parseDuration('2h30')).toBeUndefined();
    expect(parseDuration('2hx')).toBeUndefined();
  });

  it('adds the parts of a duration, and takes any duration above nothing', () => {
    expect(parseDuration('0m1s')).toBe(1_000);
    expect(parseDuration('1w1d1h1m1s')).toBe(604_800_000 + 86_400_000 + 3_600_000 + 60_000 + 1_000);
    expect(parseDuration('0s0m')).toBeUndefined();
  });
});

describe('dates for --since', () => {
  it('take a fraction of a second of up to nine digits, and a zone up to 23:59 either way', () => {
    expect(isCalendarStamp('2026-05-01T14:00:30.55Z')).toBe(true);
    expect(isCalendarStamp('2026-05-01T14:00:30.123456789Z')).toBe(true);
    expect(isCalendarStamp('2026-05-01T14:00:30.1234567890Z')).toBe(false);
    expect(isCalendarStamp('2026-05-01T14:00+23:00')).toBe(true);
    expect(isCalendarStamp('2026-05-01T14:00-02:59')).toBe(true);
  });
});

describe('choosing lines', () => {
  it('keeps none when asked for the last 0', () => {
    const record: JournalRecord = { at: '2026-05-01T14:02:09.000Z', time: 0, source: 'say', text: 'a' };
    expect(selectRecords([record], { count: 0 })).toEqual([]);
    expect(selectRecords([record], { since: 0 })).toEqual([record]);
    expect(selectRecords([record], { since: 1 })).toEqual([]);
  });
});
