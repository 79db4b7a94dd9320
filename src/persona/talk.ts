// Answers for the pet screen: in character when called by name, a short emote otherwise.
import type { Bones } from '../engine/roll.js';
import type { Responder } from '../pet/responder.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { rememberExchange } from '../store/buddy-store.js';
import { addressesBuddy } from './addressing.js';
import { offlineReply, speciesLine } from './offline-talk.js';

export function makeResponder(bones: Bones, env: NodeJS.ProcessEnv): Responder {
  let said = 0;
  return (message) => {
    const stored = readConfigSnapshot(env).buddy;
    const name = stored?.name ?? bones.species;
    said++;
    if (!addressesBuddy(message, name)) {
      return { thinking: false, reply: Promise.resolve({ text: speciesLine(bones, 'ignored', said), pose: 'happy' }) };
    }
    const text = offlineReply(bones, name, message, (stored?.memory.length ?? 0) + said);
    rememberExchange({ at: new Date().toISOString(), user: message, buddy: text }, env);
    return { thinking: false, reply: Promise.resolve({ text, pose: 'talking' }) };
  };
}
