// Buddy's MCP server in Claude Code. A project's servers live in its .mcp.json, which Buddy edits like any
// host file (`claudeCodeMcp`, reached through `buddy install claude-code --project --mcp`). The user's live
// in ~/.claude.json, which Claude Code itself rewrites while it runs: Buddy never writes there (no edit
// could be guaranteed to survive), it only reads it and prints the exact `claude mcp` command that does the
// change. It is read through the file-access layer: a FIFO or a device there is never opened for reading,
// and a file over the cap for other programs' files is not read.
import { HOST_FILE_CAP, readJsonFile, type JsonFileRead } from '../../../files/read.js';
import { claudeGlobalConfigFile } from '../../../store/paths.js';
import { MCP_SERVER_NAME, asMcpEntry, mcpOwnershipOf, type McpEntry } from '../../mcp-entry.js';
import { jsonMcpFormat } from '../../mcp-formats.js';
import type { McpHost } from '../../mcp-host.js';
import { shellQuote } from '../../shell-quote.js';
import { CLAUDE_BACKUPS } from './install.js';

/** The project's .mcp.json, plain JSON as Claude Code reads it; its entries carry the transport too. */
export const claudeCodeMcp: McpHost<'claude-code'> = {
  id: 'claude-code',
  name: 'Claude Code',
  projectFile: ['.mcp.json'],
  format: jsonMcpFormat({ comments: false, leading: { type: 'stdio' } }),
  backupFolder: CLAUDE_BACKUPS,
  newFileMode: 0o644,
  installFlags: ' --mcp',
};

export function claudeMcpAddCommand(entry: McpEntry): string {
  return `claude mcp add --scope user ${MCP_SERVER_NAME} -- ${[entry.command, ...entry.args].map(shellQuote).join(' ')}`;
}

export const CLAUDE_MCP_REMOVE_COMMAND = `claude mcp remove --scope user ${MCP_SERVER_NAME}`;

export type UserScopeServer =
  | { readonly state: 'none' }
  | { readonly state: 'mine'; readonly entry: McpEntry }
  | { readonly state: 'foreign'; readonly command: string }
  | {
      readonly state: 'unreadable';
      /**
       * Why Buddy would not read it, in one line (not a regular file, over the cap, a permission error);
       * absent when it is only unparsable, as it can be for a moment while Claude Code rewrites it.
       */
      readonly refused?: string;
    };

/** The "buddy" server in the user's Claude Code config, read only. */
export function claudeUserScopeServer(env: NodeJS.ProcessEnv, recorded: readonly McpEntry[] = []): UserScopeServer {
  let read: JsonFileRead;
  try {
    read = readJsonFile(claudeGlobalConfigFile(env), { maxBytes: HOST_FILE_CAP });
  } catch (error) {
    return { state: 'unreadable', refused: (error as Error).message };
  }
  if (read.state === 'missing') return { state: 'none' };
  if (read.state === 'unparsable') return { state: 'unreadable' };
  const document = read.value;
  const servers = typeof document === 'object' && document !== null ? (document as Record<string, unknown>).mcpServers : undefined;
  const value = typeof servers === 'object' && servers !== null ? (servers as Record<string, unknown>)[MCP_SERVER_NAME] : undefined;
  if (value === undefined) return { state: 'none' };
  const entry = asMcpEntry(value);
  if (entry && mcpOwnershipOf(recorded)(value)) return { state: 'mine', entry };
  return { state: 'foreign', command: entry ? [entry.command, ...entry.args].join(' ') : 'an entry without a command' };
}
