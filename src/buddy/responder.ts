// The pet screen's responder: one talk turn per message, remembered with the buddy.
import type { Responder } from '../pet/responder.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import type { StoredBuddy } from '../store/schema.js';
import { addressesBuddy } from '../persona/addressing.js';
import { loadModelClient } from '../persona/client-factory.js';
import { talk, worthRemembering } from '../persona/conversation.js';
import { hasApiKey } from '../persona/model-client.js';
import { talkMood } from './growth.js';

export function makeResponder(fallback: StoredBuddy | undefined, env: NodeJS.ProcessEnv): Responder {
  return (message) => {
    // Read the buddy fresh each time: it may have hatched, been renamed or remembered more since start.
    const config = readConfigSnapshot(env);
    const buddy = config.buddy ?? fallback;
    if (!buddy) return { thinking: false, reply: Promise.resolve({ text: '…', pose: 'sleepy' }) };
    const thinking = hasApiKey(env) && addressesBuddy(message, buddy.name);
    const reply = (async () => {
      const client = thinking ? await loadModelClient(env, config.settings.model) : undefined;
      const turn = await talk({ buddy, message, client, now: new Date(), mood: talkMood(buddy, config.settings.care) });
      const conversed = worthRemembering(turn);
      if (conversed) {
        // The store loads on the first remembered exchange, not at startup.
        const { rememberExchange } = await import('../store/buddy-store.js');
        rememberExchange({ at: new Date().toISOString(), user: turn.heard, buddy: turn.text }, env);
      }
      return { text: turn.text, pose: turn.pose, conversed };
    })();
    return { thinking, reply };
  };
}
