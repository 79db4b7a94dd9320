// A throwaway home for growth-cli-1, made before each test and removed after it, with a hatch and a reader
// of the stored growth. The runner (in process or the built bin) is the caller's, so the same setup serves
// tests/buddy/growth-commands.test.ts and tests/e2e/growth-cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { sandboxPerTest, type RunResult, type Sandbox } from './cli.js';

export type Runner = (args: readonly string[], options: { env: NodeJS.ProcessEnv }) => Promise<RunResult>;

export interface GrowthHome {
  readonly sandbox: Sandbox;
  /** The sandbox's environment with growth-cli-1's identity. */
  readonly env: NodeJS.ProcessEnv;
  /** The stored growth, untyped as the tests read it. */
  readGrowth(): any;
  /** Hatches the buddy and gives its name. */
  hatched(): Promise<string>;
}

export function useGrowthHome(run: Runner): GrowthHome {
  const opened = sandboxPerTest('the growth home', (sandbox) => ({ sandbox, env: { ...sandbox.env, BUDDY_USER_ID: 'growth-cli-1' } }));

  const home: GrowthHome = {
    get sandbox() {
      return opened().sandbox;
    },
    get env() {
      return opened().env;
    },
    readGrowth: () => JSON.parse(fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')).buddy.growth,
    async hatched() {
      const result = await run(['hatch'], { env: home.env });
      expect(result.code, result.stderr).toBe(0);
      return /^(\S+) hatched!/.exec(result.stdout)![1]!;
    },
  };
  return home;
}
