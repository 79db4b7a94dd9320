// The buddy that watches, end to end through the built bin and the local fake Messages API: a failing test
// in a Claude Code transcript gives, at once, an offline remark naming the test, and within two seconds of
// the next refresh the model's remark; the request holds the extracted facts and none of the credentials
// planted in the session's output; the hourly cap and the daily token cap hold over a burst of 100 events;
// `watch off` and `watch local` send nothing. Jobs are waited for by their processes, never by the clock.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedResponse } from '../helpers/fake-messages-api.js';
import { hatchedStatuslineSandboxes, NODE_RUNNER, processesMarked, type HatchedSandbox } from '../helpers/statusline-runners.js';

const USER_ID = 'remarks-watch-user';
const KEY = 'sk-ant-test-remarks-watch';
const TEST_NAME = 'rounds half cents up';
// Fake credentials in the formats the redactor knows, printed by the session where real ones could be.
const PLANTED = {
  anthropic: `sk-ant-api03-${'Qw7eR5tY3uI1oP9aS8dF'.repeat(2)}`,
  github: `ghp_${'Zx9Cv8Bn7Ml6Kj5Hg4Fd'.repeat(2)}`,
  password: 'hunter2-but-longer',
  keyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7planted',
};
const FAILING_OUTPUT = [
  `$ DEPLOY_TOKEN=${PLANTED.github} npx vitest run`,
  `export DB_PASSWORD=${PLANTED.password}`,
  '-----BEGIN PRIVATE KEY-----',
  PLANTED.keyBody,
  '-----END PRIVATE KEY-----',
  ` FAIL  tests/money.test.ts > money > ${TEST_NAME}`,
  `AssertionError: expected 0.01 to be 0.02 (key ${PLANTED.anthropic})`,
  ' Test Files  1 failed (1)',
  '      Tests  1 failed | 11 passed (12)',
].join('\n');

const record = (message: Record<string, unknown>): string => `${JSON.stringify({ type: message.role, message })}\n`;
const START = record({ role: 'user', content: [{ type: 'text', text: 'make the money tests pass' }] });
const failingRun = (id: string): string =>
  record({ role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command: 'npx vitest run tests/money.test.ts' } }], stop_reason: 'tool_use' }) +
  record({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: FAILING_OUTPUT, is_error: true }] });

/** The model's line names the test it was told about, so a remark shown is the model's and about this run. */
const MODEL_LINE = (test: string): string => `Model says: ${test} is red, I saw it.`;
/** What a remark of about this size costs: the day's cap is counted in what the calls really used. */
const USAGE = { input_tokens: 1_150, output_tokens: 30, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
const remarkReply = (text: string): ScriptedResponse => ({
  body: { id: 'msg_remark', type: 'message', role: 'assistant', model: 'claude-haiku-4-5', content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: USAGE },
});
const isRemarkRequest = (request: RecordedRequest): boolean => request.path.startsWith('/v1/messages') && /SESSION DATA/.test(request.raw);

const sandboxes = hatchedStatuslineSandboxes(USER_ID);
let home: HatchedSandbox;
let fake: FakeMessagesApi;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  home = sandboxes();
  fake = await startFakeMessagesApi({
    route: (request) => (isRemarkRequest(request) ? remarkReply(request.raw.includes(TEST_NAME) ? MODEL_LINE(TEST_NAME) : 'Model says: nothing to name.') : undefined),
  });
  env = { ...home.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url };
});
afterEach(async () => {
  await waitFor(() => processesMarked(home.mark).length === 0, 'every remark job to end');
  await fake.close();
  home.sandbox.cleanup();
});

