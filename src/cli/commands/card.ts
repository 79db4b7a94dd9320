// `buddy card`: the buddy's card. Printed on the terminal; with --svg, a standalone SVG image (to a file or
// stdout); with --png FILE, the same image as a PNG, rendered by @resvg/resvg-js, which is loaded only here.
import { offlineLanguageNote } from '../../buddy/language-note.js';
import { loadSession, soulNote } from '../../buddy/session.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { renderShareCard, type ShareCardInput } from '../../render/svg-card.js';
import { writeFileAtomicSync } from '../../store/atomic-write.js';
import { CARD } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { ACHIEVEMENTS } from '../../game/achievements.js';
import type { GrowthState } from '../../game/state.js';
import { STILL_FRAME } from '../../sprites/animation.js';
import { buddyCardLines, composeCardArt } from '../card-art.js';
import { UsageError, UserFacingError } from '../errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { NOT_HATCHED_CARD_NOTE } from '../not-hatched.js';
import { printNotes } from '../notes.js';
import { printedGrowth } from '../printed-growth.js';
import { renderPng } from '../share-png.js';

/** PNGs are drawn at twice the SVG's size, so they stay sharp on dense screens. */
export const PNG_ZOOM = 2;

function writeOut(file: string, data: string | Uint8Array, what: string): void {
  try {
    writeFileAtomicSync(file, data, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFacingError(`card: could not write the ${what} to ${file}${code ? ` (${code})` : ''}`);
  }
}

/** The names of the achievements it has earned, in the table's order. */
function earnedNames(growth: GrowthState): string[] {
  return ACHIEVEMENTS.filter((achievement) => growth.achievements[achievement.id] !== undefined).map((achievement) => achievement.name);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(CARD, argv);
  const [file] = positionals;
  if (file !== undefined && !values.svg) throw new UsageError(`card: unexpected argument '${file}'`, `to write an SVG: buddy card --svg ${file}`);
  if (values.png !== undefined && values.png.trim() === '') throw new UsageError('card: --png needs a file name');
  if (values.png !== undefined && values.svg && file === undefined) throw new UsageError('card: with --png, give --svg a file too', 'the SVG and the PNG cannot both go to stdout');
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  const grown = session.stored ? await printedGrowth(io, session) : undefined;
  const stored = grown?.buddy ?? session.stored;

  if (!values.svg && values.png === undefined) {
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
    for (const line of buddyCardLines(session.bones, palette, stored, terminalWidth(io.stdout), grown?.view, offlineLanguageNote(session.settings, io.env))) writeLine(io.stdout, line);
    if (!stored) writeLine(io.stdout, palette.dim(NOT_HATCHED_CARD_NOTE));
    return 0;
  }

  const input: ShareCardInput = {
    bones: session.bones,
    art: composeCardArt(session.bones, makePalette(false), STILL_FRAME, grown?.view),
    ...(stored ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) } : {}),
    ...(grown ? { level: grown.view.level, achievements: earnedNames(grown.growth) } : {}),
  };
  const svg = renderShareCard(input);
  if (values.svg) {
    if (file === undefined) io.stdout.write(svg);
    else {
      writeOut(file, svg, 'SVG');
      io.stderr.write(`buddy: wrote ${file}\n`);
    }
  }
  if (values.png !== undefined) {
    writeOut(values.png, await renderPng(svg, PNG_ZOOM), 'PNG');
    io.stderr.write(`buddy: wrote ${values.png}\n`);
  }
  return 0;
}
