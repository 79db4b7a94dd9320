// The statusline's daily greeting in process, through the dispatcher the built bin runs: the first refresh
// of a day on a buddy hatched before today greets, as its reaction, and journals it once (source `daily`);
// the next refresh, in another session, does not; a refresh that saw something in the session reacts to
// that instead and leaves the day unclaimed; muted, nothing is said and the day stays unclaimed; on the day
// it hatched, the hatch was its hello. (The built bin and the model's greeting: tests/e2e/daily-cli.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hatchedSandboxes, makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { statuslineInProcess } from '../helpers/statusline-in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const FIXTURE_SESSION = '4f1c2a7e-9b3d-4c1a-8e2f-6d5b0a9c3e71';

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
const hatchedSandbox = hatchedSandboxes('statusline-daily-1');

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'statusline-daily-1' };
});
afterEach(() => sandbox.cleanup());

const configFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');

/** A hatched buddy whose hatch is dated two days back, so today is not its hatch day. */
function hatchedBefore(): void {
  hatchedSandbox(sandbox);
  const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
  config.buddy.hatchedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
  fs.writeFileSync(configFile(), JSON.stringify(config, null, 2));
}

function journaled(): { source: string; text: string; session?: string; name?: string }[] {
  const file = path.join(env.BUDDY_CONFIG_DIR as string, 'journal.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}
const dailyLines = () => journaled().filter((record) => record.source === 'daily');

const refresh = (session: string, payload: Record<string, unknown> = {}) =>
  statuslineInProcess(['--layout', 'compact', '--width', '200'], { env, input: JSON.stringify({ session_id: session, ...payload }) });

/** A session whose transcript shows failing tests: a refresh of it reacts to them. */
function failingSession(id: string): Record<string, unknown> {
  const transcript = path.join(sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, fs.readFileSync(path.join(FIXTURES, 'transcript-tests-passed.jsonl'), 'utf8').replaceAll(FIXTURE_SESSION, id));
  return { transcript_path: transcript, append: () => fs.appendFileSync(transcript, fs.readFileSync(path.join(FIXTURES, 'transcript-tests-failed.jsonl'), 'utf8').replaceAll(FIXTURE_SESSION, id)) };
}

describe('the daily greeting in the statusline (in process)', () => {
  it('greets on the first refresh of a day, shows it and journals it once, with the session and the name', async () => {
    hatchedBefore();
    const first = await refresh('daily-a');
    expect(first.code, first.stderr).toBe(0);
    const said = dailyLines();
    expect(said).toHaveLength(1);
    expect(said[0]!.session).toBeDefined();
    expect(said[0]!.name).toBe(JSON.parse(fs.readFileSync(configFile(), 'utf8')).buddy.name);
    expect(first.stdout).toContain(said[0]!.text.split(' ').slice(0, 3).join(' '));

    const other = await refresh('daily-b');
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).not.toContain(said[0]!.text.split(' ').slice(0, 3).join(' '));
    expect(dailyLines()).toHaveLength(1);
  });

  it('reacts to what the session showed instead, leaving the day unclaimed for a later quiet refresh', async () => {
    hatchedBefore();
    const { append, ...payload } = failingSession('daily-work') as { append: () => void } & Record<string, unknown>;
    // Muted, the first look says nothing and claims nothing; then the failure is what the next refresh sees.
    expect((await runInProcess(['mute'], { env })).code).toBe(0);
    await refresh('daily-work', payload);
    expect((await runInProcess(['unmute'], { env })).code).toBe(0);
    append();
    const failing = await refresh('daily-work', payload);
    expect(failing.code, failing.stderr).toBe(0);
    expect(dailyLines()).toHaveLength(0);
    await refresh('daily-quiet');
    expect(dailyLines()).toHaveLength(1);
  });

  it('says nothing muted and leaves the day unclaimed, then greets once unmuted', async () => {
    hatchedBefore();
    expect((await runInProcess(['mute'], { env })).code).toBe(0);
    await refresh('daily-a');
    expect(dailyLines()).toHaveLength(0);
    expect((await runInProcess(['unmute'], { env })).code).toBe(0);
    await refresh('daily-b');
    expect(dailyLines()).toHaveLength(1);
  });

  it('does not greet on the day it hatched', async () => {
    hatchedSandbox(sandbox);
    const first = await refresh('daily-a');
    expect(first.code, first.stderr).toBe(0);
    expect(dailyLines()).toHaveLength(0);
  });
});