async function waitFor(condition: () => boolean, what: string, deadlineMs = 15_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Session {
  readonly id: string;
  readonly transcript: string;
}

function openSession(id: string): Session {
  const transcript = path.join(home.sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, START);
  return { id, transcript };
}

async function refresh(session: Session, withEnv = env): Promise<string> {
  const payload = JSON.stringify({ session_id: session.id, transcript_path: session.transcript, cwd: home.sandbox.dir });
  const result = await NODE_RUNNER.run(['--format', 'plain', '--width', '200'], { env: withEnv, input: payload });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

async function configure(...settings: readonly (readonly [string, string])[]): Promise<void> {
  for (const [key, value] of settings) expect((await runBuddy(['config', key, value], { env })).code).toBe(0);
}

const remarkRequests = (): RecordedRequest[] => fake.requests.filter(isRemarkRequest);

describe('remarks on a failing test', () => {
  it('names the test offline at once, then shows the model’s remark within 2 s of the next refresh, sending the facts and no secret', async () => {
    const session = openSession('watch-1');
    await refresh(session);
    fs.appendFileSync(session.transcript, failingRun('toolu_1'));
    const first = await refresh(session);
    // The offline remark is there at once, naming the test.
    expect(first).toContain(TEST_NAME);
    expect(first).not.toContain('Model says');

    await waitFor(() => remarkRequests().length === 1 && processesMarked(home.mark).length === 0, 'the remark job');
    const started = Date.now();
    const next = await refresh(session);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(next).toContain(MODEL_LINE(TEST_NAME));

    const [request] = remarkRequests();
    const raw = request!.raw;
    for (const fact of [TEST_NAME, 'tests/money.test.ts', 'AssertionError: expected 0.01 to be 0.02', 'npx vitest run tests/money.test.ts']) expect(raw).toContain(fact);
    for (const secret of Object.values(PLANTED)) expect(raw).not.toContain(secret);
    // The stable part is marked for caching; the session's part is not.
    expect(JSON.stringify(request!.body.system)).toContain('"cache_control":{"type":"ephemeral"}');

    // The journal keeps the offline line with its event, and the model's line that replaced it.
    const journal = fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const reactions = journal.filter((line) => line.source === 'reaction');
    expect(reactions.map((line) => line.event)).toEqual(['testsFailed', undefined]);
    expect(reactions[1]!.text).toBe(MODEL_LINE(TEST_NAME));
  });

  it('sends nothing with watch local, and still names the test offline', async () => {
    await configure(['watch', 'local']);
    const session = openSession('watch-local');
    await refresh(session);
    fs.appendFileSync(session.transcript, failingRun('toolu_2'));
    expect(await refresh(session)).toContain(TEST_NAME);
    await waitFor(() => processesMarked(home.mark).length === 0, 'no job');
    expect(fake.requests).toEqual([]);
  });

  it('sends nothing with watch off, and says its species line, not the test', async () => {
    await configure(['watch', 'off']);
    const session = openSession('watch-off');
    await refresh(session);
    fs.appendFileSync(session.transcript, failingRun('toolu_3'));
    const line = await refresh(session);
    expect(line).not.toContain(TEST_NAME);
    expect(line).not.toContain('money');
    await waitFor(() => processesMarked(home.mark).length === 0, 'no job');
    expect(fake.requests).toEqual([]);
  });
});

describe('the budget over a burst of 100 events', () => {
  /** 100 sessions, each seeing a failing test once, refreshed ten at a time. */
  async function burst(): Promise<void> {
    const sessions = Array.from({ length: 100 }, (_, n) => openSession(`burst-${n}`));
    for (let batch = 0; batch < sessions.length; batch += 10) {
      const group = sessions.slice(batch, batch + 10);
      await Promise.all(group.map((session) => refresh(session)));
      for (const session of group) fs.appendFileSync(session.transcript, failingRun(`toolu_${session.id}`));
      await Promise.all(group.map((session) => refresh(session)));
    }
    await waitFor(() => processesMarked(home.mark).length === 0, 'every remark job to end', 60_000);
  }

  it('asks the model at most remarksPerHour times', async () => {
    await configure(['remarksPerHour', '3']);
    await burst();
    expect(remarkRequests()).toHaveLength(3);
    const status = JSON.parse((await runBuddy(['status', '--json'], { env })).stdout) as { remarks: Record<string, unknown> };
    expect(status.remarks).toMatchObject({ watch: 'on', remarksThisHour: 3, remarksPerHour: 3 });
  });

  it('asks the model only while the day’s tokens last', async () => {
    // Each remark reserves an upper estimate of its cost before it is asked, and settles what it used (1,180
    // tokens here): two fit in 3,000, never a third, however many jobs start at once.
    await configure(['remarksPerHour', '60'], ['remarkTokensPerDay', '3000']);
    await burst();
    expect(remarkRequests()).toHaveLength(2);
    const status = JSON.parse((await runBuddy(['status', '--json'], { env })).stdout) as { remarks: { tokensToday: number; tokensPerDay: number } };
    expect(status.remarks).toMatchObject({ tokensToday: 2 * 1_180, tokensPerDay: 3_000 });
  });
});
