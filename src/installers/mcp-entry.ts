// The MCP server entry Buddy registers with an agent CLI (Codex, Gemini CLI, Claude Code's .mcp.json),
// and how it knows its own entry again: by the exact command and arguments it recorded, or by their
// unmistakable form (an absolute Node, an absolute Buddy bundle, `mcp`, nothing else; or the standalone
// executable in the place of both). Never by the
// name alone: a server called "buddy" may be another tool's.
import { isBuddyProgram } from './ownership.js';

/** The name Buddy's server has in every host's list of servers. */
export const MCP_SERVER_NAME = 'buddy';

export interface McpEntry {
  readonly command: string;
  readonly args: readonly string[];
}

/** This very Node and this very bundle, each by its absolute path. */
export function buddyMcpEntry(nodePath: string, scriptPath: string): McpEntry {
  return { command: nodePath, args: [scriptPath, 'mcp'] };
}

/** An entry as read from a host's file: anything at all, until checked. */
export function asMcpEntry(value: unknown): McpEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { command, args } = value as Record<string, unknown>;
  if (typeof command !== 'string') return undefined;
  const list = args === undefined ? [] : args;
  if (!Array.isArray(list) || !list.every((arg): arg is string => typeof arg === 'string')) return undefined;
  return { command, args: list };
}

export function sameEntry(a: McpEntry, b: McpEntry): boolean {
  return a.command === b.command && a.args.length === b.args.length && a.args.every((arg, index) => arg === b.args[index]);
}

/** Buddy's form: an absolute Node running an absolute dist/buddy.js (or the executable twice) with `mcp`, and nothing else. */
export function hasBuddyForm(entry: McpEntry): boolean {
  const [script, command, ...rest] = entry.args;
  return rest.length === 0 && command === 'mcp' && script !== undefined && isBuddyProgram(entry.command, script);
}

/** Decides whether a host's server entry is Buddy's. */
export type McpOwnership = (value: unknown) => boolean;

export function mcpOwnershipOf(recorded: readonly McpEntry[]): McpOwnership {
  return (value) => {
    const entry = asMcpEntry(value);
    return entry !== undefined && (recorded.some((mine) => sameEntry(mine, entry)) || hasBuddyForm(entry));
  };
}

/** The Node and bundle paths an entry of Buddy's runs (to tell when they no longer exist). */
export function pathsOf(entry: McpEntry): string[] {
  return [entry.command, entry.args[0] ?? ''].filter((file) => file !== '');
}
