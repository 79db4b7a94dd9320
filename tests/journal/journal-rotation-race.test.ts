// The journal's rotation when another process got there first. Between a writer's append and its taking of
// the rotation lock, another process may have rotated the full file (a new, small file is at the path now)
// or cleared it; the writer then leaves the path alone. The other process is played by a hook that runs
// just as the lock is taken, so the race is the same every time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journal } from '../../src/journal/append.js';
import { clearJournal, readJournal } from '../../src/journal/read-back.js';

const race = { beforeRotation: undefined as (() => void) | undefined, locks: 0, removed: [] as string[] };
const realOpenSync = fs.openSync;
const realUnlink = fs.unlink;

/**
 * Spies on `fs` itself (the object every module shares), so the hook works however the modules were loaded:
 * the other process's move runs just after the rotation lock is taken, and the expired file's deletion,
 * which runs in the background, is recorded so a test need not wait for it.
 */
function watchRotation(): void {
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) => {
    const descriptor = realOpenSync(file, flags, mode);
    if (typeof file === 'string' && path.basename(file) === 'journal.rotate.lock') {
      race.locks += 1;
      race.beforeRotation?.();
    }
    return descriptor;
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'unlink').mockImplementation(((file: fs.PathLike, done: fs.NoParamCallback) => {
    race.removed.push(String(file));
    realUnlink(file, done);
  }) as typeof fs.unlink);
}

let dir: string;
let env: NodeJS.ProcessEnv;
const current = (): string => path.join(dir, 'journal.jsonl');
const previous = (): string => path.join(dir, 'journal.1.jsonl');
const texts = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1).map((line) => (JSON.parse(line) as { text: string }).text);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-journal-race-'));
  env = { BUDDY_CONFIG_DIR: dir };
  race.beforeRotation = undefined;
  race.locks = 0;
  race.removed = [];
  watchRotation();
});
afterEach(() => {
  race.beforeRotation = undefined;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rotation after another process', () => {
  it('leaves a new file alone when the full one was rotated a moment before', () => {
    journal({ at: 0, source: 'say', text: 'old one' }, env, { rotateBytes: 10_000 });
    race.beforeRotation = () => {
      fs.renameSync(current(), previous());
      // Already as big as the limit: only its being another file keeps it from being rotated too.
      const line = (text: string): string => `{"at":"1970-01-01T00:00:00.000Z","source":"say","text":"${text}"}\n`;
      fs.writeFileSync(current(), line('new one') + line('new two'));
    };
    journal({ at: 0, source: 'say', text: 'old two' }, env, { rotateBytes: 100 });
    expect(texts(previous())).toEqual(['old one', 'old two']);
    expect(texts(current())).toEqual(['new one', 'new two']);
  });

  it('leaves the file alone when it was cut short a moment before', () => {
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: 10_000 });
    race.beforeRotation = () => fs.truncateSync(current(), 0);
    journal({ at: 0, source: 'say', text: 'two' }, env, { rotateBytes: 100 });
    expect(fs.existsSync(previous())).toBe(false);
    expect(fs.statSync(current()).size).toBe(0);
  });

  it('rotates when nothing happened in between', () => {
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: 10_000 });
    race.beforeRotation = () => undefined;
    journal({ at: 0, source: 'say', text: 'two' }, env, { rotateBytes: 100 });
    expect(texts(previous())).toEqual(['one', 'two']);
    expect(fs.existsSync(current())).toBe(false);
  });
});

describe('the rotation lock and the expired file', () => {
  it('takes no lock while the file stays under the limit, and takes it once the limit is reached', () => {
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: 10_000 });
    journal({ at: 0, source: 'say', text: 'two' }, env, { rotateBytes: 10_000 });
    expect(race.locks).toBe(0);
    journal({ at: 0, source: 'say', text: 'three' }, env, { rotateBytes: 100 });
    expect(race.locks).toBe(1);
    expect(texts(previous())).toEqual(['one', 'two', 'three']);
  });

  it('deletes nothing at a first rotation, and deletes the file before the previous one at the next', () => {
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: 50 });
    expect(texts(previous())).toEqual(['one']);
    expect(race.removed).toEqual([]);
    journal({ at: 0, source: 'say', text: 'two' }, env, { rotateBytes: 50 });
    expect(texts(previous())).toEqual(['two']);
    expect(race.removed).toHaveLength(1);
    expect(path.dirname(race.removed[0]!)).toBe(dir);
    expect(path.basename(race.removed[0]!)).toMatch(/^journal\.expired-\d+-\d+\.jsonl$/);
  });
});

describe('clearing a journal whose folder cannot be listed', () => {
  it('removes both files and does not throw', () => {
    fs.writeFileSync(current(), '{"at":"1970-01-01T00:00:00.000Z","source":"say","text":"x"}\n');
    fs.writeFileSync(previous(), '{"at":"1970-01-01T00:00:00.000Z","source":"say","text":"y"}\n');
    // Root lists any folder: the refusal is injected where the layer lists it.
    vi.spyOn(fs, 'readdirSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(() => clearJournal(env)).not.toThrow();
    vi.restoreAllMocks();
    expect(readJournal(env)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
