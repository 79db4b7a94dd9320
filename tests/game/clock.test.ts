// Local time for the rules: the date, hour and minute in a time zone given as an offset, every day of two
// centuries (leap years, the century rule and the 400-year rule included), and offsets that cannot exist.
import { describe, expect, it } from 'vitest';
import { DAY_MS, hourIndex, localDate, localDay, localHour, localMinuteOfDay, MINUTE_MS } from '../../src/game/clock.js';

describe('the local date', () => {
  it('names the days around leap days, year ends and the epoch', () => {
    const cases: ReadonlyArray<readonly [number, number, string]> = [
      [Date.UTC(1970, 0, 1), 0, '1970-01-01'],
      [Date.UTC(1970, 0, 1), -60, '1969-12-31'],
      [Date.UTC(2000, 1, 29, 12), 0, '2000-02-29'],
      [Date.UTC(2000, 2, 1), 0, '2000-03-01'],
      [Date.UTC(2024, 1, 29, 23, 30), 0, '2024-02-29'],
      [Date.UTC(2024, 1, 29, 23, 30), 60, '2024-03-01'],
      [Date.UTC(2026, 0, 1), 0, '2026-01-01'],
      [Date.UTC(2026, 1, 28, 12), 0, '2026-02-28'],
      [Date.UTC(2026, 2, 1, 12), 0, '2026-03-01'],
      [Date.UTC(2026, 11, 31, 23, 59), 0, '2026-12-31'],
      [Date.UTC(2026, 11, 31, 23, 59), 1, '2027-01-01'],
      [Date.UTC(2100, 1, 28, 12), 0, '2100-02-28'],
      [Date.UTC(2100, 1, 28, 12) + DAY_MS, 0, '2100-03-01'],
    ];
    for (const [moment, offset, date] of cases) expect(localDate(moment, offset), `${moment} at ${offset}`).toBe(date);
  });

  it('agrees with the civil calendar on every day from 1969 to 2101, in three zones', () => {
    const wrong: string[] = [];
    for (let moment = Date.UTC(1969, 0, 1, 12); moment < Date.UTC(2101, 0, 1); moment += DAY_MS) {
      for (const offset of [-11 * 60, 0, 13 * 60]) {
        const expected = new Date(moment + offset * MINUTE_MS).toISOString().slice(0, 10);
        if (localDate(moment, offset) !== expected) wrong.push(`${expected} at ${offset}: ${localDate(moment, offset)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('always writes the year with four digits', () => {
    expect(localDate(Date.UTC(999, 6, 4), 0)).toBe('0999-07-04');
  });
});

describe('the local hour and minute', () => {
  const midnight = Date.UTC(2026, 2, 2);

  it('shifts by the offset, east and west', () => {
    expect(localHour(midnight, 9 * 60)).toBe(9);
    expect(localHour(midnight, -5 * 60)).toBe(19);
    expect(localDay(midnight, -5 * 60)).toBe(localDay(midnight, 0) - 1);
    expect(localMinuteOfDay(midnight + 90 * MINUTE_MS, 0)).toBe(90);
    expect(localMinuteOfDay(midnight - 1, 0)).toBe(1_439);
  });

  it('takes offsets up to ±18 hours, the widest that exist, rounded to a minute', () => {
    expect(localHour(midnight, 18 * 60)).toBe(18);
    expect(localHour(midnight, -18 * 60)).toBe(6);
    expect(localMinuteOfDay(midnight, 90.4)).toBe(90);
  });

  it('reads an offset that cannot exist as UTC rather than moving the day', () => {
    for (const offset of [18 * 60 + 1, -(18 * 60 + 1), 25 * 60, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(localMinuteOfDay(midnight + 5 * MINUTE_MS, offset), String(offset)).toBe(5);
      expect(localDate(midnight, offset), String(offset)).toBe('2026-03-02');
    }
  });

  it('counts cap hours in UTC, the same in every zone', () => {
    expect(hourIndex(midnight + 59 * MINUTE_MS)).toBe(hourIndex(midnight));
    expect(hourIndex(midnight + 60 * MINUTE_MS)).toBe(hourIndex(midnight) + 1);
  });
});
