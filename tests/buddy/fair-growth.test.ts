// Fair growth from the command line: a hand-written 4,000-line events.log does not make level 50;
// one run with the clock a month ahead, then the clock right again, keeps the care streak and the daily
// bonus going (and unlocks no "Welcome back"); a full buddy turns `buddy feed` down; the caps say when
// they held XP back; and `buddy hatch --again` shows the growth `buddy status` shows. Each command runs in
// process, through the dispatcher the built bin hands it to; a command run at another moment sees the
// clock shifted (a month ahead, a day back) for that command only, without touching the machine's clock.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS } from '../../src/game/achievements.js';
import { makeSandbox, type RunResult } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'fair-growth-1' };
});
afterEach(() => sandbox.cleanup());

const RealDate = Date;

/**
 * A Date whose clock is `offsetMs` away from the machine's (negative: behind), for `Date.now()` and
 * `new Date()` alike, and still running.
 */
function shiftedDate(offsetMs: number): DateConstructor {
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offsetMs);
      else super(...(args as [string]));
    }

    static override now(): number {
      return realNow() + offsetMs;
    }
  }
  return ShiftedDate as DateConstructor;
}

/** Runs a command with its clock `offsetMs` away from the machine's; the real clock is back when it is done. */
async function runAt(offsetMs: number, args: readonly string[]): Promise<RunResult> {
  globalThis.Date = shiftedDate(offsetMs);
  try {
    return await runInProcess(args, { env });
  } finally {
    globalThis.Date = RealDate;
  }
}

async function ok(result: Promise<RunResult>): Promise<RunResult> {
  const done = await result;
  expect(done.code, done.stderr).toBe(0);
  return done;
}

const statusAt = async (offsetMs = 0) => JSON.parse((await ok(runAt(offsetMs, ['status', '--json']))).stdout);
const logFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'events.log');
const line = (kind: string, at: number): string => `${JSON.stringify({ k: kind, at: Math.round(at), tz: 0 })}\n`;

describe('a hand-written events.log', () => {
  it('of 4,000 lines (two days interleaved, lines before the hatch and from the future) gives 85 XP, not level 50', async () => {
    await ok(runAt(-30 * DAY_MS, ['hatch']));
    const now = Date.now();
    const moments = [now - 2 * DAY_MS, now - 60_000, now - 40 * DAY_MS, now + DAY_MS];
    fs.writeFileSync(logFile(), Array.from({ length: 4_000 }, (_, index) => line('recovered', moments[index % 4]!)).join(''));
    // 25 XP for a fix two days ago, then this hour's coding cap (60); the rest count for nothing.
    expect(await statusAt()).toMatchObject({ level: 2, xp: 85 });
  });
});

describe('a clock a month ahead, then right again', () => {
  it('keeps the care streak and the daily bonus going, and unlocks no "Welcome back"', async () => {
    await ok(runAt(-2 * DAY_MS, ['hatch']));
    await ok(runAt(-DAY_MS, ['pet']));
    const ahead = await ok(runAt(30 * DAY_MS, ['pet']));
    expect(ahead.stdout).toContain('level 1 hatchling · 24/40 XP to level 2');
    // Right again: the care given ahead counts as today's, so today's pet brings no second bonus.
    const today = await ok(runAt(0, ['pet']));
    expect(today.stdout).toContain('level 1 hatchling · 26/40 XP to level 2');
    expect(await statusAt()).toMatchObject({ streak: 2, bestStreak: 2, xp: 26 });
    // Tomorrow the streak goes on, with its bonus.
    const tomorrow = await ok(runAt(DAY_MS, ['pet']));
    expect(tomorrow.stdout).toContain('level 1 hatchling · 38/40 XP to level 2');
    const status = await statusAt(DAY_MS);
    expect(status).toMatchObject({ streak: 3, bestStreak: 3, xp: 38 });
    const achievements = JSON.parse((await ok(runAt(DAY_MS, ['achievements', '--json']))).stdout);
    expect(achievements.earned.map((item: { id: string }) => item.id).sort()).toEqual(['first-pet', 'streak-3']);
  });
});

describe('feeding a full buddy', () => {
  it('is turned down with a line: no munching, no XP, no count', async () => {
    await ok(runInProcess(['hatch'], { env }));
    const name = JSON.parse((await ok(runInProcess(['status', '--json'], { env }))).stdout).name as string;
    const first = await ok(runInProcess(['feed'], { env }));
    expect(first.stdout).toContain(`${name} munches the snack`);
    expect(first.stdout).toContain('level 1 hatchling · 15/40 XP to level 2');
    const again = await ok(runInProcess(['feed'], { env }));
    const lines = again.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${name} is full and turns the snack down. Maybe later!`);
    expect(lines[1]).toBe('level 1 hatchling · 15/40 XP to level 2');
    expect(again.stdout).not.toContain('munches');
    const config = JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));
    expect(config.buddy.growth.counts.feeds).toBe(1);
  });
});

describe('the caps', () => {
  it('say so when the hour\'s care XP is used up', async () => {
    // Ten pets fill the hour's 20 care XP (the clock is set back, if need be, to keep them inside one hour).
    const hourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    const at = Math.min(Date.now(), hourStart + HOUR_MS - 5 * 60_000) - Date.now();
    await ok(runAt(at - 60_000, ['hatch']));
    for (let index = 0; index < 10; index++) expect((await ok(runAt(at, ['pet']))).stdout).not.toContain('capped');
    const capped = await ok(runAt(at, ['pet']));
    expect(capped.stdout).toContain('XP is capped for this hour: care earns at most 20 XP an hour. It still counts.');
  }, 60_000);

  it('say so when the day\'s XP is used up', async () => {
    await ok(runAt(-DAY_MS, ['hatch']));
    // Seven hours of fixes at the hourly coding cap: 400 XP, the cap over 24 hours.
    const now = Date.now();
    const lines = Array.from({ length: 7 }, (_, hour) => Array.from({ length: 3 }, () => line('recovered', now - (7 - hour) * HOUR_MS)).join('')).join('');
    fs.writeFileSync(logFile(), lines);
    expect(await statusAt()).toMatchObject({ xp: 400 });
    const pet = await ok(runInProcess(['pet'], { env }));
    expect(pet.stdout).toContain('XP is capped for the day: 400 XP in any 24 hours. It still counts, and it still loves it.');
    expect(await statusAt()).toMatchObject({ xp: 400 });
  });
});

describe('hatch --again', () => {
  it('shows the level, XP and achievements `buddy status` shows: a new soul keeps its growth', async () => {
    await ok(runInProcess(['hatch'], { env }));
    const now = Date.now();
    fs.writeFileSync(logFile(), line('recovered', now) + line('session', now));
    await ok(runInProcess(['pet'], { env }));
    expect(await statusAt()).toMatchObject({ level: 2, xp: 52, achievements: { earned: 3 } });
    // One more line waiting in the log: the card folds it, as status does.
    fs.appendFileSync(logFile(), line('bigDiff', Date.now()));
    const again = await ok(runInProcess(['hatch', '--again', '--yes'], { env }));
    expect(again.stdout).toMatch(/^Lv 2 hatchling █*░+ 22\/80 XP$/m);
    expect(again.stdout).toMatch(new RegExp(`· 4/${ACHIEVEMENTS.length} achievements$`, 'm'));
    expect(await statusAt()).toMatchObject({ level: 2, xp: 62, achievements: { earned: 4 } });
  });
});
