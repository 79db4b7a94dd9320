// Claude Code hooks in process, through the dispatcher the built bin runs: `buddy hook session-start` says
// nothing while muted, and neither hook says anything, nor asks the model, on empty or broken input or a
// prompt that does not name the buddy. The introduction and the detached reply job, which only real
// processes show, are tests/e2e/hooks.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import type { ConfigData } from '../../src/store/schema.js';
import { hatchedSandboxes, type RunResult, type Sandbox } from '../helpers/cli.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { runInProcess } from '../helpers/in-process.js';
import { statuslineInProcess } from '../helpers/statusline-in-process.js';

const USER_ID = 'buddy-93';
const TEST_KEY = 'test-key';

let sandbox: Sandbox;
let fake: FakeMessagesApi;
let env: NodeJS.ProcessEnv;
let name: string;

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
const hookFile = (sessionId: string): string => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(sessionId)}.hook.json`);
const withKey = (): NodeJS.ProcessEnv => ({ ...env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url });

function sessionStartInput(sessionId: string): string {
  return JSON.stringify({ session_id: sessionId, transcript_path: path.join(sandbox.dir, `${sessionId}.jsonl`), cwd: sandbox.dir, hook_event_name: 'SessionStart', source: 'startup' });
}

function promptInput(sessionId: string, prompt: string): string {
  return JSON.stringify({ session_id: sessionId, transcript_path: path.join(sandbox.dir, `${sessionId}.jsonl`), cwd: sandbox.dir, permission_mode: 'default', hook_event_name: 'UserPromptSubmit', prompt });
}

function hook(kind: string, input: string, runEnv = env): Promise<RunResult> {
  return runInProcess(['hook', kind], { env: runEnv, input });
}

/** The statusline line for a session (no transcript: only hook state matters here). */
async function statusLine(sessionId: string): Promise<string> {
  const run = await statuslineInProcess(['--format', 'plain', '--width', '200'], { env, input: JSON.stringify({ session_id: sessionId }) });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trimEnd();
}

const hatchedSandbox = hatchedSandboxes(USER_ID);

beforeEach(async () => {
  sandbox = hatchedSandbox();
  fake = await startFakeMessagesApi();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
  name = readConfig().buddy!.name;
});

afterEach(async () => {
  await fake.close();
  sandbox.cleanup();
});

describe('buddy hook session-start', () => {
  it('says nothing while muted', async () => {
    expect((await runInProcess(['mute'], { env })).code).toBe(0);
    const result = await hook('session-start', sessionStartInput('intro-muted'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('says nothing and exits 0 on empty or broken input', async () => {
    for (const input of ['', 'not json', '[]', 'null', '{"session_id": 5}']) {
      const result = await hook('session-start', input);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, input).toBe('');
      expect(result.stderr).toBe('');
    }
  });
});

describe('buddy hook prompt', () => {
  it('stays silent when the prompt does not name the buddy', async () => {
    const result = await hook('prompt', promptInput('plain-1', 'Please fix the failing order tests in src/routes.'), withKey());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect(fs.existsSync(hookFile('plain-1'))).toBe(false);
    expect(await statusLine('plain-1')).toMatch(new RegExp(`^\\S+ ${name}$`));
  });

  it('says nothing and exits 0 on empty or broken input, and asks the model nothing', async () => {
    for (const input of ['', 'not json', '[]', 'null', JSON.stringify({ session_id: 'broken-1', prompt: 42 })]) {
      const result = await hook('prompt', input, withKey());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, input).toBe('');
      expect(result.stderr).toBe('');
    }
    expect(fake.requests).toHaveLength(0);
  });
});
