// Untrusted text (model answers, typed text) loses every terminal control sequence, control character and
// bidi override before it reaches a screen or a file, and keeps everything a person would want to read.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { sanitizeLine } from '../../src/persona/sanitize.js';

const ESC = '\u001b';
const BEL = '\u0007';
/* eslint-disable-next-line no-control-regex */
const ANY_CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const both = [['sanitizeLine', sanitizeLine]] as const;

describe.each(both)('%s', (_name, sanitize) => {
  it('keeps plain text as it is', () => {
    expect(sanitize('Hello, world! 1 + 2 = 3; "quotes" & <tags>')).toBe('Hello, world! 1 + 2 = 3; "quotes" & <tags>');
    expect(sanitize('')).toBe('');
  });

  it('keeps unicode letters, symbols and emoji, including joined emoji', () => {
    const text = 'Zoë, naïve café — 日本語 Ελληνικά עברית 😀 👩‍👩‍👧 🇯🇵 ♥ ✦';
    expect(sanitize(text)).toBe(text);
  });

  it.each([
    ['colours', `${ESC}[31mred${ESC}[0m and ${ESC}[1;38;5;208mbold${ESC}[m`, 'red and bold'],
    ['a clear screen', `before${ESC}[2Jafter`, 'beforeafter'],
    ['cursor moves', `a${ESC}[10;5Hb${ESC}[3Ac${ESC}[?25ld`, 'abcd'],
    ['erase line', `x${ESC}[2Ky`, 'xy'],
    ['a window title (OSC with BEL)', `${ESC}]0;evil${BEL}safe`, 'safe'],
    ['a window title (OSC with ST)', `${ESC}]2;evil${ESC}\\safe`, 'safe'],
    ['a hyperlink', `${ESC}]8;;http://x${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['an OSC 52 clipboard write', `${ESC}]52;c;ZXZpbA==${BEL}ok`, 'ok'],
    ['a DCS string', `${ESC}Pq#0;2;0;0;0${ESC}\\ok`, 'ok'],
    ['single-character escapes', `${ESC}cre${ESC}7set${ESC}8`, 'reset'],
    ['a C1 CSI', '\u009b31mred\u009b0m', 'red'],
    ['a C1 OSC', '\u009d0;title\u009cok', 'ok'],
    ['lone C1 controls', 'a\u0085b\u0084c\u0080d', 'abcd'],
    ['a C1 DCS string running to the end', 'ok\u0090hidden payload', 'ok'],
    ['C0 controls', 'a\u0000b\u0007c\u0008d\u000be\u000cf\u007fg', 'abcdefg'],
    ['a bare ESC', `a${ESC}`, 'a'],
  ])('strips %s', (_label, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it.each([
    ['RLO', '\u202e'],
    ['LRO', '\u202d'],
    ['LRE', '\u202a'],
    ['PDF', '\u202c'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
    ['LRM', '\u200e'],
    ['RLM', '\u200f'],
    ['ALM', '\u061c'],
  ])('strips the bidi control %s', (_label, mark) => {
    expect(sanitize(`user${mark}gnp.exe`)).toBe('usergnp.exe');
  });

  it('drops an unterminated OSC rather than let it swallow the terminal', () => {
    const out = sanitize(`ok ${ESC}]0;never closed`);
    expect(out.startsWith('ok ')).toBe(true);
    expect(out).not.toContain(ESC);
  });

  it('turns tabs into spaces', () => {
    expect(sanitize('a\tb')).toBe('a b');
  });

  it('caps the length, counting only what is kept', () => {
    expect(sanitize('a'.repeat(50), 10)).toBe('a'.repeat(10));
    expect(sanitize(`${ESC}[31m${'b'.repeat(20)}`, 10)).toBe('b'.repeat(10));
    expect(sanitize('short', 10)).toBe('short');
  });

  it('leaves no control, escape or bidi character in random noise, and settles after one pass', () => {
    const rng = seedrandom('sanitize-noise');
    const alphabet = [ESC, BEL, '[', ']', '\\', ';', '0', '9', 'm', 'P', '\u009b', '\u009c', '\u009d', '\u0085', '\u202e', '\u2067', '\r', '\n', '\t', '\u0000', 'a', 'é', '😀', ' '];
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(rng() * 40);
      const input = Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
      const out = sanitize(input);
      expect(out).not.toMatch(ANY_CONTROL_EXCEPT_NEWLINE);
      expect(out).not.toMatch(BIDI);
      expect(sanitize(out)).toBe(out);
    }
  });
});

describe('sanitizeLine', () => {
  // A cut in the middle of an emoji would leave a lone surrogate, shown as "�".
  it('never cuts a character in half at the cap', () => {
    expect(sanitizeLine(`a${'😀'.repeat(1_500)}`)).not.toMatch(LONE_SURROGATE);
  });

  it('turns newlines and tabs into single spaces', () => {
    expect(sanitizeLine('one\ntwo\r\nthree\tfour')).toBe('one two three four');
    expect(sanitizeLine('a\n\n\nb')).toBe('a b');
  });

  it('never returns a line break', () => {
    expect(sanitizeLine(`a\r${ESC}[2Kb\nc\u2028`)).not.toMatch(/[\r\n]/);
  });

  it('caps at 1000 characters by default', () => {
    expect(sanitizeLine('x'.repeat(5_000))).toHaveLength(1_000);
  });
});
