// `buddy log` end to end with the built CLI: the lines of the statusline's reactions, the session greeting
// and the reply to a prompt land in the journal, each with the mood `buddy status` shows at that moment
// (the hooks and the statusline run from bundles of their own); the log follows new lines until
// interrupted; a wrong option is one line and exit 2. What `buddy say`, `pet` and `feed` journal, and
// the log's other options, run in process: tests/journal/log-commands.test.ts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import { readHookState } from '../../src/statusline/session-state.js';
import { BIN, runBuddy } from '../helpers/cli.js';
import { useJournalHome } from '../helpers/journal-home.js';
import { runInProcess } from '../helpers/in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const fixtureText = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

const home = useJournalHome();
const { journalFile, previousFile, journalLines, writeHistory } = home;

describe('what goes into the journal', () => {
  it('keeps the statusline reactions, the session greeting and the reply to a prompt', async () => {
    const transcript = path.join(home.sandbox.dir, 'session.jsonl');
    fs.writeFileSync(transcript, '');
    const payload = JSON.stringify({ ...(JSON.parse(fixtureText('statusline-payload.json')) as object), session_id: 'journal-1', transcript_path: transcript });
    const greeted = await runBuddy(['hook', 'session-start'], { env: home.env, input: payload });
    expect(greeted.code).toBe(0);
    const moodThen = JSON.parse((await runBuddy(['status', '--json'], { env: home.env })).stdout).mood;
    expect(await runBuddy(['statusline'], { env: home.env, input: payload })).toMatchObject({ code: 0 });
    fs.appendFileSync(transcript, fixtureText('transcript-tests-failed.jsonl'));
    const reacted = await runBuddy(['statusline', '--format', 'plain', '--width', '200'], { env: home.env, input: payload });
    const moodAfter = JSON.parse((await runBuddy(['status', '--json'], { env: home.env })).stdout).mood;

    const prompt = JSON.stringify({ session_id: 'journal-1', prompt: `${home.name}, what are your stats?`, transcript_path: transcript });
    expect((await runBuddy(['hook', 'prompt'], { env: home.env, input: prompt })).code).toBe(0);
    // The reply job's last write is the reply in the session state, after the journal and the memory: once
    // it is there, nothing of the job's still writes into the sandbox when the test clears it.
    await vi.waitFor(() => expect(readHookState(home.env, sessionKey('journal-1')).reply).toBeDefined(), { timeout: 15_000, interval: 100 });

    const lines = journalLines();
    expect(lines.map((line) => line.source)).toEqual(['greeting', 'reaction', 'reply']);
    for (const line of lines) expect(line).toMatchObject({ name: home.name, session: expect.stringMatching(/^[\w.:-]+$/) });
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
  it('follows new lines as they are said, until interrupted', async () => {
    writeHistory();
    const child = spawn(process.execPath, [BIN, 'log', '--follow', '-n', '1'], { env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await vi.waitFor(() => expect(out).toContain('Fresh line.'), { timeout: 10_000, interval: 50 });
      expect(out).not.toContain('Hello again.');
      const said = await runInProcess(['say', `${home.name}, coffee time`], { env: home.env });
      const reply = said.stdout.replace(`${home.name}: `, '').trim();
      await vi.waitFor(() => expect(out).toContain(reply), { timeout: 10_000, interval: 50 });
      // Rotation: the file moves aside and a new one starts; following goes on in the new one.
      fs.renameSync(journalFile(), previousFile());
      await runInProcess(['say', `${home.name}, thanks`], { env: home.env });
      const thanks = journalLines().at(-1)!.text!;
      await vi.waitFor(() => expect(out).toContain(thanks), { timeout: 10_000, interval: 50 });
    } finally {
      child.kill('SIGINT');
    }
    expect(await closed).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(3);
  });

  it('refuses a wrong option with one line and exit 2', async () => {
    const result = await runBuddy(['log', '--since', 'yesterday'], { env: home.env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--since takes a duration');
  });
});
