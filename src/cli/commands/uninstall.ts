// `buddy uninstall claude-code|codex|gemini|copilot|cursor [--project]`: take Buddy out again, leaving every change the
// user made since install in place (and, for Claude Code, the statusline frames Buddy prepared). For a host
// with hooks, its hooks go first, then its MCP server: the reverse of install, so each exact undo fits.
import { claudeSettingsFile, uninstallClaudeCode, type UninstallOutcome } from '../../installers/hosts/claude-code/install.js';
import { installCommand, installsElsewhere, uninstallCommand } from '../../installers/hosts/claude-code/inspect.js';
import { CLAUDE_MCP_REMOVE_COMMAND } from '../../installers/hosts/claude-code/mcp.js';
import { mcpHost } from '../../installers/hosts/index.js';
import { hookHost, isHookHostId } from '../../installers/hosts/hook-hosts.js';
import { hookInstallCommand, hookTarget, uninstallHooks, type HookTarget, type HookUninstallOutcome } from '../../installers/hook-install.js';
import { inspectMcpServer, uninstallMcpServer, type McpTarget, type McpUninstallOutcome } from '../../installers/mcp-install.js';
import type { Scope } from '../../installers/scope.js';
import { McpShapeError } from '../../installers/text/mcp-json-edit.js';
import { framesRoot, removeAllFrames } from '../../statusline/frames.js';
import { UNINSTALL } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { mcpInstallCommand, mcpTarget, mcpUninstallCommand, scopesOf } from '../../installers/mcp-targets.js';
import { isFileProblem, PROJECT_HOSTS, refuseFlags, targetOf, userScopeServerOrRefuse } from './install.js';
import { uninstallAll } from './uninstall-all.js';

function report(outcome: UninstallOutcome, file: string, scope: Scope): string[] {
  const again = `To install again: ${installCommand(scope, file, outcome.kind === 'removed' && outcome.statusLineLeft)}`;
  switch (outcome.kind) {
    case 'not-installed':
      return [`Buddy is not installed in ${file}; nothing changed.`];
    case 'file-gone':
      return [`${file} no longer exists, so there is nothing to take out; it was not recreated. Buddy's record of that install is cleared.`];
    case 'already-removed':
      return [`Buddy's entries are no longer in ${file} (taken out by hand); nothing changed. Buddy's record of that install is cleared.`];
    case 'removed':
      return [
        outcome.deleted
          ? `Removed Buddy from Claude Code: ${file} was made by the install and nothing else was put in it, so it is gone again.`
          : outcome.exact
            ? `Removed Buddy from Claude Code: ${file} is byte for byte as before install, apart from any changes you made since.`
            : `Removed Buddy's statusLine and hooks from ${file}; everything else, including your changes since install, stays.`,
        `  backup      ${outcome.backup}`,
        again,
      ];
  }
}

function mcpReport(outcome: McpUninstallOutcome, target: McpTarget): string[] {
  const { file } = target;
  const host = mcpHost(target.host).name;
  switch (outcome.kind) {
    case 'not-installed':
      return [`Buddy's MCP server is not registered in ${file}; nothing changed.`];
    case 'file-gone':
      return [`${file} no longer exists, so there is nothing to take out; it was not recreated. Buddy's record of that install is cleared.`];
    case 'already-removed':
      return [`Buddy's MCP server is no longer in ${file} (taken out by hand); nothing changed. Buddy's record of that install is cleared.`];
    case 'removed':
      return [
        outcome.deleted
          ? `Removed Buddy's MCP server from ${host}: ${file} was made by the install and nothing else was put in it, so it is gone again.`
          : outcome.exact
            ? `Removed Buddy's MCP server from ${host}: ${file} is byte for byte as before install, apart from any changes made to it since.`
            : `Removed Buddy's MCP server from ${file}; everything else, including your changes since install, stays.`,
        `  backup      ${outcome.backup}`,
        `To install again: ${mcpInstallCommand(target)}`,
      ];
  }
}

function hookReport(outcome: HookUninstallOutcome, target: HookTarget): string[] {
  const { file } = target;
  const host = hookHost(target.host).name;
  switch (outcome.kind) {
    case 'not-installed':
      return [`Buddy's hooks are not in ${file}; nothing changed.`];
    case 'file-gone':
      return [`${file} no longer exists, so there are no hooks to take out; it was not recreated. Buddy's record of those hooks is cleared.`];
    case 'already-removed':
      return [`Buddy's hooks are no longer in ${file} (taken out by hand); nothing changed. Buddy's record of those hooks is cleared.`];
    case 'removed':
      return [
        outcome.deleted
          ? `Removed Buddy's hooks from ${host}: ${file} was made by the install and nothing else was put in it, so it is gone again.`
          : outcome.exact
            ? `Removed Buddy's hooks from ${host}: ${file} is as before they were added, apart from any changes made to it since.`
            : `Removed Buddy's hooks from ${file}; everything else, your own hooks and changes since install included, stays.`,
        `  backup      ${outcome.backup}`,
        `To add them again: ${hookInstallCommand(target)}`,
      ];
  }
}

