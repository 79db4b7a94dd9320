// Runs the built CLI (dist/buddy.js) as a child process with an isolated HOME and config directory.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export const BIN = fileURLToPath(new URL('../../dist/buddy.js', import.meta.url));

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly input?: string | Buffer;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly nodePath?: string;
  /** Another copy of the bin to run (one that another user can read). */
  readonly binPath?: string;
  /** Run as this user and group (the suite must be root to switch). */
  readonly uid?: number;
  readonly gid?: number;
  readonly cwd?: string;
}

/**
 * A time zone in which it is daytime now and the same date as in UTC: UTC itself from 08:00 to 22:00 UTC,
 * else a whole-hour zone that puts the local clock at 10:xx (or 20:xx late in the UTC day). The built CLI
 * reads the real clock, and some of its rules go by the local hour (the night-owl and early-bird
 * achievements, the care streak's local day): a suite run after midnight must see what one at noon sees.
 */
export function daytimeZone(now: Date = new Date()): string {
  const hour = now.getUTCHours();
  const ahead = hour < 8 ? 10 - hour : hour >= 22 ? 20 - hour : 0;
  // POSIX zone names count the other way: Etc/GMT-10 is ten hours ahead of UTC.
  return ahead === 0 ? 'UTC' : `Etc/GMT${ahead > 0 ? '-' : '+'}${Math.abs(ahead)}`;
}

/**
 * The statusline's hard budget in tests (BUDDY_STATUSLINE_BUDGET_MS): 200 ms from its start, it prints the
 * plain face instead of its line. Beside other test files on two cores a refresh can take longer, and then
 * a test would see the fallback, not the line it checks; no test is about that deadline itself (its own
 * stdin deadlines, which the stdin tests are about, come well before). It stays below every test's
 * kill timer.
 */
const STATUSLINE_BUDGET_MS = '3000';

/** A throwaway home: HOME, config and cache dirs point inside it, so no test touches the real machine. */
export function makeSandbox(): { dir: string; env: NodeJS.ProcessEnv; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-test-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    USERPROFILE: dir,
    BUDDY_CONFIG_DIR: path.join(dir, 'config'),
    BUDDY_CACHE_DIR: path.join(dir, 'cache'),
    CLAUDE_CONFIG_DIR: path.join(dir, 'claude'),
    NO_COLOR: '1',
    TZ: daytimeZone(),
    BUDDY_STATUSLINE_BUDGET_MS: STATUSLINE_BUDGET_MS,
  };
  return { dir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Sandbox = ReturnType<typeof makeSandbox>;

/**
 * For a test file whose tests each start from a freshly hatched buddy: `buddy hatch` runs once, before the
 * file's tests, in a sandbox of its own, and each call of the returned function is a new sandbox (or the
 * one given) holding a copy of what that hatch wrote (the config directory, the whole of it). A test may
 * change its buddy freely; the next one starts from the same hatch, without paying for another process.
 * The hatch runs through the built bin unless `hatchWith` says otherwise (hatchedInProcess).
 */
export function hatchedSandboxes(userId: string, hatchWith: HatchRunner = runBuddy): (into?: Sandbox) => Sandbox {
  let template: Sandbox | undefined;
  beforeAll(async () => {
    template = makeSandbox();
    const hatched = await hatchWith(['hatch'], { env: { ...template.env, BUDDY_USER_ID: userId } });
    if (hatched.code !== 0) throw new Error(`buddy hatch failed: ${hatched.stderr}`);
  });
  afterAll(() => template?.cleanup());
  return (sandbox = makeSandbox()) => {
    if (!template) throw new Error('hatchedSandboxes: the hatch runs before the tests; call this inside one');
    cpSync(template.env.BUDDY_CONFIG_DIR as string, sandbox.env.BUDDY_CONFIG_DIR as string, { recursive: true });
    return sandbox;
  };
}

/** How a hatch is run: the built bin (runBuddy) or in process (runInProcess, tests/helpers/in-process.ts). */
export type HatchRunner = (args: readonly string[], options: { env: NodeJS.ProcessEnv }) => Promise<RunResult>;

/**
 * A sandbox of its own for each test: made in beforeEach (with what `make` adds to it) and removed after
 * the test. The returned function gives the current test's; called outside a test, it says so.
 */
export function sandboxPerTest<T extends { readonly sandbox: Sandbox }>(what: string, make: (sandbox: Sandbox) => T): () => T {
  let current: T | undefined;
  beforeEach(() => {
    current = make(makeSandbox());
  });
  afterEach(() => current?.sandbox.cleanup());
  return () => {
    if (current === undefined) throw new Error(`${what} is made in beforeEach`);
    return current;
  };
}

export function runBuddy(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runProcess(options.nodePath ?? process.execPath, [options.binPath ?? BIN, ...args], options);
}

/** Runs a program with the sandbox's environment, `options.input` on stdin (then closed). */
export function runProcess(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const { uid, gid, cwd } = options;
    const child = spawn(file, args, {
      env: options.env ?? makeSandbox().env,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid }),
      ...(gid === undefined ? {} : { gid }),
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * A fixed-offset time zone (TZ) in which it is about midday now: an achievement of the small hours
 * (0–4 a.m. local) cannot come up by the clock, at whatever hour the test runs.
 */
export function middayTimeZone(now = new Date()): string {
  const east = 12 - now.getUTCHours();
  // Etc/GMT zones count west: Etc/GMT-3 is three hours east of UTC.
  return east === 0 ? 'Etc/GMT' : `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}`;
}
