// What a host's stdin may do to a refresh, and what it must never do: hold it. Stdin left open and
// silent, a payload that never ends, bytes trickling in: every way a refresh runs (the Node command, and
// the installed command under each shell) prints its line and returns, and nothing it started (dd, its
// timer, date, Node) outlives it. Processes are followed by events only: the refresh's exit, and a pipe
// that every process it starts inherits (the witness), which closes when the last of them is gone.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../helpers/cli.js';
import { processesMarked, SHELLS, shellRunner, STATUSLINE_RUNNERS, WITNESS_FD, witnessGone, type StatuslineRunner, hatchedStatuslineSandboxes } from '../helpers/statusline-runners.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const USER_ID = 'buddy-93';
const ARGS = ['--format', 'plain', '--width', '200'];

const hatchedSandbox = hatchedStatuslineSandboxes(USER_ID);
let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;
let mark: string;

const payload = (): string => fs.readFileSync(path.join(FIXTURES, 'statusline-payload.json'), 'utf8').trim();
/** The line Node draws when it has no payload to go by: the buddy, idle. */
const idle = (): RegExp => new RegExp(`^\\S+ ${name}$`);

interface Refresh {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What still ran, of what the refresh started, the moment it returned. */
  readonly left: string[];
}

/** Writes `chunk` whenever the pipe takes more, for as long as the refresh runs. */
function endless(chunk: Buffer): (stdin: Writable) => () => void {
  return (stdin) => {
    let stopped = false;
    const pump = (): void => {
      while (!stopped && stdin.write(chunk));
      if (!stopped) stdin.once('drain', pump);
    };
    pump();
    return () => (stopped = true);
  };
}

