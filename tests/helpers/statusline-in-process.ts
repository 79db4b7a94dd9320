// A statusline refresh in this process: `buddy statusline ARGS` through the dispatcher the built bin runs
// (runInProcess), stdin given whole and closed. For the many cases of what Node draws and copes with,
// whose wiring to a real process (its exit, its stdin, the light script in front of it) the end-to-end
// suites run once per way a host starts it.
import type { RunResult } from './cli.js';
import { runInProcess } from './in-process.js';

/**
 * The command's hard budget (BUDDY_STATUSLINE_BUDGET_MS) in process: a day. Past its budget the command
 * prints the plain face and ends the process (process.exit), which in process would be the test worker's;
 * the test's own timeout comes long before.
 */
const IN_PROCESS_BUDGET_MS = String(24 * 60 * 60_000);

export interface InProcessRefreshOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly input?: string;
}

/** One refresh with these statusline options, in this process. */
export function statuslineInProcess(args: readonly string[], options: InProcessRefreshOptions): Promise<RunResult> {
  return runInProcess(['statusline', ...args], { env: { ...options.env, BUDDY_STATUSLINE_BUDGET_MS: IN_PROCESS_BUDGET_MS }, input: options.input ?? '' });
}

/** The in-process refresh, shaped as the end-to-end suites' runners (statusline-runners.ts) are. */
export const IN_PROCESS_RUNNER = {
  name: 'buddy statusline (in process)',
  run: (args: readonly string[], options: InProcessRefreshOptions): Promise<RunResult> => statuslineInProcess(args, options),
} as const;
