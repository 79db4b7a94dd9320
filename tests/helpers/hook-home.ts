// A hatched buddy-93 in a throwaway home beside a local fake Messages API, made before each test and
// removed after it, with the hook inputs Claude Code sends and the statusline line the hooks' state shows.
// The runner of `buddy hook` (in process or the built bin) is the caller's, so the same setup serves
// tests/statusline/hook-command.test.ts and tests/e2e/hooks.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import type { ConfigData } from '../../src/store/schema.js';
import { hatchedSandboxes, type RunResult, type Sandbox } from './cli.js';
import { startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';
import { onTopOf, useHatchedHome, type HatchedHome } from './hatched-home.js';
import { statuslineInProcess } from './statusline-in-process.js';

export const USER_ID = 'buddy-93';
export const TEST_KEY = 'test-key';

export type Runner = (args: readonly string[], options: { env: NodeJS.ProcessEnv; input: string }) => Promise<RunResult>;

export interface HookHome {
  readonly sandbox: Sandbox;
  readonly fake: FakeMessagesApi;
  /** The sandbox's environment with buddy-93's identity (no key). */
  readonly env: NodeJS.ProcessEnv;
  /** The hatched buddy's name. */
  readonly name: string;
  readConfig(): ConfigData;
  hookFile(sessionId: string): string;
  /** The environment with the key and the fake's URL. */
  withKey(): NodeJS.ProcessEnv;
  sessionStartInput(sessionId: string): string;
  promptInput(sessionId: string, prompt: string): string;
  hook(kind: string, input: string, runEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** The statusline line for a session (no transcript: only hook state matters here). */
  statusLine(sessionId: string): Promise<string>;
}

export function useHookHome(run: Runner): HookHome {
  const hatched = useHatchedHome({}, hatchedSandboxes);
  let fake: FakeMessagesApi | undefined;
  beforeEach(async () => {
    fake = await startFakeMessagesApi();
  });
  afterEach(async () => {
    await fake?.close();
  });

  const home: HookHome = onTopOf<Omit<HookHome, keyof HatchedHome>>(hatched, {
    get fake() {
      if (fake === undefined) throw new Error('the fake Messages API opens in beforeEach');
      return fake;
    },
    readConfig: () => JSON.parse(fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData,
    hookFile: (sessionId) => path.join(home.env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(sessionId)}.hook.json`),
    withKey: () => ({ ...home.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: home.fake.url }),
    sessionStartInput(sessionId) {
      const { dir } = home.sandbox;
      return JSON.stringify({ session_id: sessionId, transcript_path: path.join(dir, `${sessionId}.jsonl`), cwd: dir, hook_event_name: 'SessionStart', source: 'startup' });
    },
    promptInput(sessionId, prompt) {
      const { dir } = home.sandbox;
      return JSON.stringify({ session_id: sessionId, transcript_path: path.join(dir, `${sessionId}.jsonl`), cwd: dir, permission_mode: 'default', hook_event_name: 'UserPromptSubmit', prompt });
    },
    hook: (kind, input, runEnv = home.env) => run(['hook', kind], { env: runEnv, input }),
    async statusLine(sessionId) {
      const result = await statuslineInProcess(['--format', 'plain', '--width', '200'], { env: home.env, input: JSON.stringify({ session_id: sessionId }) });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.trimEnd();
    },
  });
  return home;
}
