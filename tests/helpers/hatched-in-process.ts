// hatchedSandboxes (tests/helpers/cli.ts) with its one hatch run in process, through the dispatcher the
// built bin hands `buddy hatch` to: for the files whose tests start from a hatched buddy but are not about
// the hatch, so that they start no process for it.
import { hatchedSandboxes, type Sandbox } from './cli.js';
import { runInProcess } from './in-process.js';

/** Each call: a new sandbox (or the one given) holding a copy of what one `buddy hatch` for `userId` wrote. */
export function hatchedInProcess(userId: string): (into?: Sandbox) => Sandbox {
  return hatchedSandboxes(userId, runInProcess);
}
