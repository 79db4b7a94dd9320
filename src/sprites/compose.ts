// Composes a drawable frame from sprite data: eyes, blink, hat and shiny sparkles. Pure string work.
import type { Hat } from '../engine/constants.js';
import { EYE_PLACEHOLDER, type SpeciesSprite } from './parse.js';

export const BLINK_EYE = '-';
const SPARKLES = ['✧', '*'] as const;

export interface ComposeOptions {
  readonly eye: string;
  readonly hat: Hat;
  readonly hats: ReadonlyMap<string, string>;
  /** A worn wardrobe item's art line: drawn where the rolled hat goes, instead of it. */
  readonly wornHat?: string | undefined;
  readonly blink?: boolean;
  readonly shiny?: boolean;
  /** Moves the sparkles so that a shiny buddy glitters as time passes. */
  readonly sparklePhase?: number;
}

function replaceEyes(line: string, eye: string): string {
  return line.split(EYE_PLACEHOLDER).join(eye);
}

/** Replaces the character at a column when that cell is blank (never paints over the art). */
function placeIfBlank(line: string, column: number, mark: string): string {
  const characters = [...line];
  if (characters[column] !== ' ') return line;
  characters[column] = mark;
  return characters.join('');
}

function hatLine(sprite: SpeciesSprite, hat: string): string {
  const width = [...hat].length;
  const start = Math.max(0, Math.min(sprite.width - width, sprite.hatColumn - Math.floor(width / 2)));
  return ' '.repeat(start) + hat + ' '.repeat(sprite.width - start - width);
}

export function composeFrame(sprite: SpeciesSprite, frame: readonly string[], options: ComposeOptions): string[] {
  const eye = options.blink ? BLINK_EYE : options.eye;
  const lines = frame.map((line) => replaceEyes(line, eye));
  const hat = options.wornHat ?? (options.hat === 'none' ? undefined : options.hats.get(options.hat));
  if (hat) lines[0] = hatLine(sprite, hat);
  if (options.shiny) {
    const phase = (options.sparklePhase ?? 0) % 2;
    const [first, second] = phase === 0 ? [0, sprite.width - 1] : [sprite.width - 1, 0];
    lines[0] = placeIfBlank(lines[0] as string, first, SPARKLES[0]);
    lines[3] = placeIfBlank(lines[3] as string, second, SPARKLES[1]);
  }
  return lines;
}

export function composeFace(sprite: SpeciesSprite, eye: string, blink = false): string {
  return replaceEyes(sprite.face, blink ? BLINK_EYE : eye);
}