/** One refresh whose stdin `feed` serves (it returns how to stop); resolves once all it started is gone. */
async function refreshFed(runner: StatuslineRunner, feed: (stdin: Writable) => () => void): Promise<Refresh> {
  const child = runner.spawn(ARGS, env, { witness: true });
  const gone = witnessGone(child);
  const closed = once(child, 'close');
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin.on('error', () => undefined);
  const stop = feed(child.stdin);
  let left: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => {
    // The refresh has returned: nothing it started may still be running.
    left = processesMarked(mark);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const { code, signal } = await exited;
  stop();
  await closed;
  child.stdin.destroy();
  await gone;
  return { code, signal, stdout, stderr, left };
}

function expectLine(refresh: Refresh, line: RegExp | readonly string[]): void {
  expect(refresh.code, refresh.stderr).toBe(0);
  expect(refresh.signal).toBeNull();
  expect(refresh.stderr).toBe('');
  expect(refresh.left).toEqual([]);
  const lines = refresh.stdout.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  if (line instanceof RegExp) expect(lines[0]).toMatch(line);
  else expect(line).toContain(lines[0]);
}

beforeEach(() => {
  ({ sandbox, env, name, mark } = hatchedSandbox());
});

afterEach(() => {
  sandbox.cleanup();
});

describe.each(STATUSLINE_RUNNERS)('$name, whatever stdin does', (runner) => {
  it('prints its line and returns while stdin stays open and silent', async () => {
    expectLine(await refreshFed(runner, () => () => undefined), idle());
  });

  it.each([
    ['y lines (`yes`)', Buffer.from('y\n'.repeat(4096))],
    ['zero bytes (`cat /dev/zero`)', Buffer.alloc(8192)],
    ['bare newlines', Buffer.alloc(8192, '\n')],
  ])('prints its line and returns while a payload of %s never ends', async (_, chunk) => {
    expectLine(await refreshFed(runner, endless(chunk)), idle());
  });

  it('prints its line and returns while a JSON object never closes', async () => {
    const opened = `${payload().slice(0, -1)},"padding":"`;
    const refresh = await refreshFed(runner, (stdin) => {
      stdin.write(opened);
      return endless(Buffer.from('x'.repeat(8192)))(stdin);
    });
    expectLine(refresh, idle());
  });

  it('prints its line and returns while the payload trickles in, a byte at a time', async () => {
    const bytes = Buffer.from(payload());
    const refresh = await refreshFed(runner, (stdin) => {
      let next = 0;
      const timer = setInterval(() => stdin.write(bytes.subarray(next % bytes.length, (next++ % bytes.length) + 1)), 2);
      return () => clearInterval(timer);
    });
    // Node stops reading at its stdin deadline and draws from what it has (its hard budget, which would
    // print the plain face, is widened in tests: tests/helpers/cli.ts).
    expectLine(refresh, idle());
  });
});

/** Whether the `dd` on the PATH is GNU's, which reads without waiting when asked (iflag=nonblock). */
function gnuDd(): boolean {
  try {
    return execFileSync('dd', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('coreutils');
  } catch {
    return false;
  }
}

/**
 * `dd` and `sleep` first on the PATH, each saying on the witness pipe and in the returned log that it ran;
 * with `nonblock: false` that dd refuses iflag=nonblock, as BusyBox's and BSD's do.
 */
function announcing({ nonblock = true } = {}): { env: NodeJS.ProcessEnv; runs: string } {
  const bin = path.join(sandbox.dir, 'announcing-bin');
  fs.mkdirSync(bin);
  const runs = path.join(sandbox.dir, 'runs');
  for (const program of ['dd', 'sleep']) {
    const real = execFileSync('/bin/sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
    const refuse = program === 'dd' && !nonblock ? `case "$*" in *nonblock*) echo "dd: invalid argument 'nonblock' to 'iflag'" >&2; exit 1 ;; esac\n` : '';
    const shim = `#!/bin/sh\necho ${program} >>'${runs}'\necho ${program} >&${WITNESS_FD} 2>/dev/null\n${refuse}exec '${real}' "$@"\n`;
    fs.writeFileSync(path.join(bin, program), shim, { mode: 0o755 });
  }
  return { env: { ...env, PATH: `${bin}:${env.PATH}` }, runs };
}

/** A FIFO for a refresh's stdin, and a writer of it that this test holds for as long as it likes. */
function heldFifo(): { reader: number; writer: number } {
  const fifo = path.join(sandbox.dir, 'stdin.fifo');
  execFileSync('mkfifo', [fifo]);
  // Opened for reading and writing, a FIFO waits for nobody (Linux); the reader then has a writer.
  const writer = fs.openSync(fifo, fs.constants.O_RDWR);
  return { reader: fs.openSync(fifo, fs.constants.O_RDONLY), writer };
}

/** A FIFO holding the whole payload, its writer gone: a refresh's stdin, ready at once. */
function writtenFifo(): number {
  const { reader, writer } = heldFifo();
  fs.writeSync(writer, payload());
  fs.closeSync(writer);
  return reader;
}

/**
 * Stops the light script as a host would, once it waits for stdin, and keeps writing nothing into it
 * (as `sleep 8 | sh statusline.sh` does): then nothing the script started may remain.
 */
async function stopWhileWaiting(shell: (typeof SHELLS)[number]): Promise<void> {
  const { reader, writer } = heldFifo();
  const child = shellRunner(shell).spawn(ARGS, env, { witness: true, stdin: reader });
  fs.closeSync(reader);
  const exited = once(child, 'exit');
  const gone = witnessGone(child);
  const witness = (child.stdio as readonly unknown[])[WITNESS_FD] as NodeJS.ReadableStream;
  // Once dd or sleep runs, the script waits for a first byte.
  await new Promise<void>((resolve) => witness.on('data', (text: Buffer) => /dd|sleep/.test(text.toString()) && resolve()));
  child.kill('SIGTERM');
  await exited;
  // The end of the last process holding the witness pipe: dd and sleep did not outlive the wait.
  await gone;
  expect(processesMarked(mark)).toEqual([]);
  fs.closeSync(writer);
}

describe.each(SHELLS)('the light statusline under $name, waiting for stdin', (shell) => {
  it('leaves nothing running when the host stops it while it waits', async () => {
    env = announcing().env;
    await stopWhileWaiting(shell);
  });

  it.runIf(shell.name !== 'dash' || gnuDd())('reads a payload already written with one dd, and sleeps not', async () => {
    // bash, zsh and BusyBox ash tell that stdin is ready; under dash, GNU dd reads without waiting.
    const announced = announcing();
    env = announced.env;
    const stdin = writtenFifo();
    const child = shellRunner(shell).spawn(ARGS, env, { stdin });
    fs.closeSync(stdin);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    expect(stdout.replace(/\n$/, '')).toMatch(idle());
    expect(fs.readFileSync(announced.runs, 'utf8')).toBe('dd\n');
  });
});

describe.runIf(SHELLS.some((shell) => shell.name === 'dash'))('the light statusline under dash, with a dd that cannot read without waiting', () => {
  // BusyBox's dd and BSD's: dd then reads in the background while `date` runs, and a timer bounds it.
  const dash = SHELLS.find((shell) => shell.name === 'dash')!;

  beforeEach(() => {
    env = announcing({ nonblock: false }).env;
  });

  it('prints its line and returns while stdin stays open and silent', async () => {
    expectLine(await refreshFed(shellRunner(dash), () => () => undefined), idle());
  });

  it('prints its line and returns while a payload of y lines never ends', async () => {
    expectLine(await refreshFed(shellRunner(dash), endless(Buffer.from('y\n'.repeat(4096)))), idle());
  });

  it('prints the line for a payload already written', async () => {
    const stdin = writtenFifo();
    const run = shellRunner(dash).spawn(ARGS, env, { stdin });
    fs.closeSync(stdin);
    let stdout = '';
    run.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    const [code] = (await once(run, 'close')) as [number | null];
    expect(code).toBe(0);
    expect(stdout.replace(/\n$/, '')).toMatch(idle());
  });

  it('leaves nothing running when the host stops it while it waits', async () => {
    await stopWhileWaiting(dash);
  });
});
