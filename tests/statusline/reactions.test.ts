// The statusline's reactions: which pose each event shows, and the corners of the decision that the
// end-to-end reaction tests do not reach; and how a session weighs a reaction told through MCP.
import { describe, expect, it } from 'vitest';
import {
  decideReaction,
  EVENT_POSE,
  judgeAgentReaction,
  PRIORITY,
  REACTION_MIN_GAP_MS,
  REACTION_SHOW_MS,
  TURN_END_MIN_GAP_MS,
  type AgentReactionMemory,
  type WatchMemory,
} from '../../src/statusline/reactions.js';

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
      turnEnd: 'happy',
    });
  });
});

describe("decideReaction: one remark at a time, the most telling, and a turn's end seldom", () => {
  const since = (ago: number): WatchMemory => ({ ...FRESH, lastReactionAt: NOW - ago, recentFailures: 1 });

  it('ranks a recovery, failing tests, an error, a big edit, then a turn end', () => {
    expect(PRIORITY).toEqual(['recovered', 'testsFailed', 'error', 'bigDiff', 'turnEnd']);
    expect(decideReaction(since(REACTION_MIN_GAP_MS), ['bigDiff', 'error'], true, NOW, false, true).event).toBe('error');
    expect(decideReaction(since(REACTION_MIN_GAP_MS), ['bigDiff'], true, NOW, false, true).event).toBe('bigDiff');
    expect(decideReaction(since(TURN_END_MIN_GAP_MS), [], true, NOW, false, true).event).toBe('turnEnd');
    expect(decideReaction(since(TURN_END_MIN_GAP_MS), [], true, NOW, false, false).event).toBeUndefined();
  });

  it('lets a remark in view stay: the gap to the next outlasts it, whatever the next one is', () => {
    expect(REACTION_MIN_GAP_MS).toBeGreaterThan(REACTION_SHOW_MS);
    for (const signal of ['testsFailed', 'error', 'bigDiff', 'testsPassed'] as const) {
      const decision = decideReaction(since(REACTION_SHOW_MS - 1), [signal], true, NOW, false, true);
      expect(decision.event, signal).toBeUndefined();
      expect(decision.memory.lastReactionAt).toBe(NOW - REACTION_SHOW_MS + 1);
    }
  });

  it("waits TURN_END_MIN_GAP_MS before remarking on a turn's end, to the millisecond, while others wait less", () => {
    expect(TURN_END_MIN_GAP_MS).toBe(5 * 60_000);
    expect(decideReaction(since(TURN_END_MIN_GAP_MS - 1), [], true, NOW, false, true)).toMatchObject({ event: undefined, memory: { lastReactionAt: NOW - TURN_END_MIN_GAP_MS + 1 } });
    expect(decideReaction(since(TURN_END_MIN_GAP_MS), [], true, NOW, false, true)).toMatchObject({ event: 'turnEnd', memory: { lastReactionAt: NOW } });
    expect(decideReaction(since(REACTION_MIN_GAP_MS), ['bigDiff'], true, NOW, false, true).event).toBe('bigDiff');
  });

  it("keeps quiet at a turn's end when muted, and spends nothing", () => {
    expect(decideReaction(since(TURN_END_MIN_GAP_MS), [], true, NOW, true, true)).toMatchObject({ event: undefined, memory: { lastReactionAt: NOW - TURN_END_MIN_GAP_MS } });
  });

  it("takes a turn's end for news: no long silence at the same refresh", () => {
    const quiet: WatchMemory = { ...FRESH, transcriptChangedAt: NOW - FIFTEEN_MINUTES };
    expect(decideReaction(quiet, [], true, NOW, false, true).event).toBe('turnEnd');
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

describe('judgeAgentReaction', () => {
  const QUIET: AgentReactionMemory = { lastReactionAt: 0, reactionAt: undefined, agentReactionSeenAt: 0 };

  it('shows a fresh one in a session that has not reacted, for REACTION_SHOW_MS from when it was told', () => {
    expect(judgeAgentReaction(QUIET, NOW, NOW, false)).toBe('show');
    expect(judgeAgentReaction(QUIET, NOW, NOW + REACTION_SHOW_MS - 1, false)).toBe('show');
    expect(judgeAgentReaction(QUIET, NOW, NOW + REACTION_SHOW_MS, false)).toBe('pass');
  });

  it('passes over it while muted, for good', () => {
    expect(judgeAgentReaction(QUIET, NOW, NOW, true)).toBe('pass');
    // Once weighed it is never weighed again, muted or not.
    expect(judgeAgentReaction({ ...QUIET, agentReactionSeenAt: NOW }, NOW, NOW + 1_000, false)).toBe('ignore');
  });

  it('keeps the rate limit, from the moment the agent told it, to the millisecond', () => {
    const reacted = { ...QUIET, lastReactionAt: NOW - REACTION_MIN_GAP_MS, reactionAt: NOW - REACTION_MIN_GAP_MS };
    expect(judgeAgentReaction(reacted, NOW, NOW + 2_000, false)).toBe('show');
    expect(judgeAgentReaction(reacted, NOW - 1, NOW + 2_000, false)).toBe('pass');
  });

  it("lets the session's own newer reaction win", () => {
    expect(judgeAgentReaction({ ...QUIET, lastReactionAt: NOW, reactionAt: NOW }, NOW - 1_000, NOW, false)).toBe('pass');
    // Even a state whose gap was lost: the reaction on screen is newer.
    expect(judgeAgentReaction({ ...QUIET, reactionAt: NOW }, NOW - 1_000, NOW, false)).toBe('pass');
  });

  it('leaves one from the future (a clock set back) to be weighed when its moment comes', () => {
    expect(judgeAgentReaction(QUIET, NOW + 1_000, NOW, false)).toBe('ignore');
    expect(judgeAgentReaction(QUIET, NOW + 1_000, NOW + 1_000, false)).toBe('show');
  });
});
