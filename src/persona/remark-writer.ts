// One model remark: a single small call (short timeout, at most one retry), its answer checked and cleaned
// to one short line, and what the call cost. Any failure comes back as a reason, with the tokens it still
// spent, and the caller says the offline remark instead.
import { checkAnswer } from './answer.js';
import { ModelCallError, type ModelClient, type ModelFailure, type ModelUsage } from './model-client.js';
import { remarkMessages, remarkSystem, type RemarkBuddy, type RemarkEvent } from './prompt/remark-prompt.js';
import { MAX_REMARK_LENGTH } from './prompt/static-prompts.js';
import { redactSecrets } from '../text/secrets.js';
import { sanitizeLine } from '../text/sanitize.js';

/** A line of at most MAX_REMARK_LENGTH characters is a few dozen tokens; this leaves room and no more. */
export const REMARK_MAX_TOKENS = 80;
export const REMARK_TIMEOUT_MS = 8_000;
/** One retry at most (the SDK retries 408/409/429/5xx), within the same deadline. */
export const REMARK_MAX_RETRIES = 1;

export type RemarkFailure = 'no-client' | 'empty' | 'out-of-character' | ModelFailure;

export interface RemarkTokens {
  /** Every input token the call was billed for: fresh, read from the cache and written to it. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheCreationTokens: number;
}

export type RemarkResult =
  | ({ readonly ok: true; readonly text: string } & RemarkTokens)
  | ({ readonly ok: false; readonly reason: RemarkFailure } & RemarkTokens);

const NOTHING_SPENT: RemarkTokens = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 };

function spent(usage: ModelUsage): RemarkTokens {
  return {
    inputTokens: usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens,
    outputTokens: usage.outputTokens,
    cacheReadTokens: usage.cacheReadTokens,
    cacheCreationTokens: usage.cacheCreationTokens,
  };
}

// Quotes, backticks and markdown emphasis the model may wrap its line in.
const WRAPPING = /^[\s"'`*_“”‘’«»]+|[\s"'`*_“”‘’«»]+$/g;

/** The model's answer as one line the statusline may show, or why it cannot be one. */
export function checkRemark(raw: string): { ok: true; text: string } | { ok: false; reason: 'empty' | 'out-of-character' } {
  // Only the first line that says anything: a second line is the start of an essay.
  const first = raw.split(/\r?\n|\r|\u2028|\u2029/).find((line) => sanitizeLine(line).replace(WRAPPING, '').trim() !== '') ?? '';
  const clean = redactSecrets(sanitizeLine(first, MAX_REMARK_LENGTH * 4))
    .replace(/\s+/g, ' ')
    .replace(WRAPPING, '');
  const checked = checkAnswer(clean, '');
  if (!checked.ok) return checked;
  if (clean.length <= MAX_REMARK_LENGTH) return { ok: true, text: clean };
  // Cut at a word, never mid-word, and say it was cut.
  const cut = clean.slice(0, MAX_REMARK_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return { ok: true, text: `${(space >= MAX_REMARK_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…` };
}

export interface RemarkRequest {
  readonly buddy: RemarkBuddy;
  readonly event: RemarkEvent;
  readonly client: ModelClient | undefined;
}

export async function writeRemark({ buddy, event, client }: RemarkRequest): Promise<RemarkResult> {
  if (!client?.measured) return { ok: false, reason: 'no-client', ...NOTHING_SPENT };
  try {
    const reply = await client.measured(remarkSystem(buddy), remarkMessages(event), {
      maxTokens: REMARK_MAX_TOKENS,
      timeoutMs: REMARK_TIMEOUT_MS,
      maxRetries: REMARK_MAX_RETRIES,
    });
    const tokens = spent(reply.usage);
    const checked = checkRemark(reply.text);
    return checked.ok ? { ok: true, text: checked.text, ...tokens } : { ok: false, reason: checked.reason, ...tokens };
  } catch (error) {
    return { ok: false, reason: error instanceof ModelCallError ? error.failure : 'other', ...NOTHING_SPENT };
  }
}

/**
 * An upper estimate of what one remark costs, reserved before the call: every character of the request
 * as half a token (prose runs nearer a quarter, code a third), and the longest answer allowed.
 */
export function estimateRemarkTokens(buddy: RemarkBuddy, event: RemarkEvent): number {
  const size = JSON.stringify({ system: remarkSystem(buddy), messages: remarkMessages(event) }).length;
  return Math.ceil(size / 2) + REMARK_MAX_TOKENS;
}
