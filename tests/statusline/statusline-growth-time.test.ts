// The full statusline's growth over the frames prepared ahead: the mood is drawn moment by moment, and the
// frames end at the first moment it would show otherwise (here, the cheer of a care running out).
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../src/game/clock.js';
import { CARE_CHEERS_MS } from '../../src/game/mood.js';
import { initialGrowth } from '../../src/game/state.js';
import { statusGrowth } from '../../src/statusline/growth.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import type { StoredBuddy } from '../../src/store/schema.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');

function buddyCaredFor(minutesAgo: number): StoredBuddy {
  const growth = toStoredGrowth({ ...initialGrowth(NOW - 60 * MINUTE_MS, NOW), fullness: 100, lastCareAt: NOW - minutesAgo * MINUTE_MS });
  // Only the hatch time and the growth are read.
  return { hatchedAt: new Date(NOW - 60 * MINUTE_MS).toISOString(), growth } as unknown as StoredBuddy;
}

describe('statusGrowth over time', () => {
  it('ends the frames the millisecond the cheer of a care runs out', () => {
    const growth = statusGrowth(buddyCaredFor(19), true, NOW);
    const cheerEnds = NOW - 19 * MINUTE_MS + CARE_CHEERS_MS;
    expect(growth.at(NOW).mood).toBe('cheerful');
    expect(growth.at(cheerEnds - 1).mood).toBe('cheerful');
    expect(growth.at(cheerEnds).mood).not.toBe('cheerful');
    expect(growth.changesAt(NOW, NOW + 5 * MINUTE_MS)).toBe(cheerEnds);
  });

  it('keeps the whole window when nothing changes in it', () => {
    const growth = statusGrowth(buddyCaredFor(5), true, NOW);
    expect(growth.changesAt(NOW, NOW + 5 * MINUTE_MS)).toBe(NOW + 5 * MINUTE_MS);
    expect(growth.at(NOW)).toEqual({ level: 1, stage: 'hatchling', mood: 'cheerful', moodPose: 'happy' });
  });
});
