// `buddy wardrobe`: every wardrobe item, the earned ones with the local date each was unlocked (the worn
// ones marked), the locked ones with a hint and how far along they are. Folds what was recorded first, so
// an item just earned is listed (and announced) at once.
import { clockAt } from '../../buddy/system-clock.js';
import { localDate } from '../../game/clock.js';
import { announcementTexts } from '../../game/view.js';
import { ruleHint, ruleProgress, WARDROBE, type WardrobeItem } from '../../game/wardrobe.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { headItemArt } from '../../sprites/wardrobe-art.js';
import { WARDROBE as WARDROBE_COMMAND } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo } from '../io.js';
import { grownBuddy } from '../grown-buddy.js';

/** What the list shows of an item's looks: a head item's art, or that it colours the card. */
function looks(item: WardrobeItem): string {
  return item.slot === 'head' ? (headItemArt().get(item.id) ?? '') : 'card';
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(WARDROBE_COMMAND, argv);
  const grown = await grownBuddy(streams, values);
  if (typeof grown === 'number') return grown;
  const { io, ascii, buddy, growth, fold: result } = grown;
  const unlocked = growth.wardrobe?.unlocked ?? {};
  const worn = growth.wardrobe?.worn ?? {};
  const isWorn = (item: WardrobeItem): boolean => worn[item.slot] === item.id;
  const dateOf = (at: number): string => localDate(at, clockAt(at).offsetMinutes);
  const earned = WARDROBE.filter((item) => unlocked[item.id] !== undefined);
  const locked = WARDROBE.filter((item) => unlocked[item.id] === undefined);
  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        hatched: true,
        worn,
        earned: earned.map((item) => ({ id: item.id, name: item.name, slot: item.slot, unlockedAt: new Date(unlocked[item.id]!).toISOString(), date: dateOf(unlocked[item.id]!), worn: isWorn(item) })),
        locked: locked.map((item) => {
          const progress = ruleProgress(item.rule, growth);
          return { id: item.id, name: item.name, slot: item.slot, hint: ruleHint(item.rule), ...(progress ? { progress } : {}) };
        }),
      }),
    );
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of announcementLines(announcementTexts(result.announcements, buddy.name), palette)) writeLine(io.stdout, line);
  const wearing = WARDROBE.filter(isWorn).map((item) => item.name);
  writeLine(io.stdout, `${buddy.name}: ${earned.length} of ${WARDROBE.length} items${wearing.length > 0 ? ` · wearing ${wearing.join(' and ')}` : ''}`);
  const nameWidth = Math.max(...WARDROBE.map((item) => item.name.length)) + 2;
  const looksWidth = Math.max(...WARDROBE.map((item) => looks(item).length)) + 2;
  if (earned.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Earned'));
    for (const item of earned) {
      const mark = isWorn(item) ? '  (worn)' : '';
      writeLine(io.stdout, `  ✓ ${palette.bold(item.name.padEnd(nameWidth))}${looks(item).padEnd(looksWidth)}${dateOf(unlocked[item.id]!)}  buddy wear ${item.id}${mark}`);
    }
  }
  if (locked.length > 0) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold('Locked'));
    for (const item of locked) {
      const progress = ruleProgress(item.rule, growth);
      const along = progress && progress[0] > 0 ? ` (${progress[0]} of ${progress[1]})` : '';
      writeLine(io.stdout, `  · ${item.name.padEnd(nameWidth)}${looks(item).padEnd(looksWidth)}${palette.dim(`${ruleHint(item.rule)}${along}`)}`);
    }
  }
  return 0;
}
