// The harness's time zone for the built CLI: at every hour of the UTC day, it is daytime there and the
// same date as in UTC, so no test of the local hour or day depends on when the suite runs.
import { describe, expect, it } from 'vitest';
import { daytimeZone } from '../helpers/cli.js';

describe('daytimeZone', () => {
  it.each(Array.from({ length: 24 }, (_, hour) => hour))('at %i:30 UTC gives a zone where it is between 08:00 and 22:00 on the same date', (hour) => {
    const now = new Date(Date.UTC(2026, 11, 31, hour, 30));
    const zone = daytimeZone(now);
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' }).formatToParts(now).map((part) => [part.type, part.value]));
    expect(`${parts.year}-${parts.month}-${parts.day}`).toBe('2026-12-31');
    expect(Number(parts.hour)).toBeGreaterThanOrEqual(8);
    expect(Number(parts.hour)).toBeLessThan(22);
  });

  it('is UTC itself through the working day', () => {
    expect(daytimeZone(new Date(Date.UTC(2026, 0, 1, 12)))).toBe('UTC');
    expect(daytimeZone(new Date(Date.UTC(2026, 0, 1, 0, 30)))).toBe('Etc/GMT-10');
    expect(daytimeZone(new Date(Date.UTC(2026, 0, 1, 23, 30)))).toBe('Etc/GMT+3');
  });
});
