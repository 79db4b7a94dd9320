// The MCP installers in this process, on a throwaway HOME: Codex's config.toml (with comments) and Gemini
// CLI's settings.json (with comments too), and Claude Code's .mcp.json. Files the person owns are compared
// byte for byte: install twice, uninstall, their edits since kept, foreign entries untouched, symlinks
// edited through the link, modes kept, backups 0600 and the newest five, the record only Buddy's part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupDir } from '../../src/installers/backups.js';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { inspectMcpServer, installMcpServer, uninstallMcpServer, type McpTarget } from '../../src/installers/mcp-install.js';
import { mcpRecordsFile } from '../../src/installers/mcp-records.js';
import { McpEntryConflict } from '../../src/installers/text/mcp-json-edit.js';
import { mcpTarget } from '../../src/installers/mcp-targets.js';
import { bytes, editOnce, put, userEdit } from './installer-support.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const MOVED = buddyMcpEntry('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');

const CODEX_CONFIG = `# Codex, by hand
model = "gpt-5-codex" # fast
approval_policy = "on-request"

[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-mcp"] # pinned later

[mcp_servers.codebuddy]
command = "codebuddy"
args = ["mcp"]
`;

const GEMINI_SETTINGS = `{
  // theme first
  "theme": "GitHub",
  "mcpServers": {
    "docs": { "command": "npx", "args": ["-y", "docs-mcp"] },
    "study-buddy": { "command": "/opt/study-buddy", "args": ["mcp"] }
  }
}
`;

let root: string;
let env: NodeJS.ProcessEnv;
let tick: number;
const now = (): Date => new Date((tick += 1000));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-mcp-installer-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config') };
  tick = Date.UTC(2026, 0, 1);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const codex = (): McpTarget => mcpTarget(env, 'codex', false, root);
const gemini = (project = false): McpTarget => mcpTarget(env, 'gemini', project, path.join(root, 'acme'));
const claudeProject = (): McpTarget => mcpTarget(env, 'claude-code', true, path.join(root, 'acme'));
const install = (target: McpTarget, entry = ENTRY) => installMcpServer(env, target, entry, now());
const uninstall = (target: McpTarget) => uninstallMcpServer(env, target, now());
const records = (): Record<string, unknown> => (JSON.parse(fs.readFileSync(mcpRecordsFile(env), 'utf8')) as { installs: Record<string, unknown> }).installs;
const geminiValue = (file: string): { mcpServers: Record<string, unknown> } => JSON.parse(bytes(file)!.replace(/^\s*\/\/.*$/gm, '')) as { mcpServers: Record<string, unknown> };

