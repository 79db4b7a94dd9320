// The model remarks' budget: a rolling hour's remarks and a local day's tokens, reserved before a call and
// settled after, in one small file read through its schema and changed under a lock. A clock set back
// grants nothing; a damaged file starts afresh; and 100 reservations from four processes at once never pass
// either cap.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fits, localDay, remarkBudgetFile, remarkUse, reserveRemark, settleRemark, type Reservation, type ReserveOutcome } from '../../src/store/remark-budget.js';
import { bundleChild, type ChildBundle } from '../helpers/bundle-child.js';

const CAPS = { perHour: 3, tokensPerDay: 5_000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Ten in the morning, local time, on a day well inside its month. */
const MORNING = new Date(2026, 5, 10, 10, 0, 0).getTime();

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-budget-'));
  env = { BUDDY_CACHE_DIR: path.join(root, 'cache') };
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const readFile = (): unknown => JSON.parse(fs.readFileSync(remarkBudgetFile(env), 'utf8'));

function granted(outcome: ReserveOutcome): Reservation {
  if (!outcome.granted) throw new Error(`refused: ${outcome.reason}`);
  return outcome.reservation;
}

describe('reserve and settle', () => {
  it('reserves the estimate, then settles the real count, and keeps the file small and exact', () => {
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 0, tokensToday: 0 });
    const first = granted(reserveRemark(env, CAPS, MORNING, 1_499.2));
    expect(first).toEqual({ id: `${process.pid}-${MORNING}-${first.id.split('-').at(-1)}`, day: '2026-06-10', tokens: 1_500 });
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 1, tokensToday: 1_500 });
    settleRemark(env, first, 420, MORNING + 5_000);
    expect(remarkUse(env, MORNING + 5_000)).toEqual({ remarksThisHour: 1, tokensToday: 420 });
    expect(readFile()).toEqual({ day: '2026-06-10', tokens: 420, remarks: [{ id: first.id, at: MORNING, tokens: 420 }] });
    expect(fs.statSync(remarkBudgetFile(env)).mode & 0o777).toBe(0o600);
  });

  it('refuses the remark past the hourly cap, and allows it again an hour after the oldest', () => {
    for (let i = 0; i < 3; i++) granted(reserveRemark(env, CAPS, MORNING + i * MINUTE, 10));
    expect(reserveRemark(env, CAPS, MORNING + 3 * MINUTE, 10)).toEqual({ granted: false, reason: 'hour' });
    expect(reserveRemark(env, CAPS, MORNING + HOUR - 1, 10)).toEqual({ granted: false, reason: 'hour' });
    expect(reserveRemark(env, CAPS, MORNING + HOUR, 10).granted).toBe(true);
    expect(remarkUse(env, MORNING + HOUR).remarksThisHour).toBe(3);
    expect(reserveRemark(env, CAPS, MORNING + HOUR, 10)).toEqual({ granted: false, reason: 'hour' });
  });

  it('refuses a remark that would pass the daily tokens, and counts a new local day afresh', () => {
    const caps = { perHour: 60, tokensPerDay: 5_000 };
    granted(reserveRemark(env, caps, MORNING, 4_000));
    expect(reserveRemark(env, caps, MORNING + MINUTE, 1_001)).toEqual({ granted: false, reason: 'day' });
    expect(reserveRemark(env, caps, MORNING + MINUTE, 1_000).granted).toBe(true);
    expect(reserveRemark(env, caps, MORNING + 2 * MINUTE, 1)).toEqual({ granted: false, reason: 'day' });
    const nextMorning = new Date(2026, 5, 11, 0, 0, 1).getTime();
    expect(remarkUse(env, nextMorning)).toEqual({ remarksThisHour: 0, tokensToday: 0 });
    expect(granted(reserveRemark(env, caps, nextMorning, 1_000)).day).toBe('2026-06-11');
  });

  it('settles a reservation of a day gone by without touching today', () => {
    const caps = { perHour: 60, tokensPerDay: 5_000 };
    const lateEvening = new Date(2026, 5, 10, 23, 59, 0).getTime();
    const yesterday = granted(reserveRemark(env, caps, lateEvening, 2_000));
    const today = granted(reserveRemark(env, caps, lateEvening + 2 * MINUTE, 700));
    settleRemark(env, yesterday, 10, lateEvening + 3 * MINUTE);
    expect(remarkUse(env, lateEvening + 3 * MINUTE).tokensToday).toBe(700);
    settleRemark(env, today, 900, lateEvening + 3 * MINUTE);
    expect(remarkUse(env, lateEvening + 3 * MINUTE).tokensToday).toBe(900);
  });

  it('never counts fewer than no tokens', () => {
    const reservation = granted(reserveRemark(env, CAPS, MORNING, -5));
    expect(reservation.tokens).toBe(0);
    settleRemark(env, { ...reservation, tokens: 50 }, -3, MORNING);
    expect(remarkUse(env, MORNING).tokensToday).toBe(0);
  });

  it('is off when either cap is zero', () => {
    expect(reserveRemark(env, { perHour: 0, tokensPerDay: 5_000 }, MORNING, 1)).toEqual({ granted: false, reason: 'off' });
    expect(reserveRemark(env, { perHour: 5, tokensPerDay: 0 }, MORNING, 1)).toEqual({ granted: false, reason: 'off' });
    expect(fs.existsSync(remarkBudgetFile(env))).toBe(false);
  });
});

