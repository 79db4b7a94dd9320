// `buddy say "MESSAGE"`: talk to the buddy from scripts and other tools; prints its reply.
// Called by name, it answers in character (the model with a key, its own lines without); otherwise it emotes.
import { journal } from '../../journal/append.js';
import { loadModelClient } from '../../persona/client-factory.js';
import { effectiveLanguage, promptLanguage } from '../../persona/language.js';
import { moodAt } from '../../persona/mood.js';
import { talk, worthRemembering } from '../../persona/conversation.js';
import { addressesBuddy } from '../../persona/addressing.js';
import { hatchSoul } from '../../buddy/hatch.js';
import { hasApiKey } from '../../persona/model-client.js';
import { rememberExchange } from '../../store/buddy-store.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { loadSession } from '../../buddy/session.js';
import { printNotes } from '../notes.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('say', argv, { json: { type: 'boolean' }, user: { type: 'string' } }, 1);
  const message = positionals[0];
  if (message === undefined || message.trim() === '') throw new UsageError('say: give a message, e.g. buddy say "Pip, how is it going?"');
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  let buddy = session.stored;
  if (!buddy) {
    const hatched = await hatchSoul(session.bones, io.env);
    buddy = hatched.buddy;
    io.stderr.write(`buddy: ${buddy.name} the ${buddy.bones.species} just hatched${hatched.warning ? ` (${hatched.warning})` : ''}\n`);
  }
  const addressed = addressesBuddy(message, buddy.name);
  const client = addressed && hasApiKey(io.env) ? await loadModelClient(io.env, session.settings.model) : undefined;
  const language = client ? promptLanguage(effectiveLanguage(session.settings.language, io.env)) : undefined;
  const now = new Date();
  const turn = await talk({ buddy, message, client, now, language });
  // The shell it was said from is the session: says from one terminal read as one conversation.
  journal({ source: 'say', text: turn.text, session: `say-${process.ppid}`, name: buddy.name, mood: moodAt(buddy.bones, now.getHours()) }, io.env);
  if (worthRemembering(turn)) rememberExchange({ at: new Date().toISOString(), user: turn.heard, buddy: turn.text }, io.env);
  if (turn.warning) io.stderr.write(`buddy: ${turn.warning}\n`);
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ name: buddy.name, text: turn.text, addressed: turn.addressed, source: turn.source }));
  } else {
    writeLine(io.stdout, `${buddy.name}: ${turn.text}`);
    if (!turn.addressed) writeLine(io.stdout, `(${buddy.name} answers when you call it by name)`);
  }
  return 0;
}
