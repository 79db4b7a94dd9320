// The model behind a small interface: the real one speaks the Messages API through the official SDK;
// tests point the same SDK at a local fake server; offline mode has no client at all.
import type { ChatMessage } from './prompt/talk-prompt.js';
import type { SystemBlock } from './prompt/system-sections.js';

export const DEFAULT_MODEL = 'claude-haiku-4-5';
export const HATCH_TIMEOUT_MS = 30_000;
export const TALK_TIMEOUT_MS = 15_000;

export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly input_schema: Record<string, unknown>;
}

export interface ModelClient {
  readonly model: string;
  /** Forces one tool call and returns its input (unvalidated). */
  callTool(system: readonly SystemBlock[], messages: readonly ChatMessage[], tool: ToolSpec, timeoutMs: number): Promise<unknown>;
  /** Returns the text of one reply (unvalidated). */
  complete(system: readonly SystemBlock[], messages: readonly ChatMessage[], maxTokens: number, timeoutMs: number): Promise<string>;
}

/** Why a model call failed, in words fit for one line on screen (never including the key). */
export type ModelFailure = 'auth' | 'rate-limit' | 'server' | 'timeout' | 'network' | 'malformed' | 'other';

export class ModelCallError extends Error {
  constructor(
    readonly failure: ModelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

export function modelName(env: NodeJS.ProcessEnv, configured: string | undefined): string {
  return env.BUDDY_MODEL || configured || DEFAULT_MODEL;
}

export function hasApiKey(env: NodeJS.ProcessEnv): boolean {
  return typeof env.ANTHROPIC_API_KEY === 'string' && env.ANTHROPIC_API_KEY.trim().length > 0;
}
