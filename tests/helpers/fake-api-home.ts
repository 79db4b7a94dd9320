// A throwaway home beside a local fake Messages API, opened before each test and closed after it, with the
// readers the persona command tests share: the environment with the key and the fake's URL, the stored
// config, and the check that the key is written nowhere. The runner (in process or the built bin) is the
// caller's, so the same setup serves tests/persona/persona-commands.test.ts and tests/e2e/persona-cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { TEST_KEY } from '../persona/support.js';
import { makeSandbox, type RunResult } from './cli.js';
import { soulReply, startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';

export const USER_ID = 'buddy-0';
export const PERSONALITY = 'Pemberton keeps a canoe of semicolons and sighs at every magic number, fondly.';

export type Runner = (args: readonly string[], options: { env: NodeJS.ProcessEnv }) => Promise<RunResult>;

export interface FakeApiHome {
  readonly fake: FakeMessagesApi;
  readonly sandbox: ReturnType<typeof makeSandbox>;
  /** The sandbox env with a fixed identity and, unless `withKey` is false, the key and the fake's URL. */
  envFor(withKey?: boolean): NodeJS.ProcessEnv;
  configPath(): string;
  readConfig(): ConfigData;
  expectKeyNowhere(...results: RunResult[]): void;
  /** A hatch whose soul the model writes: Pemberton, with PERSONALITY. */
  hatchWithModel(): Promise<RunResult>;
}

/** Opens a fake Messages API and a sandbox before each test and closes both after it. */
export function useFakeApiHome(run?: Runner): FakeApiHome {
  let fake: FakeMessagesApi | undefined;
  let sandbox: ReturnType<typeof makeSandbox> | undefined;
  beforeEach(async () => {
    fake = await startFakeMessagesApi();
    sandbox = makeSandbox();
  });
  afterEach(async () => {
    await fake?.close();
    sandbox?.cleanup();
  });

  const home: FakeApiHome = {
    get fake() {
      if (fake === undefined) throw new Error('the fake Messages API opens in beforeEach');
      return fake;
    },
    get sandbox() {
      if (sandbox === undefined) throw new Error('the sandbox opens in beforeEach');
      return sandbox;
    },
    envFor(withKey = true) {
      const env: NodeJS.ProcessEnv = { ...home.sandbox.env, BUDDY_USER_ID: USER_ID, ANTHROPIC_BASE_URL: home.fake.url };
      if (withKey) env.ANTHROPIC_API_KEY = TEST_KEY;
      return env;
    },
    configPath: () => path.join(home.sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'),
    readConfig: () => JSON.parse(fs.readFileSync(home.configPath(), 'utf8')) as ConfigData,
    expectKeyNowhere(...results) {
      for (const result of results) {
        expect(result.stdout).not.toContain(TEST_KEY);
        expect(result.stderr).not.toContain(TEST_KEY);
      }
      for (const file of filesUnder(home.sandbox.dir)) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(TEST_KEY);
    },
    async hatchWithModel() {
      if (run === undefined) throw new Error('hatchWithModel needs a runner');
      home.fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }));
      const result = await run(['hatch'], { env: home.envFor() });
      expect(result.code, result.stderr).toBe(0);
      return result;
    },
  };
  return home;
}

/** Every file Buddy wrote anywhere below `dir`. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}
