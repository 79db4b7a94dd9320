// The config lock knows its holder: a lock whose holder has died, or that never said who held it and has
// sat there for seconds, is broken at once; the work runs exactly once and the lock is gone afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLockSync } from '../../src/files/lock.js';

let root: string;
let lockDir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-lock-'));
  lockDir = path.join(root, 'config.lock');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withLockSync', () => {
  it('runs the work, writes its own pid as holder, and removes the lock', () => {
    const seen = withLockSync(lockDir, () => fs.readFileSync(path.join(lockDir, 'owner'), 'utf8'));
    expect(seen.split('\n')[0]).toBe(String(process.pid));
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('breaks a lock whose holder has died', () => {
    fs.mkdirSync(lockDir);
    fs.writeFileSync(path.join(lockDir, 'owner'), `${deadPid()}\n${os.hostname()}`);
    expect(withLockSync(lockDir, () => 'ran')).toBe('ran');
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('breaks a lock that never named its holder once it is a few seconds old', () => {
    fs.mkdirSync(lockDir);
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(lockDir, past, past);
    expect(withLockSync(lockDir, () => 'ran')).toBe('ran');
  });

  it('releases the lock when the work throws', () => {
    expect(() => withLockSync(lockDir, () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(fs.existsSync(lockDir)).toBe(false);
  });
});
