// The detached job behind `buddy hook prompt`: one talk turn for the current buddy, remembered.
import { loadModelClient } from '../persona/client-factory.js';
import { silentAnswer, talk, worthRemembering } from '../persona/conversation.js';
import { rememberExchange } from '../store/buddy-store.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { recordAndFold, talkMood } from '../buddy/growth.js';

export async function answerInBackground(env: NodeJS.ProcessEnv, message: string): Promise<string> {
  const config = readConfigSnapshot(env);
  const buddy = config.buddy;
  if (!buddy) return '…';
  try {
    const client = await loadModelClient(env, config.settings.model);
    const turn = await talk({ buddy, message, client, now: new Date(), mood: talkMood(buddy, config.settings.care) });
    if (worthRemembering(turn)) {
      rememberExchange({ at: new Date().toISOString(), user: turn.heard, buddy: turn.text }, env);
      // A conversation is care; what it earns is announced the next time the pet opens.
      await recordAndFold(env, { care: 'talk', announce: false }).catch(() => undefined);
    }
    return turn.text;
  } catch {
    return silentAnswer(buddy.name);
  }
}
