// The cases of `buddy statusline` fed Claude Code's statusLine payload: drawn in every layout and format,
// and kept alive against everything a host (or a broken disk) can throw at it. One body per case, run by
// whichever ways of running a refresh a suite picks for it: in process (tests/statusline/), and through
// the built bin and the installed command under each shell (tests/e2e/statusline-cli.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import { PROTECTED_SPACE } from '../../src/statusline/render.js';
import type { ConfigData } from '../../src/store/schema.js';
import type { RunResult, Sandbox } from './cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
export const STATUSLINE_USER_ID = 'buddy-93';
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const fixtureText = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const basePayload = (): Record<string, unknown> => JSON.parse(fixtureText('statusline-payload.json')) as Record<string, unknown>;
const SESSION_ID = basePayload().session_id as string;

/**
 * What a case exercises, so a suite can run each where it proves something:
 * - `compact`: the one-line draw through whatever starts Node;
 * - `layouts`: the other layouts, formats and widths (options the light script only hands on to Node);
 * - `copes`: a transcript, session state or config in trouble (files only Node reads);
 * - `payload`: odd payloads on a stdin that closes (what the light script reads of them, then Node);
 * - `flood`: a 10 MB payload (the script reads 64 KiB of it, Node stops at its cap);
 * - `open-stdin`: a stdin the host never closes (only a real process shows that it exits).
 */
export type CaseKind = 'compact' | 'layouts' | 'copes' | 'payload' | 'flood' | 'open-stdin';
export const CASE_KINDS: readonly CaseKind[] = ['compact', 'layouts', 'copes', 'payload', 'flood', 'open-stdin'];

export interface CaseRunner {
  readonly name: string;
  run(args: readonly string[], options: { env: NodeJS.ProcessEnv; input: string }): Promise<RunResult>;
  /** The process of one refresh, its stdin left to the caller: needed by `open-stdin` cases only. */
  spawn?(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams;
}

export interface StatusRun extends RunResult {
  readonly lines: string[];
}

export const withLines = (result: RunResult): StatusRun => ({ ...result, lines: result.stdout.replace(/\n$/, '').split('\n') });

/** What every refresh owes the host, whatever it was given. */
export function expectSaneLine(run: StatusRun): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.lines[0]?.trim().length ?? 0).toBeGreaterThan(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(STACK_FRAME);
}

/** A test's sandbox: a copy of the hatched buddy, its transcript, and the payload that points at it. */
export interface CommandSandbox {
  readonly sandbox: Sandbox;
  readonly env: NodeJS.ProcessEnv;
  readonly name: string;
  readonly transcript: string;
  readonly statusFile: (sessionId?: string) => string;
  /** The fixture payload pointing at this test's transcript, with any fields overridden. */
  readonly payload: (overrides?: Record<string, unknown>) => string;
}

