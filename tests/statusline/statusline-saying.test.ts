// What one statusline refresh says, in process: the thinking dots while a reply is pending (and not past
// the give-up time), the reply for its bubble time, the greeting for its ten seconds, each on both sides
// of its edge, the moment the frames end because of it, and the line without a buddy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bubbleDurationMs } from '../../src/pet/timing.js';
import { sessionKey } from '../../src/statusline/payload.js';
import { updateHookState, type HookState } from '../../src/statusline/session-state.js';
import { GREETING_SHOW_MS, PENDING_GIVE_UP_MS, drawStatusline, type StatuslineOutcome } from '../../src/statusline/statusline.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const NOW = Date.UTC(2026, 4, 1, 12, 0, 0, 250);
const KEY = sessionKey('s1');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-saying-'));
  env = { HOME: dir, BUDDY_CONFIG_DIR: path.join(dir, 'config'), BUDDY_CACHE_DIR: path.join(dir, 'cache'), CLAUDE_CONFIG_DIR: path.join(dir, 'claude'), BUDDY_USER_ID: 'buddy-93' };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function refresh(hook: HookState, now = NOW): StatuslineOutcome {
  updateHookState(env, KEY, () => hook);
  return drawStatusline({ payloadText: JSON.stringify({ session_id: 's1' }), env, now, width: 80, format: 'plain', layout: 'compact' });
}
/** What the line says after the face and name. */
const said = (outcome: StatuslineOutcome): string | undefined => /^\S+(?: \S)? \S+ {2}(.*)$/.exec(outcome.lines[0]!)?.[1];

describe('what the line says', () => {
  it('thinks while a reply is pending, until the give-up time', () => {
    expect(said(refresh({ pending: { at: NOW - PENDING_GIVE_UP_MS + 1 } }))).toBe('…');
    expect(said(refresh({ pending: { at: NOW - PENDING_GIVE_UP_MS } }))).toBeUndefined();
    expect(refresh({ pending: { at: NOW - 1 } }).scene.until).toBe(NOW - 1 + PENDING_GIVE_UP_MS);
  });

  it('shows the reply to the latest question, for its bubble time', () => {
    const text = 'hello there';
    const shown = bubbleDurationMs(text);
    expect(said(refresh({ pending: { at: NOW - 10 }, reply: { text, at: NOW - 5, askedAt: NOW - 10 } }))).toBe(text);
    expect(said(refresh({ pending: { at: NOW - 10 }, reply: { text, at: NOW - 5, askedAt: NOW - 11 } }))).toBe('…');
    expect(said(refresh({ reply: { text, at: NOW - shown + 1, askedAt: 0 } }))).toBe(text);
    expect(said(refresh({ reply: { text, at: NOW - shown, askedAt: 0 } }))).toBeUndefined();
    expect(refresh({ reply: { text, at: NOW, askedAt: 0 } }).scene.until).toBe(NOW + shown);
  });

  it('shows the greeting, happy, for its ten seconds', () => {
    expect(GREETING_SHOW_MS).toBe(10_000);
    const greeted = refresh({ greeting: { text: 'hi!', at: NOW - GREETING_SHOW_MS + 1 } });
    expect(said(greeted)).toBe('hi!');
    expect(greeted.lines[0]).toMatch(/ ♥ /);
    expect(said(refresh({ greeting: { text: 'hi!', at: NOW - GREETING_SHOW_MS } }))).toBeUndefined();
    expect(refresh({ greeting: { text: 'hi!', at: NOW } }).scene.until).toBe(NOW + GREETING_SHOW_MS);
  });

  it('cleans what it read from the state file before showing it', () => {
    expect(said(refresh({ reply: { text: 'a\u001b[31mb\nc', at: NOW, askedAt: 0 } }))).toBe('ab c');
  });

  it('says nothing, and keeps its frames for the whole horizon, when nothing is going on', () => {
    const quiet = refresh({});
    expect(said(quiet)).toBeUndefined();
    expect(quiet.key).toBe('s1');
    expect(quiet.scene.periodSeconds).toBeGreaterThan(0);
  });
});

describe('the line without a buddy', () => {
  it('asks to hatch one', () => {
    const { BUDDY_USER_ID: _id, ...noUser } = env;
    const outcome = drawStatusline({ payloadText: '', env: { ...noUser, BUDDY_USER_ID: '' }, now: NOW, width: 80, format: 'plain', layout: 'compact' });
    expect(outcome.key).toBe('default');
    expect(outcome.lines).toHaveLength(1);
    expect(outcome.scene.draw(NOW + 1000)).toEqual(outcome.lines);
  });
});
