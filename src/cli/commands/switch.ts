// `buddy switch [NAME]`: without a name, the current identity's buddy becomes the current one (hatched if it
// never was); with a name, that archived buddy comes back. The buddy it replaces is archived, never deleted.
import { loadSession } from '../../buddy/session.js';
import { archivedNamed, restoreArchived, switchToIdentity, type SwitchOutcome } from '../../buddy/switch.js';
import { sanitizeLine } from '../../persona/sanitize.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { printNotes } from '../notes.js';
import { startSpinner } from '../spinner.js';

function describe(outcome: SwitchOutcome): string[] {
  if (outcome.kind === 'already') return [`${outcome.buddy.name} the ${outcome.buddy.bones.species} is already this identity's buddy; nothing changed.`];
  const archived = outcome.archived ? [`${outcome.archived.name} the ${outcome.archived.bones.species} is archived (buddy list shows it, buddy switch ${outcome.archived.name} brings it back).`] : [];
  if (outcome.kind === 'restored') return [`${outcome.buddy.name} the ${outcome.buddy.bones.species} is back.`, ...archived];
  const buddy = outcome.hatched.buddy;
  return [`${buddy.name} the ${buddy.bones.species} hatched for this identity.`, ...archived];
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('switch', argv, { user: { type: 'string' } }, 1);
  const session = await loadSession(io.env, values.user);
  printNotes(io, session, { warning: false });
  const name = positionals[0];
  let outcome: SwitchOutcome;
  if (name !== undefined) {
    const matches = archivedNamed(session.archive, name);
    if (matches.length === 0) {
      if (session.stored && session.stored.name.toLowerCase() === name.trim().toLowerCase()) {
        writeLine(io.stdout, `${session.stored.name} is already the current buddy; nothing changed.`);
        return 0;
      }
      throw new UsageError(`switch: no archived buddy is called '${sanitizeLine(name, 40)}' (see buddy list)`);
    }
    if (matches.length > 1) throw new UserFacingError(`switch: ${matches.length} archived buddies are called ${matches[0]!.name}; rename the current one apart first`);
    outcome = restoreArchived(session, matches[0]!, io.env);
  } else {
    const spinner = startSpinner(io.stderr, 'Something stirs inside the egg…', io.env);
    try {
      outcome = await switchToIdentity(session, io.env);
    } finally {
      spinner.stop();
    }
    if (outcome.kind === 'hatched' && outcome.hatched.warning) io.stderr.write(`buddy: ${outcome.hatched.warning}\n`);
  }
  for (const line of describe(outcome)) writeLine(io.stdout, line);
  return 0;
}
