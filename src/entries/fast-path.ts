// The commands an agent CLI runs on every refresh and prompt (statusline, hook prompt, hook
// session-start), built as one self-contained CommonJS file (dist/fast-path.cjs): the entry runs this single
// bundle through V8's code cache (src/cli/code-cache.ts) and loads nothing else, not even the dispatcher.
import { run as hook } from '../cli/commands/hook.js';
import { run as statusline } from '../cli/commands/statusline.js';
import type { CliIo } from '../cli/io.js';
import { report } from '../cli/report.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await (argv[0] === 'statusline' ? statusline : hook)(argv.slice(1), io);
  } catch (error) {
    return report(io, error, argv[0]);
  }
}
