// Gemini CLI: its servers are members of `mcpServers` in settings.json, JSON with comments: the user's
// ~/.gemini/settings.json, or a project's .gemini/settings.json.
import path from 'node:path';
import { jsonMcpFormat } from '../mcp-formats.js';
import type { McpHost } from '../mcp-host.js';
import { homeDir } from '../scope.js';

export const gemini: McpHost<'gemini'> = {
  id: 'gemini',
  name: 'Gemini CLI',
  userFile: (env) => path.join(homeDir(env), '.gemini', 'settings.json'),
  projectFile: ['.gemini', 'settings.json'],
  format: jsonMcpFormat({ comments: true }),
  backupFolder: 'gemini-backups',
  newFileMode: 0o644,
};
