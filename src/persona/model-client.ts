// The model behind a small interface: the real one speaks the Messages API through the official SDK;
// tests point the same SDK at a local fake server; offline mode has no client at all.
import type { ChatMessage } from './prompt/talk-prompt.js';
import type { SystemBlock } from './prompt/system-sections.js';

export const DEFAULT_MODEL = 'claude-haiku-4-5';
export const HATCH_TIMEOUT_MS = 30_000;
export const TALK_TIMEOUT_MS = 15_000;

/** What one call cost, as the API counted it (cache reads and writes are input too, billed apart). */
export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheCreationTokens: number;
}

export interface MeasuredReply {
  readonly text: string;
  readonly usage: ModelUsage;
}

export interface MeasuredCall {
  readonly maxTokens: number;
  readonly timeoutMs: number;
  /** Retries after the first attempt, all within timeoutMs. */
  readonly maxRetries: number;
}

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
  /** The text of one reply (unvalidated) and what it cost; absent on a client that cannot count. */
  measured?(system: readonly SystemBlock[], messages: readonly ChatMessage[], call: MeasuredCall): Promise<MeasuredReply>;
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

const MODEL_NAME = /^[\w.:-]{1,100}$/;

/**
 * A model name as the API spells them (`claude-haiku-4-5`): the one check for `buddy config model`, the
 * stored setting and BUDDY_MODEL, so a value one of them refuses is refused by all.
 */
export function isModelName(value: string): boolean {
  return MODEL_NAME.test(value);
}

/**
 * Whether BUDDY_MODEL is set to something that is not a model name. Such a value is ignored, as a stored
 * `model` that fails the check is: Buddy falls back to the setting or the default, and `buddy doctor` says so.
 */
export function hasBadEnvModel(env: NodeJS.ProcessEnv): boolean {
  return typeof env.BUDDY_MODEL === 'string' && env.BUDDY_MODEL !== '' && !isModelName(env.BUDDY_MODEL);
}

export function modelName(env: NodeJS.ProcessEnv, configured: string | undefined): string {
  const fromEnv = env.BUDDY_MODEL && isModelName(env.BUDDY_MODEL) ? env.BUDDY_MODEL : undefined;
  return fromEnv || configured || DEFAULT_MODEL;
}

export function hasApiKey(env: NodeJS.ProcessEnv): boolean {
  return typeof env.ANTHROPIC_API_KEY === 'string' && env.ANTHROPIC_API_KEY.trim().length > 0;
}
