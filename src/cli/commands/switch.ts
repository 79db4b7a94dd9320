// `buddy switch [NAME|HASH]`: without a name, the current identity's buddy becomes the current one (hatched if
// it never was); with a name or the short hash `buddy list` shows, that archived buddy comes back. The buddy
// it replaces is archived, never deleted.
import { loadSession } from '../../buddy/session.js';
import { pickBuddy, shortHashOf } from '../../buddy/handles.js';
import { archivedLine, restoreArchived, switchToIdentity, type SwitchOutcome } from '../../buddy/switch.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { asciiOnly } from '../../render/terminal.js';
import { SWITCH } from '../command-specs.js';
import type { StoredBuddy } from '../../store/schema.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { printNotes } from '../notes.js';
import { startSpinner } from '../spinner.js';

function describe(outcome: SwitchOutcome, env: NodeJS.ProcessEnv): string[] {
  if (outcome.kind === 'already') return [`${outcome.buddy.name} the ${outcome.buddy.bones.species} is already this identity's buddy; nothing changed.`];
  const archived = outcome.archived ? [archivedLine(outcome.archived, env)] : [];
  if (outcome.kind === 'restored') return [`${outcome.buddy.name} the ${outcome.buddy.bones.species} is back.`, ...archived];
  const buddy = outcome.hatched.buddy;
  return [`${buddy.name} the ${buddy.bones.species} hatched for this identity.`, ...archived];
}

/** Each buddy a shared name could mean, by the short hash that picks it. */
function choicesOf(choices: readonly StoredBuddy[], current: StoredBuddy | undefined): string {
  return choices.map((buddy) => `${shortHashOf(buddy)} (the ${buddy.bones.species}${buddy === current ? ', current' : ''})`).join(', ');
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(SWITCH, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  // Switching is the answer to the warning, so it is not shown (and a notice said once stays unsaid).
  const session = await loadSession(io.env, values.user, { warning: false });
  printNotes(io, session, { warning: false });
  const name = positionals[0];
  let outcome: SwitchOutcome;
  if (name !== undefined) {
    const picked = pickBuddy(session.stored, session.archive, name);
    const asked = sanitizeLine(name, 40);
    if (picked.kind === 'none') throw new UsageError(`switch: no buddy here has the name or short hash '${asked}'`, 'see buddy list');
    if (picked.kind === 'ambiguous') {
      const what = picked.by === 'name' ? `are called ${picked.choices[0]!.name}` : `have a hash starting ${asked}`;
      throw new UsageError(`switch: ${picked.choices.length} buddies ${what}: ${choicesOf(picked.choices, session.stored)}`, 'run buddy switch with one of these');
    }
    if (picked.kind === 'current') {
      writeLine(io.stdout, `${picked.buddy.name} is already the current buddy; nothing changed.`);
      return 0;
    }
    outcome = restoreArchived(session, picked.buddy, io.env);
  } else {
    const spinner = startSpinner(io.stderr, 'Something stirs inside the egg…', io.env);
    try {
      outcome = await switchToIdentity(session, io.env);
    } finally {
      spinner.stop();
    }
    if (outcome.kind === 'hatched' && outcome.hatched.warning) io.stderr.write(`buddy: ${outcome.hatched.warning}\n`);
  }
  for (const line of describe(outcome, io.env)) writeLine(io.stdout, line);
  return 0;
}
