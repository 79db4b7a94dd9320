// Folder entries through the file-access layer: a dangling link leads nowhere, a missing folder lists
// nothing, and removing takes only a regular file (never a link, a FIFO or a folder); a sweep of a host's
// folder removes Buddy's own leftovers only.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listNames, moveAside, pathExists, realPathOf, removeRegularFile } from '../../src/files/entries.js';
import { FileAccessError } from '../../src/files/errors.js';
import { sweepTemporaries } from '../../src/files/temporaries.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-entries-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const at = (name: string): string => path.join(root, name);

describe('entries', () => {
  it('pathExists follows links: a dangling one leads nowhere', () => {
    fs.writeFileSync(at('real'), 'x');
    fs.symlinkSync(at('real'), at('good'));
    fs.symlinkSync(at('gone'), at('dangling'));
    expect([pathExists(at('real')), pathExists(at('good')), pathExists(at('dangling')), pathExists(at('gone'))]).toEqual([true, true, false, false]);
    expect(realPathOf(at('good'))).toBe(fs.realpathSync(at('real')));
    expect(() => realPathOf(at('dangling'))).toThrow(`cannot find ${at('dangling')}: no such file or directory`);
  });

  it('listNames: a missing folder has no names', () => {
    fs.writeFileSync(at('b'), '');
    fs.writeFileSync(at('a'), '');
    expect(listNames(root).sort()).toEqual(['a', 'b']);
    expect(listNames(at('missing'))).toEqual([]);
  });

  it('removeRegularFile removes a regular file, says when nothing was there, and refuses anything else', () => {
    fs.writeFileSync(at('file'), 'x');
    expect(removeRegularFile(at('file'))).toBe(true);
    expect(fs.existsSync(at('file'))).toBe(false);
    expect(removeRegularFile(at('file'))).toBe(false);

    fs.writeFileSync(at('target'), 'kept');
    fs.symlinkSync(at('target'), at('link'));
    execFileSync('mkfifo', [at('fifo')]);
    fs.mkdirSync(at('folder'));
    for (const [name, kind] of [
      ['link', 'a symlink'],
      ['fifo', 'a named pipe (FIFO)'],
      ['folder', 'a folder'],
    ] as const) {
      expect(() => removeRegularFile(at(name))).toThrow(new FileAccessError('not-regular', at(name), `${at(name)} is ${kind}; Buddy removes only regular files, nothing was changed`));
    }
    expect(fs.lstatSync(at('link')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(at('target'), 'utf8')).toBe('kept');
    expect(fs.lstatSync(at('fifo')).isFIFO()).toBe(true);
  });

  it('moveAside renames, and says when nothing was there', () => {
    fs.writeFileSync(at('records.json'), '{');
    expect(moveAside(at('records.json'), at('records.json.damaged'))).toBe(true);
    expect(fs.readFileSync(at('records.json.damaged'), 'utf8')).toBe('{');
    expect(moveAside(at('records.json'), at('again'))).toBe(false);
  });
});

describe('sweepTemporaries with onlyBuddys', () => {
  it("removes a dead Buddy's temporary, and leaves an old name shaped like conf's", () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const ours = at(`.settings.json.buddy-tmp-${dead}-abc`);
    const live = at(`.settings.json.buddy-tmp-${process.pid}-abc`);
    const confLike = at('settings.json.tmp-1234567890abcdef');
    for (const file of [ours, live, confLike]) fs.writeFileSync(file, 'half');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(confLike, old, old);

    expect(sweepTemporaries(root, Date.now(), { onlyBuddys: true })).toBe(1);
    expect([ours, live, confLike].map((file) => fs.existsSync(file))).toEqual([false, true, true]);
    // Without the option, conf's old leftover goes too (Buddy's own config folder).
    expect(sweepTemporaries(root)).toBe(1);
    expect(fs.existsSync(confLike)).toBe(false);
  });
});
