import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/display-width.js';
import { truncateToWidth, wrapToWidth, wrapWords } from '../../src/text/wrap.js';

const PROSE = 'It smells burnt toast whenever a test is about to fail, and it will dare you to run them anyway.';

describe('wrapWords', () => {
  it('breaks between words: no line starts or ends with a space, no word is split', () => {
    expect(wrapWords(PROSE, 20)).toEqual([
      'It smells burnt',
      'toast whenever a',
      'test is about to',
      'fail, and it will',
      'dare you to run them',
      'anyway.',
    ]);
  });

  it('keeps every word whole at every width from 8 to 60', () => {
    const words = PROSE.split(' ');
    for (let width = 8; width <= 60; width++) {
      const lines = wrapWords(PROSE, width);
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line).toBe(line.trim());
      }
      expect(lines.join(' ').split(' ')).toEqual(words);
    }
  });

  it('splits a word only when it alone is wider than the line', () => {
    expect(wrapWords('see supercalifragilistic now', 10)).toEqual(['see', 'supercalif', 'ragilistic', 'now']);
  });

  it('counts wide characters as two columns', () => {
    expect(wrapWords('猫猫 猫猫 猫猫', 9)).toEqual(['猫猫 猫猫', '猫猫']);
  });

  it('folds runs of white space and newlines into one break', () => {
    expect(wrapWords('  one\n\ntwo   three  ', 40)).toEqual(['one two three']);
  });
});

describe('wrapToWidth and truncateToWidth', () => {
  it('marks a cut with an ellipsis on the last line kept', () => {
    expect(wrapToWidth(PROSE, 20, 2)).toEqual(['It smells burnt', 'toast whenever a…']);
    expect(wrapToWidth('dare you to run them anyway', 20, 1)).toEqual(['dare you to run the…']);
  });

  it('cuts to the width, ellipsis included', () => {
    expect(truncateToWidth('Quintrovan', 6)).toBe('Quint…');
    expect(truncateToWidth('Quintrovan', 10)).toBe('Quintrovan');
    expect(truncateToWidth('ab cd', 4)).toBe('ab…');
    expect(truncateToWidth('anything', 0)).toBe('');
  });
});
