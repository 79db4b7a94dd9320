// Bounded work on any input: special files as transcripts, oversized payloads, closed pipes, control
// characters in prompts, and hostile `roll --batch` input. Every case ends (the runner kills a hung
// process, which fails the test), with one line on stderr at most and never a stack trace.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import type { HookState } from '../../src/statusline/session-state.js';
import { BIN, hatchedSandboxes, makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const USER_ID = 'buddy-93';
let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
});
afterEach(() => sandbox.cleanup());

const hatchedSandbox = hatchedSandboxes(USER_ID);

/** The buddy `buddy hatch` writes, in this test's sandbox (copied from the file's one hatch). */
function hatch(): string {
  hatchedSandbox(sandbox);
  return (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as { buddy: { name: string } }).buddy.name;
}

function statusline(input: string | Buffer): Promise<RunResult> {
  return runBuddy(['statusline', '--format', 'plain', '--width', '200'], { env, input, timeoutMs: 10_000 });
}

/** Runs buddy with its stdout a pipe whose reader has already gone; reports buddy's own exit status. */
function runIntoClosedPipe(args: readonly string[], input = ''): Promise<{ status: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `true` exits at once and closes the pipe's reading end long before Node has started.
    const script = 'node "$0" "$@" | true; echo "status=${PIPESTATUS[0]}" >&2';
    const child = spawn('bash', ['-c', script, BIN, ...args], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const status = /status=(\d+)/.exec(stderr)?.[1] ?? 'none';
      resolve({ status, stderr: stderr.replace(/status=\d+\n?/, '') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

describe('statusline transcript_path that is not a regular file', () => {
  it('draws at once for a FIFO nobody writes to', async () => {
    hatch();
    const fifo = path.join(sandbox.dir, 'transcript.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await statusline(JSON.stringify({ session_id: 'fifo', transcript_path: fifo }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).not.toBe('');
  });

  it('draws for a socket and for a device', async () => {
    hatch();
    const socketPath = path.join(sandbox.dir, 'transcript.sock');
    const server = net.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      for (const transcript of [socketPath, '/dev/zero', '/dev/null', sandbox.dir]) {
        const result = await statusline(JSON.stringify({ session_id: 'special', transcript_path: transcript }));
        expect(result.code, `${transcript}: ${result.stderr}`).toBe(0);
        expect(result.stdout.trim()).not.toBe('');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('payloads over 1 MB', () => {
  it('statusline stops reading and draws the buddy from what it knows', async () => {
    const name = hatch();
    const payload = JSON.stringify({ session_id: 'big', filler: 'x'.repeat(3 * 1024 * 1024) });
    const result = await statusline(payload);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(name);
  });

  it('hooks stop reading and exit quietly', async () => {
    hatch();
    const payload = JSON.stringify({ session_id: 'big', prompt: 'hello', filler: 'x'.repeat(3 * 1024 * 1024) });
    for (const kind of ['prompt', 'session-start']) {
      const result = await runBuddy(['hook', kind], { env, input: payload });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    }
  });
});

describe('a closed stdout (EPIPE)', () => {
  const commands: Array<[string, string[], string?]> = [
    ['roll', ['roll']],
    ['roll --json', ['roll', '--json']],
    ['roll --batch', ['roll', '--batch'], 'a\nb\nc\n'.repeat(20_000)],
    ['odds', ['odds']],
    ['dex', ['dex']],
    ['whoami', ['whoami']],
    ['config', ['config']],
    ['help', ['--help']],
    ['the piped pet card', []],
    ['list', ['list']],
    ['doctor', ['doctor']],
    ['say', ['say', 'hello']],
    ['hatch (already hatched)', ['hatch']],
    ['roll --help', ['roll', '--help']],
    ['statusline', ['statusline'], '{}'],
  ];
  it.each(commands)('%s exits quietly', async (_label, args, input) => {
    hatch();
    const result = await runIntoClosedPipe(args, input);
    expect(result.stderr).toBe('');
    expect(result.status).toBe('0');
  });

  it('hook session-start exits quietly and introduces the buddy on the next start instead', async () => {
    hatch();
    const input = JSON.stringify({ session_id: 'closed-pipe', hook_event_name: 'SessionStart' });
    const closed = await runIntoClosedPipe(['hook', 'session-start'], input);
    expect(closed.stderr).toBe('');
    expect(closed.status).toBe('0');
    const hookFile = path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey('closed-pipe')}.hook.json`);
    expect(fs.existsSync(hookFile) ? (JSON.parse(fs.readFileSync(hookFile, 'utf8')) as HookState).introduced : undefined).toBeUndefined();
    const open = await runBuddy(['hook', 'session-start'], { env, input });
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('SessionStart');
  });
});

describe('a prompt with NUL and other control characters', () => {
  it('still gets its context line, an answer, and never reaches the debug log', async () => {
    const name = hatch();
    const secret = 'zebra-secret-words';
    const prompt = `${name}\u0000, are you there? \u001b[31m${secret}\u0007\u0001`;
    const result = await runBuddy(['hook', 'prompt'], { env, input: JSON.stringify({ session_id: 'nul', prompt }) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('UserPromptSubmit');
    const hookFile = path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey('nul')}.hook.json`);
    // The detached job answers, so the thinking mark goes away without waiting for its 30 s limit.
    await vi.waitFor(() => expect((JSON.parse(fs.readFileSync(hookFile, 'utf8')) as HookState).reply).toBeDefined(), { timeout: 10_000, interval: 50 });
    const log = path.join(env.BUDDY_CACHE_DIR as string, 'debug.log');
    if (fs.existsSync(log)) expect(fs.readFileSync(log, 'utf8')).not.toContain(secret);
  });
});

describe('roll --batch on hostile input', () => {
  it('turns a line over 64 KB and a line of invalid UTF-8 into error lines and reads on', async () => {
    const input = Buffer.concat([
      Buffer.from('first\n'),
      Buffer.alloc(70_000, 0x61),
      Buffer.from('\n'),
      Buffer.from([0x78, 0xff, 0x0a]),
      Buffer.from([0x78, 0xef, 0xbf, 0xbd, 0x0a]),
      Buffer.from('last'),
    ]);
    const result = await runBuddy(['roll', '--batch'], { env, input });
    expect(result.code).toBe(1);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ userId: 'first' });
    expect(rows[1]).toEqual({ line: 2, error: 'line is longer than 65536 bytes' });
    expect(rows[2]).toEqual({ line: 3, error: 'line is not valid UTF-8' });
    // A real U+FFFD is a valid character: it rolls, and its hash is not the invalid line's.
    expect(rows[3]).toMatchObject({ userId: 'x\ufffd' });
    expect(rows[4]).toMatchObject({ userId: 'last' });
  });

  it('the same on the worker path', async () => {
    const ids = Array.from({ length: 60_000 }, (_, index) => `bulk-${index}`);
    const input = Buffer.concat([Buffer.from(ids.slice(0, 30_000).join('\n') + '\n'), Buffer.alloc(200_000, 0x62), Buffer.from([0x0a, 0xc3, 0x0a]), Buffer.from(ids.slice(30_000).join('\n'))]);
    const result = await runBuddy(['roll', '--batch'], { env, input, timeoutMs: 60_000 });
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(60_002);
    expect(JSON.parse(lines[30_000]!)).toEqual({ line: 30_001, error: 'line is longer than 65536 bytes' });
    expect(JSON.parse(lines[30_001]!)).toEqual({ line: 30_002, error: 'line is not valid UTF-8' });
    expect(JSON.parse(lines[60_001]!)).toMatchObject({ userId: 'bulk-59999' });
  });

  it('a stdin that is a directory or closed is one line and exit 2', async () => {
    for (const redirect of ['< /', '<&-']) {
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn('bash', ['-c', `node "$0" roll --batch ${redirect}`, BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.code, redirect).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), redirect).toHaveLength(1);
    }
  });
});

describe('bad numbers are one line and exit 2', () => {
  const cases: string[][] = [
    ['odds', '--sample', '-1'],
    ['odds', '--sample=-1'],
    ['odds', '--sample', '0'],
    ['odds', '--sample', '1.5'],
    ['odds', '--sample', '1e3'],
    ['odds', '--sample', '0x10'],
    ['odds', '--sample', ''],
    ['odds', '--sample', '99999999999999999999999'],
    ['odds', '--sample'],
    ['statusline', '--width', '-3'],
    ['statusline', '--width', 'wide'],
  ];
  // The statusline through the built bin (which runs it from its own bundle), and the first case too; the
  // others in process, through the dispatcher the bin hands them to.
  it.each(cases)('%s %s %s', async (...args) => {
    const throughTheBin = args[0] === 'statusline' || args.join(' ') === cases[0]!.join(' ');
    const result = throughTheBin ? await runBuddy(args, { env }) : await runInProcess(args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^buddy: /);
  });
});

describe('whoami --show', () => {
  it('never prints control characters from the ID', async () => {
    const result = await runBuddy(['whoami', '--show'], { env: { ...env, BUDDY_USER_ID: 'evil\u001b]0;owned\u0007id' } });
    // eslint-disable-next-line no-control-regex
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
