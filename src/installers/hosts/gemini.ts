// Gemini CLI: its servers are members of `mcpServers` in settings.json, JSON with comments: the user's
// ~/.gemini/settings.json (under $GEMINI_CLI_HOME instead of the home directory when that is set), or a
// project's .gemini/settings.json.
// https://geminicli.com/docs/reference/configuration
import path from 'node:path';
import { jsonMcpFormat } from '../mcp-formats.js';
import type { McpHost } from '../mcp-host.js';
import { homeDir } from '../scope.js';

/** The folder Gemini CLI keeps its user-level `.gemini` in: $GEMINI_CLI_HOME, or the home directory. */
function geminiHome(env: NodeJS.ProcessEnv): string {
  return env.GEMINI_CLI_HOME ? path.resolve(env.GEMINI_CLI_HOME) : homeDir(env);
}

export const gemini: McpHost<'gemini'> = {
  id: 'gemini',
  name: 'Gemini CLI',
  userFile: (env) => path.join(geminiHome(env), '.gemini', 'settings.json'),
  projectFile: ['.gemini', 'settings.json'],
  format: jsonMcpFormat({ comments: true }),
  backupFolder: 'gemini-backups',
  newFileMode: 0o644,
};
