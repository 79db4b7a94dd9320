// Untrusted text (model answers, typed text) loses every terminal control sequence, control character and
// bidi override before it reaches a screen or a file, and keeps everything a person would want to read.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cutToLength, sanitizeLine } from '../../src/text/sanitize.js';

const ESC = '\u001b';
const BEL = '\u0007';
/* eslint-disable-next-line no-control-regex */
const ANY_CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u000b\u000c\u0085\u2028\u2029]/;

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
/** Tab, line feed and carriage return: whitespace in a line of text. */
const SPACED = [0x09, 0x0a, 0x0d];
/** DCS, SOS, OSC, PM, APC: each opens a string that is dropped with the control. */
const STRING_OPENERS = [0x90, 0x98, 0x9d, 0x9e, 0x9f];
const DROPPED = [...range(0x00, 0x1f), 0x7f, ...range(0x80, 0x9f)].filter((code) => !SPACED.includes(code) && !STRING_OPENERS.includes(code));

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
    ['RLE', '\u202b'],
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

  // Every C0 control, DEL and every C1 control, one by one. The text around each is 'é', which no escape
  // sequence can take as its final byte, so what is left shows exactly what happened to the control.
  it.each(DROPPED.map((code) => [codePoint(code), code] as const))('drops the control %s', (_label, code) => {
    expect(sanitize(`é${String.fromCharCode(code)}é`)).toBe('éé');
  });

  it.each(SPACED.map((code) => [codePoint(code), code] as const))('turns %s into a space', (_label, code) => {
    expect(sanitize(`é${String.fromCharCode(code)}é`)).toBe('é é');
  });

  it.each(STRING_OPENERS.map((code) => [codePoint(code), code] as const))('drops the string opened by %s, up to its terminator', (_label, code) => {
    const opener = String.fromCharCode(code);
    expect(sanitize(`é${opener}hidden\u009cé`)).toBe('éé');
    expect(sanitize(`é${opener}hidden${BEL}é`)).toBe('éé');
    expect(sanitize(`é${opener}hidden to the end`)).toBe('é');
  });

  it('has a rule for every C0 control, DEL and every C1 control', () => {
    const covered = [...DROPPED, ...SPACED, ...STRING_OPENERS].sort((a, b) => a - b);
    expect(covered).toEqual([...range(0x00, 0x1f), 0x7f, ...range(0x80, 0x9f)]);
    expect(covered).toHaveLength(65);
  });

  it.each([
    ['U+2028 (line separator)', '\u2028'],
    ['U+2029 (paragraph separator)', '\u2029'],
  ])('turns %s into a space', (_label, separator) => {
    expect(sanitize(`one${separator}two`)).toBe('one two');
    expect(sanitize(`one${separator}\n${separator}two`)).toBe('one two');
  });

  it('drops an unterminated OSC, payload and all, rather than let it swallow the terminal', () => {
    expect(sanitize(`ok ${ESC}]0;never closed`)).toBe('ok ');
  });

  it.each([
    ['a window title with spaces and a line break', `${ESC}]2;an evil\ntitle${BEL}ok`, 'ok'],
    ['a CSI cut off before its final byte', `a${ESC}[31`, 'a'],
    ['a C1 CSI cut off before its final byte', 'a\u009b1;2', 'a'],
    ['an escape cut off after its intermediate byte', `a${ESC}(`, 'a'],
    ['a charset designation', `a${ESC}(Bb`, 'ab'],
  ])('strips %s', (_label, input, expected) => {
    expect(sanitize(input)).toBe(expected);
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
    const alphabet = [ESC, BEL, '[', ']', '\\', ';', '0', '9', 'm', 'P', '\u009b', '\u009c', '\u009d', '\u0085', '\u202e', '\u2067', '\u2028', '\u2029', '\r', '\n', '\t', '\u0000', '\u000e', '\u001f', '\u007f', 'a', 'é', '😀', ' '];
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(rng() * 40);
      const input = Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
      const out = sanitize(input);
      expect(out).not.toMatch(ANY_CONTROL_EXCEPT_NEWLINE);
      expect(out).not.toMatch(BIDI);
      expect(out).not.toMatch(LINE_BREAK);
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
    expect(sanitizeLine(`a\r${ESC}[2Kb\nc\u2028d\u2029e\u0085f\u000bg\u000ch`)).toBe('a b c d efgh');
  });

  it('caps at 1000 characters by default', () => {
    expect(sanitizeLine('x'.repeat(5_000))).toHaveLength(1_000);
  });
});

describe('cutToLength', () => {
  it('keeps text at or under the limit as it is', () => {
    expect(cutToLength('abc', 3)).toBe('abc');
    expect(cutToLength('ab', 3)).toBe('ab');
    expect(cutToLength('a😀', 3)).toBe('a😀');
  });

  it('cuts before a character that would be split, whatever its plane', () => {
    expect(cutToLength('a😀😀', 2)).toBe('a');
    expect(cutToLength('a😀😀', 3)).toBe('a😀');
    expect(cutToLength('a😀😀', 4)).toBe('a😀');
    // U+10000 and U+10FFFF: the first and last characters written with a surrogate pair.
    expect(cutToLength('a\u{10000}b', 2)).toBe('a');
    expect(cutToLength('a\u{10FFFF}b', 2)).toBe('a');
  });

  it('cuts at the limit next to characters just outside the surrogate range', () => {
    expect(cutToLength('a\ud7ffb', 2)).toBe('a\ud7ff');
    expect(cutToLength('a\ufb00b', 2)).toBe('a\ufb00');
  });
});
