// `buddy status`: the buddy's growth now (level, XP, stage, needs, mood, streak, achievements count, the
// mini-game's best scores once a round was played) and
// the model remarks' watch mode and budget use, as
// text or, with --json, one object for scripts (who it is, too: species, rarity, shine, eye and hat). It
// folds what was recorded first, so it is up to date; what it shows is the buddy's portrait (portrait.ts).
import { clockAt } from '../../buddy/system-clock.js';
import { portraitFields, portraitOf } from '../../faces/portrait.js';
import { announcementTexts } from '../../game/view.js';
import { raisedLine } from '../../game/branch.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { statBar } from '../../render/card.js';
import { STATUS } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine } from '../io.js';
import type { CliIo } from '../io.js';
import { sayNoBuddyYet } from '../not-hatched.js';
import { grownBuddy } from '../grown-buddy.js';
import { remarkStatus, remarkStatusText } from '../remark-use.js';

const BAR = 20;

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(STATUS, argv);
  const grown = await grownBuddy(streams, values);
  if (typeof grown === 'number') return grown;
  const { io, ascii, buddy, growth, fold: result, now } = grown;
  const portrait = portraitOf(buddy.bones, buddy, growth, result.settings.care, clockAt(now));
  const view = portrait.growth;
  if (!view) return sayNoBuddyYet(io, values.json);
  const announcements = announcementTexts(result.announcements, buddy.name);
  const remarks = remarkStatus(result.settings, io.env, now);
  // Catch the bug: nothing before the first round, then the rounds and each mode's best.
  const play = growth.play;
  const game = play && play.rounds > 0 ? { rounds: play.rounds, best: { live: play.best.live, turns: play.best.turns } } : null;
  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        hatched: true,
        ...portraitFields(portrait),
        xp: view.xp,
        xpIntoLevel: view.intoLevel,
        xpForNextLevel: view.levelSize ?? null,
        needs: view.needs ?? null,
        streak: view.streak,
        bestStreak: view.bestStreak,
        care: view.careOn,
        remarks,
        announcements,
        branch: view.branch ?? null,
        branches: view.branches,
        game,
      }),
    );
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of announcementLines(announcements, palette)) writeLine(io.stdout, line);
  const label = (text: string): string => palette.dim(text.padEnd(13));
  writeLine(io.stdout, `${palette.bold(portrait.name)} the ${portrait.species} · level ${view.level} ${view.stage}`);
  const xp = view.levelSize === undefined ? `${view.xp} XP, the top level` : `${view.intoLevel}/${view.levelSize} to level ${view.level + 1} (${view.xp} in all)`;
  writeLine(io.stdout, `${label('XP')}${view.levelSize === undefined ? '' : `${statBar((view.intoLevel / view.levelSize) * 100, BAR)} `}${xp}`);
  if (view.needs) {
    writeLine(io.stdout, `${label('fullness')}${statBar(view.needs.fullness, BAR)} ${view.needs.fullness}%`);
    writeLine(io.stdout, `${label('energy')}${statBar(view.needs.energy, BAR)} ${view.needs.energy}%`);
  } else {
    writeLine(io.stdout, `${label('needs')}off (buddy config care on brings them back)`);
  }
  const raised = raisedLine(view.branches);
  if (raised) writeLine(io.stdout, `${label('raised')}${raised}`);
  writeLine(io.stdout, `${label('mood')}${view.mood}`);
  writeLine(io.stdout, `${label('streak')}${view.streak} ${view.streak === 1 ? 'day' : 'days'} (best ${view.bestStreak})`);
  writeLine(io.stdout, `${label('achievements')}${view.achievements.earned} of ${view.achievements.total} (buddy achievements lists them)`);
  if (game) writeLine(io.stdout, `${label('game')}best ${game.best.live} live · ${game.best.turns} turns · ${game.rounds} ${game.rounds === 1 ? 'round' : 'rounds'}`);
  writeLine(io.stdout, `${label('remarks')}${remarkStatusText(remarks)}`);
  return 0;
}
