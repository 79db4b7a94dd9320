// `buddy list`: the current buddy and every archived one, with who they belong to and their dates, each
// beside its short hash (what `buddy switch` takes when two share a name).
import { loadSession } from '../../buddy/session.js';
import { shortHashOf } from '../../buddy/handles.js';
import type { StoredBuddy } from '../../store/schema.js';
import { LIST } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { NO_BUDDY_YET } from '../not-hatched.js';

function row(mark: string, buddy: StoredBuddy, note: string): string {
  const title = `${buddy.name} the ${buddy.bones.species}`.padEnd(30);
  return `${mark} ${shortHashOf(buddy)}  ${title} ${buddy.bones.rarity.padEnd(10)} hatched ${buddy.hatchedAt.slice(0, 10)}  ${note}`.trimEnd();
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(LIST, argv);
  const session = await loadSession(io.env, values.user);
  const mine = (buddy: StoredBuddy): string => (buddy.idHash === session.rolled.idHash ? 'this identity' : `hash ${buddy.idHash.slice(0, 8)}…`);
  if (!session.stored && session.archive.length === 0) {
    writeLine(io.stdout, NO_BUDDY_YET);
    return 0;
  }
  if (session.stored) writeLine(io.stdout, row('*', session.stored, `${mine(session.stored)} (current)`));
  for (const buddy of session.archive) writeLine(io.stdout, row(' ', buddy, `${mine(buddy)}, archived ${buddy.archivedAt.slice(0, 10)}`));
  if (session.warning) writeLine(io.stdout, `\n${session.warning}`);
  return 0;
}
