// `buddy roll --batch` line by line: one JSON line per ID, an error object naming each bad line.
import { describe, expect, it } from 'vitest';
import { arc4Random } from '../../src/engine/arc4.js';
import { decodeLines, INVALID_UTF8_LINE, OVERLONG_LINE, rollLine, rollLines, splitLines } from '../../src/engine/batch.js';
import { classicBonesToJson, rollClassic } from '../../src/engine/classic.js';

// Literal records (docs/roll-v1.md and tests/fixtures/roll-v1-golden.jsonl).
const BUDDY_0 =
  '{"version":1,"idHash":"32f35a91e82b6ca6153c4ee94025a8defc62b45c742d78e53d596183fdae5781","salt":"friend-2026-401","rarity":"uncommon","species":"Emberfox","shiny":false,"peak":"SNARK","dump":"DEBUGGING","stats":{"DEBUGGING":6,"PATIENCE":41,"CHAOS":35,"WISDOM":39,"SNARK":93},"eye":"@","hat":"none","inspirationSeed":604395053,"userId":"buddy-0"}';
const SALTED_CUSTOM =
  '{"version":1,"idHash":"fff8183339f0018181a3bf8eee82afddfe501781c1d76b02f4ea9b75f1701097","salt":"custom-salt","rarity":"common","species":"Puddlepup","shiny":false,"peak":"CHAOS","dump":"DEBUGGING","stats":{"DEBUGGING":8,"PATIENCE":41,"CHAOS":75,"WISDOM":41,"SNARK":12},"eye":"·","hat":"none","inspirationSeed":619836475,"userId":"salted"}';

describe('rollLine', () => {
  it('rolls an ID with the default salt, or the given one, with either generator', () => {
    expect(rollLine('buddy-0', 1)).toEqual({ json: BUDDY_0, ok: true });
    expect(rollLine('salted', 1, 'custom-salt')).toEqual({ json: SALTED_CUSTOM, ok: true });
    expect(rollLine('salted', 1, 'custom-salt', arc4Random)).toEqual({ json: SALTED_CUSTOM, ok: true });
  });

  it('drops the carriage return of a CRLF line, and only that', () => {
    expect(rollLine('buddy-0\r', 1)).toEqual({ json: BUDDY_0, ok: true });
    expect(rollLine('buddy-0\r\r', 3)).toEqual({ json: '{"line":3,"error":"user ID contains control characters"}', ok: false });
  });

  it('names the line of a bad ID', () => {
    expect(rollLine('', 7)).toEqual({ json: '{"line":7,"error":"user ID is empty"}', ok: false });
    expect(rollLine('\r', 8)).toEqual({ json: '{"line":8,"error":"user ID is empty"}', ok: false });
  });
});

describe('rollLine: lines that never became strings, and the classic roll', () => {
  it('names why an overlong or undecodable line was not read', () => {
    expect(rollLine(OVERLONG_LINE, 4)).toEqual({ json: '{"line":4,"error":"line is longer than 65536 bytes"}', ok: false });
    expect(rollLine(INVALID_UTF8_LINE, 5)).toEqual({ json: '{"line":5,"error":"line is not valid UTF-8"}', ok: false });
  });

  it('treats an ID that only contains a NUL later on as an ID with a control character', () => {
    expect(rollLine('id\u0000overlong', 6)).toEqual({ json: '{"line":6,"error":"user ID contains control characters"}', ok: false });
  });

  it('rolls by the classic roll when given a seed function, with the ID in the record', () => {
    for (const hashFn of ['wyhash', 'fnv1a'] as const) {
      const json = classicBonesToJson(rollClassic('buddy-0', 'custom-salt', hashFn), 'buddy-0');
      expect(rollLine('buddy-0', 1, 'custom-salt', undefined, hashFn)).toEqual({ json, ok: true });
    }
    expect(JSON.parse(rollLine('buddy-0', 1, 'custom-salt', undefined, 'fnv1a').json)).toMatchObject({ version: 'classic', hashFn: 'fnv1a' });
  });

  it('still names a bad ID under the classic roll', () => {
    expect(rollLine('', 2, 'custom-salt', undefined, 'wyhash')).toEqual({ json: '{"line":2,"error":"user ID is empty"}', ok: false });
  });
});

describe('decodeLines', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

  it('decodes valid UTF-8 as the text splits', () => {
    expect(decodeLines(bytes('ä\nb\n'))).toEqual(['ä', 'b']);
    expect(decodeLines(bytes('a\n\nb'))).toEqual(['a', '', 'b']);
    expect(decodeLines(bytes(''))).toEqual([]);
  });

  it('marks only the line that holds a bad byte, wherever it sits', () => {
    expect(decodeLines(bytes('good\n', [0xff, 0x41], '\nalso good\n'))).toEqual(['good', INVALID_UTF8_LINE, 'also good']);
    expect(decodeLines(bytes([0xc3], '\nlast'))).toEqual([INVALID_UTF8_LINE, 'last']);
    expect(decodeLines(bytes('first\n', [0xe2, 0x82]))).toEqual(['first', INVALID_UTF8_LINE]);
  });

  it('keeps empty lines around a bad one, and ends at the final newline', () => {
    expect(decodeLines(bytes('\n', [0xff], '\n\n'))).toEqual(['', INVALID_UTF8_LINE, '']);
    expect(decodeLines(bytes([0xff], '\n'))).toEqual([INVALID_UTF8_LINE]);
  });

  it('never patches a bad byte into U+FFFD', () => {
    expect(decodeLines(bytes('a', [0xff]))).not.toContain('a\ufffd');
  });
});

describe('rollLines', () => {
  it('numbers lines from the first line number and counts the failures', () => {
    expect(rollLines(['salted', '', 'bad\u0007'], 41, 'custom-salt')).toEqual({
      output: `${SALTED_CUSTOM}\n{"line":42,"error":"user ID is empty"}\n{"line":43,"error":"user ID contains control characters"}\n`,
      failed: 2,
    });
  });

  it('uses the default salt when none is given', () => {
    expect(rollLines(['buddy-0'], 1)).toEqual({ output: `${BUDDY_0}\n`, failed: 0 });
    expect(rollLines([], 1)).toEqual({ output: '', failed: 0 });
  });
});

describe('splitLines', () => {
  it.each([
    ['a\nb', ['a', 'b']],
    ['a\nb\n', ['a', 'b']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\n\n', ['a', '']],
    ['\n', ['']],
    ['', []],
  ])('splits %j into %j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});
