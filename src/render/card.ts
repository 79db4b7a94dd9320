// The stat card as plain text lines: used by `buddy roll`, the non-TTY pet and `buddy dex`.
import { RARITIES, STATS, type Rarity } from '../engine/constants.js';
import type { Bones } from '../engine/roll.js';
import type { Palette } from './ansi.js';

export const STAT_BAR_WIDTH = 20;

export function rarityStars(rarity: Rarity): string {
  const filled = RARITIES.indexOf(rarity) + 1;
  return '★'.repeat(filled) + '☆'.repeat(RARITIES.length - filled);
}

export function statBar(value: number, width = STAT_BAR_WIDTH): string {
  const filled = Math.round((Math.max(0, Math.min(100, value)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export interface CardOptions {
  readonly name?: string;
  readonly personality?: string;
  readonly soulNote?: string;
  readonly art?: readonly string[];
  readonly userId?: string;
}

export function renderCard(bones: Bones, palette: Palette, options: CardOptions = {}): string[] {
  const tint = palette.rarity(bones.rarity);
  const lines: string[] = [];
  const title = options.name ? `${palette.bold(options.name)} the ${bones.species}` : palette.bold(bones.species);
  lines.push(`${tint(rarityStars(bones.rarity))}  ${title}  ${tint(bones.rarity.toUpperCase())}`);
  if (bones.shiny) lines.push(palette.color(93)('✧ ✦ SHINY ✦ ✧'));
  if (options.art) lines.push('', ...options.art.map((line) => `  ${line}`), '');
  for (const stat of STATS) {
    const value = bones.stats[stat];
    const marker = stat === bones.peak ? ' ▲' : stat === bones.dump ? ' ▼' : '';
    lines.push(`${stat.padEnd(9)} ${tint(statBar(value))} ${String(value).padStart(3)}${marker}`);
  }
  lines.push(`eye ${bones.eye}   hat ${bones.hat}`);
  if (options.personality) lines.push('', palette.italic(options.personality));
  if (options.soulNote) lines.push(palette.dim(options.soulNote));
  const idLine = options.userId === undefined ? '' : `id ${options.userId}  `;
  lines.push(palette.dim(`${idLine}hash ${bones.idHash.slice(0, 12)}…  salt ${bones.salt}  roll v${bones.version}`));
  return lines;
}
