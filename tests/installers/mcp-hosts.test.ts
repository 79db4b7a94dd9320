// Every MCP host of the table (src/installers/hosts/index.ts), in every scope it has, keeps the installer's
// promises without a test of its own: a file Buddy makes goes again, a file it finds comes back byte for
// byte, a second install changes nothing, a moved Buddy is pointed at, and the commands Buddy prints name
// the host, its scope and its folder. A new host row is tested here as soon as it is in the table; its
// format's quirks get tests of their own (installer-mcp.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MCP_HOSTS, mcpHost, type McpHostId } from '../../src/installers/hosts/index.js';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { inspectMcpServer, installMcpServer, uninstallMcpServer, type McpTarget } from '../../src/installers/mcp-install.js';
import { mcpRecordsFile, readMcpRecords } from '../../src/installers/mcp-records.js';
import { mcpInstallCommand, mcpTarget, mcpUninstallCommand, scopesOf } from '../../src/installers/mcp-targets.js';
import type { Scope } from '../../src/installers/scope.js';
import { bytes, put } from './installer-support.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const MOVED = buddyMcpEntry('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');

let root: string;
let project: string;
let env: NodeJS.ProcessEnv;
let tick: number;
const now = (): Date => new Date((tick += 1000));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-mcp-hosts-'));
  project = path.join(root, 'acme');
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config') };
  tick = Date.UTC(2026, 0, 1);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const CASES = MCP_HOSTS.flatMap((host) => scopesOf(host).map((scope): [McpHostId, Scope] => [host.id, scope]));

describe('the host table', () => {
  it('names each host once, by a word `buddy install` takes, with at least one scope', () => {
    const ids = MCP_HOSTS.map((host) => host.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const host of MCP_HOSTS) {
      expect(host.id).toMatch(/^[a-z][a-z-]*$/);
      expect(host.name).not.toBe('');
      expect(scopesOf(host).length).toBeGreaterThan(0);
      expect(mcpHost(host.id)).toBe(host);
    }
  });

  it('lists the hosts Buddy supports today, in the order doctor reports them', () => {
    expect(MCP_HOSTS.map((host) => [host.id, host.name, scopesOf(host), host.backupFolder, host.newFileMode.toString(8), host.installFlags ?? ''])).toEqual([
      ['codex', 'Codex', ['user'], 'codex-backups', '600', ''],
      ['gemini', 'Gemini CLI', ['user', 'project'], 'gemini-backups', '644', ''],
      ['claude-code', 'Claude Code', ['project'], 'claude-code-backups', '644', ' --mcp'],
      ['copilot', 'GitHub Copilot CLI', ['user'], 'copilot-backups', '600', ''],
      ['cursor', 'Cursor', ['user', 'project'], 'cursor-backups', '644', ''],
    ]);
  });

  it('is what install records are checked against: a record of a host not in it is dropped', () => {
    const known = { host: 'codex', scope: 'user', entry: ENTRY, fileCreated: false, installedAt: '2026-01-01T00:00:00.000Z' };
    put(mcpRecordsFile(env), JSON.stringify({ version: 1, installs: { '/a/config.toml': known, '/b/hosts.json': { ...known, host: 'elsewhere' } } }));
    expect(Object.keys(readMcpRecords(env).records)).toEqual(['/a/config.toml']);
  });
});

describe.each(CASES)('%s, %s scope', (id, scope) => {
  const host = mcpHost(id);
  const target = (): McpTarget => mcpTarget(env, id, scope === 'project', project);

  it('puts the file in the project asked for, or outside it for the user', () => {
    const { file, scope: actual } = target();
    expect(actual).toBe(scope);
    expect(file.startsWith(`${project}${path.sep}`)).toBe(scope === 'project');
  });

  it('prints commands naming the host, the scope and the folder to run them in', () => {
    const flags = `${scope === 'project' ? ' --project' : ''}`;
    const where = scope === 'project' ? `cd ${project} && ` : '';
    expect(mcpInstallCommand(target())).toBe(`${where}buddy install ${id}${flags}${host.installFlags ?? ''}`);
    expect(mcpUninstallCommand(target())).toBe(`${where}buddy uninstall ${id}${flags}`);
  });

  it('makes the file when there is none, with the host\'s mode, and takes it away again', () => {
    const { file } = target();
    expect(installMcpServer(env, target(), ENTRY, now())).toEqual({ kind: 'installed', backup: undefined, moved: false });
    expect(fs.statSync(file).mode & 0o777).toBe(host.newFileMode);
    expect(inspectMcpServer(env, target())).toEqual({ state: 'read', mine: ENTRY, foreign: undefined, gone: [ENTRY.command, ENTRY.args[0]], recorded: true, value: expect.objectContaining({ command: ENTRY.command, args: ENTRY.args }) });
    const made = bytes(file);
    expect(installMcpServer(env, target(), ENTRY, now())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(made);
    expect(uninstallMcpServer(env, target(), now())).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(bytes(file)).toBeNull();
    expect(readMcpRecords(env).records).toEqual({});
  });

  it('gives a file it found back byte for byte, and keeps its backup in the host\'s folder', () => {
    const { file } = target();
    put(file, '\n');
    const installed = installMcpServer(env, target(), ENTRY, now());
    expect(installed).toMatchObject({ kind: 'installed', moved: false });
    const backup = (installed as { backup: string }).backup;
    expect(backup.startsWith(path.join(env.BUDDY_CONFIG_DIR as string, host.backupFolder) + path.sep)).toBe(true);
    expect(bytes(backup)).toBe('\n');
    expect(uninstallMcpServer(env, target(), now())).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(file)).toBe('\n');
  });

  it('points its own entry at a Buddy that has moved, and still takes it out', () => {
    installMcpServer(env, target(), ENTRY, now());
    expect(installMcpServer(env, target(), MOVED, now())).toMatchObject({ kind: 'installed', moved: true });
    expect(inspectMcpServer(env, target())).toMatchObject({ state: 'read', mine: MOVED, recorded: true });
    expect(uninstallMcpServer(env, target(), now())).toMatchObject({ kind: 'removed' });
    expect(inspectMcpServer(env, target())).toMatchObject({ state: 'read', mine: undefined, foreign: undefined });
  });
});
