// `buddy card --svg PATH` and `--png PATH` write where the user said, as the file-access layer writes named
// outputs: `-`, /dev/stdout, a FIFO with a reader, a pipe (`>(…)`) and a device are written in place,
// streaming; a regular file is replaced atomically (a new one 0644, an existing one keeps its mode); a
// folder, a dangling link and a FIFO nobody reads are refused at once, with one line.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox } from '../helpers/cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isRoot = process.getuid?.() === 0;

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
/** The card's SVG as `buddy card --svg` prints it on stdout. */
let svg: string;

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs `program args` in the sandbox; stdout as bytes (a PNG is binary). `stdout` may be a descriptor. */
function runIn(program: string, args: readonly string[], stdout: 'pipe' | number = 'pipe'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, cwd: sandbox.dir, stdio: ['ignore', stdout, 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

const card = (...args: string[]): Promise<Run> => runIn(process.execPath, [BIN, 'card', ...args]);

/** One line, `buddy: …`, exactly once, and no stack trace. */
function expectOneLine(run: Run, line: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`buddy: ${line}\n`);
}

// The card the sandbox's buddy gets, printed once for the file: every sandbox has the same one.
beforeAll(async () => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
  const printed = await card('--svg');
  expect(printed.code, printed.stderr).toBe(0);
  svg = printed.stdout.toString('utf8');
  expect(svg).toMatch(/^<svg [^]*<\/svg>\n?$/);
  sandbox.cleanup();
});

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
});
afterEach(() => sandbox.cleanup());

function mkfifo(name: string): string {
  const fifo = path.join(sandbox.dir, name);
  execFileSync('mkfifo', [fifo]);
  return fifo;
}

