// `buddy dex`: every species by tier with its odds and art; `--species` for one, with variant previews.
import { EYES, HATS, RARITIES, RARITY_ODDS, SPECIES_BY_RARITY, type Eye, type Hat, type Species } from '../../engine/constants.js';
import { speciesOdds } from '../../engine/odds.js';
import { colorEnabled, makePalette, type Palette } from '../../render/ansi.js';
import { rarityStars } from '../../render/card.js';
import { SPECIES_LORE } from '../../species/lore.js';
import { hatTable, spriteFor } from '../../sprites/catalog.js';
import { composeFrame } from '../../sprites/compose.js';
import { POSES, type SpeciesSprite } from '../../sprites/parse.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { formatPercent } from './odds.js';
import { parseSpecies } from '../target.js';

const CELL_WIDTH = 18;

interface Variant {
  readonly eye: Eye;
  readonly hat: Hat;
  readonly shiny: boolean;
  readonly frame: string;
}

function frameNames(sprite: SpeciesSprite): string[] {
  return [...sprite.idle.map((_, index) => `idle-${index}`), ...POSES];
}

function frameLines(sprite: SpeciesSprite, name: string): readonly string[] {
  const idle = /^idle-(\d+)$/.exec(name);
  if (idle) return sprite.idle[Number(idle[1])] ?? sprite.idle[0]!;
  return sprite.poses[name as (typeof POSES)[number]];
}

function art(species: Species, variant: Variant): string[] {
  const sprite = spriteFor(species);
  if (!frameNames(sprite).includes(variant.frame)) {
    throw new UsageError(`dex: ${species} has no frame '${variant.frame}' (frames: ${frameNames(sprite).join(', ')})`);
  }
  return composeFrame(sprite, frameLines(sprite, variant.frame), { eye: variant.eye, hat: variant.hat, hats: hatTable(), shiny: variant.shiny });
}

function printOne(io: CliIo, palette: Palette, species: Species, variant: Variant): void {
  const rarity = RARITIES.find((tier) => (SPECIES_BY_RARITY[tier] as readonly string[]).includes(species))!;
  const tint = palette.rarity(rarity);
  writeLine(io.stdout, `${tint(rarityStars(rarity))}  ${palette.bold(species)}  ${tint(rarity.toUpperCase())}  ${formatPercent(speciesOdds(species))}`);
  const lore = SPECIES_LORE[species];
  if (lore) writeLine(io.stdout, palette.italic(lore.lore));
  writeLine(io.stdout);
  for (const line of art(species, variant)) writeLine(io.stdout, `  ${tint(line)}`);
  writeLine(io.stdout);
  const sprite = spriteFor(species);
  writeLine(io.stdout, palette.dim(`face ${sprite.face.replace(/E/g, variant.eye)}   frames: ${frameNames(sprite).join(', ')}`));
}

function printAll(io: CliIo, palette: Palette, variant: Variant): void {
  const columns = Math.max(CELL_WIDTH, io.stdout.columns || 80);
  const perRow = Math.max(1, Math.floor(columns / CELL_WIDTH));
  for (const rarity of RARITIES) {
    const tint = palette.rarity(rarity);
    const list = SPECIES_BY_RARITY[rarity];
    writeLine(io.stdout, `${tint(rarityStars(rarity))} ${palette.bold(rarity)}  ${formatPercent(RARITY_ODDS[rarity])} of buddies, ${formatPercent(RARITY_ODDS[rarity] / list.length)} each`);
    for (let start = 0; start < list.length; start += perRow) {
      const row = list.slice(start, start + perRow);
      const cells = row.map((species) => ({ species, lines: art(species, { ...variant, frame: variant.frame }) }));
      writeLine(io.stdout, cells.map((cell) => palette.bold(cell.species.padEnd(CELL_WIDTH))).join('').trimEnd());
      const height = Math.max(...cells.map((cell) => cell.lines.length));
      for (let line = 0; line < height; line++) {
        writeLine(io.stdout, cells.map((cell) => tint((cell.lines[line] ?? '').padEnd(CELL_WIDTH))).join('').trimEnd());
      }
    }
    writeLine(io.stdout);
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'dex',
    argv,
    { species: { type: 'string' }, shiny: { type: 'boolean' }, eye: { type: 'string' }, hat: { type: 'string' }, frame: { type: 'string' } },
    0,
  );
  const eye = values.eye ?? '·';
  if (!(EYES as readonly string[]).includes(eye)) throw new UsageError(`dex: --eye must be one of ${EYES.join(' ')}`);
  const hat = values.hat ?? 'none';
  if (!(HATS as readonly string[]).includes(hat)) throw new UsageError(`dex: --hat must be one of ${HATS.join(', ')}`);
  const variant: Variant = { eye: eye as Eye, hat: hat as Hat, shiny: Boolean(values.shiny), frame: values.frame ?? 'idle-0' };
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  if (values.species !== undefined) printOne(io, palette, parseSpecies('dex', values.species), variant);
  else printAll(io, palette, variant);
  return 0;
}
