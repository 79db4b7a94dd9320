// `buddy tricks`: the tricks the buddy has learned, each with the level it came at, and the ones still to
// learn with the level each comes at. Folds what was recorded first, as `buddy achievements` does, so the
// level is today's (and a trick a level-up just taught is announced here, once).
import { clockAt } from '../../buddy/system-clock.js';
import { TRICKS as ALL_TRICKS, tricksLearnedAt, tricksToLearnAt, type Trick } from '../../game/tricks.js';
import { announcementTexts, growthViewAt } from '../../game/view.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { TRICKS } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo } from '../io.js';
import { grownBuddy } from '../grown-buddy.js';

const NAME_WIDTH = Math.max(...ALL_TRICKS.map((trick) => trick.name.length)) + 2;

const asJson = ({ id, name, level, description }: Trick): Record<string, unknown> => ({ id, name, level, description });

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(TRICKS, argv);
  const grown = await grownBuddy(streams, values);
  if (typeof grown === 'number') return grown;
  const { io, ascii, buddy, growth, fold: result, now } = grown;
  const level = growthViewAt(growth, clockAt(now), result.settings.care).level;
  const learned = tricksLearnedAt(level);
  const toLearn = tricksToLearnAt(level);
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ hatched: true, level, learned: learned.map(asJson), toLearn: toLearn.map(asJson) }));
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of announcementLines(announcementTexts(result.announcements, buddy.name), palette)) writeLine(io.stdout, line);
  writeLine(io.stdout, `${buddy.name} knows ${learned.length} of ${ALL_TRICKS.length} tricks (level ${level})`);
  if (learned.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Learned'));
    for (const trick of learned) writeLine(io.stdout, `  ✓ ${palette.bold(trick.name.padEnd(NAME_WIDTH))}${`level ${trick.level}`.padEnd(10)}${trick.description}`);
  }
  if (toLearn.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Still to learn'));
    for (const trick of toLearn) writeLine(io.stdout, `  · ${trick.name.padEnd(NAME_WIDTH)}${palette.dim(`at level ${trick.level}`)}`);
  }
  writeLine(io.stdout);
  const first = learned[0];
  writeLine(io.stdout, palette.dim(first ? `Press k in the pet, or run buddy trick NAME (buddy trick ${first.id}).` : `The first comes at level ${ALL_TRICKS[0]!.level}.`));
  return 0;
}
