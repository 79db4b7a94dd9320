// The commands an agent CLI runs on every refresh and prompt (statusline, hook prompt, hook
// session-start), built as one self-contained file (dist/fast-path.js): the entry loads this single module
// and nothing else, not even the dispatcher.
import { run as hook } from './commands/hook.js';
import { run as statusline } from './commands/statusline.js';
import type { CliIo } from './io.js';
import { report } from './report.js';

export async function runFast(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await (argv[0] === 'statusline' ? statusline : hook)(argv.slice(1), io);
  } catch (error) {
    return report(io, error);
  }
}
