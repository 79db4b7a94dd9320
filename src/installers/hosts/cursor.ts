// Cursor (its editor and its CLI, `cursor-agent`): its servers are members of `mcpServers` in the user's
// ~/.cursor/mcp.json, or a project's .cursor/mcp.json. Cursor documents the file as plain JSON, so Buddy
// edits it as strict JSON: a file Cursor might not read is refused rather than guessed at.
// https://cursor.com/docs/mcp
import path from 'node:path';
import { jsonMcpFormat } from '../mcp-formats.js';
import type { McpHost } from '../mcp-host.js';
import { homeDir } from '../scope.js';

export const cursor: McpHost<'cursor'> = {
  id: 'cursor',
  name: 'Cursor',
  userFile: (env) => path.join(homeDir(env), '.cursor', 'mcp.json'),
  projectFile: ['.cursor', 'mcp.json'],
  format: jsonMcpFormat({ comments: false }),
  backupFolder: 'cursor-backups',
  newFileMode: 0o644,
};
