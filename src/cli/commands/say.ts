// `buddy say "MESSAGE"`: talk to the buddy from scripts and other tools; prints its reply.
// Called by name, it answers in character (the model with a key, its own lines without); otherwise it emotes.
import { sayToBuddy } from '../../buddy/say.js';
import { SAY } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { loadSession } from '../../buddy/session.js';
import { asciiOnly } from '../../render/terminal.js';
import { printNotes } from '../notes.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(SAY, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii), values.json);
  const message = positionals[0];
  if (message === undefined || message.trim() === '') throw new UsageError('say: give a message', 'e.g. buddy say "Pip, how is it going?"');
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  // The shell it was said from is the session: says from one terminal read as one conversation.
  const { buddy, turn, hatched } = await sayToBuddy(session, message, io.env, { journalSession: `say-${process.ppid}` });
  if (hatched) io.stderr.write(`buddy: ${buddy.name} the ${buddy.bones.species} just hatched${hatched.warning ? ` (${hatched.warning})` : ''}\n`);
  if (turn.warning) io.stderr.write(`buddy: ${turn.warning}\n`);
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ name: buddy.name, text: turn.text, addressed: turn.addressed, source: turn.source }));
  } else {
    writeLine(io.stdout, `${buddy.name}: ${turn.text}`);
    if (!turn.addressed) writeLine(io.stdout, `(${buddy.name} answers when you call it by name)`);
  }
  return 0;
}
