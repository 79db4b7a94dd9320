// A throwaway home with a project folder (acme) for `buddy uninstall --all`, made before each test and
// removed after it. The runner (in process or the built bin, in a chosen folder) is the caller's, so the
// same setup serves tests/installers/uninstall-all.test.ts and tests/e2e/uninstall-all.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { sandboxPerTest, type RunResult, type Sandbox } from './cli.js';

export type RunAt = (args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string }) => Promise<RunResult>;

export interface UninstallHome {
  readonly sandbox: Sandbox;
  /** The project folder, acme, inside the home. */
  readonly project: string;
  /** Runs Buddy as uninstall-all-1, by default in the project folder. */
  buddy(args: readonly string[], cwd?: string): Promise<RunResult>;
  /** The same, expecting it to succeed. */
  ok(args: readonly string[], cwd?: string): Promise<RunResult>;
}

export function useUninstallHome(run: RunAt): UninstallHome {
  const opened = sandboxPerTest('the uninstall home', (sandbox) => {
    const project = path.join(sandbox.dir, 'acme');
    fs.mkdirSync(project);
    return { sandbox, project };
  });

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
