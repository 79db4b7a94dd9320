// Picking the model client: none without a key (so nothing is ever sent), the real SDK-backed one with a
// key, for the model chosen by BUDDY_MODEL, then the config setting, then the default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModelClient } from '../../src/persona/client-factory.js';
import { hasApiKey, hasBadEnvModel, isModelName, modelName } from '../../src/persona/model-client.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { TEST_KEY } from './support.js';

let fake: FakeMessagesApi;
beforeEach(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(async () => {
  await fake.close();
});

describe('loadModelClient', () => {
  it.each([{}, { ANTHROPIC_API_KEY: '' }, { ANTHROPIC_API_KEY: ' \t ' }])('gives no client for %j', async (keyEnv) => {
    expect(await loadModelClient({ ANTHROPIC_BASE_URL: fake.url, ...keyEnv }, undefined)).toBeUndefined();
    expect(hasApiKey(keyEnv)).toBe(false);
  });

  it('asks the documented default model, claude-haiku-4-5, when nothing else is chosen', async () => {
    const client = await loadModelClient({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url }, undefined);
    fake.script(textReply('hi'));
    expect(await client?.complete([{ type: 'text', text: 'rules' }], [{ role: 'user', content: 'hello' }], 50, 5_000)).toBe('hi');
    expect(fake.requests[0]?.body).toMatchObject({ model: 'claude-haiku-4-5' });
  });

  it('prefers BUDDY_MODEL over the configured model, and sends it', async () => {
    const env = { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url, BUDDY_MODEL: 'claude-from-env' };
    const client = await loadModelClient(env, 'claude-from-config');
    expect(client?.model).toBe('claude-from-env');
    fake.script(textReply('hi'));
    expect(await client?.complete([{ type: 'text', text: 'rules' }], [{ role: 'user', content: 'hello' }], 50, 5_000)).toBe('hi');
    expect(fake.requests[0]?.body).toMatchObject({ model: 'claude-from-env', max_tokens: 50, messages: [{ role: 'user', content: 'hello' }] });
  });

  it('ignores a BUDDY_MODEL that is not a model name, as `config model` refuses one, and sends the setting instead', async () => {
    const env = { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url, BUDDY_MODEL: 'claude\u001b[2J\u202eevil' };
    expect(hasBadEnvModel(env)).toBe(true);
    const client = await loadModelClient(env, 'claude-from-config');
    expect(client?.model).toBe('claude-from-config');
    fake.script(textReply('hi'));
    await client?.complete([{ type: 'text', text: 'rules' }], [{ role: 'user', content: 'hello' }], 50, 5_000);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'claude-from-config' });
    expect(modelName({ BUDDY_MODEL: 'claude haiku' }, undefined)).toBe('claude-haiku-4-5');
  });

  it('checks BUDDY_MODEL, the setting and `config model` with one rule: letters, digits, . _ : -, 1 to 100 of them', () => {
    for (const name of ['claude-haiku-4-5', 'claude-3-5-sonnet-20241022', 'org:model.v1_2', 'x', 'm'.repeat(100)]) {
      expect(isModelName(name)).toBe(true);
      expect(hasBadEnvModel({ BUDDY_MODEL: name })).toBe(false);
    }
    for (const name of ['', 'm'.repeat(101), 'claude haiku', 'claude-haiku-4-5 ', 'claude\u001b[31m', 'claude\u202e', 'claude/haiku', 'clé']) {
      expect(isModelName(name)).toBe(false);
    }
    // Unset and empty are not set: nothing to report.
    expect(hasBadEnvModel({})).toBe(false);
    expect(hasBadEnvModel({ BUDDY_MODEL: '' })).toBe(false);
  });

  it('falls back to the configured model without BUDDY_MODEL', () => {
    expect(modelName({}, 'claude-from-config')).toBe('claude-from-config');
    expect(modelName({ BUDDY_MODEL: '' }, undefined)).toBe('claude-haiku-4-5');
  });
});

describe('complete', () => {
  it('joins the text blocks of the reply and ignores other blocks', async () => {
    fake.script({
      body: {
        id: 'msg_mixed',
        type: 'message',
        role: 'assistant',
        model: 'claude-haiku-4-5',
        content: [
          { type: 'text', text: 'Sniff, ' },
          { type: 'tool_use', id: 'toolu_x', name: 'write_soul', input: {} },
          { type: 'text', text: 'sniff.' },
        ],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    });
    const client = await loadModelClient({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url }, undefined);
    expect(await client?.complete([{ type: 'text', text: 'rules' }], [{ role: 'user', content: 'hello' }], 50, 5_000)).toBe('Sniff, sniff.');
  });
});
