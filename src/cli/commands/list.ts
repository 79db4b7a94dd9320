// `buddy list`: the current buddy and every archived one, with who they belong to and their dates, each
// beside its short hash (what `buddy switch` takes when two share a name), and each one's rarity, shine,
// level and stage as every face shows them (portrait.ts). What was recorded is folded first, so the
// current buddy reads as `buddy status` shows it.
import { clockAt } from '../../buddy/system-clock.js';
import { shortHashOf } from '../../buddy/handles.js';
import { portraitOf } from '../../faces/portrait.js';
import { loadSession } from '../../buddy/session.js';
import type { Clock } from '../../game/clock.js';
import { asciiOnly } from '../../render/terminal.js';
import { growthOf } from '../../store/growth-schema.js';
import type { StoredBuddy } from '../../store/schema.js';
import { LIST } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { writeLine, type CliIo } from '../io.js';
import { NO_BUDDY_YET } from '../not-hatched.js';

function row(mark: string, buddy: StoredBuddy, note: string, careOn: boolean, clock: Clock): string {
  const portrait = portraitOf(buddy.bones, buddy, growthOf(buddy, clock.now), careOn, clock);
  const title = `${portrait.name} the ${portrait.species}`.padEnd(30);
  const rarity = `${portrait.rarity}${portrait.shiny ? ' ✧' : ''}`.padEnd(12);
  const grown = portrait.growth ? `Lv ${portrait.growth.level} ${portrait.growth.stage}`.padEnd(16) : '';
  return `${mark} ${shortHashOf(buddy)}  ${title} ${rarity} ${grown}hatched ${buddy.hatchedAt.slice(0, 10)}  ${note}`.trimEnd();
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(LIST, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  const session = await loadSession(io.env, values.user);
  const mine = (buddy: StoredBuddy): string => (buddy.idHash === session.rolled.idHash ? 'this identity' : `hash ${buddy.idHash.slice(0, 8)}…`);
  if (!session.stored && session.archive.length === 0) {
    writeLine(io.stdout, NO_BUDDY_YET);
    return 0;
  }
  const now = Date.now();
  let current = session.stored;
  if (current) {
    const { recordAndFold } = await import('../../buddy/growth.js');
    // A config busy for too long lists it as stored.
    current = (await recordAndFold(io.env, { announce: false, now }).catch(() => undefined))?.buddy ?? current;
  }
  const clock = clockAt(now);
  const careOn = session.settings.care;
  if (current) writeLine(io.stdout, row('*', current, `${mine(current)} (current)`, careOn, clock));
  for (const buddy of session.archive) writeLine(io.stdout, row(' ', buddy, `${mine(buddy)}, archived ${buddy.archivedAt.slice(0, 10)}`, careOn, clock));
  if (session.warning) writeLine(io.stdout, `\n${session.warning}`);
  return 0;
}
