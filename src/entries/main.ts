#!/usr/bin/env node
// The `buddy` executable: wire the real process to the dispatcher. Built as a small CommonJS file
// (dist/buddy.js), because Node starts a CommonJS entry faster than an ES module one, and with no static
// imports of Buddy's own: the statusline and hooks, run by an agent CLI on every refresh, load one
// self-contained bundle (dist/fast-path.cjs) through V8's code cache, and so does the MCP server
// (dist/mcp.cjs); everything else loads the dispatcher (an ES module), which loads only the command asked for.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../store/paths.js';
import { loadBundle } from '../cli/code-cache.js';
import type { CliIo } from '../cli/io.js';

// Node 22 can keep compiled code on disk between runs (Node 20 lacks this and skips it): every start of
// the dispatcher's commands then parses less. That cache lives in the OS temp folder, managed by Node.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** Content hashes of the bundles beside this file, filled in by the build (empty when run from the sources). */
declare const BUDDY_BUNDLE_HASHES: Readonly<Record<string, string>> | undefined;
const bundleHashes: Readonly<Record<string, string>> = typeof BUDDY_BUNDLE_HASHES === 'undefined' ? {} : BUDDY_BUNDLE_HASHES;
/** The dispatcher: an ES module bundle beside the built entry, the TypeScript module in the sources. */
declare const BUDDY_DISPATCHER: string | undefined;
const DISPATCHER = typeof BUDDY_DISPATCHER === 'undefined' ? '../cli/dispatch.js' : BUDDY_DISPATCHER;

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

type CommandModule = { readonly run: (argv: readonly string[], io: CliIo) => Promise<number> };

/**
 * Runs a command from one of the self-contained bundles, or returns undefined when there is no such bundle
 * beside this file (run from the sources, the dispatcher serves every command). A long-running command
 * (the MCP server, which its host may well kill rather than close) keeps its code cache after `saveAfterMs`.
 */
async function runBundle(name: string, kind: string, argv: readonly string[], saveAfterMs?: number): Promise<number | undefined> {
  const hash = bundleHashes[name];
  if (hash === undefined) return undefined;
  const bundle = loadBundle<CommandModule>({ file: fileURLToPath(new URL(`./${name}`, import.meta.url)), cacheDir: cacheDir(io.env), hash, kind });
  if (saveAfterMs !== undefined) setTimeout(bundle.saveCache, saveAfterMs).unref();
  const code = await bundle.exports.run(argv, io);
  bundle.saveCache();
  return code;
}

/** By then the MCP server has answered its host's first requests, whose code the cache should hold. */
const MCP_CACHE_AFTER_MS = 3_000;

async function run(argv: readonly string[]): Promise<number> {
  // `--help` goes to the dispatcher, which knows every command's usage.
  const asksHelp = argv.includes('--help') || argv.includes('-h');
  if (!asksHelp && (argv[0] === 'statusline' || (argv[0] === 'hook' && argv[1] !== 'reply' && argv[1] !== 'remark'))) {
    const code = await runBundle('fast-path.cjs', argv[0], argv);
    if (code !== undefined) return code;
  }
  if (!asksHelp && argv[0] === 'mcp') {
    const code = await runBundle('mcp.cjs', 'mcp', argv, MCP_CACHE_AFTER_MS);
    if (code !== undefined) return code;
  }
  const { main } = (await import(DISPATCHER)) as { main: (argv: readonly string[], io: CliIo) => Promise<number> };
  return main(argv, io);
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
