// A hatched buddy-93 in a throwaway home with a temporary CLAUDE_CONFIG_DIR, made before each test and
// removed after it, with readers for Claude Code's settings, Buddy's config and its backups. The runner (in
// process or the built bin, in a chosen working directory) is the caller's, so the same setup serves
// tests/installers/install-commands.test.ts and tests/e2e/install.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buddyCommands } from '../../src/installers/hosts/claude-code/commands.js';
import type { ConfigData } from '../../src/store/schema.js';
import { BIN, hatchedSandboxes, type RunResult, type Sandbox } from './cli.js';
import { onTopOf, useHatchedHome, type HatchedHome } from './hatched-home.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
export const USER_ID = 'buddy-93';

export type Settings = { [key: string]: unknown };
export const COMMANDS = buddyCommands(process.execPath, fs.realpathSync(BIN));

export type RunAt = (args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string }) => Promise<RunResult>;

export interface InstallHome {
  readonly sandbox: Sandbox;
  /** The sandbox's environment with buddy-93's identity. */
  readonly env: NodeJS.ProcessEnv;
  /** The hatched buddy's name. */
  readonly name: string;
  /** Claude Code's user settings file in the sandbox. */
  readonly settingsFile: string;
  readSettings(file?: string): Settings;
  readConfig(): ConfigData;
  /** Every backup Buddy keeps, for any settings file (they live in Buddy's config dir, never beside the settings). */
  backups(): string[];
  statuslinePayload(): string;
  /** Runs a command in a chosen working directory (for --project and the doctor's project check). */
  runAt(args: readonly string[], cwd: string): Promise<RunResult>;
  /** Runs a command in the sandbox's own folder. */
  buddy(...args: string[]): Promise<RunResult>;
}

export function useInstallHome(run: RunAt): InstallHome {
  const hatched = useHatchedHome({}, hatchedSandboxes);

  const home: InstallHome = onTopOf<Omit<InstallHome, keyof HatchedHome>>(hatched, {
    get settingsFile() {
      return path.join(home.env.CLAUDE_CONFIG_DIR as string, 'settings.json');
    },
    readSettings: (file = home.settingsFile) => JSON.parse(fs.readFileSync(file, 'utf8')) as Settings,
    readConfig: () => JSON.parse(fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData,
    backups() {
      const root = path.join(home.env.BUDDY_CONFIG_DIR as string, 'claude-code-backups');
      return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json')) : [];
    },
    statuslinePayload: () => fs.readFileSync(path.join(FIXTURES, 'statusline-payload.json'), 'utf8'),
    runAt: (args, cwd) => run(args, { env: home.env, cwd }),
    buddy: (...args) => home.runAt(args, home.sandbox.dir),
  });
  return home;
}
