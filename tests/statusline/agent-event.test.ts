// What an agent CLI reports through MCP reaches the buddy's statusline state under the statusline's own
// rate limit and mute, counts failures like the transcript watcher does, and reaches an open pet through
// a file watch (no polling).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { AGENT_SESSION_KEY, recordAgentReaction } from '../../src/statusline/agent-event.js';
import { watchAgentReactions, type SeenReaction } from '../../src/statusline/agent-event-watch.js';
import { REACTION_MIN_GAP_MS } from '../../src/statusline/reactions.js';
import { readStatusState, writeStatusState } from '../../src/statusline/session-state.js';
import { SPECIES_LINES } from '../../src/species/lines.js';

const bones = rollFromUserId('buddy-93');
const lines = SPECIES_LINES[bones.species]!;
const START = Date.UTC(2026, 5, 1, 12);

let root: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-agent-event-'));
  env = { HOME: root, BUDDY_CACHE_DIR: path.join(root, 'cache') };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('recordAgentReaction', () => {
  it('shows one reaction, then keeps quiet until the gap has passed', () => {
    const first = recordAgentReaction(env, bones, 'tests_failed', false, START);
    expect(first).toMatchObject({ reaction: 'testsFailed', shown: true });
    expect(lines.testsFailed).toContain(first.text);
    expect(readStatusState(env, AGENT_SESSION_KEY)).toMatchObject({ recentFailures: 1, lastReactionAt: START, reaction: { event: 'testsFailed', text: first.text, at: START } });

    const soon = recordAgentReaction(env, bones, 'error', false, START + 1_000);
    expect(soon.shown).toBe(false);
    expect(lines.error).toContain(soon.text);
    expect(readStatusState(env, AGENT_SESSION_KEY)).toMatchObject({ recentFailures: 2, reaction: { at: START } });

    const later = recordAgentReaction(env, bones, 'tests_passed', false, START + REACTION_MIN_GAP_MS);
    expect(later).toMatchObject({ reaction: 'recovered', shown: true });
    expect(readStatusState(env, AGENT_SESSION_KEY)).toMatchObject({ recentFailures: 0, reaction: { event: 'recovered', at: START + REACTION_MIN_GAP_MS } });
  });

  it('keeps the failure count through a big diff, a finished task or a petting, and ends any silence', () => {
    recordAgentReaction(env, bones, 'tests_failed', false, START);
    writeStatusState(env, AGENT_SESSION_KEY, { ...readStatusState(env, AGENT_SESSION_KEY)!, silenceNoticed: true });
    for (const [offset, event] of [
      [1, 'big_diff'],
      [2, 'done'],
      [3, 'petted'],
    ] as const) {
      recordAgentReaction(env, bones, event, false, START + offset);
      expect(readStatusState(env, AGENT_SESSION_KEY), event).toMatchObject({ recentFailures: 1, silenceNoticed: false, transcriptChangedAt: START + offset });
    }
  });

  it('answers but shows nothing while muted', () => {
    const muted = recordAgentReaction(env, bones, 'big_diff', true, START);
    expect(muted.shown).toBe(false);
    expect(lines.bigDiff).toContain(muted.text);
    expect(readStatusState(env, AGENT_SESSION_KEY)?.reaction).toBeUndefined();
  });

  it('answers a petting in the petted voice', () => {
    expect(lines.petted).toContain(recordAgentReaction(env, bones, 'petted', false, START).text);
  });
});

describe('watchAgentReactions', () => {
  it('hears a new reaction, in its pose, and not the one that was there before', async () => {
    recordAgentReaction(env, bones, 'error', false, Date.now() - REACTION_MIN_GAP_MS - 1);
    const heard: SeenReaction[] = [];
    const next = new Promise<SeenReaction>((resolve) => {
      const stop = watchAgentReactions(env, (reaction) => {
        heard.push(reaction);
        stop();
        resolve(reaction);
      });
    });
    const recorded = recordAgentReaction(env, bones, 'tests_failed', false, Date.now());
    expect(await next).toEqual({ text: recorded.text, pose: 'alarmed' });
    expect(heard).toHaveLength(1);
  });
});
