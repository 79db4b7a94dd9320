// The statusline's part in growth: `buddy statusline` and the commands around it (status, mute, hatch) in
// process, through the dispatcher the built bin runs. What a session shows (a session's start, failing
// tests, tests passing again) is appended to the event log, muted or not, and folded by the next full
// command; the full layout shows the level, stage and mood (worried right after a failure), and the compact
// layout is unchanged. It never records for a buddy that has not hatched, and a log it cannot write never
// breaks the line. Only a real host session earns: Buddy's own runs (a hand-run statusline, `npm run
// example`'s fixture payload) and a transcript of another session or of anything but the host's records
// earn nothing; that `buddy doctor`'s check, which runs the installed command, earns nothing is in
// tests/e2e/statusline-cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEventLines } from '../../src/game/events.js';
import { hatchedSandboxes, makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { statuslineInProcess } from '../helpers/statusline-in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const FIXTURE_SESSION = '4f1c2a7e-9b3d-4c1a-8e2f-6d5b0a9c3e71';
/** A fixture transcript as the host writes it for a session: its records carry that session's id. */
const fixtureText = (file: string, sessionId = FIXTURE_SESSION): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8').replaceAll(FIXTURE_SESSION, sessionId);

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

/** `buddy hatch` for statusline-growth-1, run once for the file: a test that needs its buddy gets a copy. */
const hatchedSandbox = hatchedSandboxes('statusline-growth-1');

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'statusline-growth-1' };
});
afterEach(() => sandbox.cleanup());

const logFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'events.log');
const loggedKinds = (): string[] => (fs.existsSync(logFile()) ? parseEventLines(fs.readFileSync(logFile(), 'utf8')).map((event) => event.kind) : []);

function session(id: string, start = 'transcript-tests-passed.jsonl'): { payload: string; append: (file: string) => void } {
  const transcript = path.join(sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, start === '' ? '' : fixtureText(start, id));
  return { payload: JSON.stringify({ session_id: id, transcript_path: transcript }), append: (file) => fs.appendFileSync(transcript, fixtureText(file, id)) };
}

async function statusJson(): Promise<{ xp: number; achievements: { earned: number } }> {
  const result = await runInProcess(['status', '--json'], { env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

async function refresh(payload: string, ...args: string[]): Promise<string[]> {
  const result = await statuslineInProcess(['--format', 'plain', '--width', '120', ...args], { env, input: payload });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.replace(/\n$/, '').split('\n');
}

describe('the statusline witnesses for growth', () => {
  it('records a session, failing tests and their fix once each, for the next command to fold', async () => {
    hatchedSandbox(sandbox);
    const work = session('work-1');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session']);
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session']);
    work.append('transcript-tests-failed.jsonl');
    const worried = await refresh(work.payload, '--layout', 'full');
    expect(worried[1]).toMatch(/ {2}Lv 1 hatchling · worried$/);
    // The reaction it said is journaled with that mood: the one the fold will show (not its temperament).
    const journal = fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(journal.at(-1)).toMatchObject({ source: 'reaction', session: 'work-1', mood: 'worried' });
    work.append('transcript-tests-passed.jsonl');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session', 'testsFailed', 'recovered']);

    const status = JSON.parse((await runInProcess(['status', '--json'], { env })).stdout);
    expect(status).toMatchObject({ level: 2, xp: 40, mood: 'cheerful' });
    expect(status.announcements).toEqual(expect.arrayContaining(['Achievement: Coworker. Kept you company in a coding session.', 'Achievement: Red to green. Saw failing tests turn green.']));
    // Folded once: another command takes nothing more.
    expect(JSON.parse((await runInProcess(['status', '--json'], { env })).stdout).xp).toBe(40);
  });

  it('records while muted: a quiet buddy still grows', async () => {
    hatchedSandbox(sandbox);
    expect((await runInProcess(['mute'], { env })).code).toBe(0);
    const work = session('muted-1');
    await refresh(work.payload);
    work.append('transcript-tests-failed.jsonl');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session', 'testsFailed']);
  });

  it('shows level, stage and mood in the full layout only', async () => {
    hatchedSandbox(sandbox);
    const work = session('layout-1');
    const full = await refresh(work.payload, '--layout', 'full');
    expect(full).toHaveLength(6);
    expect(full[1]).toMatch(/ {2}Lv 1 hatchling · (content|sleepy)$/);
    // The stage is drawn beside the sprite: a hatchling's eggshell.
    expect(full.slice(4).map((line) => line.trimEnd())).toEqual([expect.stringMatching(/ \.\^\.$/), expect.stringMatching(/ \\_\/$/)]);
    const compact = await refresh(work.payload);
    expect(compact).toHaveLength(1);
    expect(compact[0]).not.toContain('Lv');
  });

  it('records nothing before the hatch, and draws its line even when the log cannot be written', async () => {
    const work = session('unhatched-1');
    await refresh(work.payload);
    expect(fs.existsSync(logFile())).toBe(false);
    expect((await runInProcess(['hatch'], { env })).code).toBe(0);
    fs.mkdirSync(logFile());
    const line = await refresh(session('blocked-1').payload);
    expect(line).toHaveLength(1);
    expect(fs.statSync(logFile()).isDirectory()).toBe(true);
  });
});

describe('only real host sessions earn', () => {
  beforeEach(() => {
    hatchedSandbox(sandbox);
  });

  it('a hand-run `buddy statusline` (no payload, no transcript) records nothing and earns nothing', async () => {
    await refresh('');
    await refresh('', '--layout', 'full');
    expect(loggedKinds()).toEqual([]);
    expect(await statusJson()).toMatchObject({ xp: 0, achievements: { earned: 0 } });
  });

  it('`npm run example` (the fixture payload, whose transcript is not on this machine) records nothing', async () => {
    await refresh(fixtureText('statusline-payload.json'), '--layout', 'full');
    expect(loggedKinds()).toEqual([]);
    expect(await statusJson()).toMatchObject({ xp: 0 });
  });

  it('a transcript of another session, or of no host records, counts for nothing', async () => {
    const other = path.join(sandbox.dir, 'other.jsonl');
    fs.writeFileSync(other, fixtureText('transcript-tests-passed.jsonl', 'someone-else'));
    await refresh(JSON.stringify({ session_id: 'mine', transcript_path: other }));
    const notes = path.join(sandbox.dir, 'notes.jsonl');
    fs.writeFileSync(notes, '{"type":"note","text":"hello"}\n{"sessionId":"notes","message":{}}\n');
    await refresh(JSON.stringify({ session_id: 'notes', transcript_path: notes }));
    // A directory where the transcript should be is no transcript either.
    await refresh(JSON.stringify({ session_id: 'dir', transcript_path: sandbox.dir }));
    expect(loggedKinds()).toEqual([]);
  });

  it('counts a session once, from the refresh that first sees the host write to its transcript', async () => {
    const work = session('late-1', '');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual([]);
    work.append('transcript-tests-failed.jsonl');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session', 'testsFailed']);
    work.append('transcript-tests-passed.jsonl');
    await refresh(work.payload);
    expect(loggedKinds()).toEqual(['session', 'testsFailed', 'recovered']);
    expect(await statusJson()).toMatchObject({ xp: 40 });
  });
});
