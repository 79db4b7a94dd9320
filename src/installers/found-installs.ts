// Every place Buddy is installed that it can know of, for `buddy uninstall --all`: the host files its install
// records name (any scope, any project), and the known files of every host in the table, in the user's
// scope and in the current project's. A file counts when Buddy's entries are in it, or when a record
// names it (uninstalling then clears the record, as a single uninstall does). Reading only.
import { inspectSettings, isInstalledThere } from './hosts/claude-code/inspect.js';
import { claudeSettingsFile } from './hosts/claude-code/install.js';
import { readRecords } from './hosts/claude-code/records.js';
import { MCP_HOSTS } from './hosts/index.js';
import { HOOK_HOSTS } from './hosts/hook-hosts.js';
import { hookTarget, inspectHooks, type HookTarget } from './hook-install.js';
import { readHookRecords } from './hook-records.js';
import { inspectMcpServer, type McpTarget } from './mcp-install.js';
import { readMcpRecords } from './mcp-records.js';
import { mcpTarget, scopesOf } from './mcp-targets.js';
import type { Scope } from './scope.js';

export type FoundInstall =
  /** Claude Code's statusline and hooks in one settings file. */
  | { readonly kind: 'claude-code'; readonly scope: Scope; readonly file: string }
  /** Buddy's hooks in one host file. */
  | { readonly kind: 'hooks'; readonly target: HookTarget }
  /** Buddy's MCP server in one host file. */
  | { readonly kind: 'mcp'; readonly target: McpTarget };

/** Each hook host's files, user scope first, then the project's, then every other recorded one. */
function hookInstalls(env: NodeJS.ProcessEnv, cwd: string): FoundInstall[] {
  const records = readHookRecords(env).records;
  const found: FoundInstall[] = [];
  for (const host of HOOK_HOSTS) {
    const targets = new Map<string, HookTarget>();
    for (const project of host.projectFile ? [false, true] : [false]) {
      const target = hookTarget(env, host.id, project, cwd);
      if (!targets.has(target.file)) targets.set(target.file, { ...target, scope: records[target.file]?.scope ?? target.scope });
    }
    for (const [file, record] of Object.entries(records)) {
      if (record.host === host.id && !targets.has(file)) targets.set(file, { host: host.id, scope: record.scope, file });
    }
    for (const target of targets.values()) {
      const inspection = inspectHooks(env, target);
      if (records[target.file] !== undefined || (inspection.state === 'read' && inspection.events.length > 0)) found.push({ kind: 'hooks', target });
    }
  }
  return found;
}

/**
 * Claude Code settings files first (user, then projects), then the hosts' hooks, then each MCP host's, in
 * the table's order: a host's hooks come out before its MCP entry, the reverse of install.
 */
export function findInstalls(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): FoundInstall[] {
  const found: FoundInstall[] = [];
  const userFile = claudeSettingsFile(env, undefined);
  const claudeRecords = readRecords(env, userFile).records;
  // One file, one scope: run from the home folder, the project's settings file is the user's, and what the
  // install recorded (or, without a record, the user's scope) says which it is.
  const claudeFiles = new Map<string, Scope>();
  const addClaudeFile = (file: string, scope: Scope): void => {
    if (!claudeFiles.has(file)) claudeFiles.set(file, claudeRecords[file]?.scope ?? scope);
  };
  addClaudeFile(userFile, 'user');
  addClaudeFile(claudeSettingsFile(env, cwd), 'project');
  for (const [file, record] of Object.entries(claudeRecords)) addClaudeFile(file, record.scope);
  for (const [file, scope] of claudeFiles) {
    if (claudeRecords[file] !== undefined || isInstalledThere(inspectSettings(env, file))) found.push({ kind: 'claude-code', scope, file });
  }

  found.push(...hookInstalls(env, cwd));
  const mcpRecords = readMcpRecords(env).records;
  for (const host of MCP_HOSTS) {
    const targets = new Map<string, McpTarget>();
    for (const scope of scopesOf(host)) {
      const target = mcpTarget(env, host.id, scope === 'project', cwd);
      // The user's scope first: from the home folder both scopes can name one file (the record decides).
      if (!targets.has(target.file)) targets.set(target.file, { ...target, scope: mcpRecords[target.file]?.scope ?? target.scope });
    }
    for (const [file, record] of Object.entries(mcpRecords)) {
      if (record.host === host.id && !targets.has(file)) targets.set(file, { host: host.id, scope: record.scope, file });
    }
    for (const target of targets.values()) {
      const inspection = inspectMcpServer(env, target);
      if (mcpRecords[target.file] !== undefined || (inspection.state === 'read' && inspection.mine !== undefined)) found.push({ kind: 'mcp', target });
    }
  }
  return found;
}
