// hatchedSandboxes (tests/helpers/cli.ts) with its one hatch run in process, through the dispatcher the
// built bin hands `buddy hatch` to: for the files whose tests start from a hatched buddy but are not about
// the hatch, so that they start no process for it.
import { cpSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { makeSandbox, type Sandbox } from './cli.js';
import { runInProcess } from './in-process.js';

/** Each call: a new sandbox (or the one given) holding a copy of what one `buddy hatch` for `userId` wrote. */
export function hatchedInProcess(userId: string): (into?: Sandbox) => Sandbox {
  let template: Sandbox | undefined;
  beforeAll(async () => {
    template = makeSandbox();
    const hatched = await runInProcess(['hatch'], { env: { ...template.env, BUDDY_USER_ID: userId } });
    if (hatched.code !== 0) throw new Error(`buddy hatch failed: ${hatched.stderr}`);
  });
  afterAll(() => template?.cleanup());
  return (sandbox = makeSandbox()) => {
    if (!template) throw new Error('hatchedInProcess: the hatch runs before the tests; call this inside one');
    cpSync(template.env.BUDDY_CONFIG_DIR as string, sandbox.env.BUDDY_CONFIG_DIR as string, { recursive: true });
    return sandbox;
  };
}
