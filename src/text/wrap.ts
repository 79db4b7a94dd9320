// Word wrap and truncation by terminal display width, shared by every face (pet, cards, statusline). Pure.
// A wrapped line never starts or ends with a space, and a word is broken only when it alone is wider
// than the line.
import { codePointWidth, displayWidth } from './display-width.js';

export const ELLIPSIS = '…';

/** Cuts plain text to at most `width` columns, ending in `…` when anything was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const character of text) {
    const cell = codePointWidth(character.codePointAt(0) as number);
    if (used + cell > width - 1) break;
    out += character;
    used += cell;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** Splits a word wider than the line into pieces that fit, at character boundaries. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const character of word) {
    const cell = codePointWidth(character.codePointAt(0) as number);
    if (used + cell > width && piece) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += character;
    used += cell;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Wraps plain text into lines of at most `width` columns. Runs of white space count as one break. */
export function wrapWords(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (displayWidth(candidate) <= room) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (displayWidth(word) <= room) {
      current = word;
      continue;
    }
    const pieces = breakWord(word, room);
    lines.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  if (current) lines.push(current);
  return lines;
}

/** Wraps, then keeps at most `maxLines`, marking the cut with `…` on the last line kept. */
export function wrapToWidth(text: string, width: number, maxLines: number): string[] {
  const lines = wrapWords(text, width);
  if (lines.length <= maxLines) return lines;
  if (maxLines <= 0) return [];
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateToWidth(`${kept[maxLines - 1]}${ELLIPSIS}`, width);
  return kept;
}
