// Buddy's MCP installs read back by the real agent CLIs, from the npm registry (tests/helpers/host-packages.ts:
// installed once under the OS temp dir, reused while complete). Each host runs in a throwaway HOME with its
// own home variable pointed inside it (CODEX_HOME, GEMINI_CLI_HOME, COPILOT_HOME): `buddy install HOST`,
// then the host's own `mcp list` sees Buddy's server as Buddy wrote it, then `buddy uninstall HOST` leaves
// the host's file byte for byte as it was. The hosts' list commands need no login and no network.
//
// Gemini CLI lists the servers of an untrusted folder as "Disabled" (user-level ones too) and starts none;
// in a trusted one (here GEMINI_CLI_TRUST_WORKSPACE=true) it starts each server and pings it, so
// "Connected" means it ran Buddy's server and was answered. Codex and Copilot only read their files.
// Gemini CLI also checks its settings against its schema on every start (the hooks included): a shape it
// refuses is printed as "Invalid configuration". Codex and Cursor have no command that lists hooks offline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';
import { hostPackages, type HostCommand } from '../helpers/host-packages.js';

const packages = await hostPackages();
if (!packages.ready) console.warn(`tests/hosts/real-hosts.test.ts skipped: the hosts could not be installed from the npm registry (${packages.reason})`);

const SCRIPT = fs.realpathSync(BIN);
const SERVER = `${process.execPath} ${SCRIPT} mcp`;
const HOST_TIMEOUT_MS = 30_000;

/** One host's throwaway world: the tests run at once, so each has its own (never shared module state). */
interface World {
  readonly env: NodeJS.ProcessEnv;
  readonly project: string;
}

/** A world for one test, removed when that test ends (`onTestFinished` of its own context). */
function world(onTestFinished: (cleanup: () => void) => void): World {
  const sandbox = makeSandbox();
  onTestFinished(sandbox.cleanup);
  const project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
  const env: NodeJS.ProcessEnv = {
    ...sandbox.env,
    BUDDY_USER_ID: 'buddy-93',
    CODEX_HOME: path.join(sandbox.dir, 'codex-home'),
    GEMINI_CLI_HOME: path.join(sandbox.dir, 'gemini-home'),
    COPILOT_HOME: path.join(sandbox.dir, 'copilot-home'),
    // Gemini CLI relaunches itself in a child Node for more memory; a list does not need it.
    GEMINI_CLI_NO_RELAUNCH: 'true',
  };
  return { env, project };
}

