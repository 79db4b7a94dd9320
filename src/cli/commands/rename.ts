// `buddy rename NAME`: for people who want to call their buddy something else.
import { checkName } from '../../persona/prompt/soul.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { asciiOnly } from '../../render/terminal.js';
import { renameBuddy } from '../../store/buddy-store.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import { RENAME } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { NOT_HATCHED_FAILURE } from '../not-hatched.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(RENAME, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  const raw = positionals[0];
  if (raw === undefined) throw new UsageError('rename: give the new name', 'e.g. buddy rename Pip');
  const name = sanitizeLine(raw).trim();
  const problem = checkName(name);
  if (problem) throw new UsageError(`rename: ${problem}`);
  const before = readConfigSnapshot(io.env).buddy;
  if (!before) throw new UserFacingError(`rename: ${NOT_HATCHED_FAILURE}`);
  renameBuddy(name, io.env);
  writeLine(io.stdout, `${before.name} is now called ${name}.`);
  return 0;
}
