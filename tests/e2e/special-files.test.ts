// Issue 20, for the files Buddy reads about identity and keeps for itself: a FIFO, a device, or a symlink to
// a device where Claude Code's account file (~/.claude.json) or Buddy's config.json should be. Every command
// finishes promptly with one line on stderr and exit 1 (a FIFO blocked open() forever, and `rescue` blocked
// there deaf to SIGTERM; /dev/zero grew the process until memory ran out). The statusline and hooks, which
// must never fail their host, print their plain answer. Each run is the built CLI, killed if it outlives
// its timeout (then its exit code is null and the test fails).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { BIN, makeSandbox, runBuddy, runProcess, type RunResult } from '../helpers/cli.js';

const HANG_LIMIT_MS = 20_000;
const COMMANDS = [['status'], ['whoami'], ['roll'], ['pet'], ['doctor'], ['rescue']] as const;
const IS_ROOT = process.getuid?.() === 0;

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
const claudeFile = (): string => path.join(env.CLAUDE_CONFIG_DIR as string, '.claude.json');
const configFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
const companion = (): Buffer => fs.readFileSync(new URL('../fixtures/claude-code/rescue/companion.json', import.meta.url));

beforeEach(() => {
  sandbox = makeSandbox();
  env = sandbox.env;
  fs.mkdirSync(env.CLAUDE_CONFIG_DIR as string, { recursive: true });
  fs.mkdirSync(env.BUDDY_CONFIG_DIR as string, { recursive: true });
});
afterEach(() => sandbox.cleanup());

function run(args: readonly string[]): Promise<RunResult> {
  return runBuddy(args, { env, timeoutMs: HANG_LIMIT_MS });
}

const fifoAt = (file: string): void => {
  execFileSync('mkfifo', [file]);
};
/** A device that reads like /dev/zero (major 1, minor 5), made here: tests never touch /dev. Root only. */
const zeroDeviceAt = (file: string): void => {
  execFileSync('mknod', [file, 'c', '1', '5']);
};

const ACCOUNT_NOTE = '; it names your Claude Code account, and Buddy will not guess another (BUDDY_USER_ID or --user names one)';
const fifoLine = (file: string, note = ''): string => `buddy: ${file} is a named pipe (FIFO), not a regular file; Buddy reads only regular files${note}\n`;
const deviceLine = (file: string, note = ''): string => `buddy: ${file} is a device, not a regular file; Buddy reads only regular files${note}\n`;

function expectOneLine(result: RunResult, line: string): void {
  expect(result.code, `finished (${result.stderr})`).toBe(1);
  expect(result.stderr).toBe(line);
}

