// `buddy mcp`: the MCP server over stdin and stdout, which an agent CLI starts itself (buddy install codex,
// gemini or claude-code --mcp registers it). Stdout carries the protocol only; notes go to stderr.
// The built CLI runs this from dist/mcp.cjs, one minified file (see src/entries/main.ts), and loads the buddy's side
// from dist/mcp-tools.mjs when the host first asks for it.
import { serveMcp } from '../../mcp/server.js';
import { MCP } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { VERSION } from '../version.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs(MCP, argv);
  if (io.stdin.isTTY) io.stderr.write('buddy: this is the MCP server, which speaks JSON-RPC on stdin; an agent CLI starts it (see buddy install codex|gemini|copilot|cursor). Ctrl-D ends it.\n');
  await serveMcp(io, VERSION, async () => (await import('../mcp-tools.js')).toolsFor(io.env));
  // Let go of stdin, so the process ends once the last answer is written.
  io.stdin.destroy();
  return 0;
}
