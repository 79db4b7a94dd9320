// `buddy log --since`: durations back from now, or a date (and time) that exists on the calendar. A date
// parser rolls 2026-02-30 over to 2 March; --since refuses it instead.
import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/commands/log.js';
import { UsageError } from '../../src/cli/command-errors.js';
import { daysInMonth, isCalendarStamp } from '../../src/render/journal-lines.js';

const NOW = Date.UTC(2026, 4, 10, 12);

describe('daysInMonth', () => {
  it('gives February 29 days only in leap years (every 4th, not every 100th, but every 400th)', () => {
    expect([2024, 2025, 2026, 1900, 2000, 2100].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 28, 29, 28]);
  });

  it('gives 30 days to April, June, September and November, 31 to the others', () => {
    expect(Array.from({ length: 12 }, (_, index) => daysInMonth(2026, index + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('isCalendarStamp', () => {
  it.each(['2024-02-29', '2026-02-28', '2026-01-31', '2026-12-31', '2026-04-30', '2000-02-29', '2026-05-01T00:00', '2026-05-01 23:59:59', '2026-05-01T14:00:30.5Z', '2026-05-01T14:00+02:00', '2026-05-01T14:00-0500'])(
    '%s exists',
    (text) => {
      expect(isCalendarStamp(text)).toBe(true);
    },
  );

  it.each(['2026-02-30', '2026-02-29', '2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-05-00', '2026-05-32', '2026-05-01T24:00', '2026-05-01T23:60', '2026-05-01T23:59:60', '2026-05-01T14:00+24:00', '2026-05-01T14:00+02:60'])(
    '%s does not',
    (text) => {
      expect(isCalendarStamp(text)).toBe(false);
    },
  );

  it.each(['2026-5-1', '26-05-01', '2026-05-01T14', '2026-05-01Z', '2026-05-01T14:00:00:00', ' 2026-05-01', 'yesterday', ''])('%j is not a date at all', (text) => {
    expect(isCalendarStamp(text)).toBe(false);
  });
});

describe('parseSince', () => {
  it('reads durations back from now', () => {
    expect(parseSince('2h', NOW)).toBe(NOW - 2 * 3_600_000);
    expect(parseSince('1h30m', NOW)).toBe(NOW - 90 * 60_000);
  });

  it('reads a date that exists, including 29 February of a leap year', () => {
    expect(parseSince('2024-02-29', NOW)).toBe(Date.UTC(2024, 1, 29));
    expect(parseSince('2026-05-01T14:00Z', NOW)).toBe(Date.UTC(2026, 4, 1, 14));
    expect(parseSince(' 2026-02-28 ', NOW)).toBe(Date.UTC(2026, 1, 28));
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-05-01T25:00'])('refuses %s as no date on the calendar', (text) => {
    expect(() => parseSince(text, NOW)).toThrow(UsageError);
    expect(() => parseSince(text, NOW)).toThrow(`log: --since ${text} is not a date on the calendar`);
  });

  it('refuses what is neither a duration nor a date with the general hint', () => {
    expect(() => parseSince('yesterday', NOW)).toThrow('log: --since takes a duration such as 30m, 2h, 7d or 1h30m, or a date such as 2026-05-01');
  });
});
