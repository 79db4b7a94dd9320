// The model remark job against the local fake Messages API: `buddy hook remark` through the dispatcher, and
// started for real by the statusline's startModelRemark.
// What it sends holds the facts and none of the credentials planted in them and in the context; `watch
// local` and `watch off` send nothing; the session's reaction then says the model's line (unless a newer
// reaction took its place) and the journal keeps it; the budget holds over jobs started together; and a
// statusline refresh starts the job without waiting for it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remarkUse, reserveRemark } from '../../src/store/remark-budget.js';
import { DEFAULT_SETTINGS } from '../../src/store/schema.js';
import type { RemarkFacts } from '../../src/species/remark-facts.js';
import { parseRemarkFacts, remarkInBackground, settledTokens, type RemarkJob } from '../../src/statusline/remark-job.js';
import { remarkMode, scrubbedFacts, shouldAskModel, startModelRemark } from '../../src/statusline/remark-start.js';
import { EMPTY_STATUS, readStatusState, writeStatusState } from '../../src/statusline/session-state.js';
import { bundleChild } from '../helpers/bundle-child.js';
import { BIN } from '../helpers/cli.js';
import { errorReply, startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { useHatchedHome } from '../helpers/hatched-home.js';
import { runInProcess } from '../helpers/in-process.js';
import { startTogether } from '../helpers/start-together.js';

const KEY = 'test-key';
const SESSION = 'remark-session';
const AT = Date.now() - 1_000;
const OFFLINE = 'Red again. I felt that one.';
// Fake credentials in the formats the redactor knows, planted where a session could print them.
const PLANTED = {
  anthropic: `sk-ant-api03-${'Zq3xR8vT1wLp9sKd2mN7'.repeat(2)}`,
  github: `ghp_${'a1B2c3D4e5F6g7H8i9J0'.repeat(2)}`,
  password: 'correct-horse-battery',
  bearer: 'tok_live_0123456789abcdef',
  urlPassword: 'pa55w0rd-in-url',
};
const FACTS: RemarkFacts = {
  kind: 'testsFailed',
  tests: ['refuses an expired session'],
  file: 'tests/auth/login.test.ts',
  error: `401 Unauthorized (key ${PLANTED.anthropic})`,
  command: `GITHUB_TOKEN=${PLANTED.github} npm test`,
  failed: 1,
  passed: 41,
  timesToday: 2,
};
const CONTEXT = [
  ' FAIL  tests/auth/login.test.ts > refuses an expired session',
  `export DB_PASSWORD=${PLANTED.password}`,
  `curl -H "Authorization: Bearer ${PLANTED.bearer}" https://api.example.test`,
  `postgres://app:${PLANTED.urlPassword}@db.example.test/app`,
].join('\n');

const home = useHatchedHome();
let fake: FakeMessagesApi;
beforeEach(async () => {
  fake = await startFakeMessagesApi();
  writeStatusState(home.env, SESSION, { ...EMPTY_STATUS, reaction: { event: 'testsFailed', text: OFFLINE, at: AT } });
});
afterEach(async () => {
  await fake.close();
});

const withKey = (): NodeJS.ProcessEnv => ({ ...home.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url });
const jobEnv = (facts: unknown = FACTS, at = AT): NodeJS.ProcessEnv => ({
  ...withKey(),
  BUDDY_REMARK_FACTS: JSON.stringify(facts),
  BUDDY_REMARK_CONTEXT: CONTEXT,
  BUDDY_REMARK_AT: String(at),
});
// The job's cases run in this process, through the dispatcher the built bin hands `hook remark` to; the
// bin itself starts it below (startModelRemark).
const runJob = (env: NodeJS.ProcessEnv): ReturnType<typeof runInProcess> => runInProcess(['hook', 'remark', '--session', SESSION], { env });
const journalLines = (): Array<Record<string, string>> => {
  const file = path.join(home.env.BUDDY_CONFIG_DIR as string, 'journal.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>) : [];
};
const setConfig = async (key: string, value: string): Promise<void> => {
  expect((await runInProcess(['config', key, value], { env: home.env })).code).toBe(0);
};

describe('buddy hook remark', () => {
  it('sends the facts without a planted secret, and shows and journals the model\'s line', async () => {
    fake.script(textReply('refuses an expired session? It refuses me daily.'));
    const result = await runJob(jobEnv());
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(fake.requests).toHaveLength(1);
    const raw = fake.requests[0]!.raw;
    for (const secret of Object.values(PLANTED)) expect(raw).not.toContain(secret);
    const user = fake.requests[0]!.body.messages[0].content as string;
    expect(user).toContain('Event: a test run failed (1 failed, 41 passed), the 2nd time today.');
    expect(user).toContain('Failing tests: refuses an expired session');
    expect(user).toContain('File: tests/auth/login.test.ts');
    expect(user).toContain('Error: 401 Unauthorized (key ***)');
    expect(user).toContain('Command: GITHUB_TOKEN=*** npm test');
    expect(user).toContain('| export DB_PASSWORD=***\n| curl -H "Authorization: ***" https://api.example.test\n| postgres://app:***@db.example.test/app');
    expect(fake.requests[0]!.body.max_tokens).toBe(80);
    expect(readStatusState(home.env, SESSION)?.reaction).toEqual({ event: 'testsFailed', text: 'refuses an expired session? It refuses me daily.', at: AT });
    expect(journalLines()).toEqual([expect.objectContaining({ source: 'reaction', session: SESSION, name: home.name, text: 'refuses an expired session? It refuses me daily.' })]);
    // The fake counts 10 tokens in and 10 out.
    expect(remarkUse(home.env, Date.now())).toEqual({ remarksThisHour: 1, tokensToday: 20 });
  });

  it.each(['local', 'off'])('with watch %s sends nothing and leaves the offline line', async (mode) => {
    await setConfig('watch', mode);
    fake.script(textReply('Should never be asked.'));
    expect((await runJob(jobEnv())).code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    expect(remarkUse(home.env, Date.now())).toEqual({ remarksThisHour: 0, tokensToday: 0 });
  });

  it('sends nothing without a key, when muted, or with facts it cannot read', async () => {
    fake.script(textReply('Never.'));
    expect((await runJob({ ...jobEnv(), ANTHROPIC_API_KEY: '' })).code).toBe(0);
    expect((await runJob(jobEnv({ kind: 'sneeze', timesToday: 1 }))).code).toBe(0);
    expect((await runJob({ ...jobEnv(), BUDDY_REMARK_AT: 'soon' })).code).toBe(0);
    await setConfig('muted', 'on');
    expect((await runJob(jobEnv())).code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
  });

  it('counts what an empty answer cost, and keeps the offline line', async () => {
    fake.script(textReply('   '));
    expect((await runJob(jobEnv())).code).toBe(0);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    expect(remarkUse(home.env, Date.now())).toEqual({ remarksThisHour: 1, tokensToday: 20 });
    expect(journalLines()).toEqual([]);
  });

  it('keeps the estimate reserved when the model cannot be reached: it may have been billed', async () => {
    await fake.close();
    expect((await runJob(jobEnv())).code).toBe(0);
    const budget = JSON.parse(fs.readFileSync(path.join(home.env.BUDDY_CACHE_DIR as string, 'remark-budget.json'), 'utf8')) as { tokens: number; remarks: Array<{ tokens: number }> };
    expect(budget.remarks).toHaveLength(1);
    expect(budget.tokens).toBe(budget.remarks[0]!.tokens);
    // Half a token a character of a request of well over a thousand characters, and 80 for the answer.
    expect(budget.tokens).toBeGreaterThan(600);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    fake = await startFakeMessagesApi();
  });

  it('leaves a newer reaction as it is', async () => {
    fake.script(textReply('Too late for this one.'));
    expect((await runJob(jobEnv(FACTS, AT - 60_000))).code).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    expect(journalLines()).toEqual([]);
  });

  it('keeps the offline line when the model fails, and counts nothing it did not spend', async () => {
    fake.script({ status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'no' } } });
    expect((await runJob(jobEnv())).code).toBe(0);
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    expect(remarkUse(home.env, Date.now())).toEqual({ remarksThisHour: 1, tokensToday: 0 });
  });

  it('holds the hourly cap over five jobs started together', async () => {
    await setConfig('remarksPerHour', '3');
    fake.script(...['one', 'two', 'three', 'four', 'five'].map((word) => textReply(`Remark ${word}.`)));
    const results = await startTogether(Array.from({ length: 5 }, () => ({ args: ['hook', 'remark', '--session', SESSION], env: jobEnv(), cwd: home.sandbox.dir })));
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0, 0]);
    expect(fake.requests).toHaveLength(3);
    expect(remarkUse(home.env, Date.now())).toEqual({ remarksThisHour: 3, tokensToday: 60 });
    const status = await runInProcess(['status'], { env: withKey() });
    expect(status.stdout).toMatch(/^remarks {6}3 of 3 this hour · 60 of 20,000 tokens today$/m);
  }, 60_000);
});

