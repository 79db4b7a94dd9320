// `buddy log` end to end with the built CLI: every face's lines land in the journal (say, care, the
// statusline's reactions, the session greeting, the reply to a prompt), each with the mood `buddy status`
// shows at that moment, and the log shows them: the last N, since a
// moment, as JSON lines, following new ones, and cleared only after asking.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import { readHookState } from '../../src/statusline/session-state.js';
import type { ConfigData } from '../../src/store/schema.js';
import { BIN, hatchedSandboxes, runBuddy, type Sandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const fixtureText = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;

const journalFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'journal.jsonl');
const previousFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'journal.1.jsonl');
const journalLines = (): Array<Record<string, string>> =>
  fs.existsSync(journalFile()) ? fs.readFileSync(journalFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>) : [];

// buddy-93: a legendary Nebulynx.
const hatchedSandbox = hatchedSandboxes('buddy-93');

beforeEach(() => {
  sandbox = hatchedSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', TZ: 'UTC' };
  name = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!.name;
});
afterEach(() => sandbox.cleanup());

describe('what goes into the journal', () => {
  it('keeps what the buddy says to buddy say, with the source, session, name and mood', async () => {
    const before = JSON.parse((await runBuddy(['status', '--json'], { env })).stdout).mood;
    const said = await runBuddy(['say', `${name}, the parser tests are failing`], { env });
    const reply = said.stdout.replace(`${name}: `, '').trim();
    const ignored = await runBuddy(['say', 'nice weather'], { env });
    const emote = ignored.stdout.split('\n')[0]!.replace(`${name}: `, '');
    const lines = journalLines();
    expect(lines.map((line) => line.text)).toEqual([reply, emote]);
    for (const line of lines) {
      expect(line).toMatchObject({ source: 'say', name });
      expect(line.session).toMatch(/^say-\d+$/);
      expect(Date.now() - Date.parse(line.at!)).toBeLessThan(60_000);
    }
    // Its mood, as buddy status shows it (never its temperament): as it was when it answered, then cheerful
    // once the conversation counted as care.
    expect(lines.map((line) => line.mood)).toEqual([before, 'cheerful']);
    expect(JSON.parse((await runBuddy(['status', '--json'], { env })).stdout).mood).toBe('cheerful');
  });

  it('keeps what buddy pet and buddy feed are met with, as they print it, with the mood status shows after', async () => {
    const petted = await runBuddy(['pet'], { env });
    const fed = await runBuddy(['feed', '--no-anim'], { env });
    expect(petted.code, petted.stderr).toBe(0);
    expect(fed.code, fed.stderr).toBe(0);
    const cares = journalLines().filter((line) => line.source === 'care');
    expect(cares.map((line) => line.text)).toEqual([petted.stdout.split('\n')[0]!.replace(`${name}: `, '').replace(/ ♥$/, ''), fed.stdout.split('\n')[0]!.replace(`${name} `, '')]);
    for (const line of cares) expect(line).toMatchObject({ name, mood: 'cheerful', session: expect.stringMatching(/^care-\d+$/) });
    expect(JSON.parse((await runBuddy(['status', '--json'], { env })).stdout).mood).toBe('cheerful');
    const shown = await runBuddy(['log'], { env });
    expect(shown.stdout).toMatch(new RegExp(`  care {6}${name}: munches the snack, crumbs everywhere\\. nom!$`, 'm'));
  });

  it('keeps the statusline reactions, the session greeting and the reply to a prompt', async () => {
    const transcript = path.join(sandbox.dir, 'session.jsonl');
    fs.writeFileSync(transcript, '');
    const payload = JSON.stringify({ ...(JSON.parse(fixtureText('statusline-payload.json')) as object), session_id: 'journal-1', transcript_path: transcript });
    const greeted = await runBuddy(['hook', 'session-start'], { env, input: payload });
    expect(greeted.code).toBe(0);
    const moodThen = JSON.parse((await runBuddy(['status', '--json'], { env })).stdout).mood;
    expect(await runBuddy(['statusline'], { env, input: payload })).toMatchObject({ code: 0 });
    fs.appendFileSync(transcript, fixtureText('transcript-tests-failed.jsonl'));
    const reacted = await runBuddy(['statusline', '--format', 'plain', '--width', '200'], { env, input: payload });
    const moodAfter = JSON.parse((await runBuddy(['status', '--json'], { env })).stdout).mood;

    const prompt = JSON.stringify({ session_id: 'journal-1', prompt: `${name}, what are your stats?`, transcript_path: transcript });
    expect((await runBuddy(['hook', 'prompt'], { env, input: prompt })).code).toBe(0);
    // The reply job's last write is the reply in the session state, after the journal and the memory: once
    // it is there, nothing of the job's still writes into the sandbox when the test clears it.
    await vi.waitFor(() => expect(readHookState(env, sessionKey('journal-1')).reply).toBeDefined(), { timeout: 15_000, interval: 100 });

    const lines = journalLines();
    expect(lines.map((line) => line.source)).toEqual(['greeting', 'reaction', 'reply']);
    for (const line of lines) expect(line).toMatchObject({ name, session: expect.stringMatching(/^[\w.:-]+$/) });
    expect(new Set(lines.map((line) => line.session)).size).toBe(1);
    expect(reacted.stdout).toContain(lines[1]!.text);
    expect(lines[2]!.text).toMatch(/chaos|debugging|patience|wisdom|snark|number/i);
    // Each with the mood buddy status showed then (never the temperament): the fixture's transcript is no
    // real host session, so what the statusline saw is no event of its growth, and the reply's job, which
    // folds what was recorded before it answers, finds it as it was.
    expect(lines.map((line) => line.mood)).toEqual([moodThen, moodAfter, moodAfter]);
    expect(['cheerful', 'content', 'hungry', 'sleepy', 'worried']).toContain(moodAfter);
  });
});

