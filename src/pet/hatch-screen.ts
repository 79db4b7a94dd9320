// The hatch screen for a moment, as styled lines that fit the terminal (see screen.ts for the rules):
// the egg and a caption, or the caption alone when the window is too short for the egg. Pure.
import type { Rarity } from '../engine/constants.js';
import type { Palette } from '../render/ansi.js';
import { asciiLines } from '../render/ascii.js';
import type { EggSprite } from '../sprites/egg.js';
import { truncateToWidth } from '../text/wrap.js';
import { eggFrameFor, type HatchPhase } from './hatch-phase.js';
import { frameBudget } from './screen.js';

export const HATCH_CAPTION = 'Something stirs inside the egg…';
export const HATCHING_CAPTION = 'It is hatching!';

export interface HatchScreenInput {
  readonly egg: EggSprite;
  readonly phase: HatchPhase;
  readonly rarity: Rarity;
  readonly caption?: string | undefined;
  readonly columns: number;
  readonly rows: number;
  readonly palette: Palette;
}

export function composeHatchScreen(input: HatchScreenInput): string[] {
  const { set, index } = eggFrameFor(input.phase);
  const tint = input.palette.rarity(input.rarity);
  const text = input.phase.phase === 'wobble' ? (input.caption ?? HATCH_CAPTION) : HATCHING_CAPTION;
  const caption = input.palette.dim(truncateToWidth(text, Math.max(1, input.columns)));
  const egg = (input.egg[set][index] ?? []).map((line) => tint(truncateToWidth(line.trimEnd(), input.columns)));
  const all = [...egg, caption];
  const lines = all.length <= frameBudget(input.rows) ? all : [caption];
  return input.palette.ascii ? asciiLines(lines) : lines;
}
