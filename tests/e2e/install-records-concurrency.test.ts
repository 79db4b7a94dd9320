// Installs to different hosts and scopes at the same moment, by real processes of the built CLI: every one
// keeps its install record (Claude Code's and the MCP servers'), and the uninstalls, also all at once, give
// back each file Buddy made removed and each file of the person's byte for byte as it was, a blank one
// included. Without the records' lock, one install in two or three loses its record, and its uninstall
// then leaves `{"mcpServers": {}}` in a file Buddy made.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, type RunResult } from '../helpers/cli.js';
import { startTogether } from '../helpers/start-together.js';

/**
 * With the records' lock taken out of a build, every one of 20 rounds lost a record (the installs meet at
 * a gate before their first line, tests/helpers/start-together.ts): two rounds catch a lost lock all but
 * surely, for a third of the processes six took.
 */
const ROUNDS = 2;
const CODEX_CONFIG = '# mine\nmodel = "o3" # the careful one\n';
const CLAUDE_SETTINGS = '{\n  "model": "opus",\n  "includeCoAuthoredBy": false\n}\n';
const PROJECT_MCP = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["docs-mcp"] }\n  }\n}\n';

let sandbox: ReturnType<typeof makeSandbox> | undefined;
afterEach(() => sandbox?.cleanup());

interface Round {
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly project: string;
  readonly config: string;
  /** The person's files before install: path -> bytes (an empty string is a blank file). */
  readonly theirs: ReadonlyMap<string, string>;
  /** Files that did not exist before install. */
  readonly made: readonly string[];
}

function setUpRound(): Round {
  sandbox = makeSandbox();
  const home = sandbox.dir;
  const project = path.join(home, 'acme');
  const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
  const theirs = new Map<string, string>([
    [path.join(home, '.codex', 'config.toml'), CODEX_CONFIG],
    // A blank file is the person's: Buddy must not delete it on the way out.
    [path.join(home, '.gemini', 'settings.json'), ''],
    [path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json'), CLAUDE_SETTINGS],
    [path.join(project, '.mcp.json'), PROJECT_MCP],
  ]);
  for (const [file, text] of theirs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const made = [path.join(project, '.gemini', 'settings.json'), path.join(project, '.claude', 'settings.json')];
  return { env, home, project, config: env.BUDDY_CONFIG_DIR as string, theirs, made };
}

/** Installs pass --force (the suite runs dist/ from its checkout): its one warning line is all they may say on stderr. */
const FORCED = /^buddy: warning: written anyway \(--force\): [^\n]+\n$/;

function expectAllWent(results: readonly RunResult[], what: string, stderr: RegExp = /^$/): void {
  for (const result of results) {
    expect(result.code, `${what}: ${result.stderr}`).toBe(0);
    expect(result.stderr).toMatch(stderr);
  }
}

const installsIn = (file: string): string[] => Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { installs: Record<string, unknown> }).installs).sort();

describe('install records with installs to several hosts at once', () => {
  it(`keeps every record, and a full uninstall gives every file back, in ${ROUNDS} rounds`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const { env, home, project, config, theirs, made } = setUpRound();
      const at = (cwd: string, ...args: string[]) => ({ args, env, cwd });

      const installs = await startTogether([
        at(home, 'install', 'codex', '--force'),
        at(home, 'install', 'gemini', '--force'),
        at(project, 'install', 'gemini', '--project', '--force'),
        at(home, 'install', 'claude-code', '--force'),
        at(project, 'install', 'claude-code', '--project', '--mcp', '--force'),
      ]);
      expectAllWent(installs, `round ${round}, install`, FORCED);
      const mcpFiles = [path.join(home, '.codex', 'config.toml'), path.join(home, '.gemini', 'settings.json'), path.join(project, '.gemini', 'settings.json'), path.join(project, '.mcp.json')];
      expect(installsIn(path.join(config, 'mcp-installs.json')), `round ${round}`).toEqual(mcpFiles.sort());
      expect(installsIn(path.join(config, 'claude-code-installs.json')), `round ${round}`).toEqual(
        [path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json'), path.join(project, '.claude', 'settings.json')].sort(),
      );

      const uninstalls = await startTogether([
        at(home, 'uninstall', 'codex'),
        at(home, 'uninstall', 'gemini'),
        at(project, 'uninstall', 'gemini', '--project'),
        at(home, 'uninstall', 'claude-code'),
        at(project, 'uninstall', 'claude-code', '--project'),
      ]);
      expectAllWent(uninstalls, `round ${round}, uninstall`);
      for (const [file, text] of theirs) expect(fs.readFileSync(file, 'utf8'), `round ${round}: ${file}`).toBe(text);
      for (const file of made) expect(fs.existsSync(file), `round ${round}: ${file} is gone again`).toBe(false);
      expect(installsIn(path.join(config, 'mcp-installs.json'))).toEqual([]);
      expect(installsIn(path.join(config, 'claude-code-installs.json'))).toEqual([]);
      // No lock and no temporary is left behind.
      expect(fs.readdirSync(config).filter((name) => name.includes('.lock') || name.includes('buddy-tmp'))).toEqual([]);
      sandbox!.cleanup();
      sandbox = undefined;
    }
  }, 240_000);
});
