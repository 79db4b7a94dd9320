// The pieces of the file-access layer that Buddy's own files go through: appending whole lines, reading
// part of a file, files made new in a fresh folder, the never-waiting housekeeping lock and looking at a
// path. Each refuses what is not a regular file at once (a FIFO never blocks) and never follows a link it
// was not told to.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendWhole } from '../../src/files/append-whole.js';
import { replaceCacheFile } from '../../src/files/cache-replace.js';
import { FileAccessError } from '../../src/files/errors.js';
import { factsAbout } from '../../src/files/facts.js';
import { writeFreshFile } from '../../src/files/fresh-files.js';
import { listNames, removeFile, renameOwnFile } from '../../src/files/housekeeping.js';
import { OpenRegularFile, withOpenFile } from '../../src/files/partial-read.js';
import { readPrivateJson } from '../../src/files/read-private.js';
import { ifLockFree } from '../../src/files/try-lock.js';

let root: string;
const at = (...parts: string[]): string => path.join(root, ...parts);
const fifoAt = (file: string): void => {
  execFileSync('mkfifo', [file]);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-own-files-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('appendWhole', () => {
  it('makes the missing folder 0700 and the file 0600, and says where the file ended before', () => {
    const file = at('made', 'here', 'log');
    expect(appendWhole(file, 'one\n')).toMatchObject({ sizeBefore: 0 });
    expect(appendWhole(file, 'two\n')).toMatchObject({ sizeBefore: 4, ino: fs.statSync(file).ino });
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(at('made')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(at('made', 'here')).mode & 0o777).toBe(0o700);
  });

  it('writes nothing at refuseAtBytes, and empties the file above truncateAboveBytes', () => {
    const file = at('log');
    fs.writeFileSync(file, '12345\n');
    expect(appendWhole(file, 'more\n', { refuseAtBytes: 6 })).toBeUndefined();
    expect(appendWhole(file, 'more\n', { refuseAtBytes: 7 })).toMatchObject({ sizeBefore: 6 });
    expect(appendWhole(file, 'fresh\n', { truncateAboveBytes: 11 })).toMatchObject({ sizeBefore: 11 });
    expect(fs.readFileSync(file, 'utf8')).toBe('12345\nmore\nfresh\n');
    appendWhole(file, 'last\n', { truncateAboveBytes: 11 });
    expect(fs.readFileSync(file, 'utf8')).toBe('last\n');
  });

  it('refuses a FIFO at once (nobody reading it, or someone), and never appends through a symlink', () => {
    const fifo = at('fifo');
    fifoAt(fifo);
    expect(() => appendWhole(fifo, 'x\n')).toThrow(FileAccessError);
    const target = at('target');
    fs.writeFileSync(target, 'mine\n');
    fs.symlinkSync(target, at('link'));
    expect(() => appendWhole(at('link'), 'x\n')).toThrow(new FileAccessError('bad-link', at('link'), `${at('link')} is a symlink; Buddy does not follow links to its own files`));
    expect(fs.readFileSync(target, 'utf8')).toBe('mine\n');
  });
});

describe('OpenRegularFile', () => {
  it('reads parts of a regular file, short at its end, and knows its size then and now', () => {
    fs.writeFileSync(at('file'), 'abcdef');
    withOpenFile(at('file'), (file) => {
      expect(file.sizeAtOpen).toBe(6);
      expect(file.read(2, 3).toString()).toBe('cde');
      expect(file.read(4, 10).toString()).toBe('ef');
      fs.appendFileSync(at('file'), 'gh');
      expect(file.size()).toBe(8);
      expect(file.identity).toBe(factsAbout(at('file'))?.identity);
    });
  });

  it('is undefined for nothing there, refuses a FIFO without blocking, and a link unless told to follow', () => {
    expect(OpenRegularFile.at(at('missing'))).toBeUndefined();
    fifoAt(at('fifo'));
    expect(() => OpenRegularFile.at(at('fifo'))).toThrow(`${at('fifo')} is a named pipe (FIFO), not a regular file; Buddy uses only regular files`);
    fs.writeFileSync(at('target'), 'x');
    fs.symlinkSync(at('target'), at('link'));
    expect(() => OpenRegularFile.at(at('link'))).toThrow(FileAccessError);
    expect(withOpenFile(at('link'), (file) => file.read(0, 1).toString(), { followLinks: true })).toBe('x');
    fs.symlinkSync(at('fifo'), at('link-to-fifo'));
    expect(() => OpenRegularFile.at(at('link-to-fifo'), { followLinks: true })).toThrow(FileAccessError);
  });
});

describe('readPrivateJson', () => {
  it('reads a small file of its own; missing, damaged and too big are told apart', () => {
    expect(readPrivateJson(at('missing'), { maxBytes: 10 })).toEqual({ state: 'missing' });
    fs.writeFileSync(at('state'), '{"a":1}');
    expect(readPrivateJson(at('state'), { maxBytes: 7 })).toEqual({ state: 'parsed', value: { a: 1 } });
    expect(() => readPrivateJson(at('state'), { maxBytes: 6 })).toThrow(new FileAccessError('too-big', at('state'), `${at('state')} is too large to read (the limit is 6 bytes)`));
    fs.writeFileSync(at('state'), '{"a":');
    expect(readPrivateJson(at('state'), { maxBytes: 7 })).toEqual({ state: 'unparsable' });
  });

  it('refuses a FIFO without blocking, and a link even to a regular file', () => {
    fifoAt(at('fifo'));
    expect(() => readPrivateJson(at('fifo'), { maxBytes: 10 })).toThrow(FileAccessError);
    fs.writeFileSync(at('target'), '{}');
    fs.symlinkSync(at('target'), at('link'));
    expect(() => readPrivateJson(at('link'), { maxBytes: 10 })).toThrow(FileAccessError);
  });
});

describe('replaceCacheFile', () => {
  it('removes a link at the name instead of following it: the file it pointed to is untouched', () => {
    fs.writeFileSync(at('theirs'), 'their notes');
    fs.symlinkSync(at('theirs'), at('state.json'));
    replaceCacheFile(at('state.json'), '{}');
    expect(fs.readFileSync(at('theirs'), 'utf8')).toBe('their notes');
    expect(fs.lstatSync(at('state.json')).isFile()).toBe(true);
    expect(fs.readFileSync(at('state.json'), 'utf8')).toBe('{}');
  });

  it('removes a FIFO at the name, refuses a folder, and makes a new file 0600', () => {
    fifoAt(at('head'));
    replaceCacheFile(at('head'), 'line');
    expect(fs.readFileSync(at('head'), 'utf8')).toBe('line');
    expect(fs.statSync(at('head')).mode & 0o777).toBe(0o600);
    fs.mkdirSync(at('folder'));
    expect(() => replaceCacheFile(at('folder'), 'x')).toThrow(FileAccessError);
    expect(fs.statSync(at('folder')).isDirectory()).toBe(true);
  });
});

describe('writeFreshFile', () => {
  it('makes a new file 0600, and refuses any name already there: a file, or a link (never followed)', () => {
    writeFreshFile(at('new'), 'frame');
    expect(fs.readFileSync(at('new'), 'utf8')).toBe('frame');
    expect(fs.statSync(at('new')).mode & 0o777).toBe(0o600);
    expect(() => writeFreshFile(at('new'), 'again')).toThrow(FileAccessError);
    fs.writeFileSync(at('target'), 'theirs');
    fs.symlinkSync(at('target'), at('planted'));
    expect(() => writeFreshFile(at('planted'), 'mine')).toThrow(FileAccessError);
    expect(fs.readFileSync(at('target'), 'utf8')).toBe('theirs');
  });
});

describe('ifLockFree', () => {
  it('runs the work while holding the marker, and lets it go', () => {
    let held = false;
    expect(ifLockFree(at('lock'), 10_000, () => (held = fs.existsSync(at('lock'))))).toBe(true);
    expect(held).toBe(true);
    expect(fs.existsSync(at('lock'))).toBe(false);
  });

  it('goes on at once when another holds it; a marker older than the limit is removed for the next try', () => {
    fs.writeFileSync(at('lock'), '');
    let ran = 0;
    expect(ifLockFree(at('lock'), 10_000, () => ran++)).toBe(false);
    expect(fs.existsSync(at('lock'))).toBe(true);
    const old = (Date.now() - 60_000) / 1000;
    fs.utimesSync(at('lock'), old, old);
    expect(ifLockFree(at('lock'), 10_000, () => ran++)).toBe(false);
    expect(fs.existsSync(at('lock'))).toBe(false);
    expect(ifLockFree(at('lock'), 10_000, () => ran++)).toBe(true);
    expect(ran).toBe(1);
  });
});

describe('looking and tidying', () => {
  it('factsAbout describes a link as one unless asked to follow it; nothing there is undefined', () => {
    fs.writeFileSync(at('file'), 'abc');
    fs.symlinkSync(at('file'), at('link'));
    expect(factsAbout(at('link'))?.kind).toBe('symlink');
    expect(factsAbout(at('link'), { followLinks: true })).toMatchObject({ kind: 'file', size: 3 });
    expect(factsAbout(at('missing'))).toBeUndefined();
    expect(factsAbout(at('file', 'below'))).toBeUndefined();
  });

  it('removeFile removes a link, not its target; renameOwnFile says when there was nothing to move', () => {
    fs.writeFileSync(at('file'), 'abc');
    fs.symlinkSync(at('file'), at('link'));
    expect(removeFile(at('link'))).toBe(true);
    expect(removeFile(at('link'))).toBe(false);
    expect(fs.readFileSync(at('file'), 'utf8')).toBe('abc');
    expect(renameOwnFile(at('file'), at('moved'))).toBe(true);
    expect(renameOwnFile(at('file'), at('moved'))).toBe(false);
    expect(listNames(root)).toEqual(['moved']);
    expect(listNames(at('missing'))).toEqual([]);
  });
});
