// What a finished round is worth: its XP at every edge, the record it keeps, and its bubble.
import { describe, expect, it, vi } from 'vitest';
import { isNewBest, NO_PLAY, PLAY_XP_BASE, PLAY_XP_MAX, playXp, recordRound, roundResultText } from '../../src/game/catch/result.js';

describe('playXp', () => {
  it('is nothing for no catch and 5 and a point for every two, up to 15', () => {
    expect([PLAY_XP_BASE, PLAY_XP_MAX]).toEqual([5, 15]);
    expect(playXp(-1)).toBe(0);
    expect(playXp(0)).toBe(0);
    expect(playXp(1)).toBe(5);
    expect(playXp(2)).toBe(6);
    expect(playXp(3)).toBe(6);
    expect(playXp(14)).toBe(12);
    expect(playXp(19)).toBe(14);
    expect(playXp(20)).toBe(15);
    expect(playXp(21)).toBe(15);
    expect(playXp(99)).toBe(15);
  });
});

describe('recordRound', () => {
  it('starts from no rounds and no bests (the table read at load)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/game/catch/result.js');
    expect(fresh.NO_PLAY).toEqual({ rounds: 0, best: { live: 0, turns: 0 } });
    expect(fresh.recordRound(undefined, 'turns', 0)).toEqual({ rounds: 1, best: { live: 0, turns: 0 } });
    expect(fresh.recordRound(undefined, 'live', 4)).toEqual({ rounds: 1, best: { live: 4, turns: 0 } });
  });

  it('counts a first round from nothing', () => {
    expect(NO_PLAY).toEqual({ rounds: 0, best: { live: 0, turns: 0 } });
    expect(recordRound(undefined, 'live', 14)).toEqual({ rounds: 1, best: { live: 14, turns: 0 } });
    expect(recordRound(undefined, 'turns', 0)).toEqual({ rounds: 1, best: { live: 0, turns: 0 } });
  });

  it('keeps the best of each mode and never lowers it', () => {
    const before = { rounds: 5, best: { live: 14, turns: 9 } };
    expect(recordRound(before, 'live', 13)).toEqual({ rounds: 6, best: { live: 14, turns: 9 } });
    expect(recordRound(before, 'live', 14)).toEqual({ rounds: 6, best: { live: 14, turns: 9 } });
    expect(recordRound(before, 'live', 15)).toEqual({ rounds: 6, best: { live: 15, turns: 9 } });
    expect(recordRound(before, 'turns', 10)).toEqual({ rounds: 6, best: { live: 14, turns: 10 } });
    expect(recordRound(before, 'turns', 0)).toEqual({ rounds: 6, best: { live: 14, turns: 9 } });
    expect(before).toEqual({ rounds: 5, best: { live: 14, turns: 9 } });
  });
});

describe('the bubble', () => {
  it('a new best only when the score beats the best', () => {
    expect(isNewBest(15, 14)).toBe(true);
    expect(isNewBest(14, 14)).toBe(false);
    expect(isNewBest(13, 14)).toBe(false);
    expect(isNewBest(1, 0)).toBe(true);
    expect(isNewBest(0, 0)).toBe(false);
  });

  it('says a new best, no bugs, or the score and the best', () => {
    expect(roundResultText(15, 14)).toBe('New best: 15!');
    expect(roundResultText(1, 0)).toBe('New best: 1!');
    expect(roundResultText(0, 0)).toBe('No bugs this time. Again? (g)');
    expect(roundResultText(0, 7)).toBe('No bugs this time. Again? (g)');
    expect(roundResultText(14, 14)).toBe('Score: 14 (best 14).');
    expect(roundResultText(3, 14)).toBe('Score: 3 (best 14).');
  });
});
