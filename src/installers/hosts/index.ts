// Every agent CLI Buddy registers its MCP server with, once. `buddy install`, `buddy uninstall` and
// `buddy doctor` go through this table, in this order; a new host is one module and one row here
// (docs/hosts.md). Claude Code's statusline and hooks are its own installer (claude-code/install.ts).
import type { McpHost } from '../mcp-host.js';
import { claudeCodeMcp } from './claude-code/mcp.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';

export const MCP_HOSTS = [codex, gemini, claudeCodeMcp, copilot, cursor] as const;

export type McpHostId = (typeof MCP_HOSTS)[number]['id'];

export function mcpHost(id: McpHostId): McpHost<McpHostId> {
  return MCP_HOSTS.find((host) => host.id === id)!;
}

export function isMcpHostId(value: unknown): value is McpHostId {
  return MCP_HOSTS.some((host) => host.id === value);
}
