// The statusline's daily greeting by the model: the job reads its fact back (checked, never trusted), puts
// the model's line in place of the offline greeting only while that is the reaction shown, and journals the
// line finally said once; without a key, or superseded, the offline greeting is the one journaled.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailyInBackground, parseDailyFact } from '../../src/statusline/daily-job.js';
import { EMPTY_STATUS, readStatusState, writeStatusState } from '../../src/statusline/session-state.js';
import { readJournal } from '../../src/journal/read-back.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { hatchedInProcess } from '../helpers/hatched-in-process.js';
import { makeSandbox, type Sandbox } from '../helpers/cli.js';

const KEY = 'sk-ant-api03-daily-job-test-key-0000000000000000';
const hatched = hatchedInProcess('daily-job-1');
let fake: FakeMessagesApi;
let sandbox: Sandbox;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  sandbox = hatched();
  fake.requests.length = 0;
});
afterEach(() => sandbox.cleanup());

const AT = 1_700_000_000_000;
const OFFLINE = '*blinks* Hello again! We had 2 sessions together yesterday.';
const daily = (): string[] => readJournal(sandbox.env).filter((record) => record.source === 'daily').map((record) => record.text);
const shown = (at = AT): void => writeStatusState(sandbox.env, 's1', { ...EMPTY_STATUS, reaction: { event: 'greeting', text: OFFLINE, at } });
const job = { sessionKey: 's1', fact: { kind: 'sessions', sessions: 2 } as const, offline: OFFLINE, reactionAt: AT };

describe('parseDailyFact', () => {
  it('reads back every kind of fact', () => {
    for (const fact of [
      { kind: 'green', sessions: 0, failed: 2, green: 1 },
      { kind: 'sessions', sessions: 3 },
      { kind: 'streak', days: 2, best: false },
      { kind: 'remembered', text: 'standup at 9' },
      { kind: 'hello' },
    ]) {
      expect(parseDailyFact(JSON.stringify(fact))).toEqual(fact);
    }
  });

  it('refuses what no chooser would give', () => {
    for (const text of [undefined, '', 'not json', '{"kind":"green","sessions":1,"failed":0,"green":0}', '{"kind":"sessions","sessions":0}', '{"kind":"streak","days":1,"best":true}', '{"kind":"remembered","text":""}', `{"kind":"remembered","text":"${'x'.repeat(400)}"}`, '{"kind":"sessions","sessions":1.5}', '{"kind":"party"}']) {
      expect(parseDailyFact(text), String(text)).toBeUndefined();
    }
  });
});

describe('dailyInBackground', () => {
  it('puts the model\'s greeting in place of the offline one, and journals it once', async () => {
    shown();
    fake.script(textReply('Two sessions yesterday! Again?'));
    const env = { ...sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
    expect(await dailyInBackground(env, job)).toBe('shown');
    expect(readStatusState(sandbox.env, 's1')?.reaction).toEqual({ event: 'greeting', text: 'Two sessions yesterday! Again?', at: AT });
    expect(daily()).toEqual(['Two sessions yesterday! Again?']);
    expect(fake.requests[0]!.body.messages[0].content).toContain('Yesterday: 2 session(s) with you');
  });

  it('leaves a newer reaction alone and journals the offline greeting', async () => {
    shown(AT + 1);
    fake.script(textReply('Too late.'));
    const env = { ...sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
    expect(await dailyInBackground(env, job)).toBe('superseded');
    expect(readStatusState(sandbox.env, 's1')?.reaction?.text).toBe(OFFLINE);
    expect(daily()).toEqual([OFFLINE]);
  });

  it('leaves the screen alone when the greeting is gone, or another kind of reaction has its moment', async () => {
    const env = { ...sandbox.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
    fake.script(textReply('Nobody to greet.'), textReply('Nothing to replace.'), textReply('Not a greeting.'));
    expect(await dailyInBackground(env, job)).toBe('superseded');
    expect(readStatusState(sandbox.env, 's1')).toBeUndefined();
    writeStatusState(sandbox.env, 's1', EMPTY_STATUS);
    expect(await dailyInBackground(env, job)).toBe('superseded');
    expect(readStatusState(sandbox.env, 's1')?.reaction).toBeUndefined();
    writeStatusState(sandbox.env, 's1', { ...EMPTY_STATUS, reaction: { event: 'testsFailed', text: 'red', at: AT } });
    expect(await dailyInBackground(env, job)).toBe('superseded');
    expect(readStatusState(sandbox.env, 's1')?.reaction?.text).toBe('red');
    expect(daily()).toEqual([OFFLINE, OFFLINE, OFFLINE]);
  });

  it('does nothing without a buddy', async () => {
    const empty = makeSandbox();
    try {
      expect(await dailyInBackground(empty.env, job)).toBe('no-buddy');
      expect(readJournal(empty.env)).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });

  it('journals the offline greeting as one clean line', async () => {
    shown();
    expect(await dailyInBackground(sandbox.env, { ...job, offline: 'hello\u0007 there' })).toBe('offline');
    expect(daily()).toHaveLength(1);
    expect(daily()[0]).not.toContain('\u0007');
  });

  it('asks nothing without a key, and journals the offline greeting', async () => {
    shown();
    expect(await dailyInBackground(sandbox.env, job)).toBe('offline');
    expect(fake.requests).toHaveLength(0);
    expect(daily()).toEqual([OFFLINE]);
  });
});
