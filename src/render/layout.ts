// Text layout for terminal screens: boxes, side-by-side blocks and padding by display width. Pure.
// Lines may carry SGR styling; widths are measured without it.
import { displayWidth } from '../text/display-width.js';
import type { Style } from './ansi.js';

/** Lines of text that lay out as one rectangle. */
export type Block = readonly string[];

export function blockWidth(block: Block): number {
  return block.reduce((widest, line) => Math.max(widest, displayWidth(line)), 0);
}

export function padToWidth(line: string, width: number): string {
  return line + ' '.repeat(Math.max(0, width - displayWidth(line)));
}

export interface BoxOptions {
  /** Total width, borders included. */
  readonly width: number;
  readonly border: Style;
}

/** A rounded box with one column of padding each side around lines that already fit inside. */
export function boxed(lines: Block, { width, border }: BoxOptions): string[] {
  const inner = Math.max(0, width - 4);
  const rule = '─'.repeat(Math.max(0, width - 2));
  return [
    border(`╭${rule}╮`),
    ...lines.map((line) => `${border('│')} ${padToWidth(line, inner)} ${border('│')}`),
    border(`╰${rule}╯`),
  ];
}

/** Puts `right` beside `left`, top-aligned, with `gap` columns between them. */
export function besideBlocks(left: Block, right: Block, gap: number): string[] {
  const leftWidth = blockWidth(left);
  const height = Math.max(left.length, right.length);
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const rightPart = right[row];
    const leftPart = left[row] ?? '';
    lines.push(rightPart === undefined ? leftPart : `${padToWidth(leftPart, leftWidth)}${' '.repeat(gap)}${rightPart}`);
  }
  return lines;
}
