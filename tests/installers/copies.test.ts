// The facts about a copy of Buddy that doctor and `--version --verbose` gather: the temporary folders this
// process would use, the version a package.json names, and the copy a bundle path belongs to. Real files in
// a temporary folder, links included; the verdicts themselves are location.test.ts's.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyCopyAt, tempDirsOf, versionAt } from '../../src/installers/copies.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/[/\\]$/, '');

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-copies-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A package folder at `dir` whose package.json is `json` (text as given). */
function packageAt(dir: string, json: string): string {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), json);
  fs.writeFileSync(path.join(dir, 'dist', 'buddy.js'), '');
  return dir;
}

const buddyPackage = (version: unknown, more: Record<string, unknown> = {}): string => JSON.stringify({ name: 'buddy-terminal-pet', version, ...more });

describe('versionAt', () => {
  it("names the version of Buddy's own package.json, in the forms npm versions take", () => {
    for (const version of ['0.2.0', '10.20.30', '1.0.0-beta.1', '1.0.0+build.7', '2.0.0-rc_1']) {
      expect(versionAt(packageAt(path.join(root, version), buddyPackage(version))), version).toBe(version);
    }
  });

  it('names none for a version that is no version', () => {
    for (const [name, version] of [
      ['short', '1.2'],
      ['prefixed', 'v1.2.3'],
      ['spaced', '1.2.3 beta'],
      ['trailing', '1.2.3!'],
      ['empty', ''],
      ['number', 1],
      ['list', ['1.2.3']],
      ['missing', undefined],
    ] as const) {
      expect(versionAt(packageAt(path.join(root, name), buddyPackage(version))), name).toBeUndefined();
    }
  });

  it("names none for another package's package.json, or one that is no object", () => {
    expect(versionAt(packageAt(path.join(root, 'other'), JSON.stringify({ name: 'buddy', version: '1.0.0' })))).toBeUndefined();
    expect(versionAt(packageAt(path.join(root, 'scoped'), JSON.stringify({ name: '@x/buddy-terminal-pet', version: '1.0.0' })))).toBeUndefined();
    expect(versionAt(packageAt(path.join(root, 'null'), 'null'))).toBeUndefined();
    expect(versionAt(packageAt(path.join(root, 'string'), '"buddy-terminal-pet"'))).toBeUndefined();
    expect(versionAt(packageAt(path.join(root, 'broken'), '{"name": "buddy-terminal-pet", "version": "1.0.0"'))).toBeUndefined();
  });

  it('names none where there is no package.json, or a folder in its place', () => {
    expect(versionAt(path.join(root, 'nowhere'))).toBeUndefined();
    fs.mkdirSync(path.join(root, 'folder', 'package.json'), { recursive: true });
    expect(versionAt(path.join(root, 'folder'))).toBeUndefined();
  });

  it('reads a package.json of up to 256 KiB, and no larger one', () => {
    const padded = (bytes: number): string => {
      const start = buddyPackage('3.1.4', { pad: '' });
      return `${start.slice(0, -2)}${'x'.repeat(bytes - start.length)}"}`;
    };
    expect(padded(256 * 1024)).toHaveLength(262_144);
    expect(versionAt(packageAt(path.join(root, 'at-cap'), padded(256 * 1024)))).toBe('3.1.4');
    expect(versionAt(packageAt(path.join(root, 'over-cap'), padded(256 * 1024 + 1)))).toBeUndefined();
  });
});

describe('tempDirsOf', () => {
  it('gives the temporary folders as named and with links resolved, each once, and no empty name', () => {
    const real = path.join(root, 'real-tmp');
    fs.mkdirSync(real);
    const link = path.join(root, 'link-tmp');
    fs.symlinkSync(real, link);
    const gone = path.join(root, 'gone-tmp');
    const dirs = tempDirsOf({ TMPDIR: link, TMP: '', TEMP: gone });
    expect(new Set(dirs)).toEqual(new Set([os.tmpdir(), fs.realpathSync(os.tmpdir()), link, real, gone]));
    expect(dirs).toHaveLength(new Set([os.tmpdir(), fs.realpathSync(os.tmpdir()), link, real, gone]).size);
    expect(dirs).not.toContain('');
    // The named folders come before the resolved ones.
    expect(dirs.indexOf(link)).toBeLessThan(dirs.indexOf(real));
  });

  it('takes TMP and TEMP as well as TMPDIR', () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    expect(tempDirsOf({ TMP: a, TEMP: b })).toEqual(expect.arrayContaining([a, b]));
    expect(tempDirsOf({})).not.toContain(a);
  });
});

