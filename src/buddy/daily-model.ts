// The daily greeting by the model, for the pet: asked only when talk is allowed (watch on, not muted, a key)
// and the remark budget has room, and settled with what the call cost.
import type { DailyFact } from '../game/daily.js';
import { loadModelClient } from '../persona/client-factory.js';
import { estimateDailyTokens, writeDailyLine } from '../persona/daily-writer.js';
import { effectiveLanguage, languageName } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import type { RemarkBuddy } from '../persona/prompt/remark-prompt.js';
import { reserveRemark, settleRemark } from '../store/remark-budget.js';
import type { Settings, StoredBuddy } from '../store/schema.js';

/**
 * The model's greeting for the fact, when talk is allowed (watch on, not muted, a key) and the remark budget
 * has room; undefined otherwise or on any failure.
 */
export async function modelGreeting(env: NodeJS.ProcessEnv, buddy: StoredBuddy, settings: Settings, fact: DailyFact): Promise<string | undefined> {
  if (settings.watch !== 'on' || settings.muted || !hasApiKey(env)) return undefined;
  const language = effectiveLanguage(settings.language, env);
  const remarkBuddy: RemarkBuddy = { bones: buddy.bones, name: buddy.name, personality: buddy.personality, language: { tag: language.tag, name: languageName(language.tag) } };
  const reserved = reserveRemark(env, { perHour: settings.remarksPerHour, tokensPerDay: settings.remarkTokensPerDay }, Date.now(), estimateDailyTokens(remarkBuddy, fact));
  if (!reserved.granted) return undefined;
  let tokens = reserved.reservation.tokens;
  try {
    const client = await loadModelClient(env, settings.model);
    if (!client) {
      tokens = 0;
      return undefined;
    }
    const line = await writeDailyLine(remarkBuddy, fact, client);
    tokens = line.tokens;
    return line.text;
  } finally {
    settleRemark(env, reserved.reservation, tokens, Date.now());
  }
}
