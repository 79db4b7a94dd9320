// The edges of prepared frames, in process: each limit on both sides (the window, the context, the key,
// the number of distinct frames), the loop's seconds when the loop does not start at a multiple of its
// period, the stamps' settle and whole-second margins to the millisecond, the probes and links left as
// they are when they are right, and the housekeeping of old generations, stale sessions and leftovers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { framesRoot, observe, prepareFrames, preparedSessions, removeStaleFrames, type FramePlan, type Observation } from '../../src/statusline/frames.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-frames-edges-'));
  env = { HOME: dir, BUDDY_CACHE_DIR: path.join(dir, 'cache') };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 2026-05-01T12:00:01Z: an epoch second that is 1 more than a multiple of 3. */
const AT = 1_777_636_801_000;
const DAY_MS = 24 * 60 * 60_000;
/** A pid no process has (above Linux's largest), so a temporary named with it is a dead writer's. */
const DEAD_PID = 4_194_399;

function plan(overrides: Partial<FramePlan> = {}): FramePlan {
  return { context: '[|ctx]', at: AT, until: AT + 60_000, periodSeconds: 3, draw: (now) => [`frame ${Math.floor(now / 1000) % 3}`], watched: {}, ...overrides };
}

const sessionDir = (key: string): string => path.join(framesRoot(env), key);
const headOf = (key: string): string[] => fs.readFileSync(path.join(sessionDir(key), 'head'), 'utf8').trimEnd().split(' ');
const generationOf = (key: string): string => path.join(sessionDir(key), headOf(key)[1]!);
const inode = (file: string): bigint => fs.lstatSync(file, { bigint: true }).ino;

function age(file: string, ms: number): void {
  const at = (Date.now() - ms) / 1000;
  fs.utimesSync(file, at, at);
}

describe('the limits of prepareFrames, both sides', () => {
  it('prepares a window of exactly two seconds, not one a millisecond shorter', () => {
    expect(prepareFrames(env, 'short', plan({ until: AT + 1_999 }))).toBe(false);
    expect(prepareFrames(env, 'two', plan({ until: AT + 2_000 }))).toBe(true);
  });

  it('takes a context of 1 to 16384 characters on one line', () => {
    expect(prepareFrames(env, 'empty', plan({ context: '' }))).toBe(false);
    expect(prepareFrames(env, 'longest', plan({ context: 'x'.repeat(16_384) }))).toBe(true);
    expect(prepareFrames(env, 'too-long', plan({ context: 'x'.repeat(16_385) }))).toBe(false);
    expect(prepareFrames(env, 'cr', plan({ context: '[a\rb]' }))).toBe(false);
    expect(fs.readdirSync(framesRoot(env)).filter((name) => !name.startsWith('p.'))).toEqual(['longest']);
  });

  it('takes a key of 1 to 80 letters, digits, - and _ only', () => {
    expect(prepareFrames(env, 'k'.repeat(80), plan())).toBe(true);
    expect(prepareFrames(env, 'k'.repeat(81), plan())).toBe(false);
    expect(prepareFrames(env, 'ok/../x', plan())).toBe(false);
    expect(prepareFrames(env, '', plan())).toBe(false);
  });

  it('names up to 36 distinct frames, and prepares nothing for 37', () => {
    const distinct = (now: number): string[] => [`second ${Math.floor(now / 1000)}`];
    expect(prepareFrames(env, 'many', plan({ periodSeconds: 36, draw: distinct }))).toBe(true);
    expect(headOf('many')[6]).toBe('0123456789abcdefghijklmnopqrstuvwxyz');
    expect(prepareFrames(env, 'too-many', plan({ periodSeconds: 37, draw: distinct }))).toBe(false);
    expect(fs.existsSync(sessionDir('too-many'))).toBe(false);
  });

  it('draws the loop from the seconds of its own period, whatever second it starts at', () => {
    const seconds: number[] = [];
    prepareFrames(env, 'loop', plan({ draw: (now) => (seconds.push(now / 1000), ['same']) }));
    const base = AT / 1000;
    // Slot 0 is the second in [base, base + 3) divisible by 3, and so on.
    expect(seconds).toEqual([base + 2, base, base + 1]);
  });
});

