// `buddy install|uninstall codex|gemini|copilot|cursor`, `buddy install claude-code --mcp` and `buddy doctor` in a throwaway
// home, with the person's files compared byte for byte. Installs pass --force: the suite runs dist/ from
// its checkout, a path install otherwise refuses (docs/testing.md). Each command runs in process, through
// the dispatcher the built bin hands it to, as the built bin would in the folder given
// (tests/helpers/in-process-at.ts); tests/e2e/install-mcp-cli.test.ts runs the built bin for an install
// and an uninstall of Codex's server, which name the bin's own path.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../src/mcp/tools.js';
import { BIN, makeSandbox, type RunResult } from '../helpers/cli.js';
import { runInProcessAt } from '../helpers/in-process-at.js';

const CODEX_CONFIG = '# mine\nmodel = "o3" # the careful one\n';
const SCRIPT = fs.realpathSync(BIN);

let sandbox: ReturnType<typeof makeSandbox>;
let project: string;

function buddy(args: readonly string[], cwd = sandbox.dir): Promise<RunResult> {
  return runInProcessAt(args, { env: { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' }, cwd });
}

const codexFile = (): string => path.join(sandbox.dir, '.codex', 'config.toml');
const read = (file: string): string => fs.readFileSync(file, 'utf8');

beforeEach(() => {
  sandbox = makeSandbox();
  project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
});
afterEach(() => sandbox.cleanup());

describe('buddy install codex', () => {
  it('adds its table, says what it wrote and how to undo it; doctor sees it; uninstall gives the bytes back', async () => {
    fs.mkdirSync(path.dirname(codexFile()));
    fs.writeFileSync(codexFile(), CODEX_CONFIG);
    const installed = await buddy(['install', 'codex', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Registered Buddy's MCP server with Codex: ${codexFile()}`);
    expect(installed.stdout).toContain(`  server      buddy: ${process.execPath} ${SCRIPT} mcp`);
    expect(installed.stdout).toContain('To undo: buddy uninstall codex');
    expect(read(codexFile())).toBe(`${CODEX_CONFIG}\n[mcp_servers.buddy]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(SCRIPT)}, "mcp"]\nenv_vars = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "BUDDY_USER_ID", "BUDDY_MODEL", "BUDDY_CONFIG_DIR", "BUDDY_CACHE_DIR", "CLAUDE_CONFIG_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]\n`);

    const again = await buddy(['install', 'codex', '--force']);
    expect(again.stdout).toContain('already registered');

    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`✓ Codex MCP (user): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${codexFile()})`);
    expect(doctor.stdout).toContain(`· Gemini CLI MCP (user): Buddy's MCP server is not registered in ${path.join(sandbox.dir, '.gemini', 'settings.json')} (\`buddy install gemini\` adds it)`);

    const removed = await buddy(['uninstall', 'codex']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('byte for byte as before install');
    expect(read(codexFile())).toBe(CODEX_CONFIG);
  });

  it('refuses a foreign "buddy" server in one line and changes nothing', async () => {
    fs.mkdirSync(path.dirname(codexFile()));
    const foreign = `${CODEX_CONFIG}[mcp_servers.buddy]\ncommand = "codebuddy"\n`;
    fs.writeFileSync(codexFile(), foreign);
    const result = await buddy(['install', 'codex', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('not Buddy\'s');
    expect(read(codexFile())).toBe(foreign);
    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain('· Codex MCP (user): server "buddy" runs "codebuddy": not Buddy\'s, left alone');
  });

  it.each([
    [['install', 'codex', '--project'], /^buddy: install codex: --project is only for claude-code, gemini and cursor \(/],
    [['install', 'copilot', '--project'], /^buddy: install copilot: --project is only for claude-code, gemini and cursor \(/],
    [['uninstall', 'copilot', '--project'], /^buddy: uninstall copilot: --project is only for claude-code, gemini and cursor \(/],
    [['install', 'gemini', '--wrap'], /^buddy: install gemini: --wrap is only for claude-code \(/],
    [['install', 'elsewhere'], /^buddy: install: say where: claude-code, codex, gemini, copilot or cursor \(e\.g\. buddy install claude-code\)\n$/],
    [['uninstall'], /say where/],
  ])('buddy %j is a usage error', async (args, message) => {
    const result = await buddy(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(codexFile())).toBe(false);
  });
});

describe('buddy install gemini', () => {
  it('registers in the project with --project, and the uninstall there names nothing else', async () => {
    const installed = await buddy(['install', 'gemini', '--project', '--force'], project);
    expect(installed.code, installed.stderr).toBe(0);
    const file = path.join(project, '.gemini', 'settings.json');
    expect(JSON.parse(read(file))).toEqual({ mcpServers: { buddy: { command: process.execPath, args: [SCRIPT, 'mcp'] } } });
    expect(installed.stdout).toContain(`To undo: cd ${project} && buddy uninstall gemini --project`);
    const doctor = await buddy(['doctor'], project);
    expect(doctor.stdout).toContain(`✓ Gemini CLI MCP (project): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${file})`);

    const elsewhere = await buddy(['uninstall', 'gemini'], project);
    expect(elsewhere.stdout).toContain(`Buddy's MCP server is registered in ${file}; to remove it there: cd ${project} && buddy uninstall gemini --project`);
    const removed = await buddy(['uninstall', 'gemini', '--project'], project);
    expect(removed.stdout).toContain('so it is gone again');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('buddy install copilot', () => {
  it('adds its entry to $COPILOT_HOME/mcp-config.json, doctor sees it, uninstall gives the bytes back', async () => {
    const home = path.join(sandbox.dir, 'copilot-home');
    const file = path.join(home, 'mcp-config.json');
    const mine = '{\n  // mine\n  "mcpServers": {\n    "docs": { "type": "local", "command": "npx", "args": ["docs-mcp"], "tools": ["*"] },\n  },\n}\n';
    fs.mkdirSync(home);
    fs.writeFileSync(file, mine);
    const run = (args: readonly string[]): Promise<RunResult> =>
      runInProcessAt(args, { env: { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', COPILOT_HOME: home }, cwd: sandbox.dir });
    const installed = await run(['install', 'copilot', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Registered Buddy's MCP server with GitHub Copilot CLI: ${file}\n`);
    expect(installed.stdout).toContain('Restart GitHub Copilot CLI to meet your buddy there. To undo: buddy uninstall copilot\n');
    const entry = `{\n      "type": "local",\n      "command": ${JSON.stringify(process.execPath)},\n      "args": [\n        ${JSON.stringify(SCRIPT)},\n        "mcp"\n      ],\n      "tools": [\n        "*"\n      ]\n    }`;
    expect(read(file)).toBe(mine.replace('"tools": ["*"] },\n', `"tools": ["*"] },\n    "buddy": ${entry},\n`));
    const doctor = await run(['doctor']);
    expect(doctor.stdout).toContain(`✓ GitHub Copilot CLI MCP (user): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${file})`);
    // Buddy's own "*" hides nothing; a list of the person's own is held against the tool table.
    expect(doctor.stdout).not.toContain('tools keeps');
    const narrowed = read(file).replace('"tools": [\n        "*"\n      ]', '"tools": ["buddy_card", "buddy_chat"]');
    fs.writeFileSync(file, narrowed);
    const lines = (await run(['doctor'])).stdout.split('\n');
    expect(lines).toContain('· GitHub Copilot CLI MCP (user): tools keeps buddy_talk, buddy_pet, buddy_feed, buddy_react from GitHub Copilot CLI');
    expect(lines).toContain("! GitHub Copilot CLI MCP (user): tools names buddy_chat, which Buddy's server does not have (its tools: buddy_card, buddy_talk, buddy_pet, buddy_feed, buddy_react)");
    fs.writeFileSync(file, narrowed.replace('["buddy_card", "buddy_chat"]', '[\n        "*"\n      ]'));
    const removed = await run(['uninstall', 'copilot']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed Buddy's MCP server from GitHub Copilot CLI: ${file} is byte for byte as before install`);
    expect(read(file)).toBe(mine);
  });
});

describe('buddy install cursor', () => {
  it('registers for the user, or in the project with --project; doctor names both', async () => {
    const user = path.join(sandbox.dir, '.cursor', 'mcp.json');
    const inProject = path.join(project, '.cursor', 'mcp.json');
    const entry = { command: process.execPath, args: [SCRIPT, 'mcp'] };
    expect((await buddy(['install', 'cursor', '--force'], project)).code).toBe(0);
    expect(JSON.parse(read(user))).toEqual({ mcpServers: { buddy: entry } });
    const installed = await buddy(['install', 'cursor', '--project', '--force'], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`To undo: cd ${project} && buddy uninstall cursor --project`);
    expect(JSON.parse(read(inProject))).toEqual({ mcpServers: { buddy: entry } });
    const doctor = await buddy(['doctor'], project);
    expect(doctor.stdout).toContain(`✓ Cursor MCP (user): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${user})`);
    expect(doctor.stdout).toContain(`✓ Cursor MCP (project): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${inProject})`);
    expect((await buddy(['uninstall', 'cursor', '--project'], project)).code).toBe(0);
    expect(fs.existsSync(inProject)).toBe(false);
    expect((await buddy(['uninstall', 'cursor'], project)).code).toBe(0);
    expect(fs.existsSync(user)).toBe(false);
  });
});

describe('buddy install claude-code --mcp', () => {
  it('prints the claude mcp add command for the user scope, and never writes ~/.claude.json', async () => {
    const result = await buddy(['install', 'claude-code', '--mcp', '--force']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`  claude mcp add --scope user buddy -- ${process.execPath} ${SCRIPT} mcp`);
    expect(fs.existsSync(path.join(sandbox.env.CLAUDE_CONFIG_DIR as string, '.claude.json'))).toBe(false);
    expect(fs.existsSync(path.join(sandbox.dir, '.claude.json'))).toBe(false);
  });

  it('writes the project\'s .mcp.json with --project, and uninstall --project takes it out with the hooks', async () => {
    const mine = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["docs-mcp"] }\n  }\n}\n';
    fs.writeFileSync(path.join(project, '.mcp.json'), mine);
    const result = await buddy(['install', 'claude-code', '--project', '--mcp', '--force'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(read(path.join(project, '.mcp.json'))).mcpServers.buddy).toEqual({ type: 'stdio', command: process.execPath, args: [SCRIPT, 'mcp'] });
    const removed = await buddy(['uninstall', 'claude-code', '--project'], project);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Removed Buddy's MCP server from Claude Code");
    expect(read(path.join(project, '.mcp.json'))).toBe(mine);
  });
});

describe('buddy doctor: a tool filter of your own on Buddy\'s server', () => {
  it('names the tools it keeps from the host, and a name that is no tool of Buddy\'s', async () => {
    expect((await buddy(['install', 'codex', '--force'])).code).toBe(0);
    fs.appendFileSync(codexFile(), 'enabled_tools = ["buddy_card", "buddy_chat"]\n');
    const settings = path.join(sandbox.dir, '.gemini', 'settings.json');
    expect((await buddy(['install', 'gemini', '--force'])).code).toBe(0);
    const gemini = JSON.parse(read(settings));
    gemini.mcpServers.buddy.excludeTools = ['buddy_talk'];
    fs.writeFileSync(settings, JSON.stringify(gemini));

    const doctor = await buddy(['doctor']);
    expect(doctor.code, doctor.stderr).toBe(0);
    const lines = doctor.stdout.split('\n');
    expect(lines).toContain(
      "! Codex MCP (user): enabled_tools names buddy_chat, which Buddy's server does not have (its tools: buddy_card, buddy_talk, buddy_pet, buddy_feed, buddy_react)",
    );
    expect(lines).toContain(`    → edit enabled_tools in ${codexFile()}`);
    expect(lines).toContain('· Codex MCP (user): enabled_tools keeps buddy_talk, buddy_pet, buddy_feed, buddy_react from Codex');
    expect(lines).toContain('· Gemini CLI MCP (user): excludeTools keeps buddy_talk from Gemini CLI');
  });

  it('says nothing of a filter that lists every tool', async () => {
    expect((await buddy(['install', 'codex', '--force'])).code).toBe(0);
    fs.appendFileSync(codexFile(), `enabled_tools = ${JSON.stringify(TOOL_NAMES)}\n`);
    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`✓ Codex MCP (user): server "buddy" runs ${process.execPath} ${SCRIPT} mcp (${codexFile()})`);
    expect(doctor.stdout).not.toContain('enabled_tools');
  });
});
