// `buddy dex`: every species by tier with its odds and art, then the classic family in its own section;
// `--species` for one, with variant previews.
import { composeBuddyFrame, frameByName, frameNames } from '../../faces/frame.js';
import { EVERY_SPECIES, type BuddySpecies } from '../../engine/bones.js';
import { CLASSIC_SPECIES, isClassicSpecies } from '../../engine/classic-constants.js';
import { CLASSIC_SPECIES_ODDS } from '../../engine/classic-odds.js';
import { EYES, HATS, RARITIES, RARITY_ODDS, rarityOf, SPECIES_BY_RARITY, type Eye, type Hat } from '../../engine/constants.js';
import { speciesOdds } from '../../engine/odds.js';
import { colorEnabled, makePalette, type Palette } from '../../render/ansi.js';
import { ASCII_GLYPHS } from '../../render/ascii.js';
import { rarityStars } from '../../render/card.js';
import { asciiOnly } from '../../render/terminal.js';
import { SPECIES_LORE } from '../../species/lore.js';
import { spriteFor } from '../../sprites/catalog.js';
import { DEX } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { formatPercent } from './odds-format.js';
import { parseAnySpecies } from '../target.js';

const CELL_WIDTH = 18;

interface Variant {
  readonly eye: Eye;
  readonly hat: Hat;
  readonly shiny: boolean;
  readonly frame: string;
}

function art(species: BuddySpecies, variant: Variant): string[] {
  const frame = frameByName(species, variant.frame);
  if (!frame) throw new UsageError(`dex: ${species} has no frame '${variant.frame}'`, `frames: ${frameNames(species).join(', ')}`);
  return composeBuddyFrame({ species, eye: variant.eye, hat: variant.hat, shiny: variant.shiny }, frame);
}

function printOne(io: CliIo, palette: Palette, species: BuddySpecies, variant: Variant): void {
  let tint = (text: string): string => text;
  if (isClassicSpecies(species)) {
    writeLine(io.stdout, `${palette.bold(species)}  CLASSIC  any rarity, ${formatPercent(CLASSIC_SPECIES_ODDS)} of classic rolls`);
  } else {
    const rarity = rarityOf(species);
    tint = palette.rarity(rarity);
    writeLine(io.stdout, `${tint(rarityStars(rarity))}  ${palette.bold(species)}  ${tint(rarity.toUpperCase())}  ${formatPercent(speciesOdds(species))}`);
  }
  writeLine(io.stdout, palette.italic(SPECIES_LORE[species].lore));
  writeLine(io.stdout);
  for (const line of art(species, variant)) writeLine(io.stdout, `  ${tint(line)}`);
  writeLine(io.stdout);
  writeLine(io.stdout, palette.dim(`face ${spriteFor(species).face.replace(/E/g, variant.eye)}   frames: ${frameNames(species).join(', ')}`));
}

/** Species in rows of cells, as many to a row as the terminal fits. */
function printCells(io: CliIo, palette: Palette, list: readonly BuddySpecies[], variant: Variant, tint: (text: string) => string): void {
  const columns = Math.max(CELL_WIDTH, io.stdout.columns || 80);
  const perRow = Math.max(1, Math.floor(columns / CELL_WIDTH));
  for (let start = 0; start < list.length; start += perRow) {
    const row = list.slice(start, start + perRow);
    const cells = row.map((species) => ({ species, lines: art(species, variant) }));
    writeLine(io.stdout, cells.map((cell) => palette.bold(cell.species.padEnd(CELL_WIDTH))).join('').trimEnd());
    const height = Math.max(...cells.map((cell) => cell.lines.length));
    for (let line = 0; line < height; line++) {
      writeLine(io.stdout, cells.map((cell) => tint((cell.lines[line] ?? '').padEnd(CELL_WIDTH))).join('').trimEnd());
    }
  }
  writeLine(io.stdout);
}

function printAll(io: CliIo, palette: Palette, variant: Variant): void {
  for (const rarity of RARITIES) {
    const list = SPECIES_BY_RARITY[rarity];
    const tint = palette.rarity(rarity);
    writeLine(io.stdout, `${tint(rarityStars(rarity))} ${palette.bold(rarity)}  ${formatPercent(RARITY_ODDS[rarity])} of buddies, ${formatPercent(RARITY_ODDS[rarity] / list.length)} each`);
    printCells(io, palette, list, variant, tint);
  }
  // The classic family has its own section: it comes from the classic roll (buddy roll --classic,
  // buddy rescue), where any species comes at any rarity.
  writeLine(io.stdout, `${palette.bold('classic')}  the Claude Code family (buddy rescue, buddy roll --classic): any rarity, ${formatPercent(CLASSIC_SPECIES_ODDS)} each`);
  printCells(io, palette, CLASSIC_SPECIES, variant, (text) => text);
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(DEX, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii);
  // An eye by its glyph or by its ASCII stand-in (`--eye x` for ×), which a terminal without UTF-8 can type.
  const wanted = values.eye ?? '·';
  const eye = EYES.find((option) => option === wanted || ASCII_GLYPHS[option] === wanted);
  if (!eye) throw new UsageError(`dex: --eye must be one of ${EYES.join(' ')}`);
  const hat = HATS.find((option) => option === (values.hat ?? 'none'));
  if (!hat) throw new UsageError(`dex: --hat must be one of ${HATS.join(', ')}`);
  const variant: Variant = { eye, hat, shiny: Boolean(values.shiny), frame: values.frame ?? 'idle-0' };
  const one = values.species === undefined ? undefined : parseAnySpecies('dex', values.species);
  // A frame is refused before anything is printed, not after the header it would have followed.
  const lacking = (one === undefined ? EVERY_SPECIES : [one]).find((species) => !frameByName(species, variant.frame));
  if (lacking !== undefined) {
    const problem = one === undefined ? 'not every species has a frame' : `${one} has no frame`;
    throw new UsageError(`dex: ${problem} '${variant.frame}'`, `frames: ${frameNames(lacking).join(', ')}`);
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  if (one !== undefined) printOne(io, palette, one, variant);
  else printAll(io, palette, variant);
  return 0;
}
