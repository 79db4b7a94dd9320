// The stat card as plain text lines: used by `buddy roll`, the non-TTY pet and `buddy dex`.
import { RARITIES, STATS, type Rarity } from '../engine/constants.js';
import { rollLabel, type BuddyBones } from '../engine/bones.js';
import { displayWidth } from '../text/display-width.js';
import { truncateToWidth, wrapWords } from '../text/wrap.js';
import type { Palette } from './ansi.js';
import { asciiLines } from './ascii.js';

export const STAT_BAR_WIDTH = 20;

export function rarityStars(rarity: Rarity): string {
  const filled = RARITIES.indexOf(rarity) + 1;
  return '★'.repeat(filled) + '☆'.repeat(RARITIES.length - filled);
}

export function statBar(value: number, width = STAT_BAR_WIDTH): string {
  const filled = Math.round((Math.max(0, Math.min(100, value)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A hatched buddy's growth, for its card (src/game/view.ts gives it). */
export interface CardProgress {
  readonly level: number;
  readonly stage: string;
  readonly intoLevel: number;
  /** XP the level takes in all; undefined at the top level. */
  readonly levelSize: number | undefined;
  /** Absent with care off. */
  readonly needs?: { readonly fullness: number; readonly energy: number } | undefined;
  readonly mood?: string | undefined;
  readonly streak: number;
  readonly achievements: { readonly earned: number; readonly total: number };
  /** How its stage was raised, in words ("raised on care"), when its branch was decided. */
  readonly raised?: string | undefined;
}

export interface CardOptions {
  readonly name?: string;
  readonly personality?: string;
  readonly soulNote?: string;
  /** One short line when the buddy speaks English offline although another language is set. */
  readonly languageNote?: string;
  readonly art?: readonly string[];
  readonly userId?: string;
  /** Columns the card may take: prose wraps at word boundaries, stat bars shrink, long lines are cut. */
  readonly width?: number;
  /** Level, XP, stage, needs, mood, streak and achievements, shown under the stats. */
  readonly progress?: CardProgress | undefined;
  /** What it wears from its wardrobe, and the card accent's terminal colour (an SGR code). */
  readonly wearing?: { readonly names: readonly string[]; readonly accent?: number | undefined } | undefined;
}

/** Columns a stat line takes besides its bar: name, spaces, value and peak/dump marker. */
const STAT_LINE_EXTRA = 16;
const MIN_BAR_WIDTH = 5;
/** The same for the compact stat line: a three-letter name, spaces and the value. */
const COMPACT_STAT_EXTRA = 8;

export function renderCard(bones: BuddyBones, palette: Palette, options: CardOptions = {}): string[] {
  const width = options.width ?? Infinity;
  const fit = (text: string): string => (Number.isFinite(width) ? truncateToWidth(text, width) : text);
  const tint = palette.rarity(bones.rarity);
  const lines: string[] = [];
  lines.push(titleLine(bones, palette, options.name, width));
  if (bones.shiny) lines.push(palette.color(93)(fit('✧ ✦ SHINY ✦ ✧')));
  if (options.art) lines.push('', ...options.art.map((line) => `  ${line}`), '');
  // Narrow cards shorten the stat names to three letters and the bars to what is left.
  const compact = width - STAT_LINE_EXTRA < MIN_BAR_WIDTH;
  const barWidth = compact ? Math.max(1, width - COMPACT_STAT_EXTRA) : Math.min(STAT_BAR_WIDTH, width - STAT_LINE_EXTRA);
  for (const stat of STATS) {
    const value = bones.stats[stat];
    const marker = stat === bones.peak ? ' ▲' : stat === bones.dump ? ' ▼' : '';
    const label = compact ? stat.slice(0, 3) : stat.padEnd(9);
    lines.push(`${label} ${tint(statBar(value, barWidth))} ${String(value).padStart(3)}${compact ? '' : marker}`);
  }
  lines.push(fit(`eye ${bones.eye}   hat ${bones.hat}`));
  if (options.wearing && options.wearing.names.length > 0) {
    const accent = options.wearing.accent;
    lines.push((accent === undefined ? palette.bold : palette.color(accent))(fit(`wearing: ${options.wearing.names.join(', ')}`)));
  }
  if (options.progress) lines.push('', ...progressLines(options.progress, palette, width));
  if (options.personality) {
    const prose = Number.isFinite(width) ? wrapWords(options.personality, width) : [options.personality];
    lines.push('', ...prose.map((line) => palette.italic(line)));
  }
  if (options.soulNote) lines.push(palette.dim(fit(options.soulNote)));
  if (options.languageNote) lines.push(palette.dim(fit(options.languageNote)));
  const idLine = options.userId === undefined ? '' : `id ${options.userId}  `;
  lines.push(palette.dim(fit(`${idLine}hash ${bones.idHash.slice(0, 12)}…  salt ${bones.salt}  roll ${rollLabel(bones)}`)));
  return palette.ascii ? asciiLines(lines) : lines;
}

/** Stars, name and species, and the rarity in capitals when there is room for it. */
function titleLine(bones: BuddyBones, palette: Palette, name: string | undefined, width: number): string {
  const tint = palette.rarity(bones.rarity);
  const stars = rarityStars(bones.rarity);
  const title = name ? `${name} the ${bones.species}` : bones.species;
  const rarity = bones.rarity.toUpperCase();
  if (displayWidth(`${stars}  ${title}  ${rarity}`) <= width) return `${tint(stars)}  ${palette.bold(title)}  ${tint(rarity)}`;
  return `${tint(stars)} ${palette.bold(truncateToWidth(title, Math.max(1, width - displayWidth(stars) - 1)))}`;
}

/** A bar for a value out of a whole, at most `width` cells, with its label and number beside it. */
function fitBar(label: string, value: number, whole: number, number: string, width: number, tint: (text: string) => string): string | undefined {
  const room = Math.min(STAT_BAR_WIDTH, width - displayWidth(label) - displayWidth(number) - 2);
  if (room < MIN_BAR_WIDTH) return undefined;
  return `${label} ${tint(statBar(whole > 0 ? (value / whole) * 100 : 100, room))} ${number}`;
}

function progressLines(progress: CardProgress, palette: Palette, width: number): string[] {
  const fit = (text: string): string => (Number.isFinite(width) ? truncateToWidth(text, width) : text);
  const level = `Lv ${progress.level} ${progress.stage}`;
  const xp = progress.levelSize === undefined ? 'top level' : `${progress.intoLevel}/${progress.levelSize} XP`;
  const lines = [fitBar(palette.bold(level), progress.levelSize === undefined ? 1 : progress.intoLevel, progress.levelSize ?? 1, xp, width, palette.color(36)) ?? fit(`${palette.bold(level)} ${xp}`)];
  if (progress.raised) lines.push(fit(`${progress.stage} · ${progress.raised}`));
  if (progress.needs) {
    const { fullness, energy } = progress.needs;
    const bars = [fitBar('fullness', fullness, 100, `${fullness}%`, width, palette.color(33)), fitBar('energy  ', energy, 100, `${energy}%`, width, palette.color(32))];
    if (bars.every((bar) => bar !== undefined)) lines.push(...(bars as string[]));
    else lines.push(fit(`fullness ${fullness}% · energy ${energy}%`));
  }
  const streak = `streak ${progress.streak} ${progress.streak === 1 ? 'day' : 'days'}`;
  const achievements = `${progress.achievements.earned}/${progress.achievements.total} achievements`;
  const facts = [progress.mood ? `mood ${progress.mood}` : undefined, streak, achievements].filter((fact): fact is string => fact !== undefined);
  lines.push(...packFacts(facts, width));
  return lines;
}

/** Short facts joined by ' · ' on as few lines as fit, never splitting one (one too wide is cut). */
function packFacts(facts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const fact of facts) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last} · ${fact}`) <= width) lines[lines.length - 1] = `${last} · ${fact}`;
    else lines.push(Number.isFinite(width) ? truncateToWidth(fact, width) : fact);
  }
  return lines;
}