describe('Codex: config.toml with comments', () => {
  it('installs once, twice is a no-op, uninstall gives the bytes back', () => {
    const { file } = codex();
    expect(file).toBe(path.join(root, '.codex', 'config.toml'));
    put(file, CODEX_CONFIG);
    expect(install(codex())).toMatchObject({ kind: 'installed', moved: false });
    const after = bytes(file)!;
    expect(after.startsWith(CODEX_CONFIG)).toBe(true);
    expect(after.slice(CODEX_CONFIG.length)).toBe(
      '\n[mcp_servers.buddy]\ncommand = "/opt/node/bin/node"\nargs = ["/opt/buddy/dist/buddy.js", "mcp"]\nenv_vars = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "BUDDY_USER_ID", "BUDDY_MODEL", "BUDDY_CONFIG_DIR", "BUDDY_CACHE_DIR", "CLAUDE_CONFIG_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]\n',
    );
    const parsed = parseToml(after) as { mcp_servers: Record<string, unknown> };
    expect(Object.keys(parsed.mcp_servers)).toEqual(['docs', 'codebuddy', 'buddy']);

    expect(install(codex())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(after);

    expect(uninstall(codex())).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(file)).toBe(CODEX_CONFIG);
    expect(uninstall(codex())).toEqual({ kind: 'not-installed' });
    expect(bytes(file)).toBe(CODEX_CONFIG);
  });

  it('follows CODEX_HOME, and a config it made goes again', () => {
    env.CODEX_HOME = path.join(root, 'codex-home');
    const { file } = codex();
    expect(file).toBe(path.join(root, 'codex-home', 'config.toml'));
    expect(install(codex())).toMatchObject({ kind: 'installed', backup: undefined });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(uninstall(codex())).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps the person\'s edits made since, anywhere, and takes out only its own table', () => {
    const { file } = codex();
    put(file, CODEX_CONFIG);
    install(codex());
    userEdit(file, 'model = "gpt-5-codex" # fast', 'model = "gpt-5" # faster');
    userEdit(file, 'env_vars = [', 'startup_timeout_sec = 30\nenv_vars = [');
    fs.appendFileSync(file, '\n# notes\n[mcp_servers.notes]\ncommand = "notes"\n');
    const before = bytes(file)!;
    expect(uninstall(codex())).toMatchObject({ kind: 'removed', exact: false });
    const expected = `${editOnce(CODEX_CONFIG, 'model = "gpt-5-codex" # fast', 'model = "gpt-5" # faster')}\n# notes\n[mcp_servers.notes]\ncommand = "notes"\n`;
    expect(bytes(file)).toBe(expected);
    expect(before).not.toBe(expected);
  });

  it('points its own table at a moved Buddy in place, and leaves a foreign "buddy" alone', () => {
    const { file } = codex();
    put(file, CODEX_CONFIG);
    install(codex());
    const installed = bytes(file)!;
    expect(install(codex(), MOVED)).toMatchObject({ kind: 'installed', moved: true });
    expect(bytes(file)).toBe(installed.replace('"/opt/node/bin/node"', '"/usr/local/bin/node"').replace('"/opt/buddy/dist/buddy.js"', '"/srv/buddy/dist/buddy.js"'));
    expect(uninstall(codex())).toMatchObject({ kind: 'removed' });
    expect(bytes(file)).toBe(CODEX_CONFIG);

    const foreign = `${CODEX_CONFIG}\n[mcp_servers.buddy]\ncommand = "/opt/buddy-the-other/bin/buddy"\nargs = ["serve"]\n`;
    put(file, foreign);
    expect(() => install(codex())).toThrow(McpEntryConflict);
    expect(uninstall(codex())).toEqual({ kind: 'not-installed' });
    expect(bytes(file)).toBe(foreign);
    expect(inspectMcpServer(env, codex())).toMatchObject({ state: 'read', mine: undefined, foreign: '/opt/buddy-the-other/bin/buddy serve' });
  });

  it('refuses a config that is not TOML, and changes nothing', () => {
    const { file } = codex();
    put(file, 'model = "o3\n');
    expect(() => install(codex())).toThrow(/not valid TOML/);
    expect(bytes(file)).toBe('model = "o3\n');
    expect(fs.existsSync(mcpRecordsFile(env))).toBe(false);
  });
});

describe('Gemini CLI: settings.json with comments', () => {
  it('adds one member to mcpServers, twice is a no-op, uninstall gives the bytes back', () => {
    const { file } = gemini();
    expect(file).toBe(path.join(root, '.gemini', 'settings.json'));
    put(file, GEMINI_SETTINGS);
    expect(install(gemini())).toMatchObject({ kind: 'installed' });
    const after = bytes(file)!;
    expect(after).toBe(
      editOnce(
        GEMINI_SETTINGS,
        '"args": ["mcp"] }\n',
        '"args": ["mcp"] },\n    "buddy": {\n      "command": "/opt/node/bin/node",\n      "args": [\n        "/opt/buddy/dist/buddy.js",\n        "mcp"\n      ]\n    }\n',
      ),
    );
    expect(geminiValue(file).mcpServers.buddy).toEqual({ command: ENTRY.command, args: ENTRY.args });
    expect(install(gemini())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(after);
    expect(uninstall(gemini())).toMatchObject({ kind: 'removed', exact: true });
    expect(bytes(file)).toBe(GEMINI_SETTINGS);
  });

  it('adds mcpServers when there is none, and takes it out again once it is empty', () => {
    const { file } = gemini();
    const text = '{\n  // mine\n  "theme": "GitHub"\n}\n';
    put(file, text);
    install(gemini());
    expect(geminiValue(file).mcpServers).toEqual({ buddy: { command: ENTRY.command, args: ENTRY.args } });
    // An edit before Buddy's text moves it: uninstall takes Buddy's member out of the file as it is now.
    userEdit(file, '"theme": "GitHub"', '"theme": "Dracula"');
    expect(uninstall(gemini())).toMatchObject({ kind: 'removed', exact: false });
    expect(bytes(file)).toBe(text.replace('GitHub', 'Dracula'));
  });

  it('keeps a server the person added beside Buddy\'s, and their trust setting goes with Buddy\'s entry', () => {
    const { file } = gemini();
    put(file, GEMINI_SETTINGS);
    install(gemini());
    userEdit(file, '"command": "/opt/node/bin/node",', '"command": "/opt/node/bin/node", "trust": true,');
    userEdit(file, '"theme": "GitHub",', '"theme": "GitHub",\n  "vimMode": true,');
    expect(uninstall(gemini())).toMatchObject({ kind: 'removed', exact: false });
    expect(bytes(file)).toBe(editOnce(GEMINI_SETTINGS, '"theme": "GitHub",', '"theme": "GitHub",\n  "vimMode": true,'));
  });

  it('uses the project\'s .gemini/settings.json with --project, a scope of its own', () => {
    const project = gemini(true);
    expect(project.file).toBe(path.join(root, 'acme', '.gemini', 'settings.json'));
    install(project);
    expect(inspectMcpServer(env, gemini())).toEqual({ state: 'missing' });
    expect(inspectMcpServer(env, project)).toMatchObject({ state: 'read', mine: ENTRY, recorded: true });
    expect(Object.keys(records())).toEqual([project.file]);
    expect(uninstall(gemini())).toEqual({ kind: 'not-installed' });
    expect(uninstall(project)).toMatchObject({ kind: 'removed', deleted: true });
  });

  it('refuses a trailing comma, as Gemini CLI would, and changes nothing', () => {
    const { file } = gemini();
    put(file, '{ "theme": "GitHub", }\n');
    expect(() => install(gemini())).toThrow(/trailing comma is not/);
    expect(bytes(file)).toBe('{ "theme": "GitHub", }\n');
  });
});

describe('every MCP host file', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n'],
    ['spaces and a newline', ' \t\n'],
  ])('that existed %s before install is there, byte for byte, after uninstall (never deleted as if Buddy made it)', (_, before) => {
    for (const target of [codex(), gemini(), gemini(true), claudeProject()]) {
      put(target.file, before);
      fs.chmodSync(target.file, 0o640);
      install(target);
      expect(bytes(target.file), target.file).toContain('buddy');
      uninstall(target);
      expect(bytes(target.file), target.file).toBe(before);
      expect(fs.statSync(target.file).mode & 0o777, target.file).toBe(0o640);
    }
  });

  it('is edited through a symlink, keeping the link and the mode of the file it points to', () => {
    const real = path.join(root, 'dotfiles', 'gemini-settings.json');
    put(real, GEMINI_SETTINGS);
    fs.chmodSync(real, 0o640);
    const { file } = gemini();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(real, file);
    install(gemini());
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(bytes(real)).toContain('"buddy"');
    uninstall(gemini());
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(bytes(real)).toBe(GEMINI_SETTINGS);
  });

  it('keeps backups readable only by the user, the newest five', () => {
    const { file } = codex();
    put(file, CODEX_CONFIG);
    for (let round = 0; round < 4; round++) {
      install(codex());
      uninstall(codex());
    }
    const dir = backupDir(env, file, 'codex-backups');
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    for (const name of kept) {
      expect(name).toMatch(/^config\..+\.toml$/);
      expect(fs.statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
      expect(bytes(path.join(dir, name))!.startsWith(CODEX_CONFIG)).toBe(true);
    }
    expect(dir.startsWith(env.BUDDY_CONFIG_DIR as string)).toBe(true);
  });

  it('records only Buddy\'s part: the host, its command and arguments, its own text', () => {
    put(gemini().file, GEMINI_SETTINGS.replace('"theme": "GitHub"', '"theme": "GitHub", "apiKey": "secret-value"'));
    put(codex().file, `${CODEX_CONFIG}[shell_environment_policy]\nset = { TOKEN = "secret-value" }\n`);
    install(gemini());
    install(codex());
    install(claudeProject());
    const text = fs.readFileSync(mcpRecordsFile(env), 'utf8');
    expect(text).not.toContain('secret-value');
    expect(text).not.toContain('docs-mcp');
    expect(records()[codex().file]).toMatchObject({ host: 'codex', scope: 'user', entry: ENTRY, fileCreated: false });
    expect(records()[claudeProject().file]).toMatchObject({ host: 'claude-code', scope: 'project', entry: ENTRY, fileCreated: true, createdServers: true });
  });

  it('writes Claude Code\'s .mcp.json as `claude mcp add` would, strict JSON only', () => {
    const target = claudeProject();
    install(target);
    expect(JSON.parse(bytes(target.file)!)).toEqual({ mcpServers: { buddy: { type: 'stdio', command: ENTRY.command, args: ENTRY.args } } });
    uninstall(target);
    put(target.file, '{ // not for Claude Code\n}\n');
    expect(() => install(target)).toThrow(/not valid JSON/);
  });

  it('forgets an install whose file is gone, without recreating it', () => {
    install(codex());
    fs.rmSync(codex().file);
    expect(uninstall(codex())).toEqual({ kind: 'file-gone' });
    expect(fs.existsSync(codex().file)).toBe(false);
    expect(records()).toEqual({});
  });
});
