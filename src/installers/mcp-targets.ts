// Which file each agent CLI keeps its MCP servers in, for each scope, and the exact commands that install
// and take out Buddy's entry there (a project's name the folder to run them in). All of it the host's
// answer (mcp-host.ts): nothing here knows one host from another.
import path from 'node:path';
import { mcpHost, type McpHostId } from './hosts/index.js';
import type { McpHost } from './mcp-host.js';
import type { McpTarget } from './mcp-install.js';
import type { Scope } from './scope.js';
import { shellQuote } from './shell-quote.js';

/** The scopes a host's servers can be registered in by Buddy. */
export function scopesOf(host: McpHost): Scope[] {
  return [...(host.userFile ? ['user' as const] : []), ...(host.projectFile ? ['project' as const] : [])];
}

/** The scope asked for (--project or not) when the host has it, else the one it has. */
export function mcpTarget(env: NodeJS.ProcessEnv, id: McpHostId, project: boolean, cwd = process.cwd()): McpTarget {
  const host = mcpHost(id);
  const scope: Scope = project ? (host.projectFile ? 'project' : 'user') : host.userFile ? 'user' : 'project';
  const file = scope === 'user' ? host.userFile!(env) : path.join(cwd, ...host.projectFile!);
  return { host: id, scope, file };
}

/** The folder a project-scope file belongs to: its project's root, where the file sits in (or under). */
function projectDir(target: McpTarget): string {
  let dir = target.file;
  for (const _part of mcpHost(target.host).projectFile ?? []) dir = path.dirname(dir);
  return dir;
}

function inScope(target: McpTarget, command: string): string {
  return target.scope === 'user' ? command : `cd ${shellQuote(projectDir(target))} && ${command}`;
}

export function mcpUninstallCommand(target: McpTarget): string {
  const project = target.scope === 'project' ? ' --project' : '';
  return inScope(target, `buddy uninstall ${target.host}${project}`);
}

export function mcpInstallCommand(target: McpTarget): string {
  const flags = `${target.scope === 'project' ? ' --project' : ''}${mcpHost(target.host).installFlags ?? ''}`;
  return inScope(target, `buddy install ${target.host}${flags}`);
}
