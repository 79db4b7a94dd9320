// Buddy's MCP server in Claude Code. A project's servers live in its .mcp.json, which Buddy edits like any
// host file. The user's live in ~/.claude.json, which Claude Code itself rewrites while it runs: Buddy
// never writes there (no edit could be guaranteed to survive), it only reads it and prints the exact
// `claude mcp` command that does the change.
import fs from 'node:fs';
import { claudeGlobalConfigFile } from '../store/paths.js';
import { shellQuote } from './claude-settings.js';
import { MCP_SERVER_NAME, asMcpEntry, mcpOwnershipOf, type McpEntry } from './mcp-entry.js';

export function claudeMcpAddCommand(entry: McpEntry): string {
  return `claude mcp add --scope user ${MCP_SERVER_NAME} -- ${[entry.command, ...entry.args].map(shellQuote).join(' ')}`;
}

export const CLAUDE_MCP_REMOVE_COMMAND = `claude mcp remove --scope user ${MCP_SERVER_NAME}`;

export type UserScopeServer =
  | { readonly state: 'none' }
  | { readonly state: 'mine'; readonly entry: McpEntry }
  | { readonly state: 'foreign'; readonly command: string }
  | { readonly state: 'unreadable' };

/** The "buddy" server in the user's Claude Code config, read only. */
export function claudeUserScopeServer(env: NodeJS.ProcessEnv, recorded: readonly McpEntry[] = []): UserScopeServer {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(claudeGlobalConfigFile(env), 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'none' } : { state: 'unreadable' };
  }
  const servers = typeof document === 'object' && document !== null ? (document as Record<string, unknown>).mcpServers : undefined;
  const value = typeof servers === 'object' && servers !== null ? (servers as Record<string, unknown>)[MCP_SERVER_NAME] : undefined;
  if (value === undefined) return { state: 'none' };
  const entry = asMcpEntry(value);
  if (entry && mcpOwnershipOf(recorded)(value)) return { state: 'mine', entry };
  return { state: 'foreign', command: entry ? [entry.command, ...entry.args].join(' ') : 'an entry without a command' };
}