describe('starting it from a refresh', () => {
  it('returns at once, and the job it started puts the model\'s line in place', async () => {
    fake.script(textReply('Started from the statusline.'));
    const argv = [...process.argv];
    process.argv[1] = BIN;
    try {
      const started = performance.now();
      expect(startModelRemark(withKey(), SESSION, FACTS, CONTEXT.split('\n'), AT)).toBe(true);
      // Spawning is all it does: far below a statusline's budget even on a busy machine.
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      process.argv.splice(0, process.argv.length, ...argv);
    }
    const deadline = Date.now() + 20_000;
    while (readStatusState(home.env, SESSION)?.reaction?.text === OFFLINE && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe('Started from the statusline.');
    for (const secret of Object.values(PLANTED)) expect(fake.requests[0]!.raw).not.toContain(secret);
  }, 30_000);

  it('starts nothing without a script to run', () => {
    const argv = [...process.argv];
    process.argv.splice(1);
    try {
      expect(startModelRemark(withKey(), SESSION, FACTS, [], AT)).toBe(false);
    } finally {
      process.argv.splice(0, process.argv.length, ...argv);
    }
  });
});

describe('the light half', () => {
  it('bundles for the statusline without the model\'s SDK or the job', async () => {
    const bundle = await bundleChild('remark-start', "export { shouldAskModel, startModelRemark } from './src/statusline/remark-start.js';");
    try {
      const code = fs.readFileSync(bundle.script, 'utf8');
      expect(code).toContain('hook');
      expect(code).not.toMatch(/anthropic-ai|api\.anthropic\.com|remarkInBackground|writeRemark/);
    } finally {
      bundle.cleanup();
    }
  });
});

describe('shouldAskModel', () => {
  it('asks only with watch on, unmuted, a key, and room in the budget', () => {
    const now = Date.now();
    expect(shouldAskModel(DEFAULT_SETTINGS, withKey(), now)).toBe(true);
    expect(shouldAskModel(DEFAULT_SETTINGS, home.env, now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, watch: 'local' }, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, watch: 'off' }, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, muted: true }, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, remarksPerHour: 0 }, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, remarkTokensPerDay: 0 }, withKey(), now)).toBe(false);
  });

  it('asks while one more token fits today and one more remark this hour', () => {
    const now = Date.now();
    reserveRemark(home.env, { perHour: 60, tokensPerDay: 1_000_000 }, now, 19_999);
    expect(shouldAskModel(DEFAULT_SETTINGS, withKey(), now)).toBe(true);
    reserveRemark(home.env, { perHour: 60, tokensPerDay: 1_000_000 }, now, 1);
    expect(shouldAskModel(DEFAULT_SETTINGS, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, remarksPerHour: 3 }, withKey(), now)).toBe(false);
    expect(shouldAskModel({ ...DEFAULT_SETTINGS, remarksPerHour: 3, remarkTokensPerDay: 20_001 }, withKey(), now)).toBe(true);
  });
});

