// The daily greeting by the model: one small call (short timeout, one retry at most), its answer cleaned to
// one short line as a remark is. Any failure gives undefined, and the offline greeting stays.
import { checkRemark, REMARK_MAX_RETRIES, REMARK_MAX_TOKENS, REMARK_TIMEOUT_MS } from './remark-writer.js';
import type { ModelClient, ModelUsage } from './model-client.js';
import type { DailyFact } from '../game/daily.js';
import { dailyMessages, dailySystem } from './prompt/daily-prompt.js';
import type { RemarkBuddy } from './prompt/remark-prompt.js';

export interface DailyLine {
  readonly text: string | undefined;
  /** Tokens the call was billed for (fresh, cached and written), answer included. */
  readonly tokens: number;
}

function billed(usage: ModelUsage): number {
  return usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens + usage.outputTokens;
}

/** An upper estimate of the call, reserved from the remark budget before it is made. */
export function estimateDailyTokens(buddy: RemarkBuddy, fact: DailyFact): number {
  return Math.ceil(JSON.stringify({ system: dailySystem(buddy), messages: dailyMessages(fact) }).length / 2) + REMARK_MAX_TOKENS;
}

export async function writeDailyLine(buddy: RemarkBuddy, fact: DailyFact, client: ModelClient): Promise<DailyLine> {
  if (!client.measured) return { text: undefined, tokens: 0 };
  try {
    const reply = await client.measured(dailySystem(buddy), dailyMessages(fact), { maxTokens: REMARK_MAX_TOKENS, timeoutMs: REMARK_TIMEOUT_MS, maxRetries: REMARK_MAX_RETRIES });
    const checked = checkRemark(reply.text);
    return { text: checked.ok ? checked.text : undefined, tokens: billed(reply.usage) };
  } catch {
    return { text: undefined, tokens: 0 };
  }
}
