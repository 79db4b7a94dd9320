// The standalone executable's build, unpacked into Buddy's cache: once per build, whole or not at all,
// into a private folder, and never into anything planted where that folder should be.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackedBuild, type EmbeddedBuild } from '../../src/cli/standalone/unpack.js';

const HASH = '0123456789abcdef';
const FILES: Record<string, string> = { 'buddy.js': 'module.exports = 1;\n', 'chunk-A.mjs': 'export const a = 1;\n', 'statusline.sh': '#!/bin/sh\n' };

let cache: string;
const reads: string[] = [];

function build(overrides: Partial<EmbeddedBuild> = {}): EmbeddedBuild {
  return {
    cacheDir: cache,
    hash: HASH,
    files: Object.keys(FILES),
    read: (name) => {
      reads.push(name);
      return Buffer.from(FILES[name] ?? 'unknown');
    },
    ...overrides,
  };
}

const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o777;

beforeEach(() => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-unpack-'));
  reads.length = 0;
});

afterEach(() => {
  fs.rmSync(cache, { recursive: true, force: true });
});

describe('unpacking the executable’s build', () => {
  it('writes every file once into a private folder named by the build, then only looks', () => {
    const first = unpackedBuild(build());
    expect(first).toEqual({ dir: path.join(cache, 'exe', HASH), unpacked: true });
    expect(fs.readdirSync(first.dir).sort()).toEqual(['buddy.js', 'chunk-A.mjs', 'statusline.sh']);
    expect(fs.readFileSync(path.join(first.dir, 'chunk-A.mjs'), 'utf8')).toBe('export const a = 1;\n');
    expect(modeOf(first.dir)).toBe(0o700);
    expect(modeOf(path.join(cache, 'exe'))).toBe(0o700);
    expect(modeOf(path.join(first.dir, 'buddy.js'))).toBe(0o600);
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(path.join(cache, 'exe'))).toEqual([HASH]);

    reads.length = 0;
    expect(unpackedBuild(build())).toEqual({ dir: first.dir, unpacked: false });
    expect(reads).toEqual([]);
  });

  it('unpacks again when asked (the folder lost a file)', () => {
    const { dir } = unpackedBuild(build());
    fs.rmSync(path.join(dir, 'buddy.js'));
    expect(unpackedBuild(build(), { again: true })).toEqual({ dir, unpacked: true });
    expect(fs.readFileSync(path.join(dir, 'buddy.js'), 'utf8')).toBe('module.exports = 1;\n');
  });

  it('never uses a link planted where the folder should be, nor follows it', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-planted-'));
    try {
      fs.writeFileSync(path.join(elsewhere, 'buddy.js'), 'planted');
      fs.mkdirSync(path.join(cache, 'exe'), { mode: 0o700 });
      fs.symlinkSync(elsewhere, path.join(cache, 'exe', HASH));
      const { dir, unpacked } = unpackedBuild(build());
      expect(unpacked).toBe(true);
      expect(fs.lstatSync(dir).isDirectory()).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'buddy.js'), 'utf8')).toBe('module.exports = 1;\n');
      expect(fs.readFileSync(path.join(elsewhere, 'buddy.js'), 'utf8')).toBe('planted');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('replaces a folder that others could have changed, and a plain file in its place', () => {
    const dir = path.join(cache, 'exe', HASH);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o777);
    fs.writeFileSync(path.join(dir, 'buddy.js'), 'changed by someone');
    expect(unpackedBuild(build()).unpacked).toBe(true);
    expect(modeOf(dir)).toBe(0o700);
    expect(fs.readFileSync(path.join(dir, 'buddy.js'), 'utf8')).toBe('module.exports = 1;\n');

    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'a file');
    expect(unpackedBuild(build()).unpacked).toBe(true);
    expect(fs.lstatSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a file name that is not flat, and leaves nothing behind', () => {
    expect(() => unpackedBuild(build({ files: ['buddy.js', '../escape.js'] }))).toThrow(/unexpected name: \.\.\/escape\.js/);
    expect(() => unpackedBuild(build({ files: ['.hidden'] }))).toThrow(/unexpected name/);
    expect(fs.readdirSync(path.join(cache, 'exe'))).toEqual([]);
    expect(fs.existsSync(path.join(cache, 'escape.js'))).toBe(false);
  });

  it('refuses a build hash that is not one', () => {
    expect(() => unpackedBuild(build({ hash: '../x' }))).toThrow(/no valid build hash/);
    expect(fs.existsSync(path.join(cache, 'exe'))).toBe(false);
  });

  it('removes other builds untouched for a day and abandoned half-written folders, keeping recent ones', () => {
    const root = path.join(cache, 'exe');
    const old = path.join(root, 'aaaaaaaaaaaaaaaa');
    const recent = path.join(root, 'bbbbbbbbbbbbbbbb');
    const abandoned = path.join(root, `.${HASH}.1.2.tmp`);
    const notOurs = path.join(root, 'notes');
    for (const dir of [old, recent, abandoned, notOurs]) fs.mkdirSync(dir, { recursive: true });
    const dayAndAMinute = (Date.now() - 24 * 60 * 60 * 1000 - 60_000) / 1000;
    const twoHours = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    fs.utimesSync(old, dayAndAMinute, dayAndAMinute);
    fs.utimesSync(recent, twoHours, twoHours);
    fs.utimesSync(abandoned, twoHours, twoHours);
    fs.utimesSync(notOurs, dayAndAMinute, dayAndAMinute);
    unpackedBuild(build());
    expect(fs.readdirSync(root).sort()).toEqual([HASH, 'bbbbbbbbbbbbbbbb', 'notes']);
  });
});
