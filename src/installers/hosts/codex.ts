// Codex: its servers are `[mcp_servers.*]` tables in $CODEX_HOME/config.toml (by default
// ~/.codex/config.toml), for the user only.
import path from 'node:path';
import { tomlMcpFormat } from '../mcp-formats.js';
import type { McpHost } from '../mcp-host.js';
import { homeDir } from '../scope.js';

/**
 * Codex starts MCP servers with only a few variables of its own environment (HOME, PATH, …); these are
 * the ones Buddy reads, passed on by name (never by value: no key is written into Codex's config).
 */
export const CODEX_ENV_VARS: readonly string[] = [
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_BASE_URL',
  'BUDDY_USER_ID',
  'BUDDY_MODEL',
  'BUDDY_CONFIG_DIR',
  'BUDDY_CACHE_DIR',
  'CLAUDE_CONFIG_DIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
];

export const codex: McpHost<'codex'> = {
  id: 'codex',
  name: 'Codex',
  userFile: (env) => path.join(env.CODEX_HOME ? path.resolve(env.CODEX_HOME) : path.join(homeDir(env), '.codex'), 'config.toml'),
  format: tomlMcpFormat(CODEX_ENV_VARS),
  backupFolder: 'codex-backups',
  // Codex's config may come to hold secrets, so a file Buddy makes is its owner's alone.
  newFileMode: 0o600,
};
