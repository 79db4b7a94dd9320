// `buddy install claude-code [--project] [--wrap] [--mcp]`: add the statusline and hooks to Claude Code
// (and its MCP server with --mcp). `buddy install codex|gemini|copilot|cursor` (`--project` where the host
// has project servers): register Buddy's MCP server with those agent CLIs (hosts/index.ts); with --hooks
// (codex, gemini, cursor, copilot) also the hooks that run `buddy hook agent` (hosts/hook-hosts.ts).
import { fileURLToPath } from 'node:url';
import { pathExists, realPathOf } from '../../files/entries.js';
import { FileAccessError } from '../../files/errors.js';
import { LockTimeoutError } from '../../files/lock.js';
import { SettingsFileError } from '../../installers/config-file.js';
import { claudeSettingsFile, installClaudeCode } from '../../installers/hosts/claude-code/install.js';
import { uninstallCommand } from '../../installers/hosts/claude-code/inspect.js';
import { CLAUDE_MCP_REMOVE_COMMAND, claudeMcpAddCommand, claudeUserScopeServer, type UserScopeServer } from '../../installers/hosts/claude-code/mcp.js';
import { buddyCommands, fastScriptFor } from '../../installers/hosts/claude-code/commands.js';
import { SettingsShapeError, StatusLineConflict } from '../../installers/hosts/claude-code/settings-edit.js';
import { hookCommands } from '../../installers/hook-host.js';
import { checkHookInstall, hookTarget, hookUninstallCommand, installHooks, type HookTarget } from '../../installers/hook-install.js';
import { HOOK_HOSTS, hookHost, isHookHostId, type HookHostId } from '../../installers/hosts/hook-hosts.js';
import { HookShapeError } from '../../installers/text/hook-json-edit.js';
import { MCP_HOSTS, mcpHost, type McpHostId } from '../../installers/hosts/index.js';
import { buddyMcpEntry, sameEntry, type McpEntry } from '../../installers/mcp-entry.js';
import { checkMcpInstall, installMcpServer, type McpTarget } from '../../installers/mcp-install.js';
import { shownCommand } from '../../installers/shell-quote.js';
import { McpEntryConflict, McpShapeError } from '../../installers/text/mcp-json-edit.js';
import { TOOL_LIST } from '../../mcp/tools.js';
import { INSTALL } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { stablePathOrRefuse } from '../stable-path.js';
import { mcpTarget, mcpUninstallCommand, scopesOf } from '../../installers/mcp-targets.js';
import { LIGHT_SCRIPT_NAME, placeLightScript } from '../standalone/light-script.js';
import { runsAsExecutable } from '../standalone/runtime.js';

export type Host = McpHostId;
/** Claude Code first (its statusline and hooks; its MCP server comes with --mcp), then every other MCP host. */
const HOSTS: readonly Host[] = ['claude-code', ...MCP_HOSTS.map((host) => host.id).filter((id) => id !== 'claude-code')];
/** The hosts --project is for: Claude Code's settings, and every MCP host with project-scoped servers. */
export const PROJECT_HOSTS: readonly Host[] = HOSTS.filter((id) => id === 'claude-code' || scopesOf(mcpHost(id)).includes('project'));

export function targetOf(command: string, positionals: readonly string[]): Host {
  const host = HOSTS.find((name) => name === positionals[0]);
  if (!host) throw new UsageError(`${command}: say where: ${HOSTS.slice(0, -1).join(', ')} or ${HOSTS.at(-1)}`, `e.g. buddy ${command} claude-code`);
  return host;
}

/** Flags that only Claude Code takes (or, for --project, that Codex does not). */
export function refuseFlags(command: string, host: Host, given: Readonly<Record<string, unknown>>, only: Readonly<Record<string, readonly Host[]>>): void {
  for (const [flag, hosts] of Object.entries(only)) {
    const named = hosts.length > 1 ? `${hosts.slice(0, -1).join(', ')} and ${hosts.at(-1)}` : hosts.join('');
    if (given[flag] && !hosts.includes(host)) throw new UsageError(`${command} ${host}: --${flag} is only for ${named}`);
  }
}

export function currentScript(): string {
  const script = process.argv[1];
  if (!script) throw new UserFacingError('cannot tell where buddy is installed');
  return realPathOf(script);
}

/**
 * The user's ~/.claude.json as far as Buddy's MCP server goes, read before anything is changed: a FIFO, a
 * device or a file over the cap there stops the command at once, with one line.
 */
export function userScopeServerOrRefuse(command: string, env: NodeJS.ProcessEnv, recorded: readonly McpEntry[] = []): UserScopeServer {
  const server = claudeUserScopeServer(env, recorded);
  if (server.state === 'unreadable' && server.refused !== undefined) throw new UserFacingError(`${command}: ${server.refused}. Nothing was changed.`);
  return server;
}

/** A host file, an install record or its lock that could not be used: one line, and nothing was changed. */
export function isFileProblem(error: unknown): error is Error {
  return error instanceof SettingsFileError || error instanceof FileAccessError || error instanceof LockTimeoutError;
}

