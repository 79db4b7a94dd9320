// `buddy mcp` built as one self-contained CommonJS file (dist/mcp.cjs), minified and code-cached: the entry loads it and nothing
// else, so an agent CLI starting the server waits for little more than Node and the MCP SDK.
import { run as serve } from '../cli/commands/mcp.js';
import type { CliIo } from '../cli/io.js';
import { report } from '../cli/report.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await serve(argv.slice(1), io);
  } catch (error) {
    return report(io, error, 'mcp');
  }
}
