// `buddy doctor`'s MCP checks: for Codex, Gemini CLI (user and this project) and Claude Code (this
// project's .mcp.json, and, read only, the user's ~/.claude.json), exactly what is registered: Buddy's
// server and what it runs, a "buddy" server of another tool, or nothing. Registering is optional, so
// nothing registered is a note, never a warning.
import { CLAUDE_MCP_REMOVE_COMMAND, claudeMcpAddCommand, claudeUserScopeServer } from '../../../installers/hosts/claude-code/mcp.js';
import { MCP_HOSTS, mcpHost } from '../../../installers/hosts/index.js';
import { buddyMcpEntry } from '../../../installers/mcp-entry.js';
import { inspectMcpServer, type McpTarget } from '../../../installers/mcp-install.js';
import { readMcpRecords } from '../../../installers/mcp-records.js';
import { mcpInstallCommand, mcpTarget, mcpUninstallCommand, scopesOf } from '../../../installers/mcp-targets.js';
import type { Scope } from '../../../installers/scope.js';
import { shownCommand } from '../../../installers/shell-quote.js';
import type { BuddyCopy } from '../../../installers/copies.js';
import { toolFilters } from '../../../mcp/tool-filters.js';
import { TOOL_LIST } from '../../../mcp/tools.js';
import { setupCopyCheck } from './copy-checks.js';

export interface McpCheck {
  readonly status: 'ok' | 'note' | 'warn' | 'fail';
  readonly what: string;
  readonly fix?: string;
}

function checkTarget(env: NodeJS.ProcessEnv, target: McpTarget, running: BuddyCopy | undefined): McpCheck[] {
  const label = `${mcpHost(target.host).name} MCP (${target.scope === 'user' ? 'user' : 'project'})`;
  const inspection = inspectMcpServer(env, target);
  if (inspection.state === 'unreadable') return [{ status: 'warn', what: `${label}: ${inspection.message}` }];
  const absent: McpCheck = { status: 'note', what: `${label}: Buddy's MCP server is not registered in ${target.file} (\`${mcpInstallCommand(target)}\` adds it)` };
  if (inspection.state === 'missing') return [absent];
  const checks: McpCheck[] = [];
  if (inspection.mine) {
    checks.push({ status: 'ok', what: `${label}: server "buddy" runs ${[inspection.mine.command, ...inspection.mine.args].join(' ')} (${target.file})` });
    const script = inspection.mine.args[0];
    if (script !== undefined) checks.push(...setupCopyCheck(env, label, script, running, mcpInstallCommand(target)));
    for (const gone of inspection.gone) {
      checks.push({
        status: 'fail',
        what: `${label}: Buddy's server runs ${gone}, which no longer exists`,
        fix: `run \`${mcpInstallCommand(target)}\` from the current install (it points the entry there), or \`${mcpUninstallCommand(target)}\``,
      });
    }
    if (!inspection.recorded) checks.push({ status: 'note', what: `${label}: Buddy's server is there but its install record is not; uninstall still finds it by its form` });
    // A filter of the person's own, held against the tools the server has now.
    for (const filter of toolFilters(target.host, inspection.value)) {
      if (filter.unknown.length > 0) {
        checks.push({
          // In an allow-list, a name that is no tool now is most likely one renamed, which the host then hides.
          status: filter.kind === 'allow' ? 'warn' : 'note',
          what: `${label}: ${filter.key} names ${filter.unknown.join(', ')}, which Buddy's server does not have (its tools: ${TOOL_LIST})`,
          fix: `edit ${filter.key} in ${target.file}`,
        });
      }
      if (filter.hidden.length > 0) checks.push({ status: 'note', what: `${label}: ${filter.key} keeps ${filter.hidden.join(', ')} from ${mcpHost(target.host).name}` });
    }
  } else if (inspection.foreign !== undefined) {
    checks.push({ status: 'note', what: `${label}: server "buddy" runs ${shownCommand(inspection.foreign)}: not Buddy's, left alone` });
  } else {
    checks.push(absent);
  }
  return checks;
}

/** Claude Code's user scope lives in ~/.claude.json, which Buddy only reads. */
function checkClaudeUser(env: NodeJS.ProcessEnv, running: BuddyCopy): McpCheck[] {
  const current = buddyMcpEntry(process.execPath, running.script);
  const server = claudeUserScopeServer(env);
  const label = 'Claude Code MCP (user)';
  switch (server.state) {
    case 'mine': {
      const script = server.entry.args[0];
      return [
        { status: 'ok', what: `${label}: server "buddy" runs ${[server.entry.command, ...server.entry.args].join(' ')}` },
        // Claude Code's user scope is changed by its own command: Buddy's install prints it.
        ...(script === undefined ? [] : setupCopyCheck(env, label, script, running, 'buddy install claude-code --mcp')),
      ];
    }
    case 'foreign':
      return [{ status: 'note', what: `${label}: server "buddy" runs ${shownCommand(server.command)}: not Buddy's, left alone` }];
    case 'unreadable':
      return [{ status: 'note', what: `${label}: ~/.claude.json could not be read` }];
    case 'none':
      return [{ status: 'note', what: `${label}: not registered (\`${claudeMcpAddCommand(current)}\` adds it; \`${CLAUDE_MCP_REMOVE_COMMAND}\` takes it out)` }];
  }
}

export function mcpChecks(env: NodeJS.ProcessEnv, running: BuddyCopy | undefined, cwd = process.cwd()): McpCheck[] {
  // A record file doctor cannot read is one more thing to report, never the end of the report.
  const recordProblems: McpCheck[] = [];
  let recorded = new Set<string>();
  try {
    recorded = new Set(Object.keys(readMcpRecords(env).records));
  } catch (error) {
    recordProblems.push({ status: 'warn', what: `MCP install records: ${(error as Error).message.split('\n')[0]}` });
  }
  const inScope = (scope: Scope): McpTarget[] =>
    MCP_HOSTS.filter((host) => scopesOf(host).includes(scope)).map((host) => mcpTarget(env, host.id, scope === 'project', cwd));
  const user = inScope('user');
  // Project files are named only when there is something in them to speak of.
  const project = inScope('project').filter(
    (target) => !user.some((other) => other.file === target.file) && (recorded.has(target.file) || inspectMcpServer(env, target).state !== 'missing'),
  );
  const checks = [...recordProblems, ...[...user, ...project].flatMap((target) => checkTarget(env, target, running))];
  if (running) checks.push(...checkClaudeUser(env, running));
  return checks;
}
