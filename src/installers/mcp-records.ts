// Buddy's record of the MCP server entries it put into agent CLIs' files: per file, only Buddy's part (the
// host, the command and arguments it wrote, whether it made the file or its `mcpServers`, and how to
// undo its own edits), never anything else of the file. Every value is checked on read; a record that
// does not check out counts as missing. Read and written only under the file's lock (withRecordsLock).
import path from 'node:path';
import { OWN_FILE_CAP, readJsonFile } from '../files/read.js';
import { configDir } from '../store/paths.js';
import { isMcpHostId, type McpHostId } from './hosts/index.js';
import { asMcpEntry, type McpEntry } from './mcp-entry.js';
import { isUndoStep, writeRecordFile } from './records.js';
import { isScope, type Scope } from './scope.js';
import type { UndoStep } from './text/json-text-edit.js';

export interface McpInstallRecord {
  readonly host: McpHostId;
  readonly scope: Scope;
  /** The exact command and arguments Buddy wrote. */
  readonly entry: McpEntry;
  /** The file did not exist before Buddy made it. */
  readonly fileCreated: boolean;
  /** Buddy made the file's `mcpServers` (JSON hosts). */
  readonly createdServers?: boolean;
  /** Undoes the install exactly, while Buddy's text is still there as written. */
  readonly undo?: readonly UndoStep[];
  readonly installedAt: string;
}

export type McpRecords = Readonly<Record<string, McpInstallRecord>>;

export interface LoadedMcpRecords {
  readonly records: McpRecords;
  /** The file could not be read as records at all (it is moved aside on the next write). */
  readonly damaged: boolean;
}

const VERSION = 1;

export function mcpRecordsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'mcp-installs.json');
}

function validRecord(value: unknown): McpInstallRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { host } = record;
  const entry = asMcpEntry(record.entry);
  if (!isMcpHostId(host) || !entry || !isScope(record.scope)) return undefined;
  if (typeof record.fileCreated !== 'boolean' || typeof record.installedAt !== 'string') return undefined;
  if (record.createdServers !== undefined && typeof record.createdServers !== 'boolean') return undefined;
  // What an undo puts back is whitespace only: never anything of the person's.
  const undo = Array.isArray(record.undo) && record.undo.every((step) => isUndoStep(step, undefined)) ? (record.undo as UndoStep[]) : undefined;
  return {
    host,
    scope: record.scope,
    entry,
    fileCreated: record.fileCreated,
    ...(record.createdServers === undefined ? {} : { createdServers: record.createdServers }),
    ...(undo ? { undo } : {}),
    installedAt: record.installedAt,
  };
}

/** The records, checked; refuses what is not a regular file as readRecords does. */
export function readMcpRecords(env: NodeJS.ProcessEnv): LoadedMcpRecords {
  const read = readJsonFile(mcpRecordsFile(env), { maxBytes: OWN_FILE_CAP });
  if (read.state !== 'parsed') return { records: {}, damaged: read.state === 'unparsable' };
  const raw = read.value;
  const document = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const installs = document.installs;
  if (document.version !== VERSION || typeof installs !== 'object' || installs === null || Array.isArray(installs)) return { records: {}, damaged: true };
  const records: Record<string, McpInstallRecord> = {};
  for (const [file, value] of Object.entries(installs)) {
    const record = validRecord(value);
    if (record) records[file] = record;
  }
  return { records, damaged: false };
}

export function writeMcpRecords(env: NodeJS.ProcessEnv, loaded: LoadedMcpRecords, records: McpRecords, now: Date): void {
  writeRecordFile(mcpRecordsFile(env), loaded.damaged, { version: VERSION, installs: records }, now);
}