describe('a FIFO at ~/.claude.json', () => {
  it.each(COMMANDS.filter(([command]) => command !== 'doctor'))('buddy %s stops at once with one line, and the FIFO stays', async (command) => {
    fifoAt(claudeFile());
    const result = await run([command]);
    expectOneLine(result, fifoLine(claudeFile(), command === 'rescue' ? '; nothing was changed' : ACCOUNT_NOTE));
    expect(fs.lstatSync(claudeFile()).isFIFO()).toBe(true);
  });

  it('buddy doctor lists it as a failed check and finishes its report, exit 1, and the FIFO stays', async () => {
    fifoAt(claudeFile());
    const result = await run(['doctor']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(`✗ identity unreadable: ${fifoLine(claudeFile(), ACCOUNT_NOTE).slice('buddy: '.length, -1)}`);
    expect(lines[2]).toBe(`    → make ${claudeFile()} a readable regular file, or set BUDDY_USER_ID`);
    // The rest of the report still comes: the config, the key, the hosts, the state directory.
    expect(result.stdout).toMatch(/^! no config yet/m);
    expect(result.stdout).toMatch(/^✓ state directory .* is writable$/m);
    expect(fs.lstatSync(claudeFile()).isFIFO()).toBe(true);
  });

  it('does not stop a stored buddy from showing in the statusline', async () => {
    const hatched = await runBuddy(['hatch'], { env: { ...env, BUDDY_USER_ID: 'fifo-account' } });
    expect(hatched.code, hatched.stderr).toBe(0);
    fifoAt(claudeFile());
    const line = await runBuddy(['statusline'], { env, input: '{"session_id":"s"}', timeoutMs: HANG_LIMIT_MS });
    expect(line.code).toBe(0);
    expect(line.stdout).not.toContain('(·_·) buddy');
    expect(line.stdout.split('\n')).toHaveLength(2);
  });
});

describe('a FIFO at config.json', () => {
  it.each(COMMANDS.filter(([command]) => command !== 'doctor'))('buddy %s stops at once with one line, and the FIFO stays', async (command) => {
    fifoAt(configFile());
    // rescue reads Claude Code's config first: give it one with a companion to bring back.
    if (command === 'rescue') fs.writeFileSync(claudeFile(), companion());
    const result = await run([command]);
    expectOneLine(result, fifoLine(configFile()));
    expect(fs.lstatSync(configFile()).isFIFO()).toBe(true);
    expect(fs.readdirSync(env.BUDDY_CONFIG_DIR as string)).toEqual(['config.json']);
  });

  it('buddy doctor lists it as failed checks and finishes its report, exit 1, and the FIFO stays', async () => {
    fifoAt(configFile());
    const result = await run(['doctor']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`\n✗ identity unknown: the local ID is kept in ${configFile()}, which cannot be read (see below)\n`);
    expect(result.stdout).toContain(`\n✗ ${fifoLine(configFile()).slice('buddy: '.length)}`);
    expect(result.stdout).toMatch(/^✓ state directory .* is writable$/m);
    expect(fs.lstatSync(configFile()).isFIFO()).toBe(true);
    expect(fs.readdirSync(env.BUDDY_CONFIG_DIR as string)).toEqual(['config.json']);
  });

  it('buddy doctor finishes its report when the identity comes from BUDDY_USER_ID, and the FIFO stays', async () => {
    // The identity needs no config then, but the check of whose buddy is stored does: it is left out.
    env = { ...env, BUDDY_USER_ID: 'doctor-fifo' };
    fifoAt(configFile());
    const result = await run(['doctor']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✓ identity from env \(hash [0-9a-f]{12}…\)$/m);
    expect(result.stdout).toContain(`\n✗ ${fifoLine(configFile()).slice('buddy: '.length)}`);
    expect(result.stdout).toMatch(/^✓ state directory .* is writable$/m);
    expect(fs.lstatSync(configFile()).isFIFO()).toBe(true);
  });

  it('leaves the statusline its plain line and the hooks their silence, exit 0', async () => {
    fifoAt(configFile());
    const line = await runBuddy(['statusline'], { env, input: '{"session_id":"s"}', timeoutMs: HANG_LIMIT_MS });
    expect(line).toMatchObject({ code: 0, stdout: '(·_·) buddy\n', stderr: '' });
    const hook = await runBuddy(['hook', 'session-start'], { env, input: '{"session_id":"s"}', timeoutMs: HANG_LIMIT_MS });
    expect(hook).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe.skipIf(!IS_ROOT)('a device that reads forever (made with mknod: needs root), or a symlink to one', () => {
  it.each([['status'], ['rescue']] as const)('at ~/.claude.json: buddy %s refuses it with one line', async (command) => {
    zeroDeviceAt(claudeFile());
    expectOneLine(await run([command]), deviceLine(claudeFile(), command === 'rescue' ? '; nothing was changed' : ACCOUNT_NOTE));
    fs.rmSync(claudeFile());
    zeroDeviceAt(path.join(sandbox.dir, 'zero'));
    fs.symlinkSync(path.join(sandbox.dir, 'zero'), claudeFile());
    expectOneLine(await run([command]), deviceLine(claudeFile(), command === 'rescue' ? '; nothing was changed' : ACCOUNT_NOTE));
  });

  it.each([['status'], ['whoami'], ['roll']] as const)('at config.json: buddy %s refuses it with one line', async (command) => {
    zeroDeviceAt(configFile());
    expectOneLine(await run([command]), deviceLine(configFile()));
    fs.rmSync(configFile());
    zeroDeviceAt(path.join(sandbox.dir, 'zero'));
    fs.symlinkSync(path.join(sandbox.dir, 'zero'), configFile());
    expectOneLine(await run([command]), deviceLine(configFile()));
    // The link is left as it was: nothing is written through it or over it.
    expect(fs.readlinkSync(configFile())).toBe(path.join(sandbox.dir, 'zero'));
  });

  it('at config.json: buddy doctor names it as a failed check and finishes its report', async () => {
    zeroDeviceAt(configFile());
    const result = await run(['doctor']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`\n✗ ${deviceLine(configFile()).slice('buddy: '.length)}`);
    expect(result.stdout).toMatch(/^✓ state directory .* is writable$/m);
  });
});

describe("something planted in Buddy's cache", () => {
  const LIGHT_SCRIPT = fileURLToPath(new URL('../../dist/statusline.sh', import.meta.url));
  const payload = JSON.stringify({ session_id: 'planted' });
  const refresh = (): Promise<RunResult> => runProcess('/bin/sh', [LIGHT_SCRIPT, process.execPath, BIN, 'statusline'], { env, input: payload, timeoutMs: HANG_LIMIT_MS });
  const framesHead = (): string => path.join(env.BUDDY_CACHE_DIR as string, 'statusline-frames', 'planted', 'head');
  const statusFile = (): string => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', 'planted.status.json');

  beforeEach(async () => {
    const hatched = await runBuddy(['hatch'], { env: { ...env, BUDDY_USER_ID: 'planted' } });
    expect(hatched.code, hatched.stderr).toBe(0);
    env = { ...env, BUDDY_USER_ID: 'planted' };
  });

  it("a FIFO at the frames' head: the light script does not open it, and Node writes a real head in its place", async () => {
    const first = await refresh();
    expect(first.code, first.stderr).toBe(0);
    fs.rmSync(framesHead());
    fifoAt(framesHead());
    const next = await refresh();
    expect(next.code).toBe(0);
    // The same buddy (its face may have blinked in between).
    const name = (result: RunResult): string | undefined => result.stdout.trim().split(' ').pop();
    expect(name(next)).toBe(name(first));
    expect(name(next)).not.toBe('buddy');
    expect(fs.lstatSync(framesHead()).isFile()).toBe(true);
  });

  it("a symlink at a session's state file: the file it points to is never read or written, the link is replaced", async () => {
    const theirs = path.join(sandbox.dir, 'notes.txt');
    fs.writeFileSync(theirs, 'my own notes\n');
    fs.mkdirSync(path.dirname(statusFile()), { recursive: true });
    fs.symlinkSync(theirs, statusFile());
    const line = await runBuddy(['statusline'], { env, input: payload, timeoutMs: HANG_LIMIT_MS });
    expect(line.code).toBe(0);
    expect(line.stdout).not.toContain('(·_·) buddy');
    expect(fs.readFileSync(theirs, 'utf8')).toBe('my own notes\n');
    expect(fs.lstatSync(statusFile()).isFile()).toBe(true);
  });
});

describe('a FIFO at an install record', () => {
  it('buddy doctor reports it as one warning and finishes its report, and the FIFO stays', async () => {
    const records = path.join(env.BUDDY_CONFIG_DIR as string, 'mcp-installs.json');
    fifoAt(records);
    const result = await run(['doctor']);
    expect(result.code, result.stderr).not.toBeNull();
    expect(result.stdout).toContain(`MCP install records: ${records} is a named pipe (FIFO), not a regular file; Buddy reads only regular files`);
    expect(result.stdout).toMatch(/Claude Code MCP \(user\)/);
    expect(fs.lstatSync(records).isFIFO()).toBe(true);
  });
});