describe('buddy log', () => {
  /** Lines said at known moments: 3 h, 90 min and 10 min ago. */
  function writeHistory(): void {
    const now = Date.now();
    const at = (minutes: number): string => new Date(now - minutes * 60_000).toISOString();
    fs.mkdirSync(path.dirname(journalFile()), { recursive: true });
    fs.writeFileSync(
      journalFile(),
      [
        { at: at(180), source: 'reaction', session: 's1', name, mood: 'calm', text: 'Old news.' },
        { at: at(90), source: 'greeting', session: 's1', name, text: 'Hello again.' },
        { at: at(10), source: 'say', name, text: 'Fresh \u001b[31mline.' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n',
    );
  }

  it('shows the lines oldest first, the last N, since a moment, and as JSON lines', async () => {
    writeHistory();
    const all = await runBuddy(['log'], { env });
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('');
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  reaction  ${name}: Old news\\.$`));
    expect(lines[2]).toMatch(new RegExp(`  say       ${name}: Fresh line\\.$`));

    expect((await runBuddy(['log', '-n', '1'], { env })).stdout).toMatch(/Fresh line\.\n$/);
    expect((await runBuddy(['log', '--since', '2h'], { env })).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((await runBuddy(['log', '--since', '30m'], { env })).stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((await runBuddy(['log', '--since', '2h', '-n', '1'], { env })).stdout).toMatch(/Fresh line\.\n$/);

    const json = await runBuddy(['log', '--json', '--since', '2h'], { env });
    const objects = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(objects.map((object) => Object.keys(object))).toEqual([
      ['at', 'source', 'session', 'name', 'text'],
      ['at', 'source', 'name', 'text'],
    ]);
    expect(objects.map((object) => object.text)).toEqual(['Hello again.', 'Fresh line.']);
  });

  it('takes a date that exists, 29 February of a leap year included', async () => {
    writeHistory();
    const result = await runBuddy(['log', '--since', '2024-02-29'], { env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('says so on stderr when there is nothing to show, and prints nothing', async () => {
    const empty = await runBuddy(['log'], { env });
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'buddy: nothing in the journal yet\n' });
    writeHistory();
    expect(await runBuddy(['log', '--since', '1m'], { env })).toMatchObject({ code: 0, stdout: '', stderr: 'buddy: nothing in the journal since then\n' });
    expect(await runBuddy(['log', '--since', '1m', '--json'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [['--since', 'yesterday'], '--since takes a duration'],
    [['--since', '2y'], '--since takes a duration'],
    [['--since', '2026-02-30'], '--since 2026-02-30 is not a date on the calendar'],
    [['--since', '2026-13-01'], '--since 2026-13-01 is not a date on the calendar'],
    [['--since', '2025-02-29'], '--since 2025-02-29 is not a date on the calendar'],
    [['-n', '0'], '-n must be between 1 and'],
    [['-n', 'ten'], '-n must be a whole number'],
    [['--clear', '-n', '3'], '--clear takes no other option'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    // In process, through the dispatcher; the first also through the built bin.
    const runs = [await runInProcess(['log', ...args], { env })];
    if (args[1] === 'yesterday') runs.push(await runBuddy(['log', ...args], { env }));
    for (const result of runs) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('follows new lines as they are said, until interrupted', async () => {
    writeHistory();
    const child = spawn(process.execPath, [BIN, 'log', '--follow', '-n', '1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await vi.waitFor(() => expect(out).toContain('Fresh line.'), { timeout: 10_000, interval: 50 });
      expect(out).not.toContain('Hello again.');
      const said = await runBuddy(['say', `${name}, coffee time`], { env });
      const reply = said.stdout.replace(`${name}: `, '').trim();
      await vi.waitFor(() => expect(out).toContain(reply), { timeout: 10_000, interval: 50 });
      // Rotation: the file moves aside and a new one starts; following goes on in the new one.
      fs.renameSync(journalFile(), previousFile());
      await runBuddy(['say', `${name}, thanks`], { env });
      const thanks = journalLines().at(-1)!.text!;
      await vi.waitFor(() => expect(out).toContain(thanks), { timeout: 10_000, interval: 50 });
    } finally {
      child.kill('SIGINT');
    }
    expect(await closed).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(3);
  });

  it('clears the journal only after asking: without a terminal it needs --yes, and changes nothing without it', async () => {
    writeHistory();
    const before = fs.readFileSync(journalFile());
    const refused = await runBuddy(['log', '--clear'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('buddy: log --clear: not confirmed (answer y, or pass --yes)\n');
    expect(fs.readFileSync(journalFile()).equals(before)).toBe(true);

    fs.writeFileSync(previousFile(), fs.readFileSync(journalFile()));
    const cleared = await runBuddy(['log', '--clear', '--yes'], { env });
    expect(cleared).toMatchObject({ code: 0, stdout: 'Cleared the journal (6 lines).\n', stderr: '' });
    expect(fs.existsSync(journalFile())).toBe(false);
    expect(fs.existsSync(previousFile())).toBe(false);
    expect((await runBuddy(['log', '--clear'], { env })).stdout).toBe('The journal is already empty.\n');
  });
});
