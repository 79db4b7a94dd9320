// `buddy achievements`: every achievement, the earned ones with the local date each was earned, the locked
// ones with a hint and how far along they are. Folds what was recorded first.
import { clockAt } from '../../buddy/system-clock.js';
import { recordAndFold } from '../../buddy/growth.js';
import { loadSession } from '../../buddy/session.js';
import { ACHIEVEMENTS } from '../../game/achievements.js';
import { localDate } from '../../game/clock.js';
import { announcementTexts } from '../../game/view.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { ACHIEVEMENTS as ACHIEVEMENTS_COMMAND } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo } from '../io.js';
import { sayNoBuddyYet } from '../not-hatched.js';
import { printNotes } from '../notes.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(ACHIEVEMENTS_COMMAND, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii, values.json);
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  if (!session.stored) return sayNoBuddyYet(io, values.json);
  const result = await recordAndFold(io.env, { announce: true });
  const growth = result.growth;
  const buddy = result.buddy ?? session.stored;
  if (!growth) return sayNoBuddyYet(io, values.json);
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