function mcpFailure(error: unknown, file: string): never {
  if (error instanceof McpEntryConflict) {
    throw new UserFacingError(`install: ${file} already has an MCP server named "buddy" that is not Buddy's (${shownCommand(error.existing)}); it was left alone. Remove or rename it first. Nothing was changed.`);
  }
  if (error instanceof McpShapeError) throw new UserFacingError(`install: ${file}: ${error.message}. Nothing was changed.`);
  if (isFileProblem(error)) throw new UserFacingError(`install: ${error.message}`);
  throw error;
}

/** Registers the MCP server in one host file and says what happened. */
function installMcp(io: CliIo, target: McpTarget, entry: McpEntry): void {
  const undo = `To undo: ${mcpUninstallCommand(target)}`;
  let outcome;
  try {
    outcome = installMcpServer(io.env, target, entry, new Date());
  } catch (error) {
    mcpFailure(error, target.file);
  }
  const host = mcpHost(target.host).name;
  if (outcome.kind === 'already-installed') {
    writeLine(io.stdout, `Buddy's MCP server is already registered with ${host} in ${target.file}; nothing changed. ${undo}`);
    return;
  }
  writeLine(io.stdout, `${outcome.moved ? 'Pointed Buddy\'s MCP server at this copy of Buddy' : 'Registered Buddy\'s MCP server'} with ${host}: ${target.file}`);
  writeLine(io.stdout, `  server      buddy: ${[entry.command, ...entry.args].join(' ')}`);
  writeLine(io.stdout, `  tools       ${TOOL_LIST}; resource buddy://card`);
  writeLine(io.stdout, `  backup      ${outcome.backup ?? 'none: the file did not exist before'}`);
  writeLine(io.stdout, `Restart ${host} to meet your buddy there. ${undo}`);
}

/** Claude Code's user-scope MCP servers live in a file Claude Code rewrites itself: say the command instead. */
function claudeUserMcp(io: CliIo, entry: McpEntry, existing: UserScopeServer): void {
  if (existing.state === 'mine' && sameEntry(existing.entry, entry)) {
    writeLine(io.stdout, 'Buddy\'s MCP server is already registered for your user in Claude Code.');
    return;
  }
  if (existing.state === 'foreign') {
    writeLine(io.stdout, `Your user scope in Claude Code already has an MCP server named "buddy" that is not Buddy's (${shownCommand(existing.command)}); it was left alone.`);
    return;
  }
  writeLine(io.stdout, 'Buddy does not edit ~/.claude.json (Claude Code rewrites it while it runs). To register the MCP server for your user, run:');
  if (existing.state === 'mine') writeLine(io.stdout, `  ${CLAUDE_MCP_REMOVE_COMMAND}`);
  writeLine(io.stdout, `  ${claudeMcpAddCommand(entry)}`);
}

type InstallFlags = { project?: boolean | undefined; wrap?: boolean | undefined; mcp?: boolean | undefined; hooks?: boolean | undefined; force?: boolean | undefined };

function hookFailure(error: unknown, file: string): never {
  if (error instanceof HookShapeError) throw new UserFacingError(`install: ${file}: ${error.message}. Nothing was changed.`);
  if (isFileProblem(error)) throw new UserFacingError(`install: ${error.message}`);
  throw error;
}

/** The hooks into one host file, and what happened; the MCP entry is in by then. */
function installHookFile(io: CliIo, target: HookTarget, script: string): void {
  const host = hookHost(target.host);
  const commands = hookCommands(process.execPath, script, host.id);
  let outcome;
  try {
    outcome = installHooks(io.env, target, commands, new Date());
  } catch (error) {
    hookFailure(error, target.file);
  }
  const undo = `To undo: ${hookUninstallCommand(target)}`;
  if (outcome.kind === 'already-installed') {
    writeLine(io.stdout, `Buddy's hooks are already in ${host.name}'s ${target.file}; nothing changed. ${undo}`);
  } else {
    writeLine(io.stdout, `${outcome.moved ? "Pointed Buddy's hooks at this copy of Buddy" : "Added Buddy's hooks"} in ${host.name}: ${target.file}`);
    for (const { event, matcher, moment } of host.events) writeLine(io.stdout, `  ${event.padEnd(20)}${commands[moment]}${matcher === undefined ? '' : ` (${matcher})`}`);
    writeLine(io.stdout, `  backup      ${outcome.backup ?? 'none: the file did not exist before'}`);
    writeLine(io.stdout, undo);
  }
  if (host.nextStep) writeLine(io.stdout, `Next: ${host.nextStep}`);
}

/** --hooks: the MCP server and the hooks; both files are checked before either is written. */
function installWithHooks(io: CliIo, host: HookHostId, project: boolean, script: string, entry: McpEntry): void {
  const mcp = mcpTarget(io.env, host, project);
  const hooks = hookTarget(io.env, host, project);
  try {
    checkMcpInstall(io.env, mcp, entry);
  } catch (error) {
    mcpFailure(error, mcp.file);
  }
  try {
    checkHookInstall(io.env, hooks, hookCommands(process.execPath, script, host));
  } catch (error) {
    hookFailure(error, hooks.file);
  }
  installMcp(io, mcp, entry);
  installHookFile(io, hooks, script);
}

