// A throwaway home for `buddy rescue` with a fixture Claude Code config, made before each test and removed
// after it. Claude Code's config is read only: every run through `buddy` checks it is byte for byte as it
// was. The runner (in process or the built bin) is the caller's, so the same setup serves
// tests/cli/rescue.test.ts and tests/e2e/rescue.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { sandboxPerTest, type RunResult, type Sandbox } from './cli.js';

export type Runner = (args: readonly string[], options: { env: NodeJS.ProcessEnv; input?: string }) => Promise<RunResult>;

export interface RescueHome {
  readonly sandbox: Sandbox;
  /** The sandbox's own environment: a test may change it for the rest of that test. */
  readonly env: NodeJS.ProcessEnv;
  /** The Claude Code config in use and the bytes it must keep; a test that rewrites it on purpose sets both. */
  claudeFile: string;
  original: Buffer;
  configFile(): string;
  readConfig(): ConfigData;
  /** Copies the fixture `name` to Claude Code's config (by default in CLAUDE_CONFIG_DIR). */
  useClaudeConfig(name: string, file?: string): void;
  /** Runs Buddy, then checks Claude Code's own file is exactly as it was. */
  buddy(args: readonly string[], input?: string): Promise<RunResult>;
  /** `buddy rescue` once more: exit 0, `said` and nothing else, and Buddy's config byte for byte as before. */
  rescueChangesNothing(said: string): Promise<void>;
}

const fixture = (name: string): Buffer => fs.readFileSync(new URL(`../fixtures/claude-code/rescue/${name}`, import.meta.url));

export function useRescueHome(run: Runner): RescueHome {
  const current = sandboxPerTest('the sandbox', (sandbox) => ({ sandbox }));

  const home: RescueHome = {
    get sandbox() {
      return current().sandbox;
    },
    get env() {
      return home.sandbox.env;
    },
    claudeFile: '',
    original: Buffer.alloc(0),
    configFile: () => path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'),
    readConfig: () => JSON.parse(fs.readFileSync(home.configFile(), 'utf8')) as ConfigData,
    useClaudeConfig(name, file = path.join(home.env.CLAUDE_CONFIG_DIR as string, '.claude.json')) {
      home.claudeFile = file;
      home.original = fixture(name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, home.original);
    },
    async buddy(args, input) {
      const result = await run(args, { env: home.env, ...(input === undefined ? {} : { input }) });
      // Whatever happened, Claude Code's own file is exactly as it was.
      expect(fs.readFileSync(home.claudeFile).equals(home.original), `${args.join(' ')} left ~/.claude.json alone`).toBe(true);
      return result;
    },
    async rescueChangesNothing(said) {
      const before = fs.readFileSync(home.configFile());
      const again = await home.buddy(['rescue']);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(said);
      expect(again.stderr).toBe('');
      expect(fs.readFileSync(home.configFile()).equals(before)).toBe(true);
    },
  };
  return home;
}
