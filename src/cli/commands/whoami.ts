// `buddy whoami`: which ID Buddy uses for you, shown as its hash, and where it came from.
import { hashUserId } from '../../engine/hash.js';
import { sanitizeLine } from '../../persona/sanitize.js';
import { resolveIdentity } from '../../buddy/identity.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('whoami', argv, { show: { type: 'boolean' }, user: { type: 'string' } }, 0);
  const identity = await resolveIdentity(values.user, io.env);
  writeLine(io.stdout, `idHash  ${hashUserId(identity.userId)}`);
  writeLine(io.stdout, `source  ${identity.source}: ${identity.origin}`);
  // The ID comes from the environment or a file: never let it drive the terminal.
  if (values.show) writeLine(io.stdout, `userId  ${sanitizeLine(identity.userId)}`);
  else writeLine(io.stdout, 'userId  (hidden; --show prints it)');
  return 0;
}
