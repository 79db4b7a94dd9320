// One message to the buddy, from any face that is not the pet screen (`buddy say`, the MCP server): hatch
// it if it has no soul yet, answer through the persona path (the model only when called by name and a key
// is set, in the chosen language; its own lines otherwise), remember the exchange with the buddy and keep
// the answer in the journal. A conversation counts as care for its growth.
import { journal } from '../journal/append.js';
import { readHighlights } from '../journal/highlights.js';
import { addressesBuddy } from '../persona/addressing.js';
import { loadModelClient } from '../persona/client-factory.js';
import { talk, worthRemembering, type TalkTurn } from '../persona/conversation.js';
import { effectiveLanguage } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import { rememberExchange } from '../store/buddy-store.js';
import type { StoredBuddy } from '../store/schema.js';
import { feelingNow, recordAndFold } from './growth.js';
import { hatchSoul } from './hatch.js';
import type { Session } from './session.js';

export interface SaidTurn {
  readonly buddy: StoredBuddy;
  readonly turn: TalkTurn;
  /** Set when this message hatched the buddy (with the hatch's warning, if any). */
  readonly hatched?: { readonly warning: string | undefined };
}

export interface SayOptions {
  /** The journal's session for the answer: the shell `buddy say` ran in, or the run of the MCP server. */
  readonly journalSession: string;
  readonly now?: () => Date;
}

export async function sayToBuddy(session: Session, message: string, env: NodeJS.ProcessEnv, options: SayOptions): Promise<SaidTurn> {
  const clock = options.now ?? (() => new Date());
  let buddy = session.stored;
  let hatched: SaidTurn['hatched'];
  if (!buddy) {
    const result = await hatchSoul(session.bones, env);
    buddy = result.buddy;
    hatched = { warning: result.warning };
  }
  // Only a message that calls the buddy by name may reach the model: the client is not even made otherwise.
  const addressed = addressesBuddy(message, buddy.name);
  const client = addressed && hasApiKey(env) ? await loadModelClient(env, session.settings.model) : undefined;
  // Offline lines are English: the language goes along so the buddy can say so. Its name is looked up only
  // when the model will read it or the note is due.
  const language = effectiveLanguage(session.settings.language, env);
  // What was witnessed since the last fold is folded first, so it answers (and the journal keeps it) in the
  // mood `buddy status` would show now; what that earns is announced elsewhere, as below.
  const folded = await recordAndFold(env, { announce: false });
  const careOn = folded.settings.care;
  const now = clock();
  const feeling = feelingNow(folded.buddy ?? buddy, careOn, now.getTime());
  // The last days' sessions are read from the journal only for a model, which is told them.
  const highlights = client ? readHighlights(env) : undefined;
  const turn = await talk({ buddy, message, client, now, language, feeling, highlights });
  journal({ at: now.getTime(), source: 'say', text: turn.text, session: options.journalSession, name: buddy.name, mood: feeling.mood }, env);
  if (worthRemembering(turn)) {
    rememberExchange({ at: clock().toISOString(), user: turn.heard, buddy: turn.text }, env, turn.factChange);
    // A conversation is care: recorded and folded now. Scripts and agents read what is answered, so what
    // it earns is announced by the pet, buddy status or the care commands instead.
    await recordAndFold(env, { care: 'talk', announce: false });
  }
  return { buddy, turn, ...(hatched ? { hatched } : {}) };
}
