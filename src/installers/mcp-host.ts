// What Buddy needs to know of an agent CLI to register its MCP server there: one value per host
// (hosts/codex.ts, hosts/gemini.ts, hosts/claude-code/mcp.ts), listed once in hosts/index.ts. The shared
// installer (mcp-install.ts), the commands it prints (mcp-targets.ts) and `buddy doctor` ask the host, never
// test its name. Adding a host: docs/hosts.md.
import type { McpEntry, McpOwnership } from './mcp-entry.js';
import type { JsonText } from './text/json-text-edit.js';
import type { McpInstallPlan, McpUninstallContext, McpUninstallPlan } from './text/mcp-json-edit.js';

/** How a host's file is written and read, and how Buddy's entry goes in and out of it (mcp-formats.ts). */
export interface McpFormat {
  /** The text after any byte order mark, checked the way the host reads it; SettingsFileError if it would not. */
  checked(file: string, text: string | null): JsonText;
  /** Buddy's server entry in a checked body, as a plain value; undefined when there is none. */
  entryIn(body: string): unknown;
  /** Adds Buddy's entry, or points Buddy's own at this copy; McpEntryConflict for another tool's "buddy". */
  planInstall(body: string, entry: McpEntry, owned: McpOwnership): McpInstallPlan;
  /** Takes Buddy's entry out of the text as it is now, exactly where the record's undo still fits. */
  planUninstall(body: string, owned: McpOwnership, context: McpUninstallContext | undefined): McpUninstallPlan;
}

export interface McpHost<Id extends string = string> {
  /** The word in `buddy install <id>`, in the install records, and in the commands Buddy prints. */
  readonly id: Id;
  /** The host's own name, as reports and `buddy doctor` say it ("Gemini CLI"). */
  readonly name: string;
  /** The user's file, for a host Buddy registers with for the user (every project). */
  readonly userFile?: (env: NodeJS.ProcessEnv) => string;
  /** A project's file, from the project's root, for a host with project-scoped servers. */
  readonly projectFile?: readonly string[];
  readonly format: McpFormat;
  /** The folder of Buddy's config directory its backups go in (backups.ts). */
  readonly backupFolder: string;
  /** The mode of a file Buddy makes. */
  readonly newFileMode: number;
  /** Flags `buddy install <id>` needs besides --project to reach this file (Claude Code's .mcp.json: --mcp). */
  readonly installFlags?: string;
}
