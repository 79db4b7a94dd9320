// The statusline's state in process: which transcript records make a session real, what a refresh
// appends to the event log (ids by session and bytes read), how damaged state files are read leniently
// (each field on its own), and which session files the weekly sweep removes (both sides of a week).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostWrote, recordWitnessed } from '../../src/statusline/growth.js';
import { EMPTY_STATUS, hookFile, readHookState, readStatusState, removeStaleSessions, sessionsDir, STALE_AFTER_MS, statusFile } from '../../src/statusline/session-state.js';
import { eventsFile } from '../../src/store/event-log.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-state-'));
  env = { HOME: dir, BUDDY_CONFIG_DIR: path.join(dir, 'config'), BUDDY_CACHE_DIR: path.join(dir, 'cache') };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const put = (file: string, text: string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const events = (): unknown[] => (fs.existsSync(eventsFile(env)) ? fs.readFileSync(eventsFile(env), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown) : []);

describe('a real host session', () => {
  const record = (fields: Record<string, unknown>): Record<string, unknown> => ({ type: 'user', sessionId: 's1', message: {}, ...fields });
  it('is one whose transcript holds a user or assistant message of that session', () => {
    expect(hostWrote([record({})], 's1')).toBe(true);
    expect(hostWrote([{ x: 1 }, record({ type: 'assistant' })], 's1')).toBe(true);
    expect(hostWrote([record({})], undefined)).toBe(false);
    expect(hostWrote([], 's1')).toBe(false);
    expect(hostWrote([record({ type: 'summary' })], 's1')).toBe(false);
    expect(hostWrote([record({ sessionId: 's2' })], 's1')).toBe(false);
    expect(hostWrote([record({ message: null })], 's1')).toBe(false);
    expect(hostWrote([record({ message: 'text' })], 's1')).toBe(false);
    expect(hostWrote([null, 'user', ['user'], 3], 's1')).toBe(false);
  });
});

describe('what a refresh witnessed', () => {
  const NOW = Date.UTC(2026, 4, 1, 12);
  it('records nothing for a session not known to be real', () => {
    recordWitnessed(env, 'k', EMPTY_STATUS, { ...EMPTY_STATUS, hostSeen: false }, ['testsFailed'], NOW);
    expect(events()).toEqual([]);
  });

  it('records the session on its first look, then each kind by the bytes read', () => {
    recordWitnessed(env, 'k', EMPTY_STATUS, { ...EMPTY_STATUS, hostSeen: true }, [], NOW);
    const before = { ...EMPTY_STATUS, hostSeen: true, transcriptSize: 120, recentFailures: 1 };
    recordWitnessed(env, 'k', before, { ...before, silenceNoticed: true }, ['testsPassed', 'bigDiff'], NOW + 1);
    expect(events()).toMatchObject([
      { k: 'session', at: NOW, id: 'k:session' },
      { k: 'recovered', at: NOW + 1, id: 'k:120:recovered' },
      { k: 'bigDiff', at: NOW + 1, id: 'k:120:bigDiff' },
      { k: 'longSilence', at: NOW + 1, id: 'k:120:longSilence' },
    ]);
  });

  it('records a silence only when it is newly noticed, and nothing when nothing happened', () => {
    const seen = { ...EMPTY_STATUS, hostSeen: true, silenceNoticed: true };
    recordWitnessed(env, 'k', seen, seen, [], NOW);
    expect(events()).toEqual([]);
  });
});

describe('state files read leniently', () => {
  it('keeps each valid field, and zeroes or drops the rest', () => {
    put(statusFile(env, 'k'), JSON.stringify({ transcriptSize: 5, recentFailures: 'x', lastReactionAt: null, transcriptChangedAt: 7, silenceNoticed: 'yes', agentReactionSeenAt: 9, hostSeen: 1, reaction: { event: 'nope', text: 't', at: 1 } }));
    expect(readStatusState(env, 'k')).toEqual({ transcriptSize: 5, recentFailures: 0, lastReactionAt: 0, transcriptChangedAt: 7, silenceNoticed: false, agentReactionSeenAt: 9, hostSeen: false });
    put(statusFile(env, 'k'), '{"transcriptSize": 1e400, "silenceNoticed": true, "hostSeen": true, "reaction": {"event": "error", "text": "t", "at": 2, "extra": 1}}');
    expect(readStatusState(env, 'k')).toEqual({ ...EMPTY_STATUS, silenceNoticed: true, hostSeen: true, reaction: { event: 'error', text: 't', at: 2 } });
  });

  it('reads no state from a missing, damaged or non-object file', () => {
    expect(readStatusState(env, 'none')).toBeUndefined();
    for (const text of ['{', '3', 'null', '"x"']) {
      put(statusFile(env, 'k'), text);
      expect(readStatusState(env, 'k'), text).toBeUndefined();
    }
  });

  it('keeps the valid fields of the hooks\' state and leaves out the rest', () => {
    put(hookFile(env, 'k'), JSON.stringify({ introduced: true, greeting: { text: 'hi', at: 'x' }, pending: { at: 5 }, reply: 3 }));
    expect(readHookState(env, 'k')).toEqual({ introduced: true, pending: { at: 5 } });
    // Left out, not kept as undefined: a state written back holds only what was valid.
    expect(Object.keys(readHookState(env, 'k')).sort()).toEqual(['introduced', 'pending']);
    put(hookFile(env, 'k'), '[1]');
    expect(readHookState(env, 'k')).toEqual({});
    expect(readHookState(env, 'missing')).toEqual({});
  });
});

describe('the weekly sweep', () => {
  it('keeps the sessions in their own folder of the cache', () => {
    expect(sessionsDir(env)).toBe(path.join(dir, 'cache', 'sessions'));
  });

  it('removes session files untouched for more than a week, and keeps the rest', () => {
    const now = Date.UTC(2026, 4, 1);
    const old = statusFile(env, 'old');
    const edge = statusFile(env, 'edge');
    const fresh = hookFile(env, 'fresh');
    const folder = path.join(sessionsDir(env), 'folder');
    for (const file of [old, edge, fresh]) put(file, '{}');
    fs.mkdirSync(folder);
    fs.utimesSync(old, new Date(now - STALE_AFTER_MS - 1000), new Date(now - STALE_AFTER_MS - 1000));
    fs.utimesSync(edge, new Date(now - STALE_AFTER_MS), new Date(now - STALE_AFTER_MS));
    fs.utimesSync(folder, new Date(0), new Date(0));
    removeStaleSessions(env, now);
    expect(fs.readdirSync(sessionsDir(env)).sort()).toEqual(['edge.status.json', 'folder', 'fresh.hook.json']);
    expect(STALE_AFTER_MS).toBe(7 * 24 * 60 * 60_000);
  });

  it('sweeps what a writer killed mid-write left, and does nothing without a folder', () => {
    const now = Date.now();
    const leftover = path.join(sessionsDir(env), '.k.status.json.buddy-tmp-123-abc');
    put(leftover, '{');
    put(statusFile(env, 'k'), '{}');
    fs.utimesSync(leftover, new Date(now - 3_600_000), new Date(now - 3_600_000));
    removeStaleSessions(env, now);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(statusFile(env, 'k'))).toBe(true);
    fs.rmSync(sessionsDir(env), { recursive: true });
    expect(() => removeStaleSessions(env, now)).not.toThrow();
  });
});