/** Opens a reader on the FIFO now (so a writer finds one at once) and collects all it is sent. */
function readFifo(fifo: string): Promise<Buffer> {
  const descriptor = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const reader = new net.Socket({ fd: descriptor, readable: true, writable: false });
  const chunks: Buffer[] = [];
  reader.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    reader.on('error', reject);
    reader.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('buddy card writes special outputs in place', () => {
  it('writes to `-` on stdout, and makes no file named "-"', async () => {
    const run = await card('--svg', '-');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.toString('utf8')).toBe(svg);
    expect(fs.existsSync(path.join(sandbox.dir, '-'))).toBe(false);

    const png = await card('--png', '-');
    expect(png).toMatchObject({ code: 0, stderr: '' });
    expect(png.stdout.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(fs.existsSync(path.join(sandbox.dir, '-'))).toBe(false);
  });

  it('refuses the SVG and the PNG both on stdout, in one line', async () => {
    const run = await card('--svg', '-', '--png', '-');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('buddy: card: with --png, give --svg a file too (the SVG and the PNG cannot both go to stdout)\n');
  });

  it('writes a FIFO someone reads, streaming, and leaves it a FIFO', async () => {
    const fifo = mkfifo('card.fifo');
    const received = readFifo(fifo);
    const run = await card('--svg', fifo);
    expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${fifo}\n` });
    expect((await received).toString('utf8')).toBe(svg);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes the PNG into a FIFO too', async () => {
    const fifo = mkfifo('card-png.fifo');
    const received = readFifo(fifo);
    const run = await card('--png', fifo);
    expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${fifo}\n` });
    expect((await received).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes into a pipe from a process substitution, >(cat)', async () => {
    // bash gives buddy /dev/fd/N, the write end of a pipe to `cat`, whose output is bash's stdout.
    const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} card --svg >(cat)`;
    const run = await runIn('bash', ['-c', script]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^buddy: wrote \/dev\/fd\/\d+\n$/);
    expect(run.stdout.toString('utf8')).toBe(svg);
  });

  it('writes /dev/stdout in place: a pipe gets it, and a file opened for appending keeps what it had', async () => {
    const piped = await card('--svg', '/dev/stdout');
    expect(piped).toMatchObject({ code: 0, stderr: 'buddy: wrote /dev/stdout\n' });
    expect(piped.stdout.toString('utf8')).toBe(svg);

    const log = path.join(sandbox.dir, 'log.txt');
    fs.writeFileSync(log, 'before\n');
    const appending = fs.openSync(log, 'a');
    try {
      const run = await runIn(process.execPath, [BIN, 'card', '--svg', '/dev/stdout'], appending);
      expect(run).toMatchObject({ code: 0, stderr: 'buddy: wrote /dev/stdout\n' });
    } finally {
      fs.closeSync(appending);
    }
    expect(fs.readFileSync(log, 'utf8')).toBe(`before\n${svg}`);
  });

  it('writes a symlink to its own stdout as /dev/stdout: a file opened for appending keeps what it had', async () => {
    const log = path.join(sandbox.dir, 'log.txt');
    fs.writeFileSync(log, 'before\n');
    const link = path.join(sandbox.dir, 'out.svg');
    fs.symlinkSync('/proc/self/fd/1', link);
    const appending = fs.openSync(log, 'a');
    try {
      const run = await runIn(process.execPath, [BIN, 'card', '--svg', link], appending);
      expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${link}\n` });
    } finally {
      fs.closeSync(appending);
    }
    expect(fs.readFileSync(log, 'utf8')).toBe(`before\n${svg}`);
    expect(fs.readlinkSync(link)).toBe('/proc/self/fd/1');
  });

  describe('a PNG larger than a pipe holds', () => {
    // A pipe holds 64 KB: a larger PNG leaves buddy in its write until the reader reads on, or goes.
    const PIPE_HOLDS = 65_536;
    beforeEach(async () => {
      // A hatched buddy's card (its name and words on it) makes a PNG of about 100 KB.
      env = { ...env, BUDDY_USER_ID: 'alice' };
      const hatched = await runIn(process.execPath, [BIN, 'hatch']);
      expect(hatched.code, hatched.stderr).toBe(0);
      const png = await card('--png', '-');
      expect(png.stdout.length, 'this buddy\'s PNG must be larger than a pipe holds').toBeGreaterThan(PIPE_HOLDS);
    });

    it('stops at SIGTERM while its reader has stopped reading', async () => {
      const fifo = mkfifo('stalled.fifo');
      // The reader takes the PNG's first byte, says so, and reads no more for as long as it lives.
      const reader = spawn('sh', ['-c', 'exec 3<"$1"; head -c 1 <&3 >/dev/null; echo started; exec sleep 60', 'sh', fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
      try {
        const child = spawn(process.execPath, [BIN, 'card', '--png', fifo], { env, cwd: sandbox.dir, stdio: ['ignore', 'ignore', 'pipe'] });
        const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
        await new Promise<void>((resolve) => reader.stdout.once('data', () => resolve()));
        child.kill('SIGTERM');
        expect(await ended).toBe('SIGTERM');
      } finally {
        reader.kill('SIGKILL');
      }
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    });

    it('says in words that the reader went away before all was written', async () => {
      const fifo = mkfifo('closing.fifo');
      // The reader takes one byte and closes the pipe: the rest of the PNG has nowhere to go.
      const reader = spawn('sh', ['-c', 'exec 3<"$1"; head -c 1 <&3 >/dev/null', 'sh', fifo], { stdio: 'ignore' });
      const run = await card('--png', fifo);
      reader.kill('SIGKILL');
      expectOneLine(run, `card: could not write the PNG: cannot write ${fifo}: its reader went away before all was written`);
    });
  });

  it.skipIf(!isRoot)('writes a character device in place and leaves it a device (root: mknod)', async () => {
    // The null device's numbers (1, 3), made under the sandbox: what is written goes nowhere.
    const device = path.join(sandbox.dir, 'null-device');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const before = fs.lstatSync(device);
    const run = await card('--svg', device);
    expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${device}\n` });
    const after = fs.lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.rdev, after.ino]).toEqual([before.rdev, before.ino]);
  });
});

describe('buddy card refuses, in one line', () => {
  it('a FIFO nobody reads, at once', async () => {
    const fifo = mkfifo('nobody.fifo');
    const run = await card('--svg', fifo);
    expectOneLine(run, `card: could not write the SVG: cannot write ${fifo}: nothing is reading from it`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a folder', async () => {
    const folder = path.join(sandbox.dir, 'cards');
    fs.mkdirSync(folder);
    const run = await card('--png', folder);
    expectOneLine(run, `card: could not write the PNG: ${folder} is a folder; name a file to write to`);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('a dangling link, creating nothing at either end', async () => {
    const link = path.join(sandbox.dir, 'card.svg');
    const missing = path.join(sandbox.dir, 'elsewhere', 'card.svg');
    fs.symlinkSync(missing, link);
    const run = await card('--svg', link);
    expectOneLine(run, `card: could not write the SVG: ${link} is a symlink to ${missing}, which does not exist; Buddy replaces only regular files, nothing was changed`);
    expect(fs.readlinkSync(link)).toBe(missing);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});

describe('buddy card replaces a regular file atomically', () => {
  it('makes a new file 0644', async () => {
    const file = path.join(sandbox.dir, 'new.svg');
    // The mode asked for is 0644; pin the umask so that is what the file gets.
    const run = await runIn('sh', ['-c', `umask 022 && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} card --svg ${JSON.stringify(file)}`]);
    expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${file}\n` });
    expect(fs.readFileSync(file, 'utf8')).toBe(svg);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
  });

  it('replaces an existing file whole (a new inode), keeping its mode', async () => {
    const file = path.join(sandbox.dir, 'mine.svg');
    fs.writeFileSync(file, 'an older card, longer than nothing\n'.repeat(500));
    fs.chmodSync(file, 0o600);
    const before = fs.statSync(file);
    const run = await card('--svg', file);
    expect(run).toMatchObject({ code: 0, stderr: `buddy: wrote ${file}\n` });
    const after = fs.statSync(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(svg);
    expect(after.mode & 0o777).toBe(0o600);
    // Renamed into place: a reader holding the old file saw it whole, never half of each.
    expect(after.ino).not.toBe(before.ino);
    expect(fs.readdirSync(sandbox.dir).filter((name) => name.includes('buddy-tmp'))).toEqual([]);
  });

  it('writes through a symlink to a regular file: the link stays, its target is replaced', async () => {
    const real = path.join(sandbox.dir, 'shared', 'card.svg');
    fs.mkdirSync(path.dirname(real));
    fs.writeFileSync(real, 'old\n');
    fs.chmodSync(real, 0o640);
    const link = path.join(sandbox.dir, 'card.svg');
    fs.symlinkSync(real, link);
    const run = await card('--svg', link);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(svg);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
  });
});