describe('buddyCopyAt', () => {
  it('follows links to the copy they lead to, and reads its version', () => {
    const pkg = packageAt(path.join(root, 'pkg'), buddyPackage('0.4.2'));
    fs.symlinkSync(pkg, path.join(root, 'linked'));
    expect(buddyCopyAt(path.join(root, 'linked', 'dist', 'buddy.js'), {})).toEqual({
      script: path.join(pkg, 'dist', 'buddy.js'),
      location: { kind: 'temporary', root: pkg },
      version: '0.4.2',
    });
  });

  it('takes the version the running copy knows over its package.json', () => {
    const pkg = packageAt(path.join(root, 'pkg'), buddyPackage('0.4.2'));
    expect(buddyCopyAt(path.join(pkg, 'dist', 'buddy.js'), {}, '9.9.9').version).toBe('9.9.9');
  });

  it('classifies a path that is gone as written', () => {
    expect(buddyCopyAt('/nonexistent-buddy-copy/tools/dist/buddy.js', {})).toEqual({
      script: '/nonexistent-buddy-copy/tools/dist/buddy.js',
      location: { kind: 'loose', root: '/nonexistent-buddy-copy/tools' },
      version: undefined,
    });
  });

  it('takes a path without a .js, .mjs or .cjs ending for the standalone executable', () => {
    expect(buddyCopyAt('/nonexistent-buddy-copy/bin/buddy', {}).location).toEqual({ kind: 'executable', root: '/nonexistent-buddy-copy/bin' });
    expect(buddyCopyAt('/nonexistent-buddy-copy/bin/buddy.jsx', {}).location.kind).toBe('executable');
    expect(buddyCopyAt('/nonexistent-buddy-copy/bin/buddy.js.old', {}).location.kind).toBe('executable');
    for (const name of ['buddy.js', 'buddy.mjs', 'buddy.cjs']) expect(buddyCopyAt(`/nonexistent-buddy-copy/bin/${name}`, {}).location.kind, name).toBe('loose');
  });

  it('counts the temporary folders the environment names', () => {
    const script = '/nonexistent-buddy-scratch/x/dist/buddy.js';
    expect(buddyCopyAt(script, { TMPDIR: '/nonexistent-buddy-scratch' }).location.kind).toBe('temporary');
    expect(buddyCopyAt(script, {}).location.kind).toBe('loose');
  });

  // The checkout's own folders stand for a clone and an installed package: the nearest folder with a .git
  // (the checkout, or the one holding a copy of it), and the package this suite runs on. In a checkout that
  // sits in a temporary folder both are temporary, and there is nothing to tell apart.
  const isTemporary = (dir: string): boolean =>
    ['/tmp', '/var/tmp', '/var/folders', '/private', fs.realpathSync(os.tmpdir())].some((temp) => fs.realpathSync(dir).startsWith(`${temp}/`));
  const withGit = (dir: string): string | undefined => (fs.existsSync(path.join(dir, '.git')) ? dir : path.dirname(dir) === dir ? undefined : withGit(path.dirname(dir)));

  it('finds a clone by the .git beside its package', (context) => {
    const clone = withGit(REPO);
    if (clone === undefined || isTemporary(clone)) return context.skip();
    const real = fs.realpathSync(clone);
    expect(buddyCopyAt(path.join(real, 'dist', 'buddy.js'), {}).location).toEqual({ kind: 'clone', root: real });
  });

  it('takes a package under node_modules, without a .git beside it, as installed', (context) => {
    const vitest = path.dirname(fs.realpathSync(createRequire(import.meta.url).resolve('vitest/package.json')));
    if (isTemporary(vitest)) return context.skip();
    const copy = buddyCopyAt(path.join(vitest, 'dist', 'index.js'), {});
    expect(copy.location).toEqual({ kind: 'installed', root: vitest });
    expect(copy.version).toBeUndefined();
  });
});
