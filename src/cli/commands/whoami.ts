// `buddy whoami`: which ID Buddy uses for you, shown as its hash, and where it came from.
import { hashUserId } from '../../engine/hash.js';
import { resolveIdentity } from '../../buddy/identity.js';
import { redactorFor } from '../../text/redact.js';
import { WHOAMI } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(WHOAMI, argv);
  const identity = await resolveIdentity(values.user, io.env);
  // The origin names a file (under a directory from the environment) and the ID comes from the environment
  // or a file: neither may drive the terminal or carry a credential onto the screen.
  const redact = redactorFor(io.env);
  writeLine(io.stdout, `idHash  ${hashUserId(identity.userId)}`);
  writeLine(io.stdout, `source  ${identity.source}: ${redact(identity.origin)}`);
  if (values.show) writeLine(io.stdout, `userId  ${redact(identity.userId)}`);
  else writeLine(io.stdout, 'userId  (hidden; --show prints it)');
  return 0;
}
