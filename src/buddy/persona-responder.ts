// The pet screen's responder (the pet's port, src/pet/responder-port.ts) through the persona: one talk turn
// per message, remembered with the buddy and kept in the journal.
import { journal } from '../journal/append.js';
import { effectiveLanguage } from '../persona/language.js';
import type { Responder } from '../pet/responder-port.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import type { StoredBuddy } from '../store/schema.js';
import { addressesBuddy } from '../persona/addressing.js';
import { loadModelClient } from '../persona/client-factory.js';
import { talk, worthRemembering } from '../persona/conversation.js';
import { hasApiKey } from '../persona/model-client.js';
import { feelingNow } from './growth.js';

/** This run of the pet, as the journal's session. */
export const PET_SESSION = `pet-${process.pid}`;

export function makeResponder(fallback: StoredBuddy | undefined, env: NodeJS.ProcessEnv): Responder {
  return (message) => {
    // Read the buddy fresh each time: it may have hatched, been renamed or remembered more since start.
    const config = readConfigSnapshot(env);
    const buddy = config.buddy ?? fallback;
    if (!buddy) return { thinking: false, reply: Promise.resolve({ text: '…', pose: 'sleepy' }) };
    const thinking = hasApiKey(env) && addressesBuddy(message, buddy.name);
    const reply = (async () => {
      const settings = config.settings;
      const client = thinking ? await loadModelClient(env, settings.model) : undefined;
      const language = effectiveLanguage(settings.language, env);
      const now = new Date();
      // The mood of the growth the pet last folded (it folds on opening and with every care it is given).
      const feeling = feelingNow(buddy, settings.care, now.getTime());
      // The last days' sessions, for the model only: the journal is not read for an offline answer.
      const highlights = client ? (await import('../journal/highlights.js')).readHighlights(env) : undefined;
      const turn = await talk({ buddy, message, client, now, language, feeling, highlights });
      journal({ at: now.getTime(), source: 'pet', text: turn.text, session: PET_SESSION, name: buddy.name, mood: feeling.mood }, env);
      const conversed = worthRemembering(turn);
      if (conversed) {
        // The store loads on the first remembered exchange, not at startup.
        const { rememberExchange } = await import('../store/buddy-store.js');
        rememberExchange({ at: new Date().toISOString(), user: turn.heard, buddy: turn.text }, env, turn.factChange);
      }
      return { text: turn.text, pose: turn.pose, conversed };
    })();
    return { thinking, reply };
  };
}
