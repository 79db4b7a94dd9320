// The code cache the entry runs the agent-CLI bundles through: a cold run writes it, the next run uses it,
// and anything odd at its path (garbage, a FIFO, a link, a folder it cannot write) costs a compile at
// most, never a wrong result, a hang or a crash.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileName, loadBundle, type BundleLocation } from '../../src/cli/code-cache.js';

interface Exports {
  readonly run: (value: number) => number;
  readonly builtin: () => string;
  readonly file: string;
}

/** A CommonJS bundle as the build writes them: exports, require of a built-in, __filename. */
const BUNDLE = `'use strict';
const path = require('node:path');
function triple(value) { return value * 3; }
module.exports = { run: (value) => triple(value) + 1, builtin: () => path.basename(__filename), file: __filename };
`;

let dir: string;
let location: BundleLocation;

const codeDir = (): string => path.join(location.cacheDir, 'code');
const cachePath = (where: BundleLocation = location): string => path.join(codeDir(), cacheFileName(where));

function load(where: BundleLocation = location): ReturnType<typeof loadBundle<Exports>> {
  return loadBundle<Exports>(where);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-code-cache-'));
  const file = path.join(dir, 'fast-path.cjs');
  fs.writeFileSync(file, BUNDLE);
  location = { file, cacheDir: path.join(dir, 'cache'), hash: '0123456789abcdef', kind: 'statusline' };
});

afterEach(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadBundle', () => {
  it('runs the bundle as CommonJS: exports, require beside it, __filename', () => {
    const bundle = load();
    expect(bundle.exports.run(4)).toBe(13);
    expect(bundle.exports.builtin()).toBe('fast-path.cjs');
    expect(bundle.exports.file).toBe(location.file);
  });

  it('writes the cache once after a cold run, private to the user, and uses it on the next run', () => {
    const cold = load();
    expect(cold.cache).toBe('cold');
    cold.exports.run(1);
    cold.saveCache();
    const stat = fs.statSync(cachePath());
    expect(stat.size).toBeGreaterThan(0);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(fs.statSync(codeDir()).mode & 0o777).toBe(0o700);
    // Saving again in the same run writes nothing more.
    fs.writeFileSync(cachePath(), fs.readFileSync(cachePath()));
    const before = fs.readFileSync(cachePath());
    cold.saveCache();
    expect(fs.readFileSync(cachePath())).toEqual(before);

    const warm = load();
    expect(warm.cache).toBe('warm');
    expect(warm.exports.run(4)).toBe(13);
    const inode = fs.statSync(cachePath()).ino;
    warm.saveCache();
    expect(fs.statSync(cachePath()).ino).toBe(inode);
  });

  it('names the cache by the bundle, its content hash, the Node version and the kind of run', () => {
    expect(cacheFileName(location)).toBe(`fast-path-0123456789abcdef-${process.version}-${process.arch}-statusline.v8cache`);
    expect(cacheFileName({ ...location, kind: 'hook' })).not.toBe(cacheFileName(location));
  });

  it('never runs the cached code of another build: same length, other content, other hash', () => {
    const first = load();
    first.saveCache();
    fs.writeFileSync(location.file, BUNDLE.replace('value * 3', 'value * 5'));
    const rebuilt = { ...location, hash: 'fedcba9876543210' };
    const bundle = load(rebuilt);
    expect(bundle.cache).toBe('cold');
    expect(bundle.exports.run(4)).toBe(21);
    bundle.saveCache();
    // The old build's cache is gone; the new one is there.
    expect(fs.readdirSync(codeDir())).toEqual([cacheFileName(rebuilt)]);
  });

  it('keeps the caches of the same build for other kinds of run and other Node versions', () => {
    const other = path.join(codeDir(), `fast-path-0123456789abcdef-v99.0.0-${process.arch}-statusline.v8cache`);
    fs.mkdirSync(codeDir(), { recursive: true });
    fs.writeFileSync(other, 'not a cache');
    const hook = { ...location, kind: 'hook' };
    load(hook).saveCache();
    load().saveCache();
    expect(fs.readdirSync(codeDir()).sort()).toEqual([cacheFileName(hook), path.basename(other), cacheFileName(location)].sort());
  });

  it('turns down a garbage cache, runs the bundle right, and writes a good one', () => {
    fs.mkdirSync(codeDir(), { recursive: true });
    fs.writeFileSync(cachePath(), Buffer.alloc(4096, 7));
    const bundle = load();
    expect(bundle.cache).toBe('rejected');
    expect(bundle.exports.run(2)).toBe(7);
    bundle.saveCache();
    expect(load().cache).toBe('warm');
  });

  it('takes an empty cache file, a folder, a link or a FIFO at the cache path for no cache, without waiting', () => {
    fs.mkdirSync(codeDir(), { recursive: true });
    fs.writeFileSync(cachePath(), '');
    expect(load().cache).toBe('cold');
    fs.rmSync(cachePath());

    fs.mkdirSync(cachePath());
    expect(load().cache).toBe('cold');
    fs.rmdirSync(cachePath());

    const real = path.join(dir, 'real.v8cache');
    const source = load();
    source.saveCache();
    fs.renameSync(cachePath(), real);
    fs.symlinkSync(real, cachePath());
    expect(load().cache).toBe('cold');
    fs.rmSync(cachePath());

    // Opened without blocking: a FIFO nobody writes to would otherwise hold the host's refresh forever.
    execFileSync('mkfifo', [cachePath()]);
    const bundle = load();
    expect(bundle.cache).toBe('cold');
    expect(bundle.exports.run(0)).toBe(1);
  });

  it('never throws when the cache cannot be written: the next run just compiles again', () => {
    fs.writeFileSync(location.cacheDir, 'a file where the folder should be');
    const bundle = load();
    expect(() => bundle.saveCache()).not.toThrow();
    expect(bundle.exports.run(1)).toBe(4);
  });

  it('removes half-written caches that a killed run left behind', () => {
    fs.mkdirSync(codeDir(), { recursive: true });
    const leftover = path.join(codeDir(), `.${cacheFileName(location)}.999999.tmp`);
    fs.writeFileSync(leftover, 'half');
    load().saveCache();
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.readdirSync(codeDir())).toEqual([cacheFileName(location)]);
  });
});