describe('scrubbedFacts', () => {
  it('hides credentials in every text of the facts, still within the fact length, and keeps the rest', () => {
    expect(scrubbedFacts(FACTS)).toEqual({ ...FACTS, error: '401 Unauthorized (key ***)', command: 'GITHUB_TOKEN=*** npm test' });
    const long = { kind: 'error', file: `https://a:b@${'h'.repeat(75)}`, tests: [`x ${PLANTED.github}`], timesToday: 1 } as const;
    expect(scrubbedFacts(long)).toEqual({ kind: 'error', file: `https://a:***@${'h'.repeat(80 - 14)}`, tests: ['x ***'], timesToday: 1 });
    expect(scrubbedFacts({ kind: 'turnEnd', timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1 });
  });
});

describe('remarkMode', () => {
  it('is generic with watch off, the model when it may be asked, and offline otherwise', () => {
    const now = Date.now();
    expect(remarkMode({ ...DEFAULT_SETTINGS, watch: 'off' }, withKey(), now)).toBe('generic');
    expect(remarkMode(DEFAULT_SETTINGS, withKey(), now)).toBe('model');
    expect(remarkMode({ ...DEFAULT_SETTINGS, watch: 'local' }, withKey(), now)).toBe('offline');
    expect(remarkMode(DEFAULT_SETTINGS, home.env, now)).toBe('offline');
    expect(remarkMode({ ...DEFAULT_SETTINGS, remarksPerHour: 0 }, withKey(), now)).toBe('offline');
  });
});

describe('settledTokens', () => {
  const reservation = { id: 'r', day: '2026-06-10', tokens: 1_400 };
  const spent = { inputTokens: 600, outputTokens: 25, cacheReadTokens: 0, cacheCreationTokens: 0 };
  it.each([
    [{ ok: true, text: 'x', ...spent }, 625],
    [{ ok: false, reason: 'empty', ...spent }, 625],
    [{ ok: false, reason: 'out-of-character', ...spent }, 625],
    [{ ok: false, reason: 'timeout', ...spent }, 1_400],
    [{ ok: false, reason: 'network', ...spent }, 1_400],
    [{ ok: false, reason: 'auth', ...spent }, 0],
    [{ ok: false, reason: 'rate-limit', ...spent }, 0],
    [{ ok: false, reason: 'server', ...spent }, 0],
    [{ ok: false, reason: 'no-client', ...spent }, 0],
  ] as const)('%j settles at %d', (result, tokens) => {
    expect(settledTokens(result, reservation)).toBe(tokens);
  });
});

describe('parseRemarkFacts', () => {
  it('reads back what startModelRemark wrote, and refuses anything else', () => {
    expect(parseRemarkFacts(JSON.stringify(FACTS))).toEqual(FACTS);
    for (const text of [undefined, '', '{', '[]', JSON.stringify({ ...FACTS, timesToday: 0 }), JSON.stringify({ ...FACTS, file: 'x'.repeat(81) }), JSON.stringify({ ...FACTS, tests: ['a', 'b', 'c', 'd'] }), JSON.stringify({ ...FACTS, failed: -1 })]) {
      expect(parseRemarkFacts(text), String(text)).toBeUndefined();
    }
  });
});

describe('what the remark job did', () => {
  const job = (reactionAt = AT): RemarkJob => ({ sessionKey: SESSION, facts: FACTS, context: CONTEXT.split('\n'), reactionAt });

  it('shows the model’s line, and tells the model what the person asked it to keep, the latest first', async () => {
    for (const fact of ['I deploy on Fridays', 'the staging key rotates monthly']) {
      expect((await runInProcess(['say', `${home.name}, remember that ${fact}`], { env: home.env })).code).toBe(0);
    }
    fake.script(textReply('Fridays again? The session is red.'));
    expect(await remarkInBackground(withKey(), job())).toBe('shown');
    expect(fake.requests[0]!.body.messages[0].content as string).toContain('You remember: the staging key rotates monthly; I deploy on Fridays');
    expect(readStatusState(home.env, SESSION)?.reaction).toEqual({ event: 'testsFailed', text: 'Fridays again? The session is red.', at: AT });
  });

  it('leaves a newer reaction, or a session with none, as it is', async () => {
    fake.script(textReply('Too late for this one.'), textReply('No reaction to replace.'));
    expect(await remarkInBackground(withKey(), job(AT - 1))).toBe('superseded');
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
    expect(await remarkInBackground(withKey(), { ...job(), sessionKey: 'no-such-session' })).toBe('superseded');
    expect(readStatusState(home.env, 'no-such-session')).toBeUndefined();
  });

  it('says why it asked nothing: not hatched, not on, no key, no budget', async () => {
    const empty = path.join(home.env.BUDDY_CONFIG_DIR as string, '..', 'empty-config');
    expect(await remarkInBackground({ ...withKey(), BUDDY_CONFIG_DIR: empty }, job())).toBe('no-buddy');
    expect(await remarkInBackground({ ...withKey(), ANTHROPIC_API_KEY: '' }, job())).toBe('no-key');
    await setConfig('remarksPerHour', '0');
    expect(await remarkInBackground(withKey(), job())).toBe('budget');
    await setConfig('watch', 'local');
    expect(await remarkInBackground(withKey(), job())).toBe('not-on');
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the offline line when the model fails', async () => {
    fake.script(errorReply(500), errorReply(500), errorReply(500));
    expect(await remarkInBackground(withKey(), job())).toBe('failed');
    expect(readStatusState(home.env, SESSION)?.reaction?.text).toBe(OFFLINE);
  });

  it('reads no facts from nothing, or from what is not JSON', () => {
    expect(parseRemarkFacts(undefined)).toBeUndefined();
    expect(parseRemarkFacts('{"kind":')).toBeUndefined();
    expect(parseRemarkFacts(JSON.stringify(FACTS))).toEqual(FACTS);
  });
});
