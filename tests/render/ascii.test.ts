// The ASCII face: every glyph has a one-column stand-in, and any other text keeps its columns.
import { describe, expect, it } from 'vitest';
import { ASCII_GLYPHS, asciiText } from '../../src/render/ascii.js';
import { displayWidth } from '../../src/text/display-width.js';

const isAscii = (text: string): boolean => [...text].every((character) => (character.codePointAt(0) as number) < 0x80);

describe('asciiText', () => {
  it('draws the card glyphs as ASCII', () => {
    expect(asciiText('★★☆☆☆')).toBe('**...');
    expect(asciiText('███░░')).toBe('###..');
    expect(asciiText('69 ▲ · 17 ▼')).toBe('69 ^ . 17 v');
    expect(asciiText('╭──╮')).toBe('+--+');
    expect(asciiText('│ hi │')).toBe('| hi |');
    expect(asciiText('╰──╯')).toBe('+--+');
  });

  it('draws the eyes and sparkles as ASCII', () => {
    expect(asciiText('( · · ) ( ✦ ✦ ) ( × × ) ( ◉ ◉ ) ( @ @ ) ( ° ° ) ✧')).toBe('( . . ) ( * * ) ( x x ) ( O O ) ( @ @ ) ( o o ) +');
  });

  it('keeps accented letters without their accents, and escape sequences as they are', () => {
    expect(asciiText('Zoë café naïve')).toBe('Zoe cafe naive');
    expect(asciiText('\u001b[33m★\u001b[39m')).toBe('\u001b[33m*\u001b[39m');
  });

  it('keeps every column: a wide character becomes two, a zero-width one none', () => {
    expect(asciiText('猫!')).toBe('??!');
    expect(asciiText('ok👍')).toBe('ok??');
    expect(asciiText('a\u200bb')).toBe('ab');
    expect(asciiText('ｗ')).toBe('w ');
    for (const text of ['Tests pass… “mostly” — 猫 ✧ ♥ ♪ › ▌ ²', 'Ünïcödé 🐛 bugs', '\u2800\u2800 /\\_/\\']) {
      const ascii = asciiText(text);
      expect(isAscii(ascii), ascii).toBe(true);
      expect(displayWidth(ascii)).toBe(displayWidth(text));
    }
  });

  it('leaves ASCII text alone', () => {
    const text = ' /\\_/\\  (=^.^=) _[=]_ ~~ 100%';
    expect(asciiText(text)).toBe(text);
  });

  it('has only one-column ASCII stand-ins, for one-column glyphs', () => {
    for (const [glyph, standIn] of Object.entries(ASCII_GLYPHS)) {
      expect(standIn, glyph).toMatch(/^[\x20-\x7e]$/);
      expect(displayWidth(glyph), glyph).toBe(1);
    }
  });
});
