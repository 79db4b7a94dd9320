// Catch the bug's numbers and the two small rules read from them, each at both sides of its edge.
import { describe, expect, it, vi } from 'vitest';
import { addPoints, bugPoints, isPlayMode, isReachableScore, MAX_ROUND_SCORE } from '../../src/game/catch/rules.js';

describe('the rules table', () => {
  it('is exactly what the docs say', async () => {
    vi.resetModules();
    const rules = await import('../../src/game/catch/rules.js');
    expect(rules.PLAY_MODES).toEqual(['live', 'turns']);
    expect([rules.FIELD_WIDTH, rules.FIELD_HEIGHT]).toEqual([24, 8]);
    expect([rules.ROUND_MS, rules.ROUND_TURNS, rules.WANDER_MS, rules.MAX_STEP_MS]).toEqual([45_000, 40, 500, 1_000]);
    expect([rules.BUGS_ON_FIELD, rules.GOLDEN_ONE_IN, rules.PLAIN_POINTS, rules.GOLDEN_POINTS, rules.MAX_ROUND_SCORE]).toEqual([3, 6, 1, 3, 99]);
  });
});

describe('points', () => {
  it('a plain bug is worth 1, a golden one 3', () => {
    expect(bugPoints(false)).toBe(1);
    expect(bugPoints(true)).toBe(3);
  });

  it('adds up to the cap and never past it', () => {
    expect(addPoints(0, 1)).toBe(1);
    expect(addPoints(95, 3)).toBe(98);
    expect(addPoints(96, 3)).toBe(99);
    expect(addPoints(97, 3)).toBe(99);
    expect(addPoints(98, 1)).toBe(99);
    expect(addPoints(99, 1)).toBe(99);
    expect(MAX_ROUND_SCORE).toBe(99);
  });
});

describe('modes and scores', () => {
  it('knows the two modes and nothing else', () => {
    expect(isPlayMode('live')).toBe(true);
    expect(isPlayMode('turns')).toBe(true);
    expect(isPlayMode('Live')).toBe(false);
    expect(isPlayMode('')).toBe(false);
    expect(isPlayMode(undefined)).toBe(false);
    expect(isPlayMode(0)).toBe(false);
  });

  it('takes whole scores from 0 to 99', () => {
    expect(isReachableScore(-1)).toBe(false);
    expect(isReachableScore(0)).toBe(true);
    expect(isReachableScore(99)).toBe(true);
    expect(isReachableScore(100)).toBe(false);
    expect(isReachableScore(2.5)).toBe(false);
    expect(isReachableScore('14')).toBe(false);
    expect(isReachableScore(Number.NaN)).toBe(false);
    expect(isReachableScore(undefined)).toBe(false);
  });
});
