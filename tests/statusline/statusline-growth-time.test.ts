// The full statusline's growth over the frames prepared ahead: the mood is drawn moment by moment, and the
// frames end at the first moment it would show otherwise (here, the cheer of a care running out).
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../src/game/clock.js';
import { CARE_CHEERS_MS } from '../../src/game/mood.js';
import { initialGrowth } from '../../src/game/state.js';
import { hostWrote, statusGrowth } from '../../src/statusline/growth.js';
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

describe('statusGrowth, to the millisecond and by what was witnessed', () => {
  /** Cared for at a moment off the five-second grid the frames' window is sampled on. */
  const offGrid = (): StoredBuddy => {
    const growth = toStoredGrowth({ ...initialGrowth(NOW - 60 * MINUTE_MS, NOW), fullness: 100, lastCareAt: NOW - 19 * MINUTE_MS + 1_234 });
    return { hatchedAt: new Date(NOW - 60 * MINUTE_MS).toISOString(), growth } as unknown as StoredBuddy;
  };
  const cheerEnds = NOW + MINUTE_MS + 1_234;

  it('finds a change between two samples to the millisecond', () => {
    expect(statusGrowth(offGrid(), true, NOW).changesAt(NOW, NOW + 5 * MINUTE_MS)).toBe(cheerEnds);
  });

  it('finds a change in the last, shorter step of the window', () => {
    const growth = statusGrowth(offGrid(), true, NOW);
    expect(growth.changesAt(cheerEnds - 7_000, cheerEnds + 1_000)).toBe(cheerEnds);
    expect(growth.changesAt(cheerEnds - 7_000, cheerEnds)).toBe(cheerEnds);
    expect(growth.changesAt(cheerEnds - 7_000, cheerEnds - 1)).toBe(cheerEnds - 1);
    // A window shorter than one sample is looked at once, at its end.
    expect(growth.changesAt(cheerEnds - 3_000, cheerEnds + 1_000)).toBe(cheerEnds);
  });

  it('looks only after `from`, whatever changed just before it', () => {
    expect(statusGrowth(offGrid(), true, NOW).changesAt(cheerEnds + 2_000, cheerEnds + 60_000)).toBe(cheerEnds + 60_000);
  });

  it("takes in the session's own newer reaction of a mood-changing kind only", () => {
    const base = buddyCaredFor(60 * 24);
    const at = NOW - 1_000;
    expect(statusGrowth(base, true, NOW).at(NOW).mood).toBe('content');
    expect(statusGrowth(base, true, NOW, { event: 'testsFailed', at }).at(NOW).mood).toBe('worried');
    expect(statusGrowth(base, true, NOW, { event: 'bigDiff', at }).at(NOW).mood).toBe('content');
    expect(statusGrowth(base, true, NOW, { event: 'error', at }).at(NOW).mood).toBe('worried');
    expect(statusGrowth(base, true, NOW, { event: 'recovered', at }).at(NOW).mood).toBe('cheerful');
    expect(statusGrowth(base, true, NOW, { event: 'longSilence', at }).at(NOW).mood).toBe('sleepy');
    const seenLater = { ...base, growth: { ...base.growth, lastWitnessed: { kind: 'recovered', at } } } as unknown as StoredBuddy;
    expect(statusGrowth(seenLater, true, NOW, { event: 'testsFailed', at: at - 1 }).at(NOW).mood).toBe('cheerful');
    expect(statusGrowth(seenLater, true, NOW, { event: 'testsFailed', at }).at(NOW).mood).toBe('cheerful');
    expect(statusGrowth(seenLater, true, NOW, { event: 'testsFailed', at: at + 1 }).at(NOW).mood).toBe('worried');
  });
});

describe('hostWrote', () => {
  const record = (sessionId: unknown, type = 'user', message: unknown = { role: 'user' }) => ({ type, sessionId, message });

  it("is a user or assistant message carrying the session's id, and nothing else", () => {
    expect(hostWrote([record('s1')], 's1')).toBe(true);
    expect(hostWrote([record('s1', 'assistant')], 's1')).toBe(true);
    expect(hostWrote([null, 5, 'text', [record('s1')], record('s2'), record('s1', 'summary'), record('s1', 'user', null), record('s1', 'user', 'hi')], 's1')).toBe(false);
    expect(hostWrote([{ type: 'user', message: {} }], undefined)).toBe(false);
    expect(hostWrote([], 's1')).toBe(false);
  });
});
