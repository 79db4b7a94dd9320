// A command in process as the built bin would run it from a folder: process.argv[1] is the built bin (which
// install, uninstall and doctor read as this copy of Buddy, and write into the hosts' files) and the working
// directory is the folder given (which --project, doctor and uninstall --all read). Both are put back when
// the command is done, so nothing is left behind for the next test in the shared worker. Being the
// process's own, they hold for one command at a time: commands started together here run one after another.
import { BIN, type RunResult } from './cli.js';
import { runInProcess, type InProcessOptions } from './in-process.js';

export interface InProcessAtOptions extends InProcessOptions {
  readonly cwd: string;
  /** The copy of Buddy the command runs as: the built bin unless given (another copy of dist/, say). */
  readonly bin?: string;
}

let queue: Promise<unknown> = Promise.resolve();

export function runInProcessAt(argv: readonly string[], options: InProcessAtOptions): Promise<RunResult> {
  const run = queue.then(() => runAt(argv, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runAt(argv: readonly string[], options: InProcessAtOptions): Promise<RunResult> {
  const { cwd, bin = BIN, ...rest } = options;
  const script = process.argv[1];
  const here = process.cwd();
  process.argv[1] = bin;
  process.chdir(cwd);
  try {
    return await runInProcess(argv, rest);
  } finally {
    if (script === undefined) process.argv.splice(1);
    else process.argv[1] = script;
    process.chdir(here);
  }
}
