// Which file each agent CLI keeps its MCP servers in, for each scope, and the exact commands that install
// and take out Buddy's entry there (a project's name the folder to run them in).
import path from 'node:path';
import { shellQuote } from './hosts/claude-code/commands.js';
import { claudeMcpFile, codexConfigFile, geminiSettingsFile, type McpHost } from './mcp-entry.js';
import type { McpTarget } from './mcp-install.js';

export function mcpTarget(env: NodeJS.ProcessEnv, host: McpHost, project: boolean, cwd = process.cwd()): McpTarget {
  if (host === 'codex') return { host, scope: 'user', file: codexConfigFile(env) };
  if (host === 'gemini') return { host, scope: project ? 'project' : 'user', file: geminiSettingsFile(env, project ? cwd : undefined) };
  return { host, scope: 'project', file: claudeMcpFile(cwd) };
}

/** The folder a project-scope file belongs to: .gemini/settings.json and .mcp.json sit in (or just under) it. */
function projectDir(target: McpTarget): string {
  return target.host === 'gemini' ? path.dirname(path.dirname(target.file)) : path.dirname(target.file);
}

function inScope(target: McpTarget, command: string): string {
  return target.scope === 'user' ? command : `cd ${shellQuote(projectDir(target))} && ${command}`;
}

export function mcpUninstallCommand(target: McpTarget): string {
  const project = target.scope === 'project' ? ' --project' : '';
  return inScope(target, `buddy uninstall ${target.host}${project}`);
}

export function mcpInstallCommand(target: McpTarget): string {
  const flags = target.host === 'claude-code' ? ' --project --mcp' : target.scope === 'project' ? ' --project' : '';
  return inScope(target, `buddy install ${target.host}${flags}`);
}
