// What an agent CLI reports through MCP reaches the buddy's statusline state under the statusline's own
// rate limit and mute, counts failures like the transcript watcher does, and reaches an open pet through
// a file watch (no polling).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { AGENT_SESSION_KEY, agentFacts, recordAgentReaction } from '../../src/statusline/agent-event.js';
import { offlineRemark } from '../../src/persona/offline-remark.js';
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

describe('what the agent tells of it', () => {
  // Far east of UTC, where the day is never UTC's day nor the day of the zone as far west.
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Pacific/Kiritimati';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  // The day by the clock the process has (Kiritimati's, UTC+14, wherever TZ takes effect; a worker thread
  // keeps the zone it started with): the moment moved by the zone's offset, read as a UTC date.
  const day = (at: number): string => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

  it('makes facts of each event, cleaned and cut, and none of nothing', () => {
    expect(agentFacts('tests_failed', { test: ' cart > adds\n', file: 'src/cart.test.ts', detail: '\u001b[31mexpected 1 to be 2\u001b[0m' }, 2)).toEqual({
      kind: 'testsFailed',
      timesToday: 2,
      tests: ['cart > adds'],
      file: 'src/cart.test.ts',
      error: 'expected 1 to be 2',
    });
    expect(agentFacts('tests_passed', { test: 'adds' }, 1)).toEqual({ kind: 'testsPassed', timesToday: 1, tests: ['adds'] });
    expect(agentFacts('error', { detail: 'x'.repeat(300) }, 1)).toEqual({ kind: 'error', timesToday: 1, error: 'x'.repeat(80) });
    // A test is no fact of an edit or of a finished task, an error's words none of a green run, an edit or a finished task.
    expect(agentFacts('big_diff', { test: 'adds', file: 'a.ts', detail: 'boom' }, 1)).toEqual({ kind: 'bigDiff', timesToday: 1, file: 'a.ts' });
    expect(agentFacts('done', { test: 'adds' }, 1)).toBeUndefined();
    expect(agentFacts('done', { detail: 'refactored the cart' }, 1)).toBeUndefined();
    expect(agentFacts('tests_passed', { detail: 'boom' }, 1)).toBeUndefined();
    expect(agentFacts('error', { test: 'adds', detail: 'boom' }, 1)).toEqual({ kind: 'error', timesToday: 1, error: 'boom' });
    expect(agentFacts('done', { file: 'a.ts' }, 3)).toEqual({ kind: 'turnEnd', timesToday: 3, file: 'a.ts' });
    expect(agentFacts('error', { test: ' ', file: '\n', detail: '' }, 1)).toBeUndefined();
    expect(agentFacts('error', {}, 1)).toBeUndefined();
  });

  it("remarks on what it names, counting the day's events, and says the species' line without detail", () => {
    const first = recordAgentReaction(env, bones, 'tests_failed', false, START, { test: 'cart > adds', file: 'src/cart.test.ts' });
    expect(first).toEqual({ reaction: 'testsFailed', shown: true, text: offlineRemark(bones, { kind: 'testsFailed', timesToday: 1, tests: ['cart > adds'], file: 'src/cart.test.ts' }, START) });
    expect(first.text).toContain('"adds"');
    expect(readStatusState(env, AGENT_SESSION_KEY)).toMatchObject({ remarkTally: { day: day(START), counts: { testsFailed: 1 } }, reaction: { event: 'testsFailed', text: first.text } });

    const again = recordAgentReaction(env, bones, 'tests_failed', false, START + 1_000, { detail: 'boom' });
    expect(again.text).toBe(offlineRemark(bones, { kind: 'testsFailed', timesToday: 2, error: 'boom' }, START + 1_000));
    const petted = recordAgentReaction(env, bones, 'petted', false, START + 2_000, { test: 'ignored' });
    expect(lines.petted).toContain(petted.text);
    const bare = recordAgentReaction(env, bones, 'done', false, START + 3_000);
    expect(lines.recovered).toContain(bare.text);
    expect(readStatusState(env, AGENT_SESSION_KEY)?.remarkTally).toEqual({ day: day(START), counts: { testsFailed: 2, turnEnd: 1 } });

    const done = recordAgentReaction(env, bones, 'done', false, START + REACTION_MIN_GAP_MS + 3_000, { file: 'src/cart.ts' });
    expect(done).toEqual({ reaction: 'recovered', shown: true, text: offlineRemark(bones, { kind: 'turnEnd', timesToday: 2, file: 'src/cart.ts' }, START + REACTION_MIN_GAP_MS + 3_000) });
  });
});
