// The config-file layer's writes, in process: a host's folder keeps what only looks like a leftover of
// another program's writer, a write is flushed to disk before it replaces the file, and a write that
// cannot land is refused in one line that ends with what it means.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettingsFile, writeSettingsFile } from '../../src/installers/config-file.js';
import { settingsRefusal } from '../helpers/settings-refusal.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-config-file-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('writeSettingsFile', () => {
  it("leaves a host's folder the old temporaries another program's writer left, and clears Buddy's own", () => {
    const file = path.join(root, 'settings.json');
    const hour = new Date(Date.now() - 60 * 60 * 1000);
    const theirs = path.join(root, 'settings.json.tmp-1234567890abcdef');
    const ours = path.join(root, '.settings.json.buddy-tmp-999999999-abc');
    for (const leftover of [theirs, ours]) {
      fs.writeFileSync(leftover, 'x');
      fs.utimesSync(leftover, hour, hour);
    }
    writeSettingsFile(file, readSettingsFile(file), '{}\n', 0o644);
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
    expect(fs.existsSync(theirs)).toBe(true);
    expect(fs.existsSync(ours)).toBe(false);
  });

  // Which file was flushed is read from the descriptor each flush was given (Linux's /proc/self/fd).
  it.skipIf(process.platform !== 'linux')('flushes the new text to disk before it replaces the file', () => {
    const file = path.join(root, 'settings.json');
    const flushed: string[] = [];
    const fsync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((descriptor: number) => {
      flushed.push(fs.readlinkSync(`/proc/self/fd/${descriptor}`));
      fsync(descriptor);
    });
    writeSettingsFile(file, readSettingsFile(file), '{}\n', 0o644);
    expect(flushed.some((name) => path.dirname(name) === root && /^\.settings\.json\.buddy-tmp-/.test(path.basename(name)))).toBe(true);
  });

  it('refuses a write that cannot land in one line, ending with: nothing was changed', () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const file = path.join(blocker, 'settings.json');
    const disk = { target: file, text: null, readOnly: false };
    const message = settingsRefusal(() => writeSettingsFile(file, disk, '{}\n', 0o644));
    expect(message).toBe(`cannot write ${file}: a part of the path is not a folder. Nothing was changed.`);
  });
});
