// The file formats MCP hosts keep their servers in: JSON (strict, or with comments) with an `mcpServers`
// object, and TOML with `[mcp_servers.*]` tables. Each checks a body the way its host reads it, finds
// Buddy's entry, and plans the text edits (text/mcp-json-edit.ts, text/mcp-toml-edit.ts).
import { checkedJson, SettingsFileError } from './config-file.js';
import { MCP_SERVER_NAME, type McpEntry } from './mcp-entry.js';
import type { McpFormat } from './mcp-host.js';
import { isBlank, isJsoncObject, lastMember, splitBom, treeOf, valueOf, type JsonText } from './text/json-text-edit.js';
import { planJsonMcpInstall, planJsonMcpUninstall } from './text/mcp-json-edit.js';
import { parseConfig, planTomlMcpInstall, planTomlMcpUninstall } from './text/mcp-toml-edit.js';

export interface JsonFormatOptions {
  /** The host strips comments before it parses (Gemini CLI); a trailing comma is still an error. */
  readonly comments: boolean;
  /** With comments: the host also takes a comma after the last member or element (GitHub Copilot CLI). */
  readonly trailingCommas?: boolean;
  /** Members Buddy's entry holds before its command and args (Claude Code's `claude mcp add` writes `type`). */
  readonly leading?: Readonly<Record<string, unknown>>;
  /** Members Buddy's entry holds after its args (GitHub Copilot CLI's tool filter, `tools: ["*"]`). */
  readonly trailing?: Readonly<Record<string, unknown>>;
}

/** A JSON file with an `mcpServers` object. */
export function jsonMcpFormat(options: JsonFormatOptions): McpFormat {
  const trailingCommas = options.trailingCommas === true;
  const checked = (file: string, text: string | null): JsonText => {
    if (!options.comments) return checkedJson(file, text);
    const { bom, body } = splitBom(text ?? '');
    if (!isBlank(body) && !isJsoncObject(body, trailingCommas)) {
      const allowed = trailingCommas ? 'comments and trailing commas are fine' : 'comments are fine, a trailing comma is not';
      throw new SettingsFileError(`${file} is not valid JSON (${allowed}); fix it and run this again. Nothing was changed.`);
    }
    return { bom, body };
  };
  /** Whether an undone text is one the host reads, so an exact undo never leaves a file it would refuse. */
  const isValid = (text: string): boolean => {
    try {
      return options.comments ? isJsoncObject(text, trailingCommas) : checkedJson('', text).body === text;
    } catch {
      return false;
    }
  };
  return {
    checked,
    entryIn(body) {
      if (isBlank(body)) return undefined;
      const entry = lastMember(lastMember(treeOf(body), 'mcpServers'), MCP_SERVER_NAME);
      return entry ? valueOf(entry) : undefined;
    },
    planInstall: (body, entry, owned) => planJsonMcpInstall(body, entry, { ...options.leading, command: entry.command, args: [...entry.args], ...options.trailing }, owned),
    planUninstall: (body, owned, context) => planJsonMcpUninstall(body, owned, context, isValid),
  };
}

/** A TOML file with `[mcp_servers.*]` tables; Buddy's passes on `envVars` by name (Codex's env_vars). */
export function tomlMcpFormat(envVars: readonly string[]): McpFormat {
  return {
    checked(file, text) {
      const { bom, body } = splitBom(text ?? '');
      if (isBlank(body)) return { bom, body };
      try {
        parseConfig(body);
      } catch (error) {
        throw new SettingsFileError(`${file}: ${(error as Error).message}; fix it and run this again. Nothing was changed.`);
      }
      return { bom, body };
    },
    entryIn(body) {
      if (isBlank(body)) return undefined;
      const servers = parseConfig(body).mcp_servers;
      return typeof servers === 'object' && servers !== null ? (servers as Record<string, unknown>)[MCP_SERVER_NAME] : undefined;
    },
    planInstall: (body, entry: McpEntry, owned) => planTomlMcpInstall(body, { ...entry, envVars }, owned),
    planUninstall: (body, owned, context) => planTomlMcpUninstall(body, owned, context),
  };
}
