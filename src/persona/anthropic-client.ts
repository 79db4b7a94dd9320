// The real ModelClient: @anthropic-ai/sdk, loaded only when a soul or an answer is actually needed.
// The SDK honours ANTHROPIC_BASE_URL and retries 408/409/429/5xx itself (respecting retry-after).
import Anthropic from '@anthropic-ai/sdk';
import { ModelCallError, type MeasuredCall, type ModelClient, type ToolSpec } from './model-client.js';
import type { ChatMessage } from './prompt/talk-prompt.js';
import type { SystemBlock } from './prompt/system-sections.js';

const MAX_RETRIES = 2;

function classify(error: unknown): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof Anthropic.APIConnectionTimeoutError) return new ModelCallError('timeout', 'the model took too long to answer');
  if (error instanceof Anthropic.APIUserAbortError) return new ModelCallError('timeout', 'the model took too long to answer');
  if (error instanceof Anthropic.APIConnectionError) return new ModelCallError('network', 'could not reach the model API (network down?)');
  if (error instanceof Anthropic.AuthenticationError) {
    return new ModelCallError('auth', 'the API key was refused (401): check ANTHROPIC_API_KEY');
  }
  if (error instanceof Anthropic.PermissionDeniedError) {
    return new ModelCallError('auth', 'the API key may not use this model (403): check ANTHROPIC_API_KEY and BUDDY_MODEL');
  }
  if (error instanceof Anthropic.RateLimitError) return new ModelCallError('rate-limit', 'the model API is rate limiting (429); try again soon');
  if (error instanceof Anthropic.APIError && typeof error.status === 'number' && error.status >= 500) {
    return new ModelCallError('server', `the model API had a problem (${error.status})`);
  }
  if (error instanceof Anthropic.APIError) return new ModelCallError('other', `the model API refused the request (${error.status ?? 'no status'})`);
  return new ModelCallError('other', 'the model call failed');
}

export function createAnthropicClient(env: NodeJS.ProcessEnv, model: string): ModelClient {
  const client = new Anthropic({
    apiKey: env.ANTHROPIC_API_KEY ?? null,
    ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    maxRetries: MAX_RETRIES,
  });

  async function create(params: Anthropic.MessageCreateParamsNonStreaming, timeoutMs: number, maxRetries = MAX_RETRIES): Promise<Anthropic.Message> {
    // One deadline for the whole call, retries included.
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await client.messages.create(params, { timeout: timeoutMs, signal, maxRetries });
    } catch (error) {
      if (signal.aborted) throw new ModelCallError('timeout', 'the model took too long to answer');
      throw classify(error);
    }
  }

  const toSystem = (system: readonly SystemBlock[]): Anthropic.TextBlockParam[] => system.map((block) => ({ ...block }));
  const toMessages = (messages: readonly ChatMessage[]): Anthropic.MessageParam[] => messages.map((message) => ({ ...message }));
  const textOf = (response: Anthropic.Message): string =>
    response.content
      .filter((block) => block.type === 'text')
      .map((block) => (block.type === 'text' ? block.text : ''))
      .join('');
  // A count the API left out (or sent as something else) is no tokens, never NaN in a budget.
  const tokens = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

  return {
    model,
    async callTool(system, messages, tool: ToolSpec, timeoutMs) {
      const response = await create(
        {
          model,
          max_tokens: 400,
          system: toSystem(system),
          messages: toMessages(messages),
          tools: [{ name: tool.name, description: tool.description, input_schema: tool.input_schema as Anthropic.Tool.InputSchema }],
          tool_choice: { type: 'tool', name: tool.name },
        },
        timeoutMs,
      );
      const use = response.content.find((block) => block.type === 'tool_use' && block.name === tool.name);
      if (!use || use.type !== 'tool_use') throw new ModelCallError('malformed', 'the model did not call the soul tool');
      return use.input;
    },
    async complete(system, messages, maxTokens, timeoutMs) {
      const response = await create(
        { model, max_tokens: maxTokens, system: toSystem(system), messages: toMessages(messages) },
        timeoutMs,
      );
      return textOf(response);
    },
    async measured(system, messages, call: MeasuredCall) {
      const response = await create(
        { model, max_tokens: call.maxTokens, system: toSystem(system), messages: toMessages(messages) },
        call.timeoutMs,
        call.maxRetries,
      );
      const usage = response.usage as Partial<Anthropic.Usage> | undefined;
      return {
        text: textOf(response),
        usage: {
          inputTokens: tokens(usage?.input_tokens),
          outputTokens: tokens(usage?.output_tokens),
          cacheReadTokens: tokens(usage?.cache_read_input_tokens),
          cacheCreationTokens: tokens(usage?.cache_creation_input_tokens),
        },
      };
    },
  };
}
