// `buddy hatch`: write the buddy's soul (name and personality) and keep it. `--again` writes the next one.
import { hatchSoul } from '../../buddy/hatch.js';
import { loadSession } from '../../buddy/session.js';
import { SWITCH_COMMAND } from '../../buddy/warning.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { parseCommandArgs } from '../args.js';
import { buddyCardLines } from '../card-art.js';
import { confirm } from '../confirm.js';
import { UserFacingError } from '../errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { printNotes } from '../notes.js';
import { startSpinner } from '../spinner.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'hatch',
    argv,
    { again: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, user: { type: 'string' } },
    0,
  );
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  const stored = session.stored;
  if (stored && !values.again) {
    writeLine(io.stdout, `${stored.name} the ${stored.bones.species} has already hatched (buddy hatch --again writes it a new soul; ${SWITCH_COMMAND} changes buddy).`);
    return 0;
  }
  if (stored && values.again) {
    // Said before asking, so nobody loses a name they chose without knowing.
    if (stored.renamed) writeLine(io.stdout, `You named it ${stored.name} yourself: the new soul comes with a new name, and that name will be replaced.`);
    else if (stored.soulSource === 'claude-code') writeLine(io.stdout, `${stored.name}'s name and personality came from Claude Code: the new soul replaces them too.`);
    if (!values.yes) {
      const sure = await confirm(io, `Rewrite ${stored.name}'s name and personality? The old soul is replaced (a copy stays in the backup).`);
      if (!sure) throw new UserFacingError('hatch --again: not confirmed (answer y, or pass --yes)');
    }
  }
  const spinner = startSpinner(io.stderr, 'Something stirs inside the egg…');
  let result;
  try {
    result = await hatchSoul(session.bones, io.env, stored ? { kind: 'again', previous: stored } : { kind: 'first' });
  } finally {
    spinner.stop();
  }
  const hatched = result.buddy;
  if (result.warning) io.stderr.write(`buddy: ${result.warning}\n`);
  writeLine(io.stdout, palette.bold(`${hatched.name} hatched!`));
  writeLine(io.stdout);
  for (const line of buddyCardLines(hatched.bones, palette, hatched, terminalWidth(io.stdout))) writeLine(io.stdout, line);
  return 0;
}
