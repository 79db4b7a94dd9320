// The session's state files read back at their edges (a tally's day, counts of the wrong kind, files that
// hold no object, the hooks' fields), the week after which a session's files go, and how a reaction's
// facts are named and sized for a remark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMARK_MAX_LENGTH } from '../../src/species/remark-bank.js';
import { MAX_FACT_LENGTH } from '../../src/species/remark-facts.js';
import { factKindOf, factsFor, kindsHappened, MIN_REMARK_ROOM, remarkRoom } from '../../src/statusline/own-remark.js';
import { REMARK_AT_VARIABLE, REMARK_CONTEXT_VARIABLE, REMARK_FACTS_VARIABLE, scrubbedFacts } from '../../src/statusline/remark-start.js';
import { EMPTY_STATUS, hookFile, readHookState, readStatusState, removeStaleSessions, sessionsDir, STALE_AFTER_MS, statusFile } from '../../src/statusline/session-state.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-session-edges-'));
  env = { HOME: dir, BUDDY_CACHE_DIR: path.join(dir, 'cache'), BUDDY_CONFIG_DIR: path.join(dir, 'config') };
  fs.mkdirSync(sessionsDir(env), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeStatus = (value: unknown): void => fs.writeFileSync(statusFile(env, 's'), typeof value === 'string' ? value : JSON.stringify(value));

describe('a session state read back', () => {
  it('starts empty: nothing seen, nothing noticed', () => {
    expect(EMPTY_STATUS).toEqual({ transcriptSize: 0, recentFailures: 0, lastReactionAt: 0, transcriptChangedAt: 0, silenceNoticed: false, agentReactionSeenAt: 0, hostSeen: false });
  });

  it.each(['2026-12-06', '1999-01-31'])('keeps a tally of the day %s', (day) => {
    writeStatus({ remarkTally: { day, counts: { testsFailed: 2 } } });
    expect(readStatusState(env, 's')?.remarkTally).toEqual({ day, counts: { testsFailed: 2 } });
  });

  it.each(['2026-12-06x', 'x2026-12-06', '26-12-06', '2026-1-06', '2026-12-6', 'abcd-ef-gh'])('drops a tally whose day is %s', (day) => {
    writeStatus({ remarkTally: { day, counts: { testsFailed: 2 } } });
    expect(readStatusState(env, 's')?.remarkTally).toBeUndefined();
  });

  it('keeps only the counts that are there', () => {
    writeStatus({ remarkTally: { day: '2026-12-06', counts: { error: 3 } } });
    expect(readStatusState(env, 's')?.remarkTally).toEqual({ day: '2026-12-06', counts: { error: 3 } });
  });

  it.each(['5', 'null', '"text"'])('reads a file holding %s as no state', (text) => {
    writeStatus(text);
    expect(readStatusState(env, 's')).toBeUndefined();
  });

  it('reads a number of the wrong kind as zero, and a reaction of an agent as the agent’s', () => {
    writeStatus({ transcriptSize: '12', recentFailures: 2, reaction: { event: 'error', text: 'Ouch.', at: 5, from: 'agent' } });
    const state = readStatusState(env, 's');
    expect(state).toMatchObject({ transcriptSize: 0, recentFailures: 2 });
    expect(state?.reaction).toEqual({ event: 'error', text: 'Ouch.', at: 5, from: 'agent' });
  });

  it('keeps every hook field of the right shape, and none of a file that is no object', () => {
    const hook = { introduced: true, greeting: { text: 'Hi.', at: 1 }, pending: { at: 2 }, reply: { text: 'Fine.', at: 3, askedAt: 2 } };
    fs.writeFileSync(hookFile(env, 's'), JSON.stringify(hook));
    expect(readHookState(env, 's')).toEqual(hook);
    fs.writeFileSync(hookFile(env, 's'), JSON.stringify({ greeting: { text: 'Hi.' }, pending: { at: 'soon' }, reply: { text: 'Fine.', at: 3 } }));
    expect(readHookState(env, 's')).toEqual({});
    fs.writeFileSync(hookFile(env, 's'), '[1]');
    expect(readHookState(env, 's')).toEqual({});
  });
});

describe('stale sessions', () => {
  const NOW = Date.UTC(2026, 11, 6, 12);
  const aged = (name: string, ageMs: number, directory = false): string => {
    const file = path.join(sessionsDir(env), name);
    if (directory) fs.mkdirSync(file);
    else fs.writeFileSync(file, '{}');
    const seconds = (NOW - ageMs) / 1000;
    fs.utimesSync(file, seconds, seconds);
    return file;
  };

  it('go after a week untouched, to the second; folders stay', () => {
    expect(STALE_AFTER_MS).toBe(7 * 24 * 60 * 60 * 1000);
    const old = aged('old.status.json', STALE_AFTER_MS + 1_000);
    const young = aged('young.status.json', STALE_AFTER_MS - 1_000);
    const folder = aged('folder', STALE_AFTER_MS * 2, true);
    removeStaleSessions(env, NOW);
    expect([fs.existsSync(old), fs.existsSync(young), fs.existsSync(folder)]).toEqual([false, true, true]);
  });

  it('leaves everything when the folder is not there', () => {
    fs.rmSync(sessionsDir(env), { recursive: true });
    expect(() => removeStaleSessions(env, NOW)).not.toThrow();
  });
});

describe('a remark’s facts', () => {
  it('are of the kind of the event, and none for a petting or a greeting', () => {
    expect(['testsFailed', 'recovered', 'error', 'bigDiff', 'longSilence', 'turnEnd', 'petted', 'greeting'].map((event) => factKindOf(event as never))).toEqual([
      'testsFailed',
      'testsPassed',
      'error',
      'bigDiff',
      'longSilence',
      'turnEnd',
      undefined,
      undefined,
    ]);
    expect(factsFor([], 'petted', { since: 0, tally: { day: '2026-12-06', counts: {} }, day: '2026-12-06', now: 60_000 })).toBeUndefined();
    expect(factsFor([], 'longSilence', { since: 0, tally: { day: '2026-12-06', counts: { longSilence: 2 } }, day: '2026-12-06', now: 20 * 60_000 })).toEqual({
      kind: 'longSilence',
      timesToday: 2,
      quietMinutes: 20,
    });
  });

  it('count every signal of a refresh by its kind, a worked turn’s end and a silence noticed', () => {
    expect(kindsHappened(['error', 'bigDiff', 'testsPassed', 'testsFailed'], true, 'longSilence')).toEqual(['error', 'bigDiff', 'testsPassed', 'testsFailed', 'turnEnd', 'longSilence']);
    expect(kindsHappened([], false, 'error')).toEqual([]);
  });

  it('are written for the room the line has, never below the least nor above the most', () => {
    expect([remarkRoom(30.7), remarkRoom(2), remarkRoom(500)]).toEqual([30, MIN_REMARK_ROOM, REMARK_MAX_LENGTH]);
  });

  it('travel to the job in its environment, scrubbed and cut to a fact’s length', () => {
    expect([REMARK_FACTS_VARIABLE, REMARK_CONTEXT_VARIABLE, REMARK_AT_VARIABLE]).toEqual(['BUDDY_REMARK_FACTS', 'BUDDY_REMARK_CONTEXT', 'BUDDY_REMARK_AT']);
    const long = `npm test ${'x'.repeat(200)}`;
    const facts = scrubbedFacts({ kind: 'error', timesToday: 1, command: long, error: 'key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(facts.command).toHaveLength(MAX_FACT_LENGTH);
    expect(facts.command?.startsWith('npm test x')).toBe(true);
    expect(facts.error).toBe('key ***');
  });
});
