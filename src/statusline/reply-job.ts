// The detached job behind `buddy hook prompt`: one talk turn for the current buddy, remembered and kept
// in the journal.
import { journal } from '../journal/append.js';
import { loadModelClient } from '../persona/client-factory.js';
import { effectiveLanguage } from '../persona/language.js';
import { silentAnswer, talk, worthRemembering } from '../persona/conversation.js';
import { rememberExchange } from '../store/buddy-store.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { moodNow } from '../buddy/feeling.js';
import { feelingNow, recordAndFold } from '../buddy/growth.js';

export async function answerInBackground(env: NodeJS.ProcessEnv, message: string, session?: string): Promise<string> {
  const config = readConfigSnapshot(env);
  const buddy = config.buddy;
  if (!buddy) return '…';
  try {
    const client = await loadModelClient(env, config.settings.model);
    const language = effectiveLanguage(config.settings.language, env);
    // Folded first, as `buddy say` does: it answers in the mood `buddy status` would show now.
    const folded = await recordAndFold(env, { announce: false }).catch(() => undefined);
    const now = new Date();
    const feeling = feelingNow(folded?.buddy ?? buddy, folded?.settings.care ?? config.settings.care, now.getTime());
    // The last days' sessions, for the model only (loaded here: the hooks' own path never reads them).
    const highlights = client ? (await import('../journal/highlights.js')).readHighlights(env) : undefined;
    const turn = await talk({ buddy, message, client, now, language, feeling, highlights });
    journal({ at: now.getTime(), source: 'reply', text: turn.text, session, name: buddy.name, mood: feeling.mood }, env);
    if (worthRemembering(turn)) {
      rememberExchange({ at: new Date().toISOString(), user: turn.heard, buddy: turn.text }, env, turn.factChange);
      // A conversation is care; what it earns is announced the next time the pet opens.
      await recordAndFold(env, { care: 'talk', announce: false }).catch(() => undefined);
    }
    return turn.text;
  } catch {
    const text = silentAnswer(buddy.name);
    journal({ source: 'reply', text, session, name: buddy.name, mood: moodNow(buddy, config.settings.care) }, env);
    return text;
  }
}