describe('fits', () => {
  it.each([
    [{ remarksThisHour: 0, tokensToday: 0 }, 1, 'yes'],
    [{ remarksThisHour: 2, tokensToday: 4_000 }, 1_000, 'yes'],
    [{ remarksThisHour: 3, tokensToday: 0 }, 1, 'hour'],
    [{ remarksThisHour: 2, tokensToday: 4_000 }, 1_001, 'day'],
    [{ remarksThisHour: 3, tokensToday: 5_000 }, 1, 'hour'],
  ] as const)('%j with %d more: %s', (use, tokens, verdict) => {
    expect(fits(use, CAPS, tokens)).toBe(verdict);
  });
});

describe('a clock set back grants nothing', () => {
  it('counts remarks still ahead of the clock as made this hour and today', () => {
    for (let i = 0; i < 3; i++) granted(reserveRemark(env, CAPS, MORNING + i, 1_000));
    for (const back of [MINUTE, 2 * HOUR, 23 * HOUR]) {
      expect(reserveRemark(env, CAPS, MORNING - back, 1), `${back} ms back`).toEqual({ granted: false, reason: 'hour' });
      expect(remarkUse(env, MORNING - back)).toEqual({ remarksThisHour: 3, tokensToday: 3_000 });
    }
  });

  it('keeps a later day\'s tokens when the clock goes back over midnight', () => {
    const caps = { perHour: 60, tokensPerDay: 5_000 };
    const justAfterMidnight = new Date(2026, 5, 11, 0, 5, 0).getTime();
    granted(reserveRemark(env, caps, justAfterMidnight, 4_500));
    const beforeMidnight = justAfterMidnight - 20 * MINUTE;
    expect(remarkUse(env, beforeMidnight)).toEqual({ remarksThisHour: 1, tokensToday: 4_500 });
    expect(reserveRemark(env, caps, beforeMidnight, 501)).toEqual({ granted: false, reason: 'day' });
    expect(granted(reserveRemark(env, caps, beforeMidnight, 500)).day).toBe('2026-06-11');
  });

  it('still counts a remark exactly a day ahead, and forgets one a moment later', () => {
    granted(reserveRemark(env, CAPS, MORNING + 24 * HOUR, 1_000));
    expect(remarkUse(env, MORNING).remarksThisHour).toBe(1);
    expect(remarkUse(env, MORNING - 1).remarksThisHour).toBe(0);
  });

  it('keeps tomorrow\'s tokens, and forgets those of the day after', () => {
    const caps = { perHour: 60, tokensPerDay: 5_000 };
    granted(reserveRemark(env, caps, new Date(2026, 5, 11, 9, 0).getTime(), 1_000));
    expect(remarkUse(env, new Date(2026, 5, 10, 9, 0).getTime()).tokensToday).toBe(1_000);
    expect(remarkUse(env, new Date(2026, 5, 9, 23, 59).getTime()).tokensToday).toBe(0);
  });

  it('forgets a moment more than a day ahead: that clock was put right', () => {
    for (let i = 0; i < 3; i++) granted(reserveRemark(env, CAPS, MORNING + 3 * 24 * HOUR, 1_000));
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 0, tokensToday: 0 });
    expect(reserveRemark(env, CAPS, MORNING, 1).granted).toBe(true);
  });
});

