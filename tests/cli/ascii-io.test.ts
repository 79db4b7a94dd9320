// A command's streams in ASCII: every string written is converted on its way out (text with stand-ins,
// JSON with \u escapes that read back the same), and everything else stays the stream's own.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { asciiIo, asciiJson, isAsciiStream } from '../../src/cli/ascii-io.js';
import type { CliIo } from '../../src/cli/io.js';
import { startSpinner } from '../../src/cli/spinner.js';

// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;

interface FakeStream {
  readonly stream: NodeJS.WriteStream;
  readonly written: () => string;
}

function fakeStream(isTTY: boolean, columns = 0): FakeStream {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  Object.assign(stream, { isTTY, columns });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, written: () => text };
}

function fakeIo(): { io: CliIo; stdout: FakeStream; stderr: FakeStream } {
  const stdout = fakeStream(true, 61);
  const stderr = fakeStream(false);
  const io: CliIo = { stdout: stdout.stream, stderr: stderr.stream, stdin: new PassThrough() as unknown as NodeJS.ReadStream, env: { LANG: 'C' } };
  return { io, stdout, stderr };
}

describe('asciiIo', () => {
  it('is the io itself when the terminal takes UTF-8', () => {
    const { io, stdout } = fakeIo();
    const same = asciiIo(io, false);
    expect(same).toBe(io);
    same.stdout.write('Zoë · ★★☆\n');
    expect(stdout.written()).toBe('Zoë · ★★☆\n');
  });

  it("writes Buddy's glyphs as stand-ins, accented letters without accents and other text as a ? a column", () => {
    const { io, stdout, stderr } = fakeIo();
    const ascii = asciiIo(io, true);
    ascii.stdout.write('Zoë the Nebulynx · level 3 ✓ ★★★☆☆ █░ → ✧ …\n');
    ascii.stdout.write('ポチ: 世界 ok\n');
    ascii.stderr.write('buddy: hash 6f317773…\n');
    expect(stdout.written()).toBe('Zoe the Nebulynx . level 3 v ***.. #. > + .\n????: ???? ok\n');
    expect(stderr.written()).toBe('buddy: hash 6f317773.\n');
  });

  it('leaves escape sequences and bytes as they are', () => {
    const { io, stdout } = fakeIo();
    const ascii = asciiIo(io, true);
    ascii.stdout.write('\r\u001b[2K\u001b[1m·\u001b[22m');
    ascii.stdout.write(Buffer.from('é', 'utf8'));
    expect(stdout.written()).toBe('\r\u001b[2K\u001b[1m.\u001b[22mé');
  });

  it('writes JSON on stdout with \\u escapes that read back the same, and notes on stderr as text', () => {
    const { io, stdout, stderr } = fakeIo();
    const ascii = asciiIo(io, true, true);
    const record = { name: 'Zoë', eye: '◉', text: 'ça va… 😀 世界' };
    ascii.stdout.write(`${JSON.stringify(record)}\n`);
    ascii.stderr.write('buddy: Zoë\n');
    expect(stdout.written()).toMatch(ALL_ASCII);
    expect(stdout.written()).toBe('{"name":"Zo\\u00eb","eye":"\\u25c9","text":"\\u00e7a va\\u2026 \\ud83d\\ude00 \\u4e16\\u754c"}\n');
    expect(JSON.parse(stdout.written())).toEqual(record);
    expect(stderr.written()).toBe('buddy: Zoe\n');
  });

  it("keeps the stream's own properties and listeners", () => {
    const { io, stdout } = fakeIo();
    const ascii = asciiIo(io, true);
    expect(ascii.stdout.isTTY).toBe(true);
    expect(ascii.stdout.columns).toBe(61);
    expect(ascii.stderr.isTTY).toBe(false);
    expect(ascii.env).toBe(io.env);
    expect(ascii.stdin).toBe(io.stdin);
    // A listener added through it is the stream's own.
    const before = stdout.stream.listenerCount('finish');
    const listener = (): void => undefined;
    ascii.stdout.on('finish', listener);
    expect(stdout.stream.listeners('finish')).toContain(listener);
    ascii.stdout.off('finish', listener);
    expect(stdout.stream.listenerCount('finish')).toBe(before);
  });

  it('marks its streams as ASCII, and no other', () => {
    const { io } = fakeIo();
    const ascii = asciiIo(io, true);
    expect(isAsciiStream(ascii.stdout)).toBe(true);
    expect(isAsciiStream(ascii.stderr)).toBe(true);
    expect(isAsciiStream(io.stdout)).toBe(false);
    expect(isAsciiStream(asciiIo(io, false).stderr)).toBe(false);
  });
});

describe('asciiJson', () => {
  it('leaves ASCII JSON as it is and escapes everything past it', () => {
    expect(asciiJson('{"a":"b~"}')).toBe('{"a":"b~"}');
    expect(asciiJson('"\u007f\u0080"')).toBe('"\u007f\\u0080"');
    expect(asciiJson('"\uffff"')).toBe('"\\uffff"');
  });
});

describe('the spinner on an ASCII stream', () => {
  it('turns a line instead of braille dots, and its words are ASCII', () => {
    const { io, stderr } = fakeIo();
    const terminal = fakeStream(true);
    const ascii = asciiIo({ ...io, stderr: terminal.stream }, true);
    startSpinner(ascii.stderr, 'Something stirs inside the egg…', { TERM: 'xterm-256color' }).stop('Done.');
    expect(terminal.written()).toBe('\r\u001b[2K- Something stirs inside the egg.\r\u001b[2KDone.\n');
    expect(stderr.written()).toBe('');
    const dots = fakeStream(true);
    startSpinner(dots.stream, 'Hatching', { TERM: 'xterm-256color' }).stop();
    expect(dots.written().startsWith('\r\u001b[2K')).toBe(true);
    expect(dots.written()).toMatch(/^.{5}[\u2800-\u28ff] Hatching/s);
  });
});
