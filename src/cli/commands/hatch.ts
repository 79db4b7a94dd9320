// `buddy hatch`: write the buddy's soul (name and personality) and keep it. `--again` rewrites it.
import { hatchSoul } from '../../persona/hatchery.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { parseCommandArgs } from '../args.js';
import { buddyCardLines } from '../card-art.js';
import { confirm } from '../confirm.js';
import { UserFacingError } from '../errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { loadSession } from '../session.js';
import { startSpinner } from '../spinner.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'hatch',
    argv,
    { again: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, user: { type: 'string' } },
    0,
  );
  const session = await loadSession(io, values.user);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  if (session.stored && !values.again) {
    writeLine(io.stdout, `${session.stored.name} the ${session.stored.bones.species} has already hatched (buddy hatch --again rewrites its soul).`);
    return 0;
  }
  if (session.stored && values.again && !values.yes) {
    const sure = await confirm(io, `Rewrite ${session.stored.name}'s name and personality? The old soul is replaced.`);
    if (!sure) throw new UserFacingError('hatch --again: not confirmed (answer y, or pass --yes)');
  }
  const spinner = startSpinner(io.stderr, 'Something stirs inside the egg…');
  let result;
  try {
    result = await hatchSoul(session.bones, io.env);
  } finally {
    spinner.stop();
  }
  const hatched = result.buddy;
  if (result.warning) io.stderr.write(`buddy: ${result.warning}\n`);
  writeLine(io.stdout, palette.bold(`${hatched.name} hatched!`));
  writeLine(io.stdout);
  for (const line of buddyCardLines(session.bones, palette, hatched, terminalWidth(io.stdout))) writeLine(io.stdout, line);
  return 0;
}
