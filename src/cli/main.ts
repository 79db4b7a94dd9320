#!/usr/bin/env node
// The `buddy` executable: wire the real process to the dispatcher. No static imports: the statusline
// and hooks, run by an agent CLI on every refresh, load one self-contained module (dist/fast-path.js), so
// does the MCP server (dist/mcp.js), and everything else loads the dispatcher, which loads only the command
// asked for.
import module from 'node:module';
import type { CliIo } from './io.js';

// Node 22 can keep compiled code on disk between runs (Node 20 lacks this and skips it): every start,
// the statusline's included, then parses less. The cache lives in the OS temp folder, managed by Node.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

let stdoutGuarded = false;

/** Closed pipes (`buddy roll --batch | head`, a host that stopped reading) are normal endings, not crashes. */
function guardedStdout(): NodeJS.WriteStream {
  const stream = process.stdout;
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.stderr.write(`buddy: ${error.message.split('\n')[0]}\n`);
      process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
    });
  }
  return stream;
}

// The standard streams are created on first use (each costs a few milliseconds to set up).
const io: CliIo = {
  get stdout() {
    return guardedStdout();
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  descriptors: { stdout: 1 },
};

async function run(argv: readonly string[]): Promise<number> {
  // `--help` goes to the dispatcher, which knows every command's usage.
  const asksHelp = argv.includes('--help') || argv.includes('-h');
  const fast = !asksHelp && (argv[0] === 'statusline' || (argv[0] === 'hook' && argv[1] !== 'reply'));
  if (fast) {
    const fastPath = new URL('./fast-path.js', import.meta.url);
    // From the sources (no bundle beside this file) the dispatcher serves these commands too.
    const module = (await import(fastPath.href).catch(() => undefined)) as
      | { runFast: (argv: readonly string[], io: CliIo) => Promise<number> }
      | undefined;
    if (module) return module.runFast(argv, io);
  }
  if (!asksHelp && argv[0] === 'mcp') {
    // The MCP server has a self-contained file of its own too (dist/mcp.js); the sources use the dispatcher.
    const mcpPath = new URL('./mcp.js', import.meta.url);
    const module = (await import(mcpPath.href).catch(() => undefined)) as
      | { runMcp: (argv: readonly string[], io: CliIo) => Promise<number> }
      | undefined;
    if (module) return module.runMcp(argv, io);
  }
  const { main } = await import('./dispatch.js');
  return main(argv, io);
}

process.exitCode = await run(process.argv.slice(2));
