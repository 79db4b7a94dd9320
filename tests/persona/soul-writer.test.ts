// writeSoul against the real SDK and a local fake Messages API: the forced write_soul tool call, the
// cache-friendly system prompt, validation with one retry, and every way the model can fail (each one
// falling back to an offline soul with a one-line warning that never leaks the key).
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { createAnthropicClient } from '../../src/persona/anthropic-client.js';
import { inspirationWords } from '../../src/persona/inspiration.js';
import { ModelCallError } from '../../src/persona/model-client.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { HATCH_RETRY_MESSAGE, HATCH_USER_MESSAGE, SOUL_TOOL } from '../../src/persona/prompt/hatch-prompt.js';
import { HATCH_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import { SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from '../../src/persona/prompt/system-sections.js';
import { writeSoul, type WrittenSoul } from '../../src/persona/soul-writer.js';
import { errorReply, soulReply, startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import {
  BIDI_CHARS,
  CONTROL_CHARS,
  fastClient,
  messagesOf,
  realClient,
  requestAt,
  systemOf,
  TEST_KEY,
  TEST_MODEL,
} from './support.js';

const bones = rollFromUserId('buddy-0');
const otherBones = rollFromUserId('buddy-93');
const PERSONALITY = 'Pemberton hoards semicolons in a canoe and judges every commit message with a raised eyebrow.';

let fake: FakeMessagesApi;
let consoleSpies: MockInstance[] = [];

// A fresh server per test: a response one test left queued (say, an unused hang) never reaches the next.
beforeEach(async () => {
  fake = await startFakeMessagesApi();
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
});
afterEach(async () => {
  await fake.close();
  for (const spy of consoleSpies) {
    for (const call of spy.mock.calls) expect(call.map(String).join(' ')).not.toContain(TEST_KEY);
  }
  vi.restoreAllMocks();
});

/** The SDK carries the key either as x-api-key or as a bearer token, depending on its version. */
function expectKeySent(headers: IncomingHttpHeaders): void {
  const carried = headers['x-api-key'] === TEST_KEY || headers.authorization === `Bearer ${TEST_KEY}`;
  expect(carried, JSON.stringify({ 'x-api-key': headers['x-api-key'], authorization: headers.authorization })).toBe(true);
}

function expectOfflineSoul(written: WrittenSoul, warning: RegExp): void {
  expect(written.source).toBe('offline');
  expect(written.soul).toEqual(writeOfflineSoul(bones));
  expect(written.model).toBeUndefined();
  expect(written.warning).toMatch(warning);
  expect(written.warning).not.toContain(TEST_KEY);
  expect(written.warning).not.toContain('\n');
}

describe('writeSoul through the write_soul tool', () => {
  it('keeps the model soul, records the model name and sanitises it', async () => {
    fake.script(soulReply({ name: '  Pemberton ', personality: `  ${PERSONALITY.replace('in a canoe', 'in\na   canoe')}  ` }));
    const written = await writeSoul(bones, realClient(fake));
    expect(written).toEqual({ soul: { name: 'Pemberton', personality: PERSONALITY }, source: 'model', model: TEST_MODEL, language: 'en' });
    expect(fake.requests).toHaveLength(1);
  });

  it('records the model the client was made for', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    const written = await writeSoul(bones, realClient(fake, 'claude-sonnet-4-5'));
    expect(written.model).toBe('claude-sonnet-4-5');
    expect(requestAt(fake, 0).body.model).toBe('claude-sonnet-4-5');
  });

  it('sends a forced write_soul tool call to /v1/messages, authenticated with the key', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    await writeSoul(bones, realClient(fake));
    const request = requestAt(fake, 0);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/messages');
    expectKeySent(request.headers);
    expect(request.body.model).toBe(TEST_MODEL);
    expect(request.body.tool_choice).toEqual({ type: 'tool', name: 'write_soul' });
    expect(request.body.tools).toHaveLength(1);
    expect(request.body.tools[0]).toEqual({ name: 'write_soul', description: SOUL_TOOL.description, input_schema: SOUL_TOOL.input_schema });
    expect(request.body.tools[0].input_schema.required).toEqual(['name', 'personality']);
    expect(messagesOf(request)).toEqual([{ role: 'user', content: HATCH_USER_MESSAGE }]);
    expect(typeof request.body.max_tokens).toBe('number');
  });

  it('puts the static hatch prompt first, as a cache breakpoint, and the buddy after the boundary', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    await writeSoul(bones, realClient(fake));
    const system = systemOf(requestAt(fake, 0));
    expect(Array.isArray(system)).toBe(true);
    expect(system).toHaveLength(2);
    const [first, second] = system;
    expect(first).toEqual({ type: 'text', text: HATCH_STATIC_PROMPT, cache_control: { type: 'ephemeral' } });
    expect(second?.type).toBe('text');
    expect(second?.cache_control).toBeUndefined();
    const dynamic = second?.text ?? '';
    expect(dynamic.startsWith(SYSTEM_PROMPT_DYNAMIC_BOUNDARY)).toBe(true);
    expect(first?.text).not.toContain(SYSTEM_PROMPT_DYNAMIC_BOUNDARY);
    expect(dynamic).toContain(bones.species);
    expect(dynamic).toContain(bones.rarity);
    for (const [stat, value] of Object.entries(bones.stats)) expect(dynamic).toContain(`${stat} ${value}`);
    expect(dynamic).toContain(`Peak: ${bones.peak}`);
    expect(dynamic).toContain(`Dump: ${bones.dump}`);
    const words = inspirationWords(bones.inspirationSeed);
    expect(words).toHaveLength(4);
    for (const word of words) expect(dynamic).toContain(word);
  });

  it('sends byte-identical static text for two different buddies, and different dynamic parts', async () => {
    expect(otherBones.species).not.toBe(bones.species);
    fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }), soulReply({ name: 'Quillon', personality: 'Quillon counts stars.' }));
    await writeSoul(bones, realClient(fake));
    await writeSoul(otherBones, realClient(fake));
    const [a, b] = [systemOf(requestAt(fake, 0)), systemOf(requestAt(fake, 1))];
    expect(a[0]).toEqual(b[0]);
    expect(a[0]?.text).toBe(b[0]?.text);
    expect(Buffer.from(a[0]?.text ?? '', 'utf8').equals(Buffer.from(b[0]?.text ?? '', 'utf8'))).toBe(true);
    expect(a[1]?.text).not.toBe(b[1]?.text);
    expect(b[1]?.text).toContain(otherBones.species);
    for (const word of inspirationWords(otherBones.inspirationSeed)) expect(b[1]?.text).toContain(word);
  });

  it('never writes a soul without a client, and makes no request', async () => {
    const written = await writeSoul(bones, undefined);
    expect(written).toEqual({ soul: writeOfflineSoul(bones), source: 'offline', language: 'en' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('writeSoul validation and its one retry', () => {
  it('retries once after an invalid soul and keeps the valid second one', async () => {
    fake.script(soulReply({ name: 'Two Words', personality: 'x' }), soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    const written = await writeSoul(bones, realClient(fake));
    expect(written).toEqual({ soul: { name: 'Pemberton', personality: PERSONALITY }, source: 'model', model: TEST_MODEL, language: 'en' });
    expect(fake.requests).toHaveLength(2);
    const retry = messagesOf(requestAt(fake, 1));
    expect(retry).toHaveLength(1);
    expect(retry[0]?.role).toBe('user');
    expect(retry[0]?.content).toContain(HATCH_USER_MESSAGE);
    expect(retry[0]?.content).toContain(HATCH_RETRY_MESSAGE('name must be one word of letters'));
    expect(retry[0]?.content).toMatch(/one word/);
    // The retry keeps the same cached system prompt and the same forced tool.
    expect(systemOf(requestAt(fake, 1))).toEqual(systemOf(requestAt(fake, 0)));
    expect(requestAt(fake, 1).body.tool_choice).toEqual({ type: 'tool', name: 'write_soul' });
  });

  it.each([
    ['a name that is too long', { name: 'Supercalifragilistic', personality: PERSONALITY }, /longer than 14/],
    ['an empty personality', { name: 'Pemberton', personality: '   ' }, /personality is empty/],
    ['a personality that is too long', { name: 'Pemberton', personality: 'word '.repeat(60) }, /longer than 240/],
    ['a missing field', { name: 'Pemberton' }, /must be strings/],
    ['a name made only of escape codes', { name: '\u001b[31m', personality: PERSONALITY }, /name is empty/],
  ])('names the problem with %s in the retry request', async (_label, input, reason) => {
    fake.script(soulReply(input), soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    const written = await writeSoul(bones, realClient(fake));
    expect(written.source).toBe('model');
    expect(messagesOf(requestAt(fake, 1))[0]?.content).toMatch(reason);
  });

  it('falls back offline with a warning when the soul is invalid twice', async () => {
    fake.script(soulReply({ name: 'Two Words', personality: 'x' }), soulReply({ name: 'Still Two', personality: 'y' }));
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /did not pass validation twice \(name must be one word of letters\)/);
    expect(fake.requests).toHaveLength(2);
  });

  it('falls back offline when the model answers with text instead of the tool', async () => {
    fake.script(textReply('Pemberton, a fine fellow.'));
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /did not call the soul tool/);
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back offline when the model calls some other tool', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }, 'other_tool'));
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /did not call the soul tool/);
  });
});

describe('writeSoul when the API fails', () => {
  it('lets the SDK retry a 429 that says retry-after, then keeps the soul', async () => {
    fake.script(errorReply(429, { 'retry-after': '0.05' }), soulReply({ name: 'Pemberton', personality: PERSONALITY }));
    const written = await writeSoul(bones, realClient(fake));
    expect(written).toEqual({ soul: { name: 'Pemberton', personality: PERSONALITY }, source: 'model', model: TEST_MODEL, language: 'en' });
    expect(fake.requests).toHaveLength(2);
    expect(requestAt(fake, 1).body).toEqual(requestAt(fake, 0).body);
  });

  it('gives up after a 429 on every attempt, with a rate-limit warning', async () => {
    const limited = errorReply(429, { 'retry-after-ms': '10' });
    fake.script(limited, limited, limited);
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /rate limiting \(429\).*wrote the soul offline/);
    expect(fake.requests).toHaveLength(3);
  });

  it('falls back offline after three 500s (one call, two SDK retries), naming the API problem', async () => {
    const broken = errorReply(500, { 'retry-after-ms': '10' });
    fake.script(broken, broken, broken);
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /^the model API had a problem \(500\); wrote the soul offline$/);
    expect(written.warning).not.toMatch(/ANTHROPIC_API_KEY|key/i);
    expect(fake.requests).toHaveLength(3);
  });

  it('falls back offline after a 401 without retrying it, pointing at ANTHROPIC_API_KEY', async () => {
    fake.script(errorReply(401));
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /\(401\).*ANTHROPIC_API_KEY/);
    expect(fake.requests).toHaveLength(1);
    expectKeySent(requestAt(fake, 0).headers);
  });

  it('falls back offline after a 403, naming the key and the model setting', async () => {
    fake.script({ status: 403, body: { type: 'error', error: { type: 'permission_error', message: `fake 403 for ${TEST_KEY}` } } });
    const written = await writeSoul(bones, realClient(fake));
    expectOfflineSoul(written, /\(403\).*ANTHROPIC_API_KEY.*BUDDY_MODEL/);
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back offline with a "took too long" warning when the server hangs, after a bounded number of tries', async () => {
    fake.script({ hang: true }, { hang: true }, { hang: true });
    const written = await writeSoul(bones, fastClient(fake, 300));
    expectOfflineSoul(written, /took too long/);
    // One deadline covers the call and its retries: the server is asked once, at most three times.
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
  });

  it('falls back offline with a network warning when nothing listens at the base URL', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const client = createAnthropicClient({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: 'http://127.0.0.1:1' }, TEST_MODEL);
    const written = await writeSoul(bones, client);
    expectOfflineSoul(written, /could not reach the model API/);
  });
});

