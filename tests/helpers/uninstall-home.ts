// A throwaway home with a project folder (acme) for `buddy uninstall --all`, made before each test and
// removed after it. The runner (in process or the built bin, in a chosen folder) is the caller's, so the
// same setup serves tests/installers/uninstall-all.test.ts and tests/e2e/uninstall-all.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { makeSandbox, type RunResult } from './cli.js';

export type RunAt = (args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string }) => Promise<RunResult>;

export interface UninstallHome {
  readonly sandbox: ReturnType<typeof makeSandbox>;
  /** The project folder, acme, inside the home. */
  readonly project: string;
  /** Runs Buddy as uninstall-all-1, by default in the project folder. */
  buddy(args: readonly string[], cwd?: string): Promise<RunResult>;
  /** The same, expecting it to succeed. */
  ok(args: readonly string[], cwd?: string): Promise<RunResult>;
}

export function useUninstallHome(run: RunAt): UninstallHome {
  let current: { sandbox: ReturnType<typeof makeSandbox>; project: string } | undefined;
  beforeEach(() => {
    const sandbox = makeSandbox();
    const project = path.join(sandbox.dir, 'acme');
    fs.mkdirSync(project);
    current = { sandbox, project };
  });
  afterEach(() => current?.sandbox.cleanup());
  const opened = () => {
    if (current === undefined) throw new Error('the uninstall home is made in beforeEach');
    return current;
  };

  const home: UninstallHome = {
    get sandbox() {
      return opened().sandbox;
    },
    get project() {
      return opened().project;
    },
    buddy: (args, cwd = home.project) => run(args, { env: { ...home.sandbox.env, BUDDY_USER_ID: 'uninstall-all-1' }, cwd }),
    async ok(args, cwd = home.project) {
      const result = await home.buddy(args, cwd);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result;
    },
  };
  return home;
}
