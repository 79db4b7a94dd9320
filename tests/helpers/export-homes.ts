// Throwaway homes for `buddy export` and `buddy import`, as many as a test asks for, all removed after it.
// The runner (in process or the built bin) is the caller's, so the same setup serves
// tests/buddy/export-import.test.ts and tests/e2e/export-import-cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { makeSandbox, type RunResult } from './cli.js';

export type Sandbox = ReturnType<typeof makeSandbox>;
export type Buddy = (sandbox: Sandbox, args: readonly string[]) => Promise<RunResult>;

export const configOf = (sandbox: Sandbox, name = 'config.json'): string => path.join(sandbox.env.BUDDY_CONFIG_DIR!, name);
export const bytes = (file: string): Buffer => fs.readFileSync(file);

export interface ExportHomes {
  /** A fresh home whose identity is `userId`. */
  home(userId?: string): Sandbox;
  /** A home with a hatched buddy that has grown a little and said a few things. */
  grownHome(userId?: string): Promise<Sandbox>;
}

export function useExportHomes(buddy: Buddy): ExportHomes {
  let homes: Sandbox[] = [];
  beforeEach(() => {
    homes = [];
  });
  afterEach(() => {
    for (const sandbox of homes) sandbox.cleanup();
  });

  function home(userId = 'export-user-1'): Sandbox {
    const sandbox = makeSandbox();
    sandbox.env.BUDDY_USER_ID = userId;
    homes.push(sandbox);
    return sandbox;
  }

  async function grownHome(userId?: string): Promise<Sandbox> {
    const sandbox = home(userId);
    for (const args of [['hatch'], ['pet'], ['feed'], ['say', 'hello there']]) {
      const result = await buddy(sandbox, args);
      expect(result.code, result.stderr).toBe(0);
    }
    return sandbox;
  }

  return { home, grownHome };
}
