// A reaction the buddy gave an agent CLI through MCP shows in every host session's statusline too, as if
// the buddy had seen the event there itself: under that session's rate limit and the mute, for
// REACTION_SHOW_MS from when it was told, never twice, and never over the session's own newer reaction or
// reply. What is read from the agent's state file is validated and cleaned. Each refresh is drawn at a
// moment the test chooses, so no test waits for the clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { AGENT_SESSION_KEY, recordAgentReaction } from '../../src/statusline/agent-event.js';
import { REACTION_MIN_GAP_MS, REACTION_SHOW_MS } from '../../src/statusline/reactions.js';
import { EMPTY_STATUS, readStatusState, statusFile, updateHookState, writeStatusState } from '../../src/statusline/session-state.js';
import { drawStatusline } from '../../src/statusline/statusline.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { BIDI_CHARS, CONTROL_CHARS } from '../persona/support.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const bones = rollFromUserId('buddy-93');
const BANK = SPECIES_LINES[bones.species]!;

let root: string;
let env: NodeJS.ProcessEnv;
/** Moments are whole offsets from when the test started (stale-state cleanup goes by the real clock). */
let start: number;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-agent-lines-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config'), BUDDY_CACHE_DIR: path.join(root, 'cache'), CLAUDE_CONFIG_DIR: path.join(root, 'claude'), BUDDY_USER_ID: 'buddy-93' };
  start = Date.now();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const transcriptOf = (id: string): string => path.join(root, `${id}.jsonl`);

function openSession(id: string): string {
  fs.writeFileSync(transcriptOf(id), fs.readFileSync(path.join(FIXTURES, 'transcript-tests-passed.jsonl')));
  return id;
}

function append(id: string, fixture: string): void {
  fs.appendFileSync(transcriptOf(id), fs.readFileSync(path.join(FIXTURES, fixture)));
}

/** One refresh of a session (or of the line without one) at `start + offset`; the line. */
function line(id: string | undefined, offset: number): string {
  const payload = id === undefined ? '' : JSON.stringify({ session_id: id, transcript_path: transcriptOf(id) });
  const outcome = drawStatusline({ payloadText: payload, env, now: start + offset, width: 200, format: 'plain', layout: 'compact' });
  expect(outcome.lines).toHaveLength(1);
  return outcome.lines[0]!;
}

const react = (event: Parameters<typeof recordAgentReaction>[2], offset: number) => recordAgentReaction(env, bones, event, false, start + offset);
const idle = new RegExp(`^\\S+ ${bones.species}$`);

function mute(muted: boolean): void {
  fs.mkdirSync(env.BUDDY_CONFIG_DIR as string, { recursive: true });
  fs.writeFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), JSON.stringify({ settings: { muted } }));
}

