// A journal line's moment as the log and the pet's panel show it: in local time (each moment here is made
// from local fields, so the test holds in any zone), every field two digits and the year four.
import { describe, expect, it } from 'vitest';
import { localStamp } from '../../src/journal/stamp.js';

const local = (year: number, monthIndex: number, day: number, hour: number, minute: number, second: number): number =>
  new Date(year, monthIndex, day, hour, minute, second).getTime();

describe('localStamp', () => {
  it('gives the full stamp with every field padded to two digits', () => {
    expect(localStamp(local(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
    expect(localStamp(local(2026, 0, 2, 3, 4, 5), 'full')).toBe('2026-01-02 03:04:05');
    expect(localStamp(local(2025, 11, 31, 23, 59, 59))).toBe('2025-12-31 23:59:59');
    expect(localStamp(local(2026, 9, 10, 10, 10, 10))).toBe('2026-10-10 10:10:10');
  });

  it('gives only the hour and minute in the short form', () => {
    expect(localStamp(local(2026, 4, 1, 9, 7, 30), 'short')).toBe('09:07');
    expect(localStamp(local(2026, 4, 1, 14, 2, 9), 'short')).toBe('14:02');
  });
});