describe('the key stays secret', () => {
  it('never puts the key in a thrown error, its name or its stack', async () => {
    const statuses = [401, 403, 404, 429, 500, 529];
    for (const status of statuses) {
      fake.script({ status, headers: { 'retry-after-ms': '1' }, body: { type: 'error', error: { type: 'x', message: `echo ${TEST_KEY}` } } });
      if (status === 429 || status >= 500) fake.script(errorReply(status, { 'retry-after-ms': '1' }), errorReply(status, { 'retry-after-ms': '1' }));
      const error = await realClient(fake)
        .callTool([{ type: 'text', text: 'x' }], [{ role: 'user', content: 'x' }], SOUL_TOOL, 5_000)
        .then(() => undefined, (caught: unknown) => caught);
      expect(error, `status ${status}`).toBeInstanceOf(ModelCallError);
      const modelError = error as ModelCallError;
      expect(modelError.message).not.toContain(TEST_KEY);
      expect(String(modelError.stack)).not.toContain(TEST_KEY);
      expect(JSON.stringify(modelError)).not.toContain(TEST_KEY);
    }
  });

  it('classifies each failure', async () => {
    const call = () =>
      realClient(fake)
        .callTool([{ type: 'text', text: 'x' }], [{ role: 'user', content: 'x' }], SOUL_TOOL, 5_000)
        .then(() => undefined, (caught: unknown) => (caught as ModelCallError).failure);
    fake.script(errorReply(401));
    expect(await call()).toBe('auth');
    fake.script(errorReply(403));
    expect(await call()).toBe('auth');
    fake.script(errorReply(400));
    expect(await call()).toBe('other');
    const limited = errorReply(429, { 'retry-after-ms': '1' });
    fake.script(limited, limited, limited);
    expect(await call()).toBe('rate-limit');
    const broken = errorReply(503, { 'retry-after-ms': '1' });
    fake.script(broken, broken, broken);
    expect(await call()).toBe('server');
    fake.script(textReply('no tool'));
    expect(await call()).toBe('malformed');
  });
});

