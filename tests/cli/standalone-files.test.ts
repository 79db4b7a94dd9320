// The standalone executable's small rules: the first argument that names the executable itself goes (it
// stands for the bundle in installed commands), and the light script's stable copy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeLightScript, stableLightScript } from '../../src/cli/standalone/light-script.js';
import { argumentsAsBundle, namesExecutable } from '../../src/cli/standalone/own-path.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-standalone-'));
  env = { BUDDY_CONFIG_DIR: path.join(dir, 'config') };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the executable named as the bundle', () => {
  it('drops a first argument naming the executable, by its path or through a link, and sets the bundle to it', () => {
    const exe = path.join(dir, 'buddy-linux-x64');
    fs.writeFileSync(exe, '');
    const link = path.join(dir, 'buddy');
    fs.symlinkSync(exe, link);
    for (const first of [exe, link]) {
      const argv = ['/usr/bin/whatever', first, first, 'statusline', '--width', '80'];
      argumentsAsBundle(argv, exe);
      expect(argv).toEqual(['/usr/bin/whatever', exe, 'statusline', '--width', '80']);
    }
  });

  it('keeps every other first argument', () => {
    const exe = path.join(dir, 'buddy-linux-x64');
    fs.writeFileSync(exe, '');
    fs.writeFileSync(path.join(dir, 'other'), '');
    for (const first of ['statusline', 'buddy-linux-x64', path.join(dir, 'other'), path.join(dir, 'missing'), '--version']) {
      const argv = ['node', './buddy', first];
      argumentsAsBundle(argv, exe);
      expect(argv).toEqual(['node', exe, first]);
    }
    expect(namesExecutable(undefined, exe)).toBe(false);
  });
});

describe("the light script's stable copy", () => {
  const source = (): string => {
    const file = path.join(dir, 'unpacked-statusline.sh');
    fs.writeFileSync(file, '#!/bin/sh\necho new\n');
    return file;
  };

  it('is written into the config folder by install, and again only when it differs', () => {
    const target = placeLightScript(env, source());
    expect(target).toBe(path.join(dir, 'config', 'statusline.sh'));
    expect(stableLightScript(env)).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('#!/bin/sh\necho new\n');
    const inode = fs.statSync(target).ino;
    placeLightScript(env, source());
    expect(fs.statSync(target).ino).toBe(inode);
  });

  it('is brought up to date by a new build only where an install put one', () => {
    expect(placeLightScript(env, source(), { onlyIfPresent: true })).toBe(path.join(dir, 'config', 'statusline.sh'));
    expect(fs.existsSync(path.join(dir, 'config', 'statusline.sh'))).toBe(false);
    fs.mkdirSync(path.join(dir, 'config'));
    fs.writeFileSync(path.join(dir, 'config', 'statusline.sh'), '#!/bin/sh\necho old\n');
    placeLightScript(env, source(), { onlyIfPresent: true });
    expect(fs.readFileSync(path.join(dir, 'config', 'statusline.sh'), 'utf8')).toBe('#!/bin/sh\necho new\n');
  });

  it('refuses a FIFO in its place with one line, and leaves it there', () => {
    fs.mkdirSync(path.join(dir, 'config'));
    const fifo = path.join(dir, 'config', 'statusline.sh');
    execFileSync('mkfifo', [fifo]);
    expect(() => placeLightScript(env, source())).toThrow(`${fifo} is a named pipe (FIFO), not a regular file; Buddy reads only regular files`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });
});
