// The store's atomic write: a new file gets the mode asked for (private by default), an existing file is
// replaced whole and keeps its own mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../src/store/atomic-write.js';

let dir: string;
const file = (): string => path.join(dir, 'settings.json');
const modeOf = (target: string): number => fs.statSync(target).mode & 0o777;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-atomic-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomicSync', () => {
  it('makes a new file readable by its owner only when no mode is given', () => {
    writeFileAtomicSync(file(), '{"a":1}\n');
    expect(fs.readFileSync(file(), 'utf8')).toBe('{"a":1}\n');
    expect(modeOf(file())).toBe(0o600);
  });

  it('makes a new file with the mode it is given', () => {
    writeFileAtomicSync(file(), 'shared', 0o644);
    expect(fs.readFileSync(file(), 'utf8')).toBe('shared');
    expect(modeOf(file())).toBe(0o644);
  });

  it('replaces an existing file whole and keeps its mode, whatever mode is given', () => {
    fs.writeFileSync(file(), 'a much longer old text', { mode: 0o640 });
    fs.chmodSync(file(), 0o640);
    writeFileAtomicSync(file(), new TextEncoder().encode('new'), 0o600);
    expect(fs.readFileSync(file(), 'utf8')).toBe('new');
    expect(modeOf(file())).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });
});