describe('the file', () => {
  const write = (content: string): void => {
    fs.mkdirSync(path.dirname(remarkBudgetFile(env)), { recursive: true });
    fs.writeFileSync(remarkBudgetFile(env), content);
  };

  it('drops the entries that fail the schema and keeps the rest', () => {
    write(JSON.stringify({ day: '2026-06-10', tokens: 900, remarks: [{ id: 'a', at: MORNING - MINUTE, tokens: 10 }, { id: 'b', at: 'soon', tokens: 1 }, 'junk', { id: 'c', at: MORNING, tokens: -1 }] }));
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 1, tokensToday: 900 });
  });

  it.each([
    ['not JSON', '{'],
    ['the wrong shape', '[1,2]'],
    ['a bad day', JSON.stringify({ day: 'Tuesday', tokens: 900, remarks: [] })],
    ['bad tokens', JSON.stringify({ day: '2026-06-10', tokens: -9, remarks: [] })],
    ['remarks of the wrong kind', JSON.stringify({ day: '2026-06-10', tokens: 1.5, remarks: 'many' })],
  ])('starts afresh from %s, and the next reservation writes it anew', (_what, content) => {
    write(content);
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 0, tokensToday: 0 });
    granted(reserveRemark(env, CAPS, MORNING, 5));
    expect(readFile()).toMatchObject({ day: '2026-06-10', tokens: 5 });
  });

  it('is never read through a link, and a link in its place is replaced, not followed', () => {
    const elsewhere = path.join(root, 'elsewhere.json');
    fs.writeFileSync(elsewhere, JSON.stringify({ day: '2026-06-10', tokens: 4_999, remarks: [] }));
    fs.mkdirSync(path.dirname(remarkBudgetFile(env)), { recursive: true });
    fs.symlinkSync(elsewhere, remarkBudgetFile(env));
    expect(remarkUse(env, MORNING)).toEqual({ remarksThisHour: 0, tokensToday: 0 });
    granted(reserveRemark(env, CAPS, MORNING, 5));
    expect(fs.lstatSync(remarkBudgetFile(env)).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(elsewhere, 'utf8')).tokens).toBe(4_999);
  });

  it('drops an entry with an overlong id, and reads at most the last thousand', () => {
    const entries = Array.from({ length: 1_001 }, (_, i) => ({ id: `e${i}`, at: MORNING - i, tokens: 1 }));
    write(JSON.stringify({ day: '2026-06-10', tokens: 7, remarks: entries }));
    expect(remarkUse(env, MORNING).remarksThisHour).toBe(1_000);
    write(JSON.stringify({ day: '2026-06-10', tokens: 7, remarks: [{ id: 'x'.repeat(80), at: MORNING, tokens: 1 }, { id: 'x'.repeat(81), at: MORNING, tokens: 1 }] }));
    expect(remarkUse(env, MORNING).remarksThisHour).toBe(1);
  });

  it('reads a file of up to 64 KB, and starts afresh from a bigger one', () => {
    const content = JSON.stringify({ day: '2026-06-10', tokens: 7, remarks: [] });
    write(content.padEnd(64 * 1024, ' '));
    expect(remarkUse(env, MORNING).tokensToday).toBe(7);
    write(content.padEnd(64 * 1024 + 1, ' '));
    expect(remarkUse(env, MORNING).tokensToday).toBe(0);
  });

  it('names the day by the local calendar', () => {
    expect(localDay(new Date(2026, 0, 2, 23, 59).getTime())).toBe('2026-01-02');
    expect(localDay(new Date(2026, 11, 31, 0, 0).getTime())).toBe('2026-12-31');
  });
});

// 25 reservations each, from four processes let go at the same moment (a barrier of marker files).
const CHILD_SOURCE = `
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reserveRemark } from './src/store/remark-budget.js';

const [tag, barrier, perHour, tokensPerDay] = process.argv.slice(2);
const wait = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
writeFileSync(join(barrier, tag), '');
const giveUpAt = Date.now() + 30000;
while (!['a', 'b', 'c', 'd'].every((other) => existsSync(join(barrier, other)))) {
  if (Date.now() > giveUpAt) process.exit(3);
  wait(2);
}
const outcomes = [];
for (let i = 0; i < 25; i++) outcomes.push(reserveRemark(process.env, { perHour: Number(perHour), tokensPerDay: Number(tokensPerDay) }, Date.now(), 1000).granted);
process.stdout.write(JSON.stringify(outcomes));
`;

describe('a burst of 100 reservations from four processes at once', () => {
  let bundle: ChildBundle;
  beforeAll(async () => {
    bundle = await bundleChild('remark-budget-child', CHILD_SOURCE);
  });
  afterAll(() => bundle.cleanup());

  async function burst(perHour: number, tokensPerDay: number): Promise<boolean[]> {
    const barrier = path.join(root, 'barrier');
    fs.mkdirSync(barrier);
    const runs = ['a', 'b', 'c', 'd'].map(
      (tag) =>
        new Promise<boolean[]>((resolve, reject) => {
          // At the lowest priority: the other test files on this machine keep their share of the cores.
          const child = spawn('nice', ['-n', '19', process.execPath, bundle.script, tag, barrier, String(perHour), String(tokensPerDay)], {
            env: { PATH: process.env.PATH, BUDDY_CACHE_DIR: env.BUDDY_CACHE_DIR },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
          child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as boolean[]) : reject(new Error(`child ${tag} exited ${code}: ${err}`))));
        }),
    );
    return (await Promise.all(runs)).flat();
  }

  it('grants exactly the hourly cap', async () => {
    const outcomes = await burst(6, 1_000_000);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter(Boolean)).toHaveLength(6);
    expect(remarkUse(env, Date.now())).toEqual({ remarksThisHour: 6, tokensToday: 6_000 });
  }, 60_000);

  it('grants exactly what the daily tokens allow', async () => {
    const outcomes = await burst(60, 10_500);
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    expect(remarkUse(env, Date.now())).toEqual({ remarksThisHour: 10, tokensToday: 10_000 });
  }, 60_000);
});