/** The standalone executable's light script, copied from its unpacked build to where settings can name it. */
function executablesLightScript(env: NodeJS.ProcessEnv): string {
  try {
    return placeLightScript(env, fileURLToPath(new URL(`./${LIGHT_SCRIPT_NAME}`, import.meta.url)));
  } catch (error) {
    if (isFileProblem(error)) throw new UserFacingError(`install: ${error.message}. Nothing was changed.`);
    throw error;
  }
}

function installClaude(io: CliIo, values: InstallFlags, script: string, entry: McpEntry): void {
  const scope = values.project ? 'project' : 'user';
  const file = claudeSettingsFile(io.env, values.project ? process.cwd() : undefined);
  // The light statusline script needs a POSIX shell, and to sit beside the bundle (it does in the package),
  // or, from the standalone executable, Buddy's stable copy of it (its unpacked build is a cache).
  const posix = process.platform !== 'win32';
  const lightScript = posix && runsAsExecutable() ? executablesLightScript(io.env) : fastScriptFor(script);
  const fast = posix && pathExists(lightScript);
  const commands = buddyCommands(process.execPath, script, { fast, lightScript });
  const undo = `To undo: ${uninstallCommand(scope, file)}`;
  const userMcp = values.mcp && !values.project ? userScopeServerOrRefuse('install', io.env, [entry]) : undefined;
  const projectMcp = values.mcp && values.project ? mcpTarget(io.env, 'claude-code', true) : undefined;
  // The project's .mcp.json is looked at before the settings are written: a refusal there changes neither.
  if (projectMcp) {
    try {
      checkMcpInstall(io.env, projectMcp, entry);
    } catch (error) {
      mcpFailure(error, projectMcp.file);
    }
  }
  try {
    const outcome = installClaudeCode(io.env, file, scope, commands, Boolean(values.wrap), new Date());
    if (outcome.kind === 'already-installed') {
      writeLine(io.stdout, `Buddy is already installed in ${file}; nothing changed. ${undo}`);
    } else {
      writeLine(io.stdout, `Installed Buddy into Claude Code (${scope} settings): ${file}`);
      writeLine(io.stdout, `  statusLine  ${commands.statusline}${outcome.wrapped ? ' --wrap ... (your previous statusLine runs first)' : ''}`);
      writeLine(io.stdout, '  hooks       UserPromptSubmit (answers when called by name), SessionStart (introduction)');
      writeLine(io.stdout, `  backup      ${outcome.backup ?? 'none: the file did not exist before'}`);
      writeLine(io.stdout, `Restart Claude Code to meet your buddy there. ${undo}`);
    }
  } catch (error) {
    if (error instanceof StatusLineConflict) {
      const wrap = `buddy install claude-code${values.project ? ' --project' : ''} --wrap${values.mcp ? ' --mcp' : ''}${values.force ? ' --force' : ''}`;
      throw new UserFacingError(
        `install: ${file} already has a statusLine (${shownCommand(error.existingCommand)}). Run '${wrap}' to keep it and show Buddy after its output, or remove it first. Nothing was changed.`,
      );
    }
    if (error instanceof SettingsShapeError) throw new UserFacingError(`install: ${file}: ${error.message}. Nothing was changed.`);
    if (isFileProblem(error)) throw new UserFacingError(`install: ${error.message}`);
    throw error;
  }
  if (userMcp) claudeUserMcp(io, entry, userMcp);
  else if (projectMcp) installMcp(io, projectMcp, entry);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(INSTALL, argv);
  const host = targetOf('install', positionals);
  refuseFlags('install', host, values, { project: PROJECT_HOSTS, wrap: ['claude-code'], mcp: ['claude-code'], hooks: HOOK_HOSTS.map(({ id }) => id) });
  const script = currentScript();
  // Before any file is read: a path that will break is refused whatever the host's file holds.
  const warning = stablePathOrRefuse(script, io.env, installAgain(host, values), Boolean(values.force));
  const entry = buddyMcpEntry(process.execPath, script);
  if (host === 'claude-code') installClaude(io, values, script, entry);
  else if (values.hooks && isHookHostId(host)) installWithHooks(io, host, Boolean(values.project), script, entry);
  else installMcp(io, mcpTarget(io.env, host, Boolean(values.project)), entry);
  if (warning) io.stderr.write(`buddy: ${warning}\n`);
  return 0;
}

/** The same install again, without --force: what to run once Buddy is installed where it stays. */
function installAgain(host: Host, values: InstallFlags): string {
  return `buddy install ${host}${values.project ? ' --project' : ''}${values.wrap ? ' --wrap' : ''}${values.mcp ? ' --mcp' : ''}${values.hooks ? ' --hooks' : ''}`;
}
