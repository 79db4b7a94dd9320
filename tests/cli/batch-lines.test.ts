// The batch line cutter keeps memory bounded whatever arrives, and keeps line numbers right.
import { describe, expect, it } from 'vitest';
import { LineCutter, runsOfLines } from '../../src/cli/batch/batch-lines.js';
import { decodeLines, INVALID_UTF8_LINE, MAX_LINE_BYTES, OVERLONG_LINE, rollLine } from '../../src/engine/batch.js';

function cutAll(chunks: readonly Buffer[]): string[] {
  const cutter = new LineCutter();
  const out: Buffer[] = [];
  for (const chunk of chunks) {
    cutter.push(chunk);
    out.push(cutter.take());
  }
  out.push(cutter.finish());
  return decodeLines(Buffer.concat(out));
}

describe('LineCutter', () => {
  it('passes ordinary lines through, split anywhere across chunks', () => {
    const text = 'alpha\nbeta\r\n\ngamma';
    for (let at = 0; at <= text.length; at++) {
      expect(cutAll([Buffer.from(text.slice(0, at)), Buffer.from(text.slice(at))])).toEqual(['alpha', 'beta\r', '', 'gamma']);
    }
  });

  it('replaces a line over the limit by one marker, at the limit keeps it', () => {
    const exact = 'a'.repeat(MAX_LINE_BYTES);
    const over = 'b'.repeat(MAX_LINE_BYTES + 1);
    expect(cutAll([Buffer.from(`${exact}\n${over}\nc\n`)])).toEqual([exact, OVERLONG_LINE, 'c']);
    expect(cutAll([Buffer.from('x\n'), Buffer.from(over.slice(0, 1000)), Buffer.from(`${over.slice(1000)}\ny`)])).toEqual(['x', OVERLONG_LINE, 'y']);
    expect(cutAll([Buffer.from(over)])).toEqual([OVERLONG_LINE]);
  });

  it('holds at most one line of memory over 2 GB without a newline', () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const cutter = new LineCutter();
    const chunks = (2 * 1024 * 1024 * 1024) / chunk.length;
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    for (let index = 0; index < chunks; index++) {
      cutter.push(chunk);
      expect(cutter.readyBytes).toBe(0);
    }
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
    cutter.push(Buffer.from('\nnext\n'));
    expect(decodeLines(cutter.finish())).toEqual([OVERLONG_LINE, 'next']);
  });
});

describe('decodeLines and rollLine', () => {
  it('marks invalid UTF-8 per line instead of replacing it with U+FFFD', () => {
    const lines = decodeLines(Buffer.from([0x61, 0x0a, 0xff, 0x0a, 0xef, 0xbf, 0xbd, 0x0a, 0x62]));
    expect(lines).toEqual(['a', INVALID_UTF8_LINE, '\ufffd', 'b']);
    expect(JSON.parse(rollLine(INVALID_UTF8_LINE, 2).json)).toEqual({ line: 2, error: 'line is not valid UTF-8' });
    expect(JSON.parse(rollLine(OVERLONG_LINE, 7).json)).toEqual({ line: 7, error: `line is longer than ${MAX_LINE_BYTES} bytes` });
  });
});

describe('runsOfLines', () => {
  const runs = (text: string, maxLines: number): Array<[string, number]> =>
    [...runsOfLines(Buffer.from(text), maxLines)].map((run) => [run.bytes.toString(), run.lines]);

  it('cuts whole lines into runs of at most the given count, counting each run', () => {
    expect(runs('a\nb\nc\n', 2)).toEqual([['a\nb\n', 2], ['c\n', 1]]);
    expect(runs('a\nb\n', 2)).toEqual([['a\nb\n', 2]]);
    expect(runs('a\n\n\nb\n', 1)).toEqual([['a\n', 1], ['\n', 1], ['\n', 1], ['b\n', 1]]);
  });

  it('counts a last line without its newline, and gives nothing for no bytes', () => {
    expect(runs('a\nb', 2)).toEqual([['a\nb', 2]]);
    expect(runs('a\nb\nc', 2)).toEqual([['a\nb\n', 2], ['c', 1]]);
    expect(runs('', 2)).toEqual([]);
  });
});
