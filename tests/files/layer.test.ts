// The file-access layer against what real machines hold at a path: FIFOs, devices, links to them, files
// over the cap, read-only files, other owners. Special files are made only under a temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/files/errors.js';
import { readJsonFile, readRegularFile, readRegularText } from '../../src/files/read.js';
import { replaceFileAtomically, resolveWriteTarget } from '../../src/files/replace.js';
import { writeUserOutput } from '../../src/files/output.js';
import { openForAppending, openForReading } from '../../src/files/descriptors.js';
import { isAbandonedTemporary, sweepTemporaries, temporaryPathFor } from '../../src/files/temporaries.js';
import { ensurePrivateDir } from '../../src/files/dirs.js';
import { kindAt } from '../../src/files/kind.js';

const isRoot = process.getuid?.() === 0;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-files-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

/** A character device like /dev/zero (1,5), made in the temporary folder: root only. */
function zeroDevice(name: string): string {
  const file = path.join(dir, name);
  execFileSync('mknod', [file, 'c', '1', '5']);
  return file;
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).not.toContain('\n');
    return (error as FileAccessError).problem;
  }
  throw new Error('expected a FileAccessError');
}

describe('reading', () => {
  it('reads a regular file and a symlink to one, and gives null for nothing there', () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, '{"a":1}');
    fs.symlinkSync(file, path.join(dir, 'link.json'));
    expect(readRegularText(file, { maxBytes: 100 })).toBe('{"a":1}');
    expect(readRegularText(path.join(dir, 'link.json'), { maxBytes: 100 })).toBe('{"a":1}');
    expect(readRegularFile(path.join(dir, 'missing'), { maxBytes: 100 })).toBeNull();
    expect(readRegularFile(path.join(dir, 'a.json', 'below-a-file'), { maxBytes: 100 })).toBeNull();
  });

  it('refuses a FIFO at once instead of blocking, directly or through a link', () => {
    const pipe = fifo('pipe');
    fs.symlinkSync(pipe, path.join(dir, 'to-pipe'));
    expect(problemOf(() => readRegularFile(pipe, { maxBytes: 100 }))).toBe('not-regular');
    expect(problemOf(() => readRegularFile(path.join(dir, 'to-pipe'), { maxBytes: 100 }))).toBe('not-regular');
    expect(() => readRegularFile(pipe, { maxBytes: 100 })).toThrow(/named pipe \(FIFO\)/);
  });

  it('refuses a folder', () => {
    expect(() => readRegularFile(dir, { maxBytes: 100 })).toThrow(/is a folder, not a regular file/);
  });

  it.skipIf(!isRoot)('refuses a /dev/zero-like device without reading a byte (root: mknod)', () => {
    const zero = zeroDevice('zero');
    expect(() => readRegularFile(zero, { maxBytes: 1024 })).toThrow(/is a device, not a regular file/);
  });

  it('refuses a file over the cap with one line naming it and its size, and reads one at the cap', () => {
    const file = path.join(dir, 'big');
    fs.writeFileSync(file, Buffer.alloc(2049, 0x61));
    expect(() => readRegularFile(file, { maxBytes: 2048 })).toThrow(`${file} is too large to read (2.0 KB; the limit is 2.0 KB)`);
    fs.writeFileSync(file, Buffer.alloc(2048, 0x61));
    expect(readRegularFile(file, { maxBytes: 2048 })?.length).toBe(2048);
  });

  it('stops at the cap on a file whose size says nothing (procfs reports 0 bytes)', () => {
    // /proc/self/status is a regular file of size 0 that has a few hundred bytes to read.
    expect(() => readRegularFile('/proc/self/status', { maxBytes: 16 })).toThrow(/too large to read \(more than that; the limit is 16 bytes\)/);
    expect(readRegularText('/proc/self/status', { maxBytes: 64 * 1024 })).toContain('Name:');
  });

  it('tells missing, unparsable and parsed JSON apart', () => {
    const file = path.join(dir, 'c.json');
    expect(readJsonFile(file, { maxBytes: 100 })).toEqual({ state: 'missing' });
    fs.writeFileSync(file, '{oops');
    expect(readJsonFile(file, { maxBytes: 100 })).toEqual({ state: 'unparsable' });
    fs.writeFileSync(file, '[1]');
    expect(readJsonFile(file, { maxBytes: 100 })).toEqual({ state: 'parsed', value: [1] });
  });

  it.skipIf(isRoot)('reports a file it may not read as a permission error (needs a non-root user)', () => {
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, 'x', { mode: 0o000 });
    expect(problemOf(() => readRegularFile(file, { maxBytes: 10 }))).toBe('permission');
  });
});