/** A host's command, in the project folder, with the world's environment and more. */
function host({ env, project }: World, command: HostCommand, args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  if (!packages.ready) throw new Error('the hosts are not installed');
  return new Promise((resolve, reject) => {
    const child = spawn(packages.bin(command), args, { cwd: project, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'], timeout: HOST_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const buddy = ({ env, project }: World, args: readonly string[]): Promise<RunResult> => runBuddy(args, { env, cwd: project, timeoutMs: HOST_TIMEOUT_MS });

/** Installs Buddy's server (with --force: the suite runs dist/ of its checkout) and checks where it went. */
async function install(at: World, id: string, file: string): Promise<void> {
  const result = await buddy(at, ['install', id, '--force']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`^Registered Buddy's MCP server with .+: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

async function uninstall(at: World, id: string): Promise<void> {
  const result = await buddy(at, ['uninstall', id]);
  expect(result.code, result.stderr).toBe(0);
}

function put(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const text = (file: string): string | null => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

describe.skipIf(!packages.ready).concurrent('the real hosts see Buddy\'s server, and uninstall gives their files back', () => {
  it('Codex: $CODEX_HOME/config.toml, made by the install and gone again', async ({ onTestFinished }) => {
    const at = world(onTestFinished);
    const file = path.join(at.env.CODEX_HOME as string, 'config.toml');
    await install(at, 'codex', file);
    const listed = await host(at, 'codex', ['mcp', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const servers = JSON.parse(listed.stdout) as { name: string; enabled: boolean; transport: { type: string; command: string; args: string[]; env_vars: string[] } }[];
    const mine = servers.find((server) => server.name === 'buddy');
    expect(mine).toMatchObject({ enabled: true, transport: { type: 'stdio', command: process.execPath, args: [SCRIPT, 'mcp'] } });
    expect(mine?.transport.env_vars).toContain('ANTHROPIC_API_KEY');
    await uninstall(at, 'codex');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('Gemini CLI: $GEMINI_CLI_HOME/.gemini/settings.json with comments and another server; it starts Buddy\'s server in a trusted folder', async ({ onTestFinished }) => {
    const at = world(onTestFinished);
    const file = path.join(at.env.GEMINI_CLI_HOME as string, '.gemini', 'settings.json');
    const before = '{\n  // mine\n  "mcpServers": {\n    "docs": { "command": "/nonexistent/docs-mcp", "args": ["--stdio"] }\n  }\n}\n';
    put(file, before);
    await install(at, 'gemini', file);
    const [trusted, untrusted] = await Promise.all([
      host(at, 'gemini', ['mcp', 'list'], { GEMINI_CLI_TRUST_WORKSPACE: 'true' }),
      host(at, 'gemini', ['mcp', 'list'], { GEMINI_CLI_TRUST_WORKSPACE: 'false' }),
    ]);
    expect(trusted.code, trusted.stderr).toBe(0);
    const lines = `${trusted.stdout}${trusted.stderr}`.split('\n');
    expect(lines).toContain(`✓ buddy: ${SERVER} (stdio) - Connected`);
    expect(lines).toContain('✗ docs: /nonexistent/docs-mcp --stdio (stdio) - Disconnected');
    const untrustedLines = `${untrusted.stdout}${untrusted.stderr}`.split('\n');
    expect(untrustedLines).toContain('Warning: MCP servers are configured but disabled because this folder is untrusted.');
    expect(untrustedLines).toContain(`○ buddy: ${SERVER} (stdio) - Disabled`);
    await uninstall(at, 'gemini');
    expect(text(file)).toBe(before);
  });

  it('Gemini CLI --hooks: its settings check takes Buddy\'s hooks beside the person\'s own, and uninstall gives the file back', async ({ onTestFinished }) => {
    const at = world(onTestFinished);
    const file = path.join(at.env.GEMINI_CLI_HOME as string, '.gemini', 'settings.json');
    const before = '{\n  // mine\n  "hooks": {\n    "AfterTool": [ { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] } ]\n  }\n}\n';
    put(file, before);
    const installed = await buddy(at, ['install', 'gemini', '--hooks', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Added Buddy's hooks in Gemini CLI: ${file}`);
    // Gemini CLI checks settings.json against its schema on every start, and names what it refuses.
    const listed = await host(at, 'gemini', ['mcp', 'list'], { GEMINI_CLI_TRUST_WORKSPACE: 'false' });
    const output = `${listed.stdout}${listed.stderr}`;
    expect(listed.code, output).toBe(0);
    expect(output).not.toContain('Invalid configuration');
    expect(output.split('\n')).toContain(`○ buddy: ${SERVER} (stdio) - Disabled`);
    await uninstall(at, 'gemini');
    expect(text(file)).toBe(before);
  });

  it('GitHub Copilot CLI: $COPILOT_HOME/mcp-config.json with comments, trailing commas and another server', async ({ onTestFinished }) => {
    const at = world(onTestFinished);
    const file = path.join(at.env.COPILOT_HOME as string, 'mcp-config.json');
    const before = '{\n  // mine\n  "mcpServers": {\n    "docs": { "type": "local", "command": "docs-mcp", "args": [], "tools": ["*"], },\n  },\n}\n';
    put(file, before);
    await install(at, 'copilot', file);
    // Copilot unpacks itself into its cache on first use (seconds): one cache beside the packages, for every run.
    const cache = { XDG_CACHE_HOME: path.join(packages.ready ? packages.folder : '', 'copilot-cache') };
    const listed = await host(at, 'copilot', ['mcp', 'list'], cache);
    const got = await host(at, 'copilot', ['mcp', 'get', 'buddy'], cache);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n')).toEqual(expect.arrayContaining(['User servers:', '  docs (local)', '  buddy (local)']));
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout.split('\n')).toEqual(
      expect.arrayContaining(['buddy', '  Status: Enabled', '  Type: local', `  Command: ${SERVER}`, '  Tools: * (all)', '  Source: User']),
    );
    await uninstall(at, 'copilot');
    expect(text(file)).toBe(before);
  });
});
