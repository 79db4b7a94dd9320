// Shared pieces for the persona tests: the real SDK-backed client pointed at the local fake Messages API,
// a variant with a short deadline for hang tests, and small readers for recorded requests.
import { createAnthropicClient } from '../../src/persona/anthropic-client.js';
import type { ModelClient } from '../../src/persona/model-client.js';
import type { FakeMessagesApi, RecordedRequest } from '../helpers/fake-messages-api.js';

export const TEST_KEY = 'test-key';
export const TEST_MODEL = 'claude-haiku-4-5';

/** The real client (real SDK, real retries, real classification), talking to the fake server. */
export function realClient(fake: FakeMessagesApi, model = TEST_MODEL): ModelClient {
  return createAnthropicClient({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url }, model);
}

/** The real client with every call's deadline replaced by `timeoutMs`, so a hanging server is given up on quickly. */
export function fastClient(fake: FakeMessagesApi, timeoutMs = 300): ModelClient {
  const real = realClient(fake);
  return {
    model: real.model,
    callTool: (system, messages, tool, _ms) => real.callTool(system, messages, tool, timeoutMs),
    complete: (system, messages, maxTokens, _ms) => real.complete(system, messages, maxTokens, timeoutMs),
  };
}

export interface SystemBlockJson {
  type: string;
  text: string;
  cache_control?: { type: string };
}

export interface MessageJson {
  role: 'user' | 'assistant';
  content: string;
}

export function requestAt(fake: FakeMessagesApi, index: number): RecordedRequest {
  const request = fake.requests[index];
  if (!request) throw new Error(`no request #${index} (only ${fake.requests.length} recorded)`);
  return request;
}

export function systemOf(request: RecordedRequest): SystemBlockJson[] {
  return request.body.system as SystemBlockJson[];
}

export function messagesOf(request: RecordedRequest): MessageJson[] {
  return request.body.messages as MessageJson[];
}

/** C0 and C1 controls (ESC and BEL included) and DEL. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional overrides, embeddings, isolates and marks. */
export const BIDI_CHARS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
