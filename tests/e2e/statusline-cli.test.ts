// `buddy statusline` end to end: the built bin fed Claude Code's statusLine payload, drawn in every layout
// and format, and kept alive against everything a host (or a broken disk) can throw at it. Every case
// runs through the Node command and through the installed command (the light script) under each shell.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import { PROTECTED_SPACE } from '../../src/statusline/render.js';
import type { ConfigData } from '../../src/store/schema.js';
import { BIN, hatchedSandboxes, runBuddy, type RunResult, type Sandbox } from '../helpers/cli.js';
import { STATUSLINE_RUNNERS, type StatuslineRunner } from '../helpers/statusline-runners.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const USER_ID = 'buddy-93';
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const fixtureText = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const basePayload = (): Record<string, unknown> => JSON.parse(fixtureText('statusline-payload.json')) as Record<string, unknown>;
const SESSION_ID = basePayload().session_id as string;

const hatchedSandbox = hatchedSandboxes(USER_ID);
let sandbox: Sandbox;
let runner: StatuslineRunner;
let env: NodeJS.ProcessEnv;
let name: string;
let transcript: string;

function readConfig(): ConfigData {
  return JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
}

function statusFile(sessionId = SESSION_ID): string {
  return path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(sessionId)}.status.json`);
}

/** The fixture payload pointing at this test's transcript, with any fields overridden. */
function payload(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...basePayload(), transcript_path: transcript, ...overrides });
}

interface StatusRun extends RunResult {
  readonly lines: string[];
}

async function statusline(input: string | Buffer, args: readonly string[] = []): Promise<StatusRun> {
  const result = await runner.run(args, { env, input });
  return { ...result, lines: result.stdout.replace(/\n$/, '').split('\n') };
}

/** What every refresh owes the host, whatever it was given. */
function expectSaneLine(run: StatusRun): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.lines[0]?.trim().length ?? 0).toBeGreaterThan(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(STACK_FRAME);
}

beforeEach(() => {
  sandbox = hatchedSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
  name = readConfig().buddy?.name ?? '';
  expect(name).not.toBe('');
  transcript = path.join(sandbox.dir, 'transcript.jsonl');
  fs.writeFileSync(transcript, fixtureText('transcript-tests-passed.jsonl'));
});

afterEach(() => {
  sandbox.cleanup();
});

/** Spawns the statusline and writes `chunk` without ever closing stdin, as some hosts do. */
function statuslineWithOpenStdin(chunk: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = runner.spawn([], env);
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 5_000);
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, signal, stdout, stderr, killed });
    });
    child.stdin.write(chunk);
  });
}

describe.each(STATUSLINE_RUNNERS)('$name', (each) => {
  beforeEach(() => {
    runner = each;
  });

  describe('statusline basics', () => {
    it('draws one compact line with the buddy name from the fixture payload', async () => {
      const run = await statusline(payload());
      expectSaneLine(run);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]).toContain(name);
      expect(fs.existsSync(statusFile())).toBe(true);
    });

    it('draws the sprite with the name beside it in the full plain layout', async () => {
      const run = await statusline(payload(), ['--layout', 'full', '--format', 'plain']);
      expectSaneLine(run);
      expect(run.lines).toHaveLength(6);
      const nameRow = run.lines.find((line) => line.includes(name));
      expect(nameRow).toBeDefined();
      const before = nameRow!.slice(0, nameRow!.indexOf(name));
      expect(before.trim().length).toBeGreaterThan(0);
      expect(before.endsWith('  ')).toBe(true);
      for (const line of run.lines) expect(line.startsWith(' '), JSON.stringify(line)).toBe(false);
      expect(run.lines.some((line) => line.startsWith(PROTECTED_SPACE))).toBe(true);
      expect(run.stdout).not.toContain('\u001b');
    });

    it("speaks tmux's #[fg=…] syntax with --format tmux", async () => {
      const run = await statusline(payload(), ['--format', 'tmux']);
      expectSaneLine(run);
      expect(run.lines).toHaveLength(1);
      expect(run.stdout).toContain('#[fg=');
      expect(run.stdout).toContain('#[default]');
      expect(run.stdout).toContain(name);
      expect(run.stdout).not.toContain('\u001b');
    });

    it('keeps the compact line within --width display columns, saying included', async () => {
      expectSaneLine(await statusline(payload()));
      const state = JSON.parse(fs.readFileSync(statusFile(), 'utf8')) as Record<string, unknown>;
      const said = 'The trace glows brightly. Follow the brightest line all the way down to the cause.';
      fs.writeFileSync(statusFile(), JSON.stringify({ ...state, reaction: { event: 'error', text: said, at: Date.now() } }));

      for (const format of ['ansi', 'plain'] as const) {
        const narrow = await statusline(payload(), ['--width', '30', '--format', format]);
        expectSaneLine(narrow);
        expect(narrow.lines).toHaveLength(1);
        expect(stringWidth(narrow.lines[0]!)).toBeLessThanOrEqual(30);
        expect(narrow.lines[0]).toContain(name);
        expect(narrow.lines[0]!.trimEnd().endsWith('…')).toBe(true);
      }
      const wide = await statusline(payload(), ['--width', '200', '--format', 'plain']);
      expect(wide.lines[0]).toContain(said);
    });
  });

  describe('the statusline never breaks the host', () => {
    it.each([
      ['empty stdin', ''],
      ['text that is not JSON', 'this is not json {'],
      ['a JSON array', '[1, 2, {"session_id": "x"}]'],
      ['JSON null', 'null'],
    ])('prints a line for %s', async (_label, input) => {
      const run = await statusline(input);
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
    });

    it('ignores fields of the wrong type', async () => {
      const run = await statusline(payload({ session_id: 5, transcript_path: {}, cwd: [], workspace: 'nowhere', model: null, cost: 'free' }));
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
    });

    it('survives a 10 MB payload', async () => {
      const big = payload({ attachment: 'x'.repeat(10 * 1024 * 1024) });
      expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
      const run = await statusline(big);
      expectSaneLine(run);
    });

    it('prints and exits although stdin never closes', async () => {
      const run = await statuslineWithOpenStdin(payload());
      expect(run.killed).toBe(false);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')[0]).toContain(name);
        });

    it('prints and exits when stdin stays open on half a JSON object', async () => {
      const run = await statuslineWithOpenStdin(payload().slice(0, 200));
      expect(run.killed).toBe(false);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]?.trim().length ?? 0).toBeGreaterThan(0);
        });

    it('copes with a missing transcript file', async () => {
      const run = await statusline(payload({ transcript_path: path.join(sandbox.dir, 'gone', 'nothing.jsonl') }));
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
    });

    it('copes with a directory as transcript_path', async () => {
      const run = await statusline(payload({ transcript_path: sandbox.dir }));
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
    });

    it('copes with a transcript whose last line is half-written', async () => {
      const failing = fixtureText('transcript-tests-failed.jsonl');
      fs.appendFileSync(transcript, failing.slice(0, Math.floor(failing.length * 0.7)));
      expectSaneLine(await statusline(payload()));
      const run = await statusline(payload());
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
    });

    it('copes with a transcript it cannot open', async () => {
      // Mode 0 stops everyone but root; a link to itself (ELOOP) stops root too.
      const loop = path.join(sandbox.dir, 'loop.jsonl');
      fs.symlinkSync(loop, loop);
      fs.chmodSync(transcript, 0o000);
      try {
        for (const unreadable of [transcript, loop]) {
          const run = await statusline(payload({ transcript_path: unreadable }));
          expectSaneLine(run);
          expect(run.lines[0]).toContain(name);
        }
      } finally {
        fs.chmodSync(transcript, 0o644);
      }
    });

    it('treats a corrupt session state file as a fresh session and repairs it', async () => {
      fs.mkdirSync(path.dirname(statusFile()), { recursive: true });
      fs.writeFileSync(statusFile(), '\u0000{"transcriptSize": 12, garbage');
      const run = await statusline(payload());
      expectSaneLine(run);
      expect(run.lines[0]).toContain(name);
      const repaired = JSON.parse(fs.readFileSync(statusFile(), 'utf8')) as { transcriptSize: number };
      expect(repaired.transcriptSize).toBe(fs.statSync(transcript).size);
    });

    it('still prints a line over a corrupt config.json, without touching it', async () => {
      const file = path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
      fs.writeFileSync(file, '{"buddy": {"name": "Half');
      const run = await statusline(payload());
      expectSaneLine(run);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]).toContain('Nebulynx');
      expect(fs.readFileSync(file, 'utf8')).toBe('{"buddy": {"name": "Half');
    });
  });
});

interface Unprivileged {
  readonly uid: number;
  readonly gid: number;
  readonly binPath: string;
  readonly cwd: string;
}

/** The user and group IDs of `nobody` from /etc/passwd (65534 where it is not listed). */
function nobodyIds(): { uid: number; gid: number } {
  const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65_534), gid: Number(gid ?? 65_534) };
}

/**
 * Makes the sandbox (config, cache, transcript) nobody's and puts a copy of the built bin in it, so that
 * nobody can run it whatever the permissions of the checkout.
 */
function handSandboxToNobody(): Unprivileged {
  const { uid, gid } = nobodyIds();
  const binDir = path.join(sandbox.dir, 'dist');
  fs.cpSync(path.dirname(BIN), binDir, { recursive: true });
  const chownTree = (target: string): void => {
    fs.lchownSync(target, uid, gid);
    if (fs.lstatSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry));
  };
  chownTree(sandbox.dir);
  fs.chmodSync(sandbox.dir, 0o755);
  return { uid, gid, binPath: path.join(binDir, path.basename(BIN)), cwd: sandbox.dir };
}

/** The error code a process (nobody's, when given) gets reading a file, or 'read' when it can. */
async function readErrorCode(file: string, as: Unprivileged | undefined): Promise<string> {
  const script = `try { require('node:fs').readFileSync(${JSON.stringify(file)}); process.stdout.write('read'); } catch (error) { process.stdout.write(error.code); }`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], ...(as ? { uid: as.uid, gid: as.gid, cwd: as.cwd } : {}) });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

const withLines = (result: RunResult): StatusRun => ({ ...result, lines: result.stdout.replace(/\n$/, '').split('\n') });

describe('an unreadable transcript, for a process that really cannot read it', () => {
  // Root reads any file, so as root (as in CI) the statusline runs as the unprivileged user nobody.
  it('copes with an unreadable transcript', async () => {
    fs.chmodSync(transcript, 0o000);
    const asRoot = process.getuid?.() === 0;
    const unprivileged = asRoot ? handSandboxToNobody() : undefined;
    const run = withLines(await runBuddy(['statusline'], { env, input: payload(), ...unprivileged }));
    expectSaneLine(run);
    expect(run.lines[0]).toContain(name);
    // The file really was out of reach for the process that drew the line, and that process kept its
    // session state (as nobody, in nobody's cache).
    expect(await readErrorCode(transcript, unprivileged)).toBe('EACCES');
    expect(fs.statSync(statusFile()).uid).toBe(unprivileged?.uid ?? process.getuid?.());
  });
});
