// The ASCII face of everything Buddy draws, for terminals and locales that cannot show UTF-8 (LANG=C, a
// vt100) and for --ascii. Every stand-in takes exactly the columns of the character it replaces, so a
// screen laid out for the glyphs is laid out the same in ASCII: no line grows, no box breaks. Pure.
import { codePointWidth } from '../text/display-width.js';

/**
 * A stand-in for every non-ASCII glyph of the art (eyes, sparkles, hearts, marks), the cards (stars,
 * bars) and the boxes. The sprite lint checks that every glyph a sprite, hat, stage or egg can show is
 * here. Each stand-in is one ASCII character, as each glyph is one column.
 */
export const ASCII_GLYPHS: Readonly<Record<string, string>> = {
  // Eyes (src/engine/constants.ts EYES) and the sparkles of a shiny.
  '·': '.',
  '✦': '*',
  '✧': '+',
  '×': 'x',
  '◉': 'O',
  '°': 'o',
  // Rarity stars, stat bars, the peak and dump markers.
  '★': '*',
  '☆': '.',
  '█': '#',
  '░': '.',
  '▲': '^',
  '▼': 'v',
  // Marks over and beside the buddy: hearts, its cheerful mood, the talk line's prompt and cursor.
  '♥': '*',
  '♪': '^',
  '›': '>',
  '▌': '_',
  // Boxes: the bubble and the card.
  '╭': '+',
  '╮': '+',
  '╰': '+',
  '╯': '+',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '─': '-',
  '│': '|',
  // Punctuation of the text around them.
  '…': '.',
  '–': '-',
  '—': '-',
  '−': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '→': '>',
  '←': '<',
  '✓': 'v',
  '✗': 'x',
  '±': '+',
  // The statusline's blank that hosts do not trim from the start of a row: a dot survives trimming too.
  '\u2800': '.',
};

/** Printable ASCII, tab and line breaks, and escape sequences (themselves ASCII): left as they are. */
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;

/** A character without a stand-in of its own: its letters without their accents, else a `?` a column. */
function fallback(character: string, width: number): string {
  if (width === 0) return '';
  // 'é' → 'e', '²' → '2', 'Ａ' → 'A ': compatibility decomposition, accents dropped.
  const letters = [...character.normalize('NFKD')].filter((part) => ALL_ASCII.test(part) && part >= ' ').join('');
  if (letters.length > 0 && letters.length <= width) return letters.padEnd(width);
  return '?'.repeat(width);
}

/** The text in ASCII, column for column. */
export function asciiText(text: string): string {
  if (ALL_ASCII.test(text)) return text;
  let ascii = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) ascii += character;
    else ascii += ASCII_GLYPHS[character] ?? fallback(character, codePointWidth(code));
  }
  return ascii;
}

/** The non-ASCII characters of the text that have no stand-in of their own (the sprite lint wants none). */
export function glyphsWithoutStandIn(text: string): string[] {
  return [...new Set([...text].filter((character) => (character.codePointAt(0) as number) >= 0x80 && ASCII_GLYPHS[character] === undefined))];
}

export function asciiLines(lines: readonly string[]): string[] {
  return lines.map(asciiText);
}
