// The ways a statusline refresh is run in tests: the Node command (`buddy statusline`), and the command
// `buddy install claude-code` writes (the light script), run as Claude Code runs it (`sh -c COMMAND`)
// under each shell found on this machine as /bin/sh would be: dash and bash always (CI installs them),
// BusyBox ash and zsh where present.
import { execFileSync, spawn, type ChildProcess, type ChildProcessWithoutNullStreams, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { buddyCommands, FAST_SHELL } from '../../src/installers/hosts/claude-code/commands.js';
import { shellQuote } from '../../src/installers/shell-quote.js';
import type { ConfigData } from '../../src/store/schema.js';
import { BIN, hatchedSandboxes, makeSandbox, runProcess, type RunOptions, type RunResult } from './cli.js';

export interface StatuslineRunner {
  readonly name: string;
  /** One refresh with these statusline options; stdin gets `options.input` and is closed. */
  run(args: readonly string[], options: RunOptions): Promise<RunResult>;
  /**
   * The process of one refresh, its stdin left to the caller (or the descriptor `stdin`, and then
   * `child.stdin` is null); with `witness`, a pipe on WITNESS_FD too.
   */
  spawn(args: readonly string[], env: NodeJS.ProcessEnv, options?: SpawnOptions): ChildProcessWithoutNullStreams;
}

export interface SpawnOptions {
  readonly witness?: boolean;
  readonly stdin?: number;
}

/**
 * A descriptor that every process of a refresh inherits (the light script uses 3 for itself): the
 * refresh's end of its pipe closes when the last of them has exited, orphans included.
 */
export const WITNESS_FD = 5;

function stdio({ witness = false, stdin }: SpawnOptions = {}): StdioOptions {
  const streams = [stdin ?? 'pipe', 'pipe', 'pipe'] as const;
  return witness ? [...streams, 'ignore', 'ignore', 'pipe'] : [...streams];
}

/** Processes whose environment carries BUDDY_TEST_MARK=`mark`, this one aside (Linux: /proc; macOS: ps -E). */
export function processesMarked(mark: string): string[] {
  if (fs.existsSync('/proc/self/environ')) {
    return fs.readdirSync('/proc').filter((entry) => {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return false;
      try {
        return fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`BUDDY_TEST_MARK=${mark}`);
      } catch {
        return false;
      }
    });
  }
  return execFileSync('ps', ['-A', '-E', '-ww', '-o', 'pid=,command='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`BUDDY_TEST_MARK=${mark}`));
}

/** Resolves once every process holding the refresh's witness pipe is gone. */
export function witnessGone(child: ChildProcess): Promise<void> {
  const pipe = (child.stdio as readonly unknown[])[WITNESS_FD] as Readable | null | undefined;
  if (!pipe) throw new Error('spawned without a witness');
  return new Promise((resolve) => {
    pipe.on('close', () => resolve());
    pipe.resume();
  });
}

/** A shell as a command line: `busybox sh` is two words. */
interface Shell {
  readonly name: string;
  readonly argv: readonly string[];
}

function which(program: string): string | undefined {
  try {
    return execFileSync('/bin/sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function findShells(): Shell[] {
  const shells: Shell[] = [];
  for (const name of ['dash', 'bash', 'zsh']) {
    const found = which(name);
    if (found) shells.push({ name, argv: [found] });
  }
  const busybox = which('busybox');
  if (busybox) shells.push({ name: 'busybox ash', argv: [busybox, 'sh'] });
  return shells;
}

export const SHELLS: readonly Shell[] = findShells();
/** The shells the light script must be tested with on every machine. */
export const REQUIRED_SHELLS = ['dash', 'bash'] as const;

/** The installed statusLine command, for a given Node (a counting shim, say) and shell. */
export function installedCommand(shell: Shell, nodePath = process.execPath): string {
  const command = buddyCommands(nodePath, fs.realpathSync(BIN)).statusline;
  if (!command.startsWith(`${FAST_SHELL} `)) throw new Error(`not the light statusline: ${command}`);
  return `${shell.argv.map(shellQuote).join(' ')}${command.slice(FAST_SHELL.length)}`;
}

/** The host's `sh -c COMMAND`, with this shell as sh. */
function hostArgv(shell: Shell, args: readonly string[], nodePath?: string): [string, string[]] {
  const command = [installedCommand(shell, nodePath), ...args.map(shellQuote)].join(' ');
  return [shell.argv[0]!, [...shell.argv.slice(1), '-c', command]];
}

export function shellRunner(shell: Shell, nodePath?: string): StatuslineRunner {
  return {
    name: `installed command under ${shell.name}`,
    run: (args, options) => runProcess(...hostArgv(shell, args, nodePath), options),
    spawn: (args, env, options) => spawn(...hostArgv(shell, args, nodePath), { env, stdio: stdio(options) }) as ChildProcessWithoutNullStreams,
  };
}

export const NODE_RUNNER: StatuslineRunner = {
  name: 'buddy statusline (Node)',
  run: (args, options) => runProcess(options.nodePath ?? process.execPath, [BIN, 'statusline', ...args], options),
  spawn: (args, env, options) => spawn(process.execPath, [BIN, 'statusline', ...args], { env, stdio: stdio(options) }) as ChildProcessWithoutNullStreams,
};

/** Every way to run a refresh that the statusline suites go through. */
export const STATUSLINE_RUNNERS: readonly StatuslineRunner[] = [NODE_RUNNER, ...SHELLS.map((shell) => shellRunner(shell))];

export interface HatchedSandbox {
  readonly sandbox: ReturnType<typeof makeSandbox>;
  /** The sandbox's env with the user and this test's process mark (see processesMarked). */
  readonly env: NodeJS.ProcessEnv;
  readonly name: string;
  readonly mark: string;
}

/**
 * For a file whose tests each start from `userId`'s freshly hatched buddy: the hatch runs once, before the
 * file's tests (hatchedSandboxes), and each call gives a new sandbox holding a copy of it, its env
 * carrying a mark unique to that test.
 */
export function hatchedStatuslineSandboxes(userId: string): () => HatchedSandbox {
  const copyOfHatch = hatchedSandboxes(userId);
  return () => {
    const sandbox = copyOfHatch();
    const mark = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: userId, BUDDY_TEST_MARK: mark };
    const name = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!.name;
    return { sandbox, env, name, mark };
  };
}
/**
 * The Node command and the installed command under the shells every machine tests (dash and bash): for
 * suites about what Node draws, where the light script only decides to start Node. What the script does
 * itself (its frames, its stdin) is tested under every shell found (statusline-fast, statusline-stdin).
 */
export const REQUIRED_RUNNERS: readonly StatuslineRunner[] = [
  NODE_RUNNER,
  ...SHELLS.filter((shell) => (REQUIRED_SHELLS as readonly string[]).includes(shell.name)).map((shell) => shellRunner(shell)),
];
