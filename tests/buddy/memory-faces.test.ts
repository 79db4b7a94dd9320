// Remembering works wherever the buddy is talked to, not only through `buddy say`: the pet's responder and
// the Claude Code reply job (with a model client, pointed at a local fake that must never be asked) both
// store the fact the turn asked to keep, in the same write as the exchange.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeResponder } from '../../src/buddy/persona-responder.js';
import { answerInBackground } from '../../src/statusline/reply-job.js';
import { journal } from '../../src/journal/append.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';
import { requestAt, systemOf, TEST_KEY } from '../persona/support.js';

const bones = rollFromUserId('buddy-0');
const buddy = makeStoredBuddy(bones, { name: 'Pimble', personality: 'Pimble reads stack traces like bedtime stories.' }, 'offline', new Date('2025-01-02T03:04:05.000Z'));

let temp: TempConfig;
let fake: FakeMessagesApi;
beforeEach(async () => {
  temp = makeTempConfig('buddy-memory-faces-');
  fake = await startFakeMessagesApi();
  saveBuddy(buddy, temp.env);
});
afterEach(async () => {
  await fake.close();
  removeTempConfig(temp);
});

const facts = () => (readConfigSnapshot(temp.env).buddy?.facts ?? []).map((fact) => fact.text);

describe('the pet', () => {
  it('keeps a fact told in the pet, offline', async () => {
    const respond = makeResponder(undefined, temp.env);
    const response = respond('Pimble, remember that I deploy on Fridays');
    expect(response.thinking).toBe(false);
    const reply = await response.reply;
    expect(reply.text).toContain('"I deploy on Fridays"');
    expect(reply.conversed).toBe(true);
    expect(facts()).toEqual(['I deploy on Fridays']);
    expect(readConfigSnapshot(temp.env).buddy?.memory.map((exchange) => exchange.user)).toEqual(['Pimble, remember that I deploy on Fridays']);
  });

  it('lets one go when asked', async () => {
    const respond = makeResponder(undefined, temp.env);
    await respond('Pimble, remember that I deploy on Fridays').reply;
    await respond('Pimble, remember that Bob owns billing').reply;
    const reply = await respond('Pimble, forget that I deploy on Fridays').reply;
    expect(reply.text).toContain('"I deploy on Fridays"');
    expect(facts()).toEqual(['Bob owns billing']);
  });
});

describe('the Claude Code reply job', () => {
  it('keeps a fact without asking the model', async () => {
    const env = { ...temp.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url };
    const text = await answerInBackground(env, "Pimble, don't forget that prod is eu-west-1", 'memory-1');
    expect(text).toContain('"prod is eu-west-1"');
    expect(fake.requests).toHaveLength(0);
    expect(facts()).toEqual(['prod is eu-west-1']);
  });
});

describe('with a model, the facts and the last days\' sessions reach the prompt', () => {
  const SESSIONS = 'Recent coding sessions you watched: Tue 2026-12-01: tests failed 1×, then green.';

  beforeEach(() => {
    const lines = SPECIES_LINES[bones.species];
    journal({ at: Date.parse('2026-12-01T12:00:00.000Z'), source: 'reaction', text: lines.testsFailed[0]! }, temp.env);
    journal({ at: Date.parse('2026-12-01T12:30:00.000Z'), source: 'reaction', text: lines.recovered[0]! }, temp.env);
    saveBuddy({ ...buddy, facts: [{ text: 'I deploy on Fridays', at: '2026-12-01T10:00:00.000Z' }] }, temp.env);
  });

  it('in the reply job', async () => {
    fake.script(textReply('Fridays. Always Fridays.'));
    const env = { ...temp.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url };
    expect(await answerInBackground(env, 'Pimble, when do I deploy?', 'memory-2')).toBe('Fridays. Always Fridays.');
    const dynamic = systemOf(requestAt(fake, 0))[1]!.text;
    expect(dynamic).toContain(': I deploy on Fridays\n' + SESSIONS);
  });

  it('in the pet', async () => {
    fake.script(textReply('Fridays, I think.'));
    const respond = makeResponder(undefined, { ...temp.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url });
    const response = respond('Pimble, when do I deploy?');
    expect(response.thinking).toBe(true);
    expect((await response.reply).text).toBe('Fridays, I think.');
    expect(systemOf(requestAt(fake, 0))[1]!.text).toContain(': I deploy on Fridays\n' + SESSIONS);
  });

  it('offline, the journal is not needed: the fact answers', async () => {
    const reply = await makeResponder(undefined, temp.env)('Pimble, when do I deploy?').reply;
    expect(reply.text).toContain('"I deploy on Fridays"');
    expect(fake.requests).toHaveLength(0);
  });
});