/** Takes Buddy's hooks out of one host file; says nothing when there were none. True when something was said. */
export function uninstallHookFile(io: CliIo, target: HookTarget): boolean {
  let outcome: HookUninstallOutcome;
  try {
    outcome = uninstallHooks(io.env, target, new Date());
  } catch (error) {
    if (isFileProblem(error)) throw new UserFacingError(`uninstall: ${error.message}`);
    throw error;
  }
  if (outcome.kind === 'not-installed') return false;
  for (const line of hookReport(outcome, target)) writeLine(io.stdout, line);
  return true;
}

export function uninstallMcp(io: CliIo, target: McpTarget, quietWhenAbsent = false): void {
  let outcome: McpUninstallOutcome;
  try {
    if (quietWhenAbsent && inspectMcpServer(io.env, target).state === 'missing') return;
    outcome = uninstallMcpServer(io.env, target, new Date());
  } catch (error) {
    const problem =
      isFileProblem(error) ? error.message : error instanceof McpShapeError ? `${target.file}: ${error.message}. Nothing was changed.` : undefined;
    if (problem === undefined) throw error;
    // Alongside another uninstall that went well, a note; on its own, the failure it is.
    if (quietWhenAbsent) writeLine(io.stdout, `Buddy's MCP server was not taken out: ${problem}`);
    else throw new UserFacingError(`uninstall: ${problem}`);
    return;
  }
  if (quietWhenAbsent && outcome.kind === 'not-installed') return;
  for (const line of mcpReport(outcome, target)) writeLine(io.stdout, line);
  // A host with both scopes: say so when Buddy's server is registered in the other one.
  if (outcome.kind === 'not-installed' && scopesOf(mcpHost(target.host)).length > 1) {
    const other = mcpTarget(io.env, target.host, target.scope === 'user');
    const there = inspectMcpServer(io.env, other);
    if (other.file !== target.file && there.state === 'read' && there.mine) writeLine(io.stdout, `Buddy's MCP server is registered in ${other.file}; to remove it there: ${mcpUninstallCommand(other)}`);
  }
}

/** Takes Buddy's statusline and hooks out of one settings file and says what happened. */
export function uninstallClaudeFile(io: CliIo, file: string, scope: Scope): UninstallOutcome {
  let outcome: UninstallOutcome;
  try {
    outcome = uninstallClaudeCode(io.env, file, new Date());
  } catch (error) {
    if (isFileProblem(error)) throw new UserFacingError(`uninstall: ${error.message}`);
    throw error;
  }
  const lines = report(outcome, file, scope);
  // Frames are only a cache of what the statusline draws: an install left in another scope draws them anew.
  if (outcome.kind !== 'not-installed' && removeAllFrames(io.env)) {
    lines.splice(outcome.kind === 'removed' ? lines.length - 1 : lines.length, 0, `  frames      removed the prepared statusline frames (${framesRoot(io.env)})`);
  }
  for (const line of lines) writeLine(io.stdout, line);
  return outcome;
}

function uninstallClaude(io: CliIo, project: boolean): void {
  const scope: Scope = project ? 'project' : 'user';
  const file = claudeSettingsFile(io.env, project ? process.cwd() : undefined);
  // Read before anything is taken out, so a FIFO or a device at ~/.claude.json stops the command at once.
  const userMcp = project ? undefined : userScopeServerOrRefuse('uninstall', io.env);
  const outcome = uninstallClaudeFile(io, file, scope);
  if (outcome.kind === 'not-installed' || outcome.kind === 'already-removed') {
    // The other scope is separate: say where Buddy is, and the command that takes it out there.
    for (const elsewhere of installsElsewhere(io.env, file, process.cwd())) {
      writeLine(io.stdout, `Buddy is installed in ${elsewhere.scope === 'user' ? 'your user settings' : 'project settings'} ${elsewhere.file}; to remove it there: ${uninstallCommand(elsewhere.scope, elsewhere.file)}`);
    }
  }
  // Its MCP server: the project's .mcp.json is Buddy's to edit; the user's ~/.claude.json is not.
  if (project) uninstallMcp(io, mcpTarget(io.env, 'claude-code', true), true);
  else if (userMcp?.state === 'mine') writeLine(io.stdout, `Buddy's MCP server is registered for your user in Claude Code; to remove it: ${CLAUDE_MCP_REMOVE_COMMAND}`);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(UNINSTALL, argv);
  if (values.all) {
    return uninstallAll(io, positionals, values, { claudeFile: uninstallClaudeFile, mcp: (each, target) => uninstallMcp(each, target), hooks: (each, target) => uninstallHookFile(each, target) });
  }
  for (const flag of ['purge', 'export', 'yes'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`uninstall: --${flag} goes with --all`, 'e.g. buddy uninstall --all --purge');
  }
  const host = targetOf('uninstall', positionals);
  refuseFlags('uninstall', host, values, { project: PROJECT_HOSTS });
  if (host === 'claude-code') {
    uninstallClaude(io, Boolean(values.project));
    return 0;
  }
  // The hooks first: the reverse of install, where they went in after the MCP entry (one file, for Gemini CLI).
  const hooks = isHookHostId(host) ? hookTarget(io.env, host, Boolean(values.project)) : undefined;
  const hooksTaken = hooks !== undefined && uninstallHookFile(io, hooks);
  uninstallMcp(io, mcpTarget(io.env, host, Boolean(values.project)), hooksTaken);
  return 0;
}