export function commandSandbox(hatched: () => Sandbox): CommandSandbox {
  const sandbox = hatched();
  const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: STATUSLINE_USER_ID };
  const config = JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
  const name = config.buddy?.name ?? '';
  expect(name).not.toBe('');
  const transcript = path.join(sandbox.dir, 'transcript.jsonl');
  fs.writeFileSync(transcript, fixtureText('transcript-tests-passed.jsonl'));
  return {
    sandbox,
    env,
    name,
    transcript,
    statusFile: (sessionId = SESSION_ID) => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(sessionId)}.status.json`),
    payload: (overrides = {}) => JSON.stringify({ ...basePayload(), transcript_path: transcript, ...overrides }),
  };
}

/** Spawns the statusline and writes `chunk` without ever closing stdin, as some hosts do. */
function statuslineWithOpenStdin(runner: CaseRunner, env: NodeJS.ProcessEnv, chunk: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; killed: boolean }> {
  if (!runner.spawn) throw new Error(`${runner.name} cannot run a refresh whose stdin stays open`);
  const child = runner.spawn([], env);
  return new Promise((resolve, reject) => {
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

/** Registers, under `runner`'s name, the cases of the kinds given; `hatched` gives each test its sandbox. */
export function statuslineCommandCases(runner: CaseRunner, kinds: readonly CaseKind[], hatched: () => Sandbox): void {
  const runs = (kind: CaseKind): boolean => kinds.includes(kind);
  // A suite without a test is an error.
  const anyOf = (...some: CaseKind[]): boolean => some.some(runs);
  let at: CommandSandbox;

  async function statusline(input: string, args: readonly string[] = []): Promise<StatusRun> {
    return withLines(await runner.run(args, { env: at.env, input }));
  }

  describe(runner.name, () => {
    beforeEach(() => {
      at = commandSandbox(hatched);
    });

    afterEach(() => {
      at.sandbox.cleanup();
    });

    if (anyOf('compact', 'layouts')) describe('statusline basics', () => {
      if (runs('compact')) it('draws one compact line with the buddy name from the fixture payload', async () => {
        const run = await statusline(at.payload());
        expectSaneLine(run);
        expect(run.lines).toHaveLength(1);
        expect(run.lines[0]).toContain(at.name);
        expect(fs.existsSync(at.statusFile())).toBe(true);
      });

      if (runs('layouts')) it('draws the sprite with the name beside it in the full plain layout', async () => {
        const run = await statusline(at.payload(), ['--layout', 'full', '--format', 'plain']);
        expectSaneLine(run);
        expect(run.lines).toHaveLength(6);
        const nameRow = run.lines.find((line) => line.includes(at.name));
        expect(nameRow).toBeDefined();
        const before = nameRow!.slice(0, nameRow!.indexOf(at.name));
        expect(before.trim().length).toBeGreaterThan(0);
        expect(before.endsWith('  ')).toBe(true);
        for (const line of run.lines) expect(line.startsWith(' '), JSON.stringify(line)).toBe(false);
        expect(run.lines.some((line) => line.startsWith(PROTECTED_SPACE))).toBe(true);
        expect(run.stdout).not.toContain('\u001b');
      });

      if (runs('layouts')) it("speaks tmux's #[fg=…] syntax with --format tmux", async () => {
        const run = await statusline(at.payload(), ['--format', 'tmux']);
        expectSaneLine(run);
        expect(run.lines).toHaveLength(1);
        expect(run.stdout).toContain('#[fg=');
        expect(run.stdout).toContain('#[default]');
        expect(run.stdout).toContain(at.name);
        expect(run.stdout).not.toContain('\u001b');
      });

      if (runs('layouts')) it('keeps the compact line within --width display columns, saying included', async () => {
        expectSaneLine(await statusline(at.payload()));
        const state = JSON.parse(fs.readFileSync(at.statusFile(), 'utf8')) as Record<string, unknown>;
        const said = 'The trace glows brightly. Follow the brightest line all the way down to the cause.';
        fs.writeFileSync(at.statusFile(), JSON.stringify({ ...state, reaction: { event: 'error', text: said, at: Date.now() } }));

        for (const format of ['ansi', 'plain'] as const) {
          const narrow = await statusline(at.payload(), ['--width', '30', '--format', format]);
          expectSaneLine(narrow);
          expect(narrow.lines).toHaveLength(1);
          expect(stringWidth(narrow.lines[0]!)).toBeLessThanOrEqual(30);
          expect(narrow.lines[0]).toContain(at.name);
          expect(narrow.lines[0]!.trimEnd().endsWith('…')).toBe(true);
        }
        const wide = await statusline(at.payload(), ['--width', '200', '--format', 'plain']);
        expect(wide.lines[0]).toContain(said);
      });
    });

    if (anyOf('payload', 'flood', 'open-stdin', 'copes')) describe('the statusline never breaks the host', () => {
      if (runs('payload')) it.each([
        ['empty stdin', ''],
        ['text that is not JSON', 'this is not json {'],
        ['a JSON array', '[1, 2, {"session_id": "x"}]'],
        ['JSON null', 'null'],
      ])('prints a line for %s', async (_label, input) => {
        const run = await statusline(input);
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
      });

      if (runs('payload')) it('ignores fields of the wrong type', async () => {
        const run = await statusline(at.payload({ session_id: 5, transcript_path: {}, cwd: [], workspace: 'nowhere', model: null, cost: 'free' }));
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
      });

      if (runs('flood')) it('survives a 10 MB payload', async () => {
        const big = at.payload({ attachment: 'x'.repeat(10 * 1024 * 1024) });
        expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
        const run = await statusline(big);
        expectSaneLine(run);
      });

      if (runs('open-stdin')) it('prints and exits although stdin never closes', async () => {
        const run = await statuslineWithOpenStdin(runner, at.env, at.payload());
        expect(run.killed).toBe(false);
        expect(run.signal).toBeNull();
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.split('\n')[0]).toContain(at.name);
      });

      if (runs('open-stdin')) it('prints and exits when stdin stays open on half a JSON object', async () => {
        const run = await statuslineWithOpenStdin(runner, at.env, at.payload().slice(0, 200));
        expect(run.killed).toBe(false);
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]?.trim().length ?? 0).toBeGreaterThan(0);
      });

      if (runs('copes')) it('copes with a missing transcript file', async () => {
        const run = await statusline(at.payload({ transcript_path: path.join(at.sandbox.dir, 'gone', 'nothing.jsonl') }));
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
      });

      if (runs('copes')) it('copes with a directory as transcript_path', async () => {
        const run = await statusline(at.payload({ transcript_path: at.sandbox.dir }));
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
      });

      if (runs('copes')) it('copes with a transcript whose last line is half-written', async () => {
        const failing = fixtureText('transcript-tests-failed.jsonl');
        fs.appendFileSync(at.transcript, failing.slice(0, Math.floor(failing.length * 0.7)));
        expectSaneLine(await statusline(at.payload()));
        const run = await statusline(at.payload());
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
      });

      if (runs('copes')) it('copes with a transcript it cannot open', async () => {
        // Mode 0 stops everyone but root; a link to itself (ELOOP) stops root too.
        const loop = path.join(at.sandbox.dir, 'loop.jsonl');
        fs.symlinkSync(loop, loop);
        fs.chmodSync(at.transcript, 0o000);
        try {
          for (const unreadable of [at.transcript, loop]) {
            const run = await statusline(at.payload({ transcript_path: unreadable }));
            expectSaneLine(run);
            expect(run.lines[0]).toContain(at.name);
          }
        } finally {
          fs.chmodSync(at.transcript, 0o644);
        }
      });

      if (runs('copes')) it('treats a corrupt session state file as a fresh session and repairs it', async () => {
        fs.mkdirSync(path.dirname(at.statusFile()), { recursive: true });
        fs.writeFileSync(at.statusFile(), '\u0000{"transcriptSize": 12, garbage');
        const run = await statusline(at.payload());
        expectSaneLine(run);
        expect(run.lines[0]).toContain(at.name);
        const repaired = JSON.parse(fs.readFileSync(at.statusFile(), 'utf8')) as { transcriptSize: number };
        expect(repaired.transcriptSize).toBe(fs.statSync(at.transcript).size);
      });

      if (runs('copes')) it('still prints a line over a corrupt config.json, without touching it', async () => {
        const file = path.join(at.env.BUDDY_CONFIG_DIR as string, 'config.json');
        fs.writeFileSync(file, '{"buddy": {"name": "Half');
        const run = await statusline(at.payload());
        expectSaneLine(run);
        expect(run.lines).toHaveLength(1);
        expect(run.lines[0]).toContain('Nebulynx');
        expect(fs.readFileSync(file, 'utf8')).toBe('{"buddy": {"name": "Half');
      });
    });
  });
}
