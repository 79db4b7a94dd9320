// Every place `buddy uninstall --all` would clear, found in process: Claude Code's settings files and each
// MCP host's files, in the user's scope and the current project's, and any file a record names; a file
// counts when Buddy's entries are in it or a record names it, and each is reported once, in its scope.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInstalls } from '../../src/installers/found-installs.js';
import { installClaudeCode } from '../../src/installers/hosts/claude-code/install.js';
import { recordsFile } from '../../src/installers/hosts/claude-code/records.js';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { installMcpServer, type McpTarget } from '../../src/installers/mcp-install.js';
import { mcpRecordsFile } from '../../src/installers/mcp-records.js';
import type { Scope } from '../../src/installers/scope.js';
import { COMMANDS, put } from './installer-support.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');

let home: string;
let project: string;
let env: NodeJS.ProcessEnv;
const now = new Date(Date.UTC(2026, 0, 1));

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-found-'));
  project = path.join(home, 'acme');
  fs.mkdirSync(project);
  env = { HOME: home, BUDDY_CONFIG_DIR: path.join(home, 'config') };
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const claudeUser = (): string => path.join(home, '.claude', 'settings.json');
const claudeProject = (dir = project): string => path.join(dir, '.claude', 'settings.json');
const codexFile = (): string => path.join(home, '.codex', 'config.toml');
const geminiUser = (): string => path.join(home, '.gemini', 'settings.json');
const geminiProject = (dir = project): string => path.join(dir, '.gemini', 'settings.json');
const mcpJson = (dir = project): string => path.join(dir, '.mcp.json');

const claude = (file: string, scope: Scope): void => void installClaudeCode(env, file, scope, COMMANDS, false, now);
const mcp = (target: McpTarget): void => void installMcpServer(env, target, ENTRY, now);
const forgetRecords = (): void => {
  fs.rmSync(recordsFile(env), { force: true });
  fs.rmSync(mcpRecordsFile(env), { force: true });
};

describe('findInstalls', () => {
  it('finds nothing where nothing was installed, even with the hosts’ files there', () => {
    put(claudeUser(), '{ "statusLine": { "type": "command", "command": "my-line" } }\n');
    put(codexFile(), 'model = "o3"\n');
    put(geminiProject(), '{ "mcpServers": { "buddy": { "command": "someone-else" } } }\n');
    expect(findInstalls(env, project)).toEqual([]);
  });

  it('lists Claude Code first, user then project, then each MCP host in the table’s order', () => {
    mcp({ host: 'claude-code', scope: 'project', file: mcpJson() });
    mcp({ host: 'gemini', scope: 'project', file: geminiProject() });
    mcp({ host: 'gemini', scope: 'user', file: geminiUser() });
    mcp({ host: 'codex', scope: 'user', file: codexFile() });
    claude(claudeProject(), 'project');
    claude(claudeUser(), 'user');
    expect(findInstalls(env, project)).toEqual([
      { kind: 'claude-code', scope: 'user', file: claudeUser() },
      { kind: 'claude-code', scope: 'project', file: claudeProject() },
      { kind: 'mcp', target: { host: 'codex', scope: 'user', file: codexFile() } },
      { kind: 'mcp', target: { host: 'gemini', scope: 'user', file: geminiUser() } },
      { kind: 'mcp', target: { host: 'gemini', scope: 'project', file: geminiProject() } },
      { kind: 'mcp', target: { host: 'claude-code', scope: 'project', file: mcpJson() } },
    ]);
  });

  it('finds Buddy’s entries that no record names, by reading the files', () => {
    claude(claudeProject(), 'project');
    mcp({ host: 'gemini', scope: 'user', file: geminiUser() });
    forgetRecords();
    expect(findInstalls(env, project)).toEqual([
      { kind: 'claude-code', scope: 'project', file: claudeProject() },
      { kind: 'mcp', target: { host: 'gemini', scope: 'user', file: geminiUser() } },
    ]);
  });

  it("finds a host's project file without a record, in the project's scope", () => {
    mcp({ host: 'gemini', scope: 'project', file: geminiProject() });
    forgetRecords();
    expect(findInstalls(env, project)).toEqual([{ kind: 'mcp', target: { host: 'gemini', scope: 'project', file: geminiProject() } }]);
  });

  it('finds a recorded file whose entries were taken out by hand, so that its record is cleared', () => {
    claude(claudeUser(), 'user');
    mcp({ host: 'codex', scope: 'user', file: codexFile() });
    fs.writeFileSync(claudeUser(), '{}\n');
    fs.writeFileSync(codexFile(), '');
    expect(findInstalls(env, project)).toEqual([
      { kind: 'claude-code', scope: 'user', file: claudeUser() },
      { kind: 'mcp', target: { host: 'codex', scope: 'user', file: codexFile() } },
    ]);
  });

  it('finds the installs of other projects by their records, in the scope recorded', () => {
    const other = path.join(home, 'elsewhere');
    claude(claudeProject(other), 'project');
    mcp({ host: 'gemini', scope: 'project', file: geminiProject(other) });
    mcp({ host: 'claude-code', scope: 'project', file: mcpJson(other) });
    expect(findInstalls(env, project)).toEqual([
      { kind: 'claude-code', scope: 'project', file: claudeProject(other) },
      { kind: 'mcp', target: { host: 'gemini', scope: 'project', file: geminiProject(other) } },
      { kind: 'mcp', target: { host: 'claude-code', scope: 'project', file: mcpJson(other) } },
    ]);
    // A record is one host's: Gemini's record is not looked for in Claude Code's .mcp.json, or the reverse.
    expect(findInstalls(env, project).filter((found) => found.kind === 'mcp' && found.target.file === geminiProject(other))).toHaveLength(1);
  });

  it('reports a file once when run from the home folder, in the scope its install recorded', () => {
    // Without CLAUDE_CONFIG_DIR, the home folder's project settings are the user's settings.
    claude(claudeUser(), 'project');
    mcp({ host: 'gemini', scope: 'project', file: geminiUser() });
    expect(findInstalls(env, home)).toEqual([
      { kind: 'claude-code', scope: 'project', file: claudeUser() },
      { kind: 'mcp', target: { host: 'gemini', scope: 'project', file: geminiUser() } },
    ]);
    forgetRecords();
    expect(findInstalls(env, home)).toEqual([
      { kind: 'claude-code', scope: 'user', file: claudeUser() },
      { kind: 'mcp', target: { host: 'gemini', scope: 'user', file: geminiUser() } },
    ]);
  });

  it('looks in CLAUDE_CONFIG_DIR and CODEX_HOME when they are set', () => {
    const claudeDir = path.join(home, 'claude-dir');
    const codexHome = path.join(home, 'codex-home');
    env = { ...env, CLAUDE_CONFIG_DIR: claudeDir, CODEX_HOME: codexHome };
    claude(path.join(claudeDir, 'settings.json'), 'user');
    mcp({ host: 'codex', scope: 'user', file: path.join(codexHome, 'config.toml') });
    forgetRecords();
    expect(findInstalls(env, project)).toEqual([
      { kind: 'claude-code', scope: 'user', file: path.join(claudeDir, 'settings.json') },
      { kind: 'mcp', target: { host: 'codex', scope: 'user', file: path.join(codexHome, 'config.toml') } },
    ]);
  });
});
