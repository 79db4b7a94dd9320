// writeRemark against the real SDK and a local fake Messages API: one small call (max_tokens, one retry at
// most), the stable system part cached, the answer cleaned to one short line, and what the call cost read
// from the response (cache reads and writes counted as input). Every failure is a reason, never a throw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { remarkMessages, remarkSystem } from '../../src/persona/prompt/remark-prompt.js';
import { MAX_REMARK_LENGTH } from '../../src/persona/prompt/static-prompts.js';
import { checkRemark, estimateRemarkTokens, REMARK_MAX_RETRIES, REMARK_MAX_TOKENS, REMARK_TIMEOUT_MS, writeRemark } from '../../src/persona/remark-writer.js';
import type { RemarkFacts } from '../../src/species/remark-facts.js';
import { errorReply, startFakeMessagesApi, type FakeMessagesApi, type ScriptedResponse } from '../helpers/fake-messages-api.js';
import { realClient, requestAt } from './support.js';

const buddy = { bones: rollFromUserId('buddy-0'), name: 'Dorina', personality: 'Dorina counts semicolons for luck.' };
const facts: RemarkFacts = { kind: 'testsFailed', tests: ['parses the header'], file: 'tests/parse.test.ts', failed: 1, passed: 9, timesToday: 1 };
const event = { facts, context: ['FAIL tests/parse.test.ts > parses the header'] };

/** A text reply with the usage the API reports, cache counts included. */
function measuredReply(text: string, usage: Record<string, unknown>): ScriptedResponse {
  return {
    body: {
      id: 'msg_remark',
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage,
    },
  };
}

let fake: FakeMessagesApi;
beforeEach(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(async () => {
  await fake.close();
});

describe('writeRemark', () => {
  it('asks once with the remark prompt and a small max_tokens, and returns the line and its cost', async () => {
    fake.script(measuredReply('parses the header? It parsed my patience instead.', { input_tokens: 120, output_tokens: 14, cache_read_input_tokens: 900, cache_creation_input_tokens: 300 }));
    const result = await writeRemark({ buddy, event, client: realClient(fake) });
    expect(result).toEqual({ ok: true, text: 'parses the header? It parsed my patience instead.', inputTokens: 1_320, outputTokens: 14, cacheReadTokens: 900, cacheCreationTokens: 300 });
    expect(fake.requests).toHaveLength(1);
    const body = requestAt(fake, 0).body;
    expect(body.max_tokens).toBe(REMARK_MAX_TOKENS);
    expect(REMARK_MAX_TOKENS).toBe(80);
    expect(body.system).toEqual(remarkSystem(buddy));
    expect(body.messages).toEqual(remarkMessages(event));
    expect(body.system.map((block: { cache_control?: unknown }) => block.cache_control)).toEqual([{ type: 'ephemeral' }, { type: 'ephemeral' }]);
  });

  it('counts a usage the API left out as nothing', async () => {
    fake.script(measuredReply('Green-ish.', { input_tokens: 'many', output_tokens: -3 }));
    expect(await writeRemark({ buddy, event, client: realClient(fake) })).toEqual({ ok: true, text: 'Green-ish.', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 });
  });

  it('returns an empty or out-of-character answer as a reason, with what it cost', async () => {
    fake.script(measuredReply('  \n ', { input_tokens: 50, output_tokens: 1 }), measuredReply('As an AI language model, I cannot watch tests.', { input_tokens: 50, output_tokens: 12 }));
    expect(await writeRemark({ buddy, event, client: realClient(fake) })).toEqual({ ok: false, reason: 'empty', inputTokens: 50, outputTokens: 1, cacheReadTokens: 0, cacheCreationTokens: 0 });
    expect(await writeRemark({ buddy, event, client: realClient(fake) })).toMatchObject({ ok: false, reason: 'out-of-character', inputTokens: 50, outputTokens: 12 });
    expect(fake.requests).toHaveLength(2);
  });

  it('retries once at most, and a refused key is a reason', async () => {
    fake.script(errorReply(500), errorReply(500), errorReply(500));
    expect(await writeRemark({ buddy, event, client: realClient(fake) })).toEqual({ ok: false, reason: 'server', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 });
    expect(fake.requests).toHaveLength(1 + REMARK_MAX_RETRIES);
    expect(REMARK_MAX_RETRIES).toBe(1);
    fake.script(errorReply(401));
    expect(await writeRemark({ buddy, event, client: realClient(fake) })).toMatchObject({ ok: false, reason: 'auth' });
    expect(REMARK_TIMEOUT_MS).toBe(8_000);
  });

  it('without a client, or one that cannot count, asks nothing', async () => {
    const nothing = { ok: false, reason: 'no-client', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 };
    expect(await writeRemark({ buddy, event, client: undefined })).toEqual(nothing);
    const real = realClient(fake);
    expect(await writeRemark({ buddy, event, client: { model: real.model, callTool: real.callTool, complete: real.complete } })).toEqual(nothing);
    expect(fake.requests).toHaveLength(0);
  });

  it('turns anything else thrown into "other"', async () => {
    const real = realClient(fake);
    const throwing = { ...real, measured: () => Promise.reject(new Error('boom')) };
    expect(await writeRemark({ buddy, event, client: throwing })).toMatchObject({ ok: false, reason: 'other' });
  });
});

describe('checkRemark', () => {
  it.each([
    ['Red again, parse.test.ts?', 'Red again, parse.test.ts?'],
    ['"Quoted, like a press release."', 'Quoted, like a press release.'],
    ['**Bold claim.**', 'Bold claim.'],
    ['`npm test` sighs.', 'npm test` sighs.'],
    ['\n\nFirst line.\nSecond line of an essay.', 'First line.'],
    ['“Curly.”', 'Curly.'],
    ['Red \u001b[31malert\u001b[0m here', 'Red alert here'],
    ['spaces   inside\tit', 'spaces inside it'],
    [`the key sk-ant-api03-${'A1b2C3d4E5'.repeat(3)} leaked`, 'the key *** leaked'],
  ])('%j', (raw, text) => {
    expect(checkRemark(raw)).toEqual({ ok: true, text });
  });

  it.each([['', 'empty'], ['  "" ', 'empty'], ['…', 'empty'], ['\n\u001b[0m\n', 'empty'], ["I'm an AI assistant, happy to help.", 'out-of-character']])('%j is refused: %s', (raw, reason) => {
    expect(checkRemark(raw)).toEqual({ ok: false, reason });
  });

  it('cuts a long line at a word, ending in …, within the cap', () => {
    const words = 'word '.repeat(40).trim();
    const checked = checkRemark(words);
    expect(checked).toEqual({ ok: true, text: `${'word '.repeat(23).trim()}…` });
    const exact = 'x'.repeat(MAX_REMARK_LENGTH);
    expect(checkRemark(exact)).toEqual({ ok: true, text: exact });
    expect(checkRemark(`${exact}y`)).toEqual({ ok: true, text: `${'x'.repeat(MAX_REMARK_LENGTH - 1)}…` });
    const late = `${'a'.repeat(70)} ${'b'.repeat(60)}`;
    expect(checkRemark(late)).toEqual({ ok: true, text: `${'a'.repeat(70)}…` });
  });
});

describe('estimateRemarkTokens', () => {
  it('is half a token per character of the request, plus the longest answer', () => {
    const size = JSON.stringify({ system: remarkSystem(buddy), messages: remarkMessages(event) }).length;
    expect(estimateRemarkTokens(buddy, event)).toBe(Math.ceil(size / 2) + REMARK_MAX_TOKENS);
  });
});