describe('replacing', () => {
  it('writes a new file 0600 in new 0700 folders, whatever the umask', () => {
    const file = path.join(dir, 'new', 'deeper', 'state.json');
    const previous = process.umask(0o022);
    try {
      replaceFileAtomically(file, 'hello');
    } finally {
      process.umask(previous);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'new')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'new', 'deeper')).mode & 0o777).toBe(0o700);
  });

  it('keeps the mode of the file it replaces, and leaves no temporary', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    replaceFileAtomically(file, 'new', { durable: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('replaces the target of a symlink to a regular file and keeps the link', () => {
    const real = path.join(dir, 'real.toml');
    const link = path.join(dir, 'config.toml');
    fs.writeFileSync(real, 'a = 1\n');
    fs.symlinkSync(real, link);
    replaceFileAtomically(link, 'a = 2\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('a = 2\n');
  });

  it('refuses a FIFO, a folder and a dangling link, and changes nothing', () => {
    const pipe = fifo('settings.json');
    expect(problemOf(() => replaceFileAtomically(pipe, 'x'))).toBe('not-regular');
    expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
    expect(problemOf(() => replaceFileAtomically(dir, 'x'))).toBe('not-regular');
    const dangling = path.join(dir, 'dangling.json');
    fs.symlinkSync(path.join(dir, 'nowhere'), dangling);
    expect(() => replaceFileAtomically(dangling, 'x')).toThrow(`${dangling} is a symlink to ${path.join(dir, 'nowhere')}, which does not exist; Buddy replaces only regular files, nothing was changed`);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['dangling.json', 'settings.json']);
  });

  it('refuses a link to a FIFO and leaves the FIFO a FIFO', () => {
    const pipe = fifo('pipe');
    const link = path.join(dir, 'settings.json');
    fs.symlinkSync(pipe, link);
    expect(() => replaceFileAtomically(link, 'x')).toThrow(/is a symlink to .*pipe, which is a named pipe \(FIFO\); Buddy replaces only regular files, nothing was changed/);
    expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('as root, never replaces a device a config is linked to (root: mknod)', () => {
    const device = zeroDevice('null-like');
    const rdev = fs.statSync(device).rdev;
    const link = path.join(dir, 'config.toml');
    fs.symlinkSync(device, link);
    expect(problemOf(() => replaceFileAtomically(link, 'x'))).toBe('bad-link');
    expect(problemOf(() => replaceFileAtomically(device, 'x'))).toBe('not-regular');
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
    expect(fs.statSync(device).rdev).toBe(rdev);
  });

  it('refuses a read-only file, byte for byte untouched, even as root', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"keep":"me"}\r\n');
    fs.chmodSync(file, 0o444);
    expect(() => replaceFileAtomically(file, 'x')).toThrow(`${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it)`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"keep":"me"}\r\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it.skipIf(!isRoot)('as root, a file owned by someone else stays theirs', () => {
    const file = path.join(dir, 'theirs.json');
    fs.writeFileSync(file, 'old');
    fs.chownSync(file, 12345, 23456);
    replaceFileAtomically(file, 'new');
    expect(fs.statSync(file).uid).toBe(12345);
    expect(fs.statSync(file).gid).toBe(23456);
  });

  it('never follows or removes a name planted at the temporary path', () => {
    const target = path.join(dir, 'x.json');
    const planted = temporaryPathFor(target);
    // The temporary's name is random; a planted one with the same name is simulated by resolving it first.
    fs.writeFileSync(planted, 'not yours');
    expect(resolveWriteTarget(target)).toEqual({ target, existing: undefined });
    replaceFileAtomically(target, 'mine');
    expect(fs.readFileSync(planted, 'utf8')).toBe('not yours');
  });
});

describe('outputs the user named', () => {
  it('writes a regular file atomically, new ones 0644', () => {
    const file = path.join(dir, 'card.svg');
    writeUserOutput(file, '<svg/>');
    expect(fs.readFileSync(file, 'utf8')).toBe('<svg/>');
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
  });

  it('writes into a FIFO that someone reads, in place, streaming a large output', async () => {
    const pipe = fifo('out');
    const reader = spawn('wc', ['-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const catting = spawn('sh', ['-c', `cat "$0"`, pipe], { stdio: ['ignore', reader.stdin, 'inherit'] });
    const counted = new Promise<string>((resolve) => {
      let text = '';
      reader.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      reader.on('close', () => resolve(text.trim()));
    });
    // cat opens the FIFO when it gets there; until then nobody reads it and the write fails at once (ENXIO).
    await waitUntil(() => {
      try {
        writeUserOutput(pipe, Buffer.alloc(1024 * 1024, 0x41));
        return true;
      } catch (error) {
        if (!/nothing is reading from it/.test((error as Error).message)) throw error;
        return false;
      }
    });
    await new Promise((resolve) => catting.on('close', resolve));
    reader.stdin.end();
    expect(await counted).toBe(String(1024 * 1024));
    expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('fails at once on a FIFO nobody reads, instead of blocking', () => {
    const pipe = fifo('nobody');
    expect(() => writeUserOutput(pipe, 'x')).toThrow(`cannot write ${pipe}: nothing is reading from it`);
  });

  it('refuses a folder with one line', () => {
    expect(() => writeUserOutput(dir, 'x')).toThrow(`${dir} is a folder; name a file to write to`);
  });

  it.skipIf(!isRoot)('writes into a device in place and leaves it a device (root: mknod)', () => {
    const device = path.join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    writeUserOutput(device, 'discarded');
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
  });
});

describe('descriptors', () => {
  it('opens a regular file for reading, refuses a FIFO at once and a link to Buddy-owned files', () => {
    const file = path.join(dir, 'journal.jsonl');
    fs.writeFileSync(file, 'line\n');
    const opened = openForReading(file)!;
    fs.closeSync(opened.descriptor);
    expect(opened.stats.size).toBe(5);
    expect(openForReading(path.join(dir, 'missing'))).toBeUndefined();
    expect(problemOf(() => openForReading(fifo('p')))).toBe('not-regular');
    fs.symlinkSync(file, path.join(dir, 'link'));
    expect(problemOf(() => openForReading(path.join(dir, 'link')))).toBe('bad-link');
    const followed = openForReading(path.join(dir, 'link'), { followLinks: true })!;
    fs.closeSync(followed.descriptor);
  });

  it('appends only to a regular file, never through a link or into a FIFO with a reader', () => {
    const file = path.join(dir, 'events.log');
    const opened = openForAppending(file);
    fs.writeSync(opened.descriptor, 'a\n');
    fs.closeSync(opened.descriptor);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.symlinkSync(file, path.join(dir, 'link'));
    expect(problemOf(() => openForAppending(path.join(dir, 'link')))).toBe('bad-link');
    expect(fs.readFileSync(file, 'utf8')).toBe('a\n');
  });
});

describe('temporaries and folders', () => {
  it('sweeps leftovers of dead writers and old conf temporaries, and keeps live ones and everything else', () => {
    const now = Date.now();
    const dead = path.join(dir, '.config.json.buddy-tmp-999999999-abc');
    const live = path.join(dir, `.config.json.buddy-tmp-${process.pid}-def`);
    const oldConf = path.join(dir, 'config.json.tmp-1234567890abcdef');
    const freshConf = path.join(dir, 'config.json.tmp-1234567891abcdef');
    const unrelated = path.join(dir, 'config.json');
    for (const file of [dead, live, oldConf, freshConf, unrelated]) fs.writeFileSync(file, 'x');
    const hourAgo = new Date(now - 60 * 60 * 1000);
    fs.utimesSync(oldConf, hourAgo, hourAgo);
    expect(sweepTemporaries(dir, now)).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'config.json', path.basename(freshConf)].sort());
  });

  it('never sweeps a folder or a FIFO that merely has a temporary name', () => {
    fs.mkdirSync(path.join(dir, '.a.buddy-tmp-999999999-x'));
    fifo('.b.buddy-tmp-999999999-y');
    expect(sweepTemporaries(dir)).toBe(0);
    expect(isAbandonedTemporary('.b.buddy-tmp-999999999-y', fs.lstatSync(path.join(dir, '.b.buddy-tmp-999999999-y')), Date.now())).toBe(false);
  });

  it("sweeps the folders a lock's taker, breaker or releaser left when it was killed, once their process is gone", () => {
    const made = (name: string): string => {
      const folder = path.join(dir, name);
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'owner'), '1\nhost');
      return folder;
    };
    const gone = ['config.lock.new-999999999-a1', 'mcp-installs.json.lock.broken-999999999-b2', 'config.lock.released-999999999-c3'].map(made);
    const live = made(`config.lock.new-${process.pid}-d4`);
    const lock = made('config.lock');
    const notALock = made('config.new-999999999-e5');
    // A host's folder: only Buddy's temporaries are swept there, nothing shaped like its locks.
    expect(sweepTemporaries(dir, Date.now(), { onlyBuddys: true })).toBe(0);
    expect(sweepTemporaries(dir)).toBe(3);
    for (const folder of gone) expect(fs.existsSync(folder), folder).toBe(false);
    for (const folder of [live, lock, notALock]) expect(fs.existsSync(folder), folder).toBe(true);
  });

  it('makes private folders and names what is at a path without opening it', () => {
    ensurePrivateDir(path.join(dir, 'p', 'q'));
    expect(fs.statSync(path.join(dir, 'p')).mode & 0o777).toBe(0o700);
    expect(kindAt(path.join(dir, 'p'))).toBe('directory');
    expect(kindAt(fifo('f'))).toBe('fifo');
    expect(kindAt(path.join(dir, 'none'))).toBe('missing');
  });
});

/** Polls a condition that another process will make true; the deadline only catches a hang. */
async function waitUntil(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