describe('untrusted model output', () => {
  it('strips escape sequences, BEL and bidi overrides from the soul', async () => {
    fake.script(
      soulReply({
        name: 'Zib\u001b[31m',
        personality: 'Zib hums\u001b]0;pwned\u0007 quietly\u001b[2J while \u202eguarding the\u2066 build\u0007.',
      }),
    );
    const written = await writeSoul(bones, realClient(fake));
    expect(written.source).toBe('model');
    expect(written.soul.name).toBe('Zib');
    const stored = `${written.soul.name}\n${written.soul.personality}`;
    expect(stored).not.toContain('\u001b');
    expect(stored).not.toContain('\u0007');
    expect(written.soul.personality).not.toMatch(CONTROL_CHARS);
    expect(written.soul.personality).not.toMatch(BIDI_CHARS);
    expect(written.soul.personality).not.toContain('pwned');
    expect(written.soul.personality).toBe('Zib hums quietly while guarding the build.');
  });

  it('strips C1 controls and an 8-bit CSI too', async () => {
    fake.script(soulReply({ name: 'Zib', personality: 'Zib\u009b31m naps\u009d0;title\u009c in\u0085 the sun.' }));
    const written = await writeSoul(bones, realClient(fake));
    expect(written.source).toBe('model');
    expect(written.soul.personality).not.toMatch(CONTROL_CHARS);
    expect(written.soul.personality).toBe('Zib naps in the sun.');
  });
});
