// `buddy achievements`: every achievement, the earned ones with the local date each was earned, the locked
// ones with a hint and how far along they are. Folds what was recorded first.
import { clockAt } from '../../buddy/system-clock.js';
import { ACHIEVEMENTS } from '../../game/achievements.js';
import { localDate } from '../../game/clock.js';
import { announcementTexts } from '../../game/view.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { ACHIEVEMENTS as ACHIEVEMENTS_COMMAND } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo } from '../io.js';
import { grownBuddy } from '../grown-buddy.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(ACHIEVEMENTS_COMMAND, argv);
  const grown = await grownBuddy(streams, values);
  if (typeof grown === 'number') return grown;
  const { io, ascii, buddy, growth, fold: result } = grown;
  const dateOf = (at: number): string => localDate(at, clockAt(at).offsetMinutes);
  const earned = ACHIEVEMENTS.filter((achievement) => growth.achievements[achievement.id] !== undefined);
  const locked = ACHIEVEMENTS.filter((achievement) => growth.achievements[achievement.id] === undefined);
  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        hatched: true,
        earned: earned.map(({ id, name, description }) => ({ id, name, description, earnedAt: new Date(growth.achievements[id]!).toISOString(), date: dateOf(growth.achievements[id]!) })),
        locked: locked.map(({ id, name, hint, progress }) => ({ id, name, hint, ...(progress ? { progress: progress(growth) } : {}) })),
      }),
    );
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of announcementLines(announcementTexts(result.announcements, buddy.name), palette)) writeLine(io.stdout, line);
  const nameWidth = Math.max(...ACHIEVEMENTS.map((achievement) => achievement.name.length)) + 2;
  writeLine(io.stdout, `${buddy.name}: ${earned.length} of ${ACHIEVEMENTS.length} achievements`);
  if (earned.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Earned'));
    for (const achievement of earned) {
      writeLine(io.stdout, `  ✓ ${palette.bold(achievement.name.padEnd(nameWidth))}${dateOf(growth.achievements[achievement.id]!)}  ${achievement.description}`);
    }
  }
  if (locked.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Locked'));
    for (const achievement of locked) {
      const progress = achievement.progress?.(growth);
      const along = progress && progress[0] > 0 ? ` (${progress[0]} of ${progress[1]})` : '';
      writeLine(io.stdout, `  · ${achievement.name.padEnd(nameWidth)}${palette.dim(`${achievement.hint}${along}`)}`);
    }
  }
  return 0;
}