describe('an agent reaction in host sessions', () => {
  it('shows at the next refresh of every session and of the line without one, in its pose, for REACTION_SHOW_MS', () => {
    const alpha = openSession('alpha');
    const bravo = openSession('bravo');
    expect(line(alpha, 0)).toMatch(idle);
    expect(line(bravo, 0)).toMatch(idle);
    const told = react('tests_failed', 1_000);
    expect(told.shown).toBe(true);
    for (const id of [alpha, bravo, undefined]) expect(line(id, 2_000)).toMatch(new RegExp(`^\\S+ ! ${bones.species}  ${literal(told.text)}$`));
    expect(readStatusState(env, alpha)).toMatchObject({ lastReactionAt: start + 1_000, agentReactionSeenAt: start + 1_000, reaction: { event: 'testsFailed', text: told.text, at: start + 1_000 } });
    expect(line(alpha, 1_000 + REACTION_SHOW_MS - 1)).toContain(told.text);
    expect(line(alpha, 1_000 + REACTION_SHOW_MS)).toMatch(idle);
  });

  it('shows in a session seen for the first time, while it is fresh', () => {
    const told = react('done', 0);
    expect(BANK.recovered).toContain(told.text);
    expect(line(openSession('new'), 3_000)).toContain(told.text);
    expect(line(openSession('late'), REACTION_SHOW_MS)).toMatch(idle);
  });

  it('is weighed once: not shown again once over, nor after the mute that hid it is lifted', () => {
    const seen = openSession('seen');
    line(seen, 0);
    const told = react('error', 1_000);
    expect(line(seen, 2_000)).toContain(told.text);
    // Its state rewritten without the reaction (a cleaner, another version): still never shown twice.
    writeStatusState(env, seen, { ...readStatusState(env, seen)!, reaction: undefined });
    expect(line(seen, 3_000)).toMatch(idle);

    const hidden = openSession('hidden');
    line(hidden, 0);
    const muted = react('big_diff', REACTION_MIN_GAP_MS + 1_000);
    expect(muted.shown).toBe(true);
    mute(true);
    expect(line(hidden, REACTION_MIN_GAP_MS + 2_000)).toMatch(idle);
    expect(readStatusState(env, hidden)).toMatchObject({ agentReactionSeenAt: start + REACTION_MIN_GAP_MS + 1_000, lastReactionAt: 0 });
    mute(false);
    expect(line(hidden, REACTION_MIN_GAP_MS + 3_000)).toMatch(idle);
    expect(line(undefined, REACTION_MIN_GAP_MS + 3_000)).toContain(muted.text);
  });

  it("counts against the session's rate limit, as if the buddy had seen it there", () => {
    const session = openSession('gap');
    line(session, 0);
    const told = react('tests_failed', 1_000);
    expect(line(session, 2_000)).toContain(told.text);
    // Its own reaction comes only REACTION_MIN_GAP_MS after the agent's.
    append(session, 'transcript-error.jsonl');
    expect(line(session, 1_000 + REACTION_SHOW_MS)).toMatch(idle);
    expect(readStatusState(env, session)?.lastReactionAt).toBe(start + 1_000);
    append(session, 'transcript-big-diff.jsonl');
    const own = line(session, 1_000 + REACTION_MIN_GAP_MS);
    expect(own, 'a remark on the edited file').toContain('order-states.ts');
  });

  it('waits for the rate limit of a session that just reacted itself, which the line without a session does not', () => {
    const session = openSession('busy');
    line(session, 0);
    append(session, 'transcript-big-diff.jsonl');
    const own = line(session, 1_000);
    expect(own, 'a remark on the edited file').toContain('order-states.ts');
    const told = react('tests_failed', 20_000);
    expect(line(undefined, 21_000)).toContain(told.text);
    expect(line(session, 21_000)).toMatch(idle);
    // Later reports are judged afresh, from when they were told.
    const later = react('tests_passed', 20_000 + REACTION_MIN_GAP_MS);
    expect(line(session, 21_000 + REACTION_MIN_GAP_MS)).toContain(later.text);
  });

  it("loses to the session's own reaction at the same refresh, and to a reply being shown", () => {
    const session = openSession('own');
    line(session, 0);
    const told = react('done', 1_000);
    append(session, 'transcript-tests-failed.jsonl');
    const drawn = line(session, 2_000);
    expect(drawn, 'a remark naming the failing test').toContain('"creates an order"');
    expect(drawn).not.toContain(told.text);
    expect(readStatusState(env, session)).toMatchObject({ agentReactionSeenAt: start + 1_000, reaction: { event: 'testsFailed', at: start + 2_000 } });

    const talked = openSession('talked');
    line(talked, 0);
    updateHookState(env, talked, () => ({ reply: { text: 'Crumbs detected.', at: start + REACTION_MIN_GAP_MS + 2_000, askedAt: start + REACTION_MIN_GAP_MS } }));
    react('error', REACTION_MIN_GAP_MS + 1_000);
    expect(line(talked, REACTION_MIN_GAP_MS + 3_000)).toContain('Crumbs detected.');
  });

  it("never takes in the other line's own reactions (its long silence), only what an agent told", () => {
    writeStatusState(env, AGENT_SESSION_KEY, { ...EMPTY_STATUS, lastReactionAt: start, reaction: { event: 'longSilence', text: 'zzz', at: start } });
    expect(line(undefined, 1_000)).toContain('zzz');
    expect(line(openSession('apart'), 1_000)).toMatch(idle);
  });

  it('shows what it read cleaned, and ignores a state that does not fit or a moment still to come', () => {
    const session = openSession('hostile');
    line(session, 0);
    const file = statusFile(env, AGENT_SESSION_KEY);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const write = (reaction: unknown): void => fs.writeFileSync(file, JSON.stringify({ lastReactionAt: start, reaction }));

    write({ event: 'exploded', text: 'boom', at: start + 1_000, from: 'agent' });
    expect(line(session, 2_000)).toMatch(idle);
    write({ event: 'error', text: 'boom', at: String(start + 1_000), from: 'agent' });
    expect(line(session, 2_000)).toMatch(idle);
    write({ event: 'error', text: 'x'.repeat(4_001), at: start + 1_000, from: 'agent' });
    expect(line(session, 2_000)).toMatch(idle);

    const ahead = { event: 'error', text: 'from ahead', at: start + 60_000, from: 'agent' };
    write(ahead);
    const early = drawStatusline({ payloadText: JSON.stringify({ session_id: session, transcript_path: transcriptOf(session) }), env, now: start + 2_000, width: 200, format: 'plain', layout: 'compact' });
    expect(early.lines[0]).toMatch(idle);
    // The frames end when its moment comes, so it is weighed then.
    expect(early.scene.until).toBe(start + 60_000);
    expect(line(session, 61_000)).toContain('from ahead');

    write({ event: 'error', text: 'Oh \u001b]0;pwned\u0007no \u001b[31mred\u202e!', at: start + 61_000 + REACTION_MIN_GAP_MS, from: 'agent' });
    const cleaned = line(session, 62_000 + REACTION_MIN_GAP_MS);
    expect(cleaned).toContain('Oh no red!');
    expect(cleaned).not.toMatch(CONTROL_CHARS);
    expect(cleaned).not.toMatch(BIDI_CHARS);
    expect(readStatusState(env, session)?.reaction?.text).toBe('Oh no red!');
  });
});

describe('the frames of a host session', () => {
  it("watch the agent's state file, which the line without a session does not need", () => {
    const session = openSession('watching');
    const request = (payloadText: string) => ({ payloadText, env, now: start, width: 80, format: 'plain' as const, layout: undefined });
    const watched = drawStatusline(request(JSON.stringify({ session_id: session, transcript_path: transcriptOf(session) }))).scene.watched;
    expect(watched.a?.file).toBe(path.resolve(statusFile(env, AGENT_SESSION_KEY)));
    expect(drawStatusline(request('')).scene.watched.a).toBeUndefined();
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
