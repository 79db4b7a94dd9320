// Buddy's own files (issue 20): what writers killed mid-write leave behind is gone on the next run; a config
// that cannot be read is a permission problem said in one line, never a corrupt file to move aside; every
// folder Buddy makes is 0700 and every file 0600, whichever command comes first. Each run is the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBuddy, runProcess, type RunResult } from '../helpers/cli.js';
import { handToNobody } from '../helpers/unprivileged.js';

const LIGHT_SCRIPT = fileURLToPath(new URL('../../dist/statusline.sh', import.meta.url));
const TIMEOUT_MS = 20_000;
const MINUTE_MS = 60_000;

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
const configDir = (): string => env.BUDDY_CONFIG_DIR as string;
const cacheDir = (): string => env.BUDDY_CACHE_DIR as string;

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'own-files' };
});
afterEach(() => sandbox.cleanup());

/** The pid of a process that has just ended: a writer that was killed. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function leave(file: string, ageMs = 0): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{"half a wri');
  const when = (Date.now() - ageMs) / 1000;
  fs.utimesSync(file, when, when);
  return file;
}

async function hatch(): Promise<void> {
  const result = await runBuddy(['hatch'], { env, timeoutMs: TIMEOUT_MS });
  expect(result.code, result.stderr).toBe(0);
}

/** A refresh through the light statusline script, as Claude Code runs it (it prepares frames). */
function lightRefresh(runEnv: NodeJS.ProcessEnv, payload: string, wrap: (file: string, args: string[]) => [string, string[]] = (file, args) => [file, args]): Promise<RunResult> {
  const [file, args] = wrap('/bin/sh', [LIGHT_SCRIPT, process.execPath, BIN, 'statusline']);
  return runProcess(file, args, { env: runEnv, input: payload, timeoutMs: TIMEOUT_MS });
}

describe('leftovers of writers killed mid-write', () => {
  it("go on the next run: conf's old temporaries and Buddy's of dead processes; a fresh one of conf's stays", async () => {
    await hatch();
    const dead = deadPid();
    const confOld = leave(path.join(configDir(), 'config.json.tmp-1764970000a1b2c3'), 20 * MINUTE_MS);
    // conf's names carry no pid: one this fresh may be a write under way (an older Buddy), so it stays.
    const confFresh = leave(path.join(configDir(), 'config.json.tmp-1764970001a1b2c3'));
    const ours = leave(path.join(configDir(), `.config.json.buddy-tmp-${dead}-k1llme`));
    const oursBackup = leave(path.join(configDir(), `.config.backup.json.buddy-tmp-${dead}-x2`));
    const notATemporary = leave(path.join(configDir(), 'config.json.tmp-notes'), 20 * MINUTE_MS);

    const result = await runBuddy(['status'], { env, timeoutMs: TIMEOUT_MS });
    expect(result.code, result.stderr).toBe(0);
    for (const gone of [confOld, ours, oursBackup]) expect(fs.existsSync(gone), gone).toBe(false);
    for (const kept of [confFresh, notATemporary]) expect(fs.existsSync(kept), kept).toBe(true);
  });

  it('a command waiting for the config lock stops at SIGTERM at once, and what it leaves of the lock goes on the next run', async () => {
    await hatch();
    // The lock is held by a live process (this one) for as long as the test needs.
    const lock = path.join(configDir(), 'config.lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n${os.hostname()}`);
    const watcher = fs.watch(configDir());
    try {
      const child = spawn(process.execPath, [BIN, 'config', 'muted', 'on'], { env, stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Each try at the lock makes a folder beside it: the first one says buddy is waiting.
      await new Promise<void>((resolve) => watcher.on('change', (_event, name) => String(name).startsWith('config.lock.new-') && resolve()));
      child.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
    } finally {
      watcher.close();
    }
    fs.rmSync(lock, { recursive: true });
    // What a process killed while trying the lock, breaking it or letting it go may leave beside it.
    const dead = deadPid();
    for (const name of [`config.lock.new-${dead}-k1`, `config.lock.broken-${dead}-k2`, `config.lock.released-${dead}-k3`]) {
      fs.mkdirSync(path.join(configDir(), name));
      fs.writeFileSync(path.join(configDir(), name, 'owner'), `${dead}\n${os.hostname()}`);
    }

    const result = await runBuddy(['status'], { env, timeoutMs: TIMEOUT_MS });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readdirSync(configDir()).filter((name) => name.startsWith('config.lock'))).toEqual([]);
  });

  it("go from the statusline's folders too: session state, frames and the code cache", async () => {
    await hatch();
    const dead = deadPid();
    const session = leave(path.join(cacheDir(), 'sessions', `.other.status.json.buddy-tmp-${dead}-a1`));
    const head = leave(path.join(cacheDir(), 'statusline-frames', 'leftovers', `.head.buddy-tmp-${dead}-b2`));
    const probe = leave(path.join(cacheDir(), 'statusline-frames', `.p.lo.buddy-tmp-${dead}-c3`));
    const code = leave(path.join(cacheDir(), 'code', `.fast-path-0000-v0-x64-statusline.v8cache.buddy-tmp-${dead}-d4`));

    const result = await lightRefresh(env, JSON.stringify({ session_id: 'leftovers' }));
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(cacheDir(), 'statusline-frames', 'leftovers', 'head'))).toBe(true);
    for (const gone of [session, head, probe, code]) expect(fs.existsSync(gone), gone).toBe(false);
  });
});

