// The pet's daily greeting with the model, against the local fake Messages API: the offline greeting comes
// at once, the model's line takes its place when it comes, the request holds the fact chosen (yesterday's
// sessions and green runs from the journal), and the line journaled once is the model's. Without a key, or
// when the model fails, the offline line is the one kept; a second watcher the same day says nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watchDailyGreeting } from '../../src/buddy/daily-watch.js';
import { journal } from '../../src/journal/append.js';
import { readJournal } from '../../src/journal/read-back.js';
import { DEFAULT_SETTINGS, type StoredBuddy } from '../../src/store/schema.js';
import { errorReply, startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { hatchedInProcess } from '../helpers/hatched-in-process.js';
import type { Sandbox } from '../helpers/cli.js';

const KEY = 'sk-ant-api03-daily-test-key-000000000000000000';
const hatched = hatchedInProcess('daily-watch-1');
let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});

/** A hatched buddy dated two days back, with yesterday's journal: two sessions, a red run turned green. */
function setUp(): { sandbox: Sandbox; buddy: StoredBuddy } {
  const sandbox = hatched();
  const file = path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  config.buddy.hatchedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  const noon = new Date();
  noon.setDate(noon.getDate() - 1);
  noon.setHours(12, 0, 0, 0);
  const at = noon.getTime();
  journal({ source: 'reaction', event: 'testsFailed', text: 'red', session: 's1', at }, sandbox.env);
  journal({ source: 'reaction', event: 'recovered', text: 'green', session: 's2', at: at + 60_000 }, sandbox.env);
  return { sandbox, buddy: config.buddy as StoredBuddy };
}

async function listen(env: NodeJS.ProcessEnv, buddy: StoredBuddy, count: number): Promise<string[]> {
  const said: string[] = [];
  const stop = watchDailyGreeting(env, buddy, DEFAULT_SETTINGS, 'pet-test')((line) => said.push(line.text));
  await vi.waitFor(() => expect(said.length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
  stop();
  return said;
}

const dailyJournal = (env: NodeJS.ProcessEnv): string[] => readJournal(env).filter((record) => record.source === 'daily').map((record) => record.text);

describe('the daily greeting in the pet', () => {
  it('says the offline line, then the model\'s in its place, grounded in the facts', async () => {
    const { sandbox, buddy } = setUp();
    try {
      const env = { ...sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
      fake.script(textReply('Two sessions and a green run yesterday? Proud of you.'));
      const said = await listen(env, buddy, 2);
      expect(said[0]).toMatch(/green|fix/);
      expect(said[1]).toBe('Two sessions and a green run yesterday? Proud of you.');
      expect(fake.requests).toHaveLength(1);
      const user = fake.requests[0]!.body.messages[0].content as string;
      expect(user).toContain('Yesterday: 2 session(s) with you; test runs failed 1 time(s) and went green again 1 time(s).');
      expect(fake.requests[0]!.raw).not.toContain(KEY);
      await vi.waitFor(() => expect(dailyJournal(env)).toEqual([said[1]]));
      // The day is claimed: another watcher says nothing and asks nothing.
      const again: string[] = [];
      const stop = watchDailyGreeting(env, buddy, DEFAULT_SETTINGS, 'pet-test')((line) => again.push(line.text));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 0));
      stop();
      expect(again).toEqual([]);
      expect(fake.requests).toHaveLength(1);
    } finally {
      sandbox.cleanup();
      fake.requests.length = 0;
    }
  });

  it('keeps the offline line when the model\'s comes after it has gone from the screen', async () => {
    const { sandbox, buddy } = setUp();
    try {
      const env = { ...sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
      fake.script(textReply('Too late to say hello.'));
      const start = Date.now();
      let calls = 0;
      // The first reading is the greeting's moment; every later one is an hour on.
      const clock = (): number => (calls++ === 0 ? start : start + 3_600_000);
      const said: string[] = [];
      const stop = watchDailyGreeting(env, buddy, DEFAULT_SETTINGS, 'pet-test', clock)((line) => said.push(line.text));
      await vi.waitFor(() => expect(dailyJournal(env)).toHaveLength(1), { timeout: 10_000 });
      stop();
      expect(fake.requests).toHaveLength(1);
      expect(said).toHaveLength(1);
      expect(dailyJournal(env)).toEqual(said);
    } finally {
      sandbox.cleanup();
      fake.requests.length = 0;
    }
  });

  it('keeps the offline line when the model fails, and asks nothing without a key', async () => {
    const failing = setUp();
    try {
      const env = { ...failing.sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
      fake.script(errorReply(400));
      const said = await listen(env, failing.buddy, 1);
      await vi.waitFor(() => expect(dailyJournal(env)).toEqual([said[0]]));
      expect(said).toHaveLength(1);
    } finally {
      failing.sandbox.cleanup();
      fake.requests.length = 0;
    }
    const offline = setUp();
    try {
      const said = await listen(offline.sandbox.env, offline.buddy, 1);
      expect(dailyJournal(offline.sandbox.env)).toEqual(said);
      expect(fake.requests).toHaveLength(0);
    } finally {
      offline.sandbox.cleanup();
    }
  });
});
