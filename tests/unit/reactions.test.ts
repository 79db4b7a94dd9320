// The statusline's reactions: which pose each event shows, and the corners of the decision that the
// end-to-end reaction tests do not reach.
import { describe, expect, it } from 'vitest';
import { decideReaction, EVENT_POSE, type WatchMemory } from '../../src/integrations/reactions.js';

const NOW = Date.UTC(2025, 9, 14, 9, 30);
const FRESH: WatchMemory = { recentFailures: 0, lastReactionAt: 0, transcriptChangedAt: 0, silenceNoticed: false };
const FIFTEEN_MINUTES = 15 * 60_000;

describe('EVENT_POSE', () => {
  it('shows alarm at failures and big diffs, sadness at errors, joy at good news and sleep after silence', () => {
    expect(EVENT_POSE).toEqual({
      testsFailed: 'alarmed',
      error: 'sad',
      bigDiff: 'alarmed',
      recovered: 'happy',
      longSilence: 'sleepy',
      petted: 'happy',
      greeting: 'happy',
      ignored: 'happy',
    });
  });
});

describe('decideReaction', () => {
  it('spends no reaction when there is nothing to react to', () => {
    const decision = decideReaction({ ...FRESH, lastReactionAt: NOW - 60_000 }, [], true, NOW, false);
    expect(decision).toEqual({ event: undefined, memory: { recentFailures: 0, lastReactionAt: NOW - 60_000, transcriptChangedAt: NOW, silenceNoticed: false } });
  });

  it('lets a signal win over a long silence that falls due at the same refresh', () => {
    const quiet: WatchMemory = { ...FRESH, transcriptChangedAt: NOW - FIFTEEN_MINUTES };
    const decision = decideReaction(quiet, ['error'], false, NOW, false);
    expect(decision.event).toBe('error');
    expect(decision.memory.silenceNoticed).toBe(false);
  });

  it('calls fifteen minutes without a change a long silence, and not a minute less', () => {
    expect(decideReaction({ ...FRESH, transcriptChangedAt: NOW - FIFTEEN_MINUTES }, [], false, NOW, false).event).toBe('longSilence');
    expect(decideReaction({ ...FRESH, transcriptChangedAt: NOW - FIFTEEN_MINUTES + 60_000 }, [], false, NOW, false).event).toBeUndefined();
  });

  it('waits 45 s between reactions, to the millisecond', () => {
    const reacted: WatchMemory = { ...FRESH, lastReactionAt: NOW - 45_000 };
    expect(decideReaction(reacted, ['bigDiff'], true, NOW, false).event).toBe('bigDiff');
    expect(decideReaction(reacted, ['bigDiff'], true, NOW - 1, false).event).toBeUndefined();
  });
});
