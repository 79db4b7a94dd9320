// `buddy card`: the buddy's card. Printed on the terminal; with --svg, a standalone SVG image (to a file or
// stdout); with --png FILE, the same image as a PNG, rendered by @resvg/resvg-js, which is loaded only here.
// The file is the user's choice, so it is written as the file-access layer writes named outputs: `-` is
// stdout, a FIFO, a pipe (`>(…)`), a device or /dev/stdout is written in place, a regular file is replaced
// atomically, and a folder or a dangling link is refused with one line.
import { offlineLanguageNote } from '../../buddy/language-note.js';
import { loadSession, soulNote } from '../../buddy/session.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { renderShareCard, type ShareCardInput } from '../../render/svg-card.js';
import { FileAccessError } from '../../files/errors.js';
import { STDOUT_PATH, writeUserOutput } from '../../files/output.js';
import { CARD } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { STILL_FRAME } from '../../sprites/animation.js';
import { buddyCardLines, composeCardArt, wearingOf } from '../card-art.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { NOT_HATCHED_CARD_NOTE } from '../not-hatched.js';
import { printNotes } from '../notes.js';
import { printedGrowth } from '../printed-growth.js';
import { renderPng } from '../share-png.js';
import { wornAccent, wornHeadArt } from '../../sprites/wardrobe-art.js';

/** PNGs are drawn at twice the SVG's size, so they stay sharp on dense screens. */
export const PNG_ZOOM = 2;

/** Writes the image where the user asked, and says so on stderr (not for stdout, which holds the image). */
function writeOut(io: CliIo, file: string, data: string | Uint8Array, what: string): void {
  if (file === STDOUT_PATH) {
    io.stdout.write(data);
    return;
  }
  try {
    writeUserOutput(file, data);
  } catch (error) {
    if (error instanceof FileAccessError) throw new UserFacingError(`card: could not write the ${what}: ${error.message}`);
    throw error;
  }
  io.stderr.write(`buddy: wrote ${file}\n`);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(CARD, argv);
  const [file] = positionals;
  if (file !== undefined && !values.svg) throw new UsageError(`card: unexpected argument '${file}'`, `to write an SVG: buddy card --svg ${file}`);
  if (values.png !== undefined && values.png.trim() === '') throw new UsageError('card: --png needs a file name');
  const svgToStdout = values.svg && (file === undefined || file === STDOUT_PATH);
  if (values.png !== undefined && svgToStdout && (file === undefined || values.png === STDOUT_PATH)) {
    throw new UsageError('card: with --png, give --svg a file too', 'the SVG and the PNG cannot both go to stdout');
  }
  const session = await loadSession(io.env, values.user);
  const ascii = asciiOnly(io.env, values.ascii);
  // Notes go to the terminal's stderr whatever stdout holds (an image, too); the card converts itself.
  printNotes(asciiIo(io, ascii), session);
  const grown = session.stored ? await printedGrowth(io.env, session) : undefined;
  const stored = grown?.buddy ?? session.stored;
  // The buddy the fold found (the one whose name is shown), as the other faces show it.
  const bones = stored?.bones ?? session.bones;
  const growth = grown?.portrait.growth;

  if (!values.svg && values.png === undefined) {
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
    for (const line of buddyCardLines(bones, palette, stored, terminalWidth(io.stdout), growth, offlineLanguageNote(session.settings, io.env))) writeLine(io.stdout, line);
    if (!stored) writeLine(io.stdout, palette.dim(NOT_HATCHED_CARD_NOTE));
    return 0;
  }

  const input: ShareCardInput = {
    bones,
    art: composeCardArt(bones, makePalette(false), STILL_FRAME, growth, wornHeadArt(stored?.growth?.wardrobe?.worn.head)),
    ...(stored ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) } : {}),
    ...(grown && growth ? { growth: { level: growth.level, stage: growth.stage, mood: growth.mood, raised: growth.raised }, achievements: grown.portrait.achievements } : {}),
    ...(stored ? { wearing: wearingOf(stored).names, accent: wornAccent(stored.growth?.wardrobe?.worn.card) } : {}),
  };
  const svg = renderShareCard(input);
  if (values.svg) writeOut(io, file ?? STDOUT_PATH, svg, 'SVG');
  if (values.png !== undefined) writeOut(io, values.png, await renderPng(svg, PNG_ZOOM), 'PNG');
  return 0;
}