describe('stamps to the millisecond', () => {
  /** A file written at a chosen moment, and an observation of it at `seenAfterMs` after that. */
  function seen(writtenAtMs: number, seenAfterMs: number): Observation {
    const file = path.join(dir, 'watched.json');
    fs.writeFileSync(file, '{}');
    fs.utimesSync(file, writtenAtMs / 1000, writtenAtMs / 1000);
    const mtimeNs = fs.statSync(file, { bigint: true }).mtimeNs;
    return { file, mtimeNs, seenAt: Number(mtimeNs / 1_000_000n) + seenAfterMs, own: false };
  }
  const stampNs = (key: string): bigint => fs.statSync(path.join(generationOf(key), 's.c'), { bigint: true }).mtimeNs;

  it('trusts a file seen 20 ms after it was written, not 19 ms', () => {
    const settled = seen(1_700_000_000_500, 20);
    prepareFrames(env, 'settled', plan({ watched: { c: settled } }));
    expect(stampNs('settled')).toBeGreaterThan(settled.mtimeNs!);
    const unsettled = seen(1_700_000_000_500, 19);
    prepareFrames(env, 'unsettled', plan({ watched: { c: unsettled } }));
    expect(stampNs('unsettled')).toBeLessThan(unsettled.mtimeNs!);
  });

  it('lets whole-second clocks trust it from 20 ms into the next second on', () => {
    prepareFrames(env, 'coarse', plan({ watched: { c: seen(1_700_000_000_500, 520) } }));
    expect(headOf('coarse')[5]).toBe('1');
    prepareFrames(env, 'fine', plan({ watched: { c: seen(1_700_000_000_500, 519) } }));
    expect(headOf('fine')[5]).toBe('0');
  });

  it('stamps are empty files', () => {
    prepareFrames(env, 'empty', plan({ watched: { c: seen(1_700_000_000_500, 600) } }));
    expect(fs.readFileSync(path.join(generationOf('empty'), 's.c'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(generationOf('empty'), 's.t'), 'utf8')).toBe('');
  });
});

describe('probes and links left alone when right', () => {
  it('keeps right probes as they are, and mends one that lost its time', () => {
    prepareFrames(env, 'one', plan());
    const lo = path.join(framesRoot(env), 'p.lo');
    const hi = path.join(framesRoot(env), 'p.hi');
    expect(fs.readFileSync(lo, 'utf8')).toBe('');
    const hiInode = inode(hi);
    fs.utimesSync(lo, 1_000_000_005, 1_000_000_005);
    prepareFrames(env, 'two', plan());
    expect(inode(hi)).toBe(hiInode);
    expect(fs.statSync(lo).mtimeMs).toBeCloseTo(1_000_000_000_100, 0);
    expect(fs.readFileSync(lo, 'utf8')).toBe('');
    const mended = inode(lo);
    prepareFrames(env, 'three', plan());
    expect(inode(lo)).toBe(mended);
  });

  it('leaves a link that already points at its file', () => {
    const file = path.join(dir, 't.jsonl');
    fs.writeFileSync(file, '');
    prepareFrames(env, 'link', plan({ watched: { t: observe(file) } }));
    const link = path.join(sessionDir('link'), 'w.t');
    const before = inode(link);
    prepareFrames(env, 'link', plan({ watched: { t: observe(file) } }));
    expect(inode(link)).toBe(before);
  });
});

describe('observe', () => {
  it("looks through a link at its file's time, and sees nothing under a regular file", () => {
    const file = path.join(dir, 'target.json');
    fs.writeFileSync(file, '{}');
    fs.utimesSync(file, 1_600_000_000, 1_600_000_000);
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(file, link);
    expect(observe(link).mtimeNs).toBe(1_600_000_000_000_000_000n);
    expect(observe(path.join(file, 'child')).mtimeNs).toBeUndefined();
    expect(observe(path.join(dir, 'missing')).mtimeNs).toBeUndefined();
  });

  it('keeps the frames in the cache folder, where the light script looks', () => {
    expect(framesRoot(env)).toBe(path.join(dir, 'cache', 'statusline-frames'));
  });
});

describe('housekeeping', () => {
  it('removes old `*.tmp` heads, keeps fresh ones and other files, and sweeps dead writers\' temporaries', () => {
    prepareFrames(env, 'house', plan());
    const session = sessionDir('house');
    const oldTmp = path.join(session, 'head.tmp');
    const freshTmp = path.join(session, 'other.tmp');
    const oldOther = path.join(session, 'notes');
    const dead = path.join(session, `.head.buddy-tmp-${DEAD_PID}-abc`);
    for (const file of [oldTmp, freshTmp, oldOther, dead]) fs.writeFileSync(file, '');
    age(oldTmp, 11_000);
    age(oldOther, 11_000);
    prepareFrames(env, 'house', plan());
    expect(fs.existsSync(oldTmp)).toBe(false);
    expect(fs.existsSync(freshTmp)).toBe(true);
    expect(fs.existsSync(oldOther)).toBe(true);
    expect(fs.existsSync(dead)).toBe(false);
  });

  it('removes a session without a head once its folder is a week old, and keeps one with a fresh head', () => {
    prepareFrames(env, 'headless-old', plan());
    prepareFrames(env, 'headless-new', plan());
    prepareFrames(env, 'fresh-head', plan());
    for (const key of ['headless-old', 'headless-new']) fs.rmSync(path.join(sessionDir(key), 'head'));
    age(sessionDir('headless-old'), 8 * DAY_MS);
    age(sessionDir('fresh-head'), 8 * DAY_MS);
    // Six days without a refresh is not yet a week.
    age(path.join(sessionDir('fresh-head'), 'head'), 6 * DAY_MS);
    fs.writeFileSync(path.join(framesRoot(env), 'stray-file'), '');
    age(path.join(framesRoot(env), 'stray-file'), 8 * DAY_MS);
    const deadProbe = path.join(framesRoot(env), `.p.lo.buddy-tmp-${DEAD_PID}-xyz`);
    fs.writeFileSync(deadProbe, '');
    removeStaleFrames(env, Date.now());
    expect(fs.readdirSync(framesRoot(env)).sort()).toEqual(['fresh-head', 'headless-new', 'p.hi', 'p.lo', 'stray-file']);
  });

  it('counts the sessions that have a head, and none without a frames folder', () => {
    expect(preparedSessions(env)).toBe(0);
    prepareFrames(env, 'a', plan());
    prepareFrames(env, 'b', plan());
    prepareFrames(env, 'c', plan());
    fs.rmSync(path.join(sessionDir('c'), 'head'));
    expect(preparedSessions(env)).toBe(2);
  });
});
