// `buddy hatch` and `buddy say` end to end: the built bin in real processes with isolated homes, the real
// SDK inside it pointed at a local fake Messages API. The key is used, never stored or printed. The other
// hatch and say cases run in process, in tests/persona/persona-commands.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';
import { soulReply, startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { TEST_KEY, TEST_MODEL } from '../persona/support.js';

const USER_ID = 'buddy-0';
const bones = rollFromUserId(USER_ID);
const PERSONALITY = 'Pemberton keeps a canoe of semicolons and sighs at every magic number, fondly.';

let fake: FakeMessagesApi;
let sandbox: ReturnType<typeof makeSandbox>;

beforeEach(async () => {
  fake = await startFakeMessagesApi();
  sandbox = makeSandbox();
});
afterEach(async () => {
  await fake.close();
  sandbox.cleanup();
});

/** The sandbox env with a fixed identity and, unless `withKey` is false, the key and the fake's URL. */
function envFor(withKey = true): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: USER_ID, ANTHROPIC_BASE_URL: fake.url };
  if (withKey) env.ANTHROPIC_API_KEY = TEST_KEY;
  return env;
}

const configPath = (): string => path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json');
const backupPath = (): string => path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.backup.json');
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(configPath(), 'utf8')) as ConfigData;

/** Every file Buddy wrote anywhere in the sandbox home. */
function sandboxFiles(dir = sandbox.dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sandboxFiles(full) : [full];
  });
}

function expectKeyNowhere(...results: RunResult[]): void {
  for (const result of results) {
    expect(result.stdout).not.toContain(TEST_KEY);
    expect(result.stderr).not.toContain(TEST_KEY);
  }
  for (const file of sandboxFiles()) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(TEST_KEY);
}

async function hatchWithModel(): Promise<RunResult> {
  fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }));
  const result = await runBuddy(['hatch'], { env: envFor() });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('buddy hatch with a model', () => {
  it('shows the model-written name and stores the soul with a backup, never the key', async () => {
    const result = await hatchWithModel();
    expect(result.stdout).toContain('Pemberton hatched!');
    expect(result.stdout).toContain(`soul written by ${TEST_MODEL}`);
    expect(result.stderr).toBe('');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body.tool_choice).toEqual({ type: 'tool', name: 'write_soul' });

    const config = readConfig();
    expect(config.buddy).toMatchObject({ name: 'Pemberton', personality: PERSONALITY, soulSource: 'model', model: TEST_MODEL, memory: [], idHash: bones.idHash });
    expect(fs.existsSync(backupPath())).toBe(true);
    expect((JSON.parse(fs.readFileSync(backupPath(), 'utf8')) as ConfigData).buddy?.name).toBe('Pemberton');
    expect(fs.readFileSync(configPath(), 'utf8')).not.toContain(TEST_KEY);
    expectKeyNowhere(result);
  });
});

describe('buddy say', () => {
  it('keeps the name and both exchanges when two says run at once', async () => {
    await hatchWithModel();
    fake.script(textReply('First crumb.'), textReply('Second crumb.'));
    const [one, two] = await Promise.all([
      runBuddy(['say', 'Pemberton, hi'], { env: envFor() }),
      runBuddy(['say', 'Pemberton, hi'], { env: envFor() }),
    ]);
    expect(one?.code, one?.stderr).toBe(0);
    expect(two?.code, two?.stderr).toBe(0);
    expect([one?.stdout, two?.stdout].sort()).toEqual(['Pemberton: First crumb.\n', 'Pemberton: Second crumb.\n']);
    expect(fake.requests).toHaveLength(3);
    const buddy = readConfig().buddy;
    expect(buddy?.name).toBe('Pemberton');
    expect(buddy?.personality).toBe(PERSONALITY);
    expect(buddy?.soulSource).toBe('model');
    expect(buddy?.memory).toHaveLength(2);
    expect(buddy?.memory.map((exchange) => exchange.buddy).sort()).toEqual(['First crumb.', 'Second crumb.']);
    expect(buddy?.memory.every((exchange) => exchange.user === 'Pemberton, hi')).toBe(true);
  });
});
