// GitHub Copilot CLI: its servers are members of `mcpServers` in $COPILOT_HOME/mcp-config.json (by
// default ~/.copilot/mcp-config.json), for the user only. Copilot reads the file with comments and
// trailing commas allowed, and gives a local server the tools its `tools` list names ("*": all of them).
// https://docs.github.com/en/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers
import path from 'node:path';
import { jsonMcpFormat } from '../mcp-formats.js';
import type { McpHost } from '../mcp-host.js';
import { homeDir } from '../scope.js';

/** Copilot's folder: $COPILOT_HOME, or ~/.copilot. */
export function copilotHome(env: NodeJS.ProcessEnv): string {
  return env.COPILOT_HOME ? path.resolve(env.COPILOT_HOME) : path.join(homeDir(env), '.copilot');
}

export const copilot: McpHost<'copilot'> = {
  id: 'copilot',
  name: 'GitHub Copilot CLI',
  userFile: (env) => path.join(copilotHome(env), 'mcp-config.json'),
  // A project's servers are in its .mcp.json, the file Claude Code's project scope writes: one host owns it.
  format: jsonMcpFormat({ comments: true, trailingCommas: true, leading: { type: 'local' }, trailing: { tools: ['*'] } }),
  backupFolder: 'copilot-backups',
  // Copilot makes this file for its owner alone (its servers' env and headers may hold tokens); so does Buddy.
  newFileMode: 0o600,
};
