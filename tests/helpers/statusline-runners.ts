// The ways a statusline refresh is run in tests: the Node command (`buddy statusline`), and the command
// `buddy install claude-code` writes (the light script), run as Claude Code runs it (`sh -c COMMAND`)
// under each shell found on this machine as /bin/sh would be: dash and bash always (CI installs them),
// BusyBox ash and zsh where present.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import { buddyCommands, FAST_SHELL, shellQuote } from '../../src/integrations/claude-settings.js';
import { BIN, runProcess, type RunOptions, type RunResult } from './cli.js';

export interface StatuslineRunner {
  readonly name: string;
  /** One refresh with these statusline options; stdin gets `options.input` and is closed. */
  run(args: readonly string[], options: RunOptions): Promise<RunResult>;
  /** The process of one refresh, its stdin left to the caller. */
  spawn(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams;
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
    spawn: (args, env) => spawn(...hostArgv(shell, args, nodePath), { env, stdio: ['pipe', 'pipe', 'pipe'] }),
  };
}

export const NODE_RUNNER: StatuslineRunner = {
  name: 'buddy statusline (Node)',
  run: (args, options) => runProcess(options.nodePath ?? process.execPath, [BIN, 'statusline', ...args], options),
  spawn: (args, env) => spawn(process.execPath, [BIN, 'statusline', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] }),
};

/** Every way to run a refresh that the statusline suites go through. */
export const STATUSLINE_RUNNERS: readonly StatuslineRunner[] = [NODE_RUNNER, ...SHELLS.map((shell) => shellRunner(shell))];