describe('a config that cannot be read (as a user who is not root)', () => {
  it('is said in one line; nothing is moved aside, the backup is not restored, the file is left as it was', async () => {
    await hatch();
    const config = path.join(configDir(), 'config.json');
    const backup = path.join(configDir(), 'config.backup.json');
    const before = { config: fs.readFileSync(config), backup: fs.readFileSync(backup), names: fs.readdirSync(configDir()).sort() };
    const unprivileged = handToNobody(sandbox.dir);
    fs.chmodSync(config, 0o000);

    for (const args of [['status'], ['hatch'], ['config', 'muted', 'on']]) {
      const result = await runBuddy(args, { env, timeoutMs: TIMEOUT_MS, ...unprivileged });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(`buddy: cannot read ${config}: permission denied\n`);
    }

    expect(fs.readdirSync(configDir()).sort()).toEqual(before.names);
    expect(fs.statSync(config).mode & 0o777).toBe(0o000);
    fs.chmodSync(config, 0o600);
    expect(fs.readFileSync(config).equals(before.config)).toBe(true);
    expect(fs.readFileSync(backup).equals(before.backup)).toBe(true);
  });
});

describe('a damaged config whose backup cannot be read (as a user who is not root)', () => {
  it('is said in one line: nothing is moved aside, and the buddy in the backup is not left behind', async () => {
    await hatch();
    const config = path.join(configDir(), 'config.json');
    const backup = path.join(configDir(), 'config.backup.json');
    fs.writeFileSync(config, '{"half a wri');
    const before = { backup: fs.readFileSync(backup), names: fs.readdirSync(configDir()).sort() };
    const unprivileged = handToNobody(sandbox.dir);
    fs.chmodSync(backup, 0o000);

    for (const args of [['status'], ['hatch']]) {
      const result = await runBuddy(args, { env, timeoutMs: TIMEOUT_MS, ...unprivileged });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(`buddy: cannot read ${backup}: permission denied\n`);
    }

    expect(fs.readdirSync(configDir()).sort()).toEqual(before.names);
    expect(fs.readFileSync(config, 'utf8')).toBe('{"half a wri');
    fs.chmodSync(backup, 0o600);
    expect(fs.readFileSync(backup).equals(before.backup)).toBe(true);
  });
});

describe('modes: on a fresh home with umask 022', () => {
  let home: string;
  let outside: string;
  let freshEnv: NodeJS.ProcessEnv;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-home-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-outside-'));
    // The platform's own places (~/.config/buddy, ~/.cache/buddy): nothing made beforehand.
    freshEnv = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', CLAUDE_CONFIG_DIR: path.join(outside, 'claude') };
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const withUmask = (file: string, args: string[]): [string, string[]] => ['/bin/sh', ['-c', 'umask 022 && exec "$@"', 'sh', file, ...args]];
  const command = (args: readonly string[]): Promise<RunResult> => {
    const [file, wrapped] = withUmask(process.execPath, [BIN, ...args]);
    return runProcess(file, wrapped, { env: freshEnv, timeoutMs: TIMEOUT_MS });
  };
  const refresh = (): Promise<RunResult> => {
    const transcript = path.join(outside, 'transcript.jsonl');
    fs.writeFileSync(transcript, '{"type":"user"}\n');
    return lightRefresh(freshEnv, JSON.stringify({ session_id: 'modes', transcript_path: transcript }), withUmask);
  };

  /** Every folder and file under the home that is not 0700 / 0600, as "mode path". */
  function offenders(): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const name of fs.readdirSync(dir)) {
        const entry = path.join(dir, name);
        const stats = fs.lstatSync(entry);
        if (stats.isSymbolicLink()) continue; // a link has no mode of its own
        const mode = stats.mode & 0o777;
        if ((stats.isDirectory() && mode !== 0o700) || (!stats.isDirectory() && mode !== 0o600)) found.push(`${mode.toString(8)} ${path.relative(home, entry)}`);
        if (stats.isDirectory()) walk(entry);
      }
    };
    walk(home);
    return found;
  }

  const made = (...parts: string[]): boolean => fs.existsSync(path.join(home, ...parts));

  it.each([
    ['whoami first', ['whoami', 'hatch', 'pet', 'statusline', 'log']],
    ['the statusline first', ['statusline', 'hatch', 'pet', 'statusline']],
    ['pet first (nothing hatched yet)', ['pet', 'statusline', 'hatch', 'status', 'pet', 'statusline']],
  ])('%s: every folder Buddy made is 0700 and every file 0600', async (_label, steps) => {
    for (const step of steps) {
      const result = step === 'statusline' ? await refresh() : await command([step]);
      // Petting before the hatch is refused (exit 1), after it has made the local ID.
      expect(result.code === 0 || (step === 'pet' && result.stderr.includes('has not hatched yet')), `${step}: ${result.stderr}`).toBe(true);
    }
    expect(made('.config', 'buddy', 'config.json')).toBe(true);
    expect(made('.config', 'buddy', 'events.log')).toBe(true);
    expect(made('.cache', 'buddy', 'sessions', 'modes.status.json')).toBe(true);
    expect(made('.cache', 'buddy', 'statusline-frames', 'modes', 'head')).toBe(true);
    expect(made('.cache', 'buddy', 'code')).toBe(true);
    expect(offenders()).toEqual([]);
  });
});
