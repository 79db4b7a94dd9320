// The MCP server's line reader: newline-delimited messages, a hard bound on what it holds, and the id of
// a message too long to keep, read as its bytes stream past.
import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineEvent } from '../../src/mcp/line-splitter.js';
import { TopLevelIdScanner } from '../../src/mcp/oversize-id.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function pushAll(splitter: LineSplitter, ...chunks: string[]): LineEvent[] {
  return chunks.flatMap((chunk) => splitter.push(bytes(chunk)));
}

function scan(text: string, chunkSize = text.length): string | number | null {
  const scanner = new TopLevelIdScanner();
  const all = bytes(text);
  for (let start = 0; start < all.length; start += chunkSize) scanner.feed(all.subarray(start, start + chunkSize));
  return scanner.end();
}

describe('LineSplitter', () => {
  it('splits on newlines, across chunks, and drops a \\r before the newline', () => {
    const splitter = new LineSplitter(100);
    expect(pushAll(splitter, '{"a":1}\n{"b"', ':2}\r\n', '\n')).toEqual([
      { kind: 'line', text: '{"a":1}' },
      { kind: 'line', text: '{"b":2}' },
      { kind: 'line', text: '' },
    ]);
  });

  it('keeps a line until its newline arrives', () => {
    const splitter = new LineSplitter(100);
    expect(pushAll(splitter, '{"a":', '1}')).toEqual([]);
    expect(splitter.heldBytes).toBe(7);
    expect(pushAll(splitter, '\n')).toEqual([{ kind: 'line', text: '{"a":1}' }]);
    expect(splitter.heldBytes).toBe(0);
  });

  it('decodes UTF-8 split between chunks', () => {
    const splitter = new LineSplitter(100);
    const line = bytes('"🦆é"\n');
    expect([...splitter.push(line.subarray(0, 3)), ...splitter.push(line.subarray(3))]).toEqual([{ kind: 'line', text: '"🦆é"' }]);
  });

  it('takes a line of exactly the limit, with either line ending, and refuses one byte more', () => {
    const splitter = new LineSplitter(10);
    expect(pushAll(splitter, `${'x'.repeat(10)}\n`, `${'y'.repeat(10)}\r\n`)).toEqual([
      { kind: 'line', text: 'x'.repeat(10) },
      { kind: 'line', text: 'y'.repeat(10) },
    ]);
    expect(pushAll(splitter, `${'z'.repeat(11)}\n`)).toEqual([{ kind: 'too-long', id: null }]);
    expect(pushAll(splitter, `${'z'.repeat(11)}\r\n`)).toEqual([{ kind: 'too-long', id: null }]);
  });

  it('reports a too-long line with its id, and reads the next line normally', () => {
    const splitter = new LineSplitter(64);
    const long = `{"jsonrpc":"2.0","id":41,"method":"ping","params":{"pad":"${'p'.repeat(500)}"}}`;
    expect(pushAll(splitter, long.slice(0, 30), long.slice(30), '\n{"id":42}\n')).toEqual([
      { kind: 'too-long', id: 41 },
      { kind: 'line', text: '{"id":42}' },
    ]);
  });

  it('holds at most the limit however long a line grows', () => {
    const limit = 1024;
    const splitter = new LineSplitter(limit);
    const chunk = Buffer.alloc(64 * 1024, 'a'.charCodeAt(0));
    splitter.push(bytes('{"params":"'));
    let most = 0;
    // 64 MiB of one line, in 64 KiB chunks.
    for (let sent = 0; sent < 1024; sent += 1) {
      expect(splitter.push(chunk)).toEqual([]);
      most = Math.max(most, splitter.heldBytes);
    }
    expect(most).toBeLessThanOrEqual(limit + 1);
    expect(splitter.push(bytes('","id":"late"}\n'))).toEqual([{ kind: 'too-long', id: 'late' }]);
    expect(splitter.heldBytes).toBe(0);
  });
});

describe('TopLevelIdScanner', () => {
  it.each([
    ['{"jsonrpc":"2.0","id":7,"method":"ping"}', 7],
    ['{"id":"abc","method":"ping"}', 'abc'],
    ['{"method":"ping","params":{"x":[1,2,{"y":"}"}]},"id":-3}', -3],
    ['{ "id" : 12 }', 12],
    ['{"id":12', 12],
    ['{"id":"with \\"quotes\\" and \\\\ slash"}', 'with "quotes" and \\ slash'],
    ['{"id":"😀"}', '😀'],
    // The last one wins, as in JSON.parse.
    ['{"id":1,"id":2}', 2],
  ])('finds the top-level id of %s', (text, id) => {
    expect(scan(text)).toBe(id);
    expect(scan(text, 1)).toBe(id);
  });

  it.each([
    ['{"params":{"id":5},"method":"ping"}', 'nested'],
    ['{"method":"ping"}', 'absent'],
    ['{"id":null}', 'null'],
    ['{"id":1.5}', 'not an integer'],
    ['{"id":{"a":1}}', 'an object'],
    ['{"id":[1]}', 'an array'],
    ['{"id":true}', 'true'],
    ['[{"id":5}]', 'in a batch'],
    ['{"idx":5,"xid":6,"i":7}', 'other keys'],
    ['{"\\u0069d":5}', 'an escaped key'],
    ['{"a":"\\"id\\":5"}', 'in a string'],
    ['{"a":"x","b":"id","id2":5}', 'a value equal to id'],
    [`{"id":"${'x'.repeat(300)}"}`, 'too long to carry back'],
    ['"id":5', 'not an object'],
  ])('finds no id when it is %s (%s)', (text) => {
    expect(scan(text)).toBe(null);
    expect(scan(text, 3)).toBe(null);
  });

  it('walks escapes inside strings it skips, wherever the chunks are cut', () => {
    const text = '{"pad":"a\\"b\\\\","deep":[{"s":"\\\\\\"id\\":1"}],"id":9,"tail":"\\\\"}';
    expect(JSON.parse(text)).toMatchObject({ id: 9 });
    for (let size = 1; size <= text.length; size += 1) expect(scan(text, size)).toBe(9);
  });

  it('settles on the id before the line ends, and forgets one that turns out invalid', () => {
    const scanner = new TopLevelIdScanner();
    scanner.feed(bytes('{"id":"first","x":1'));
    expect(scanner.id).toBe('first');
    scanner.feed(bytes(',"id":null}'));
    expect(scanner.end()).toBe(null);
  });
});
