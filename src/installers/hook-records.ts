// Buddy's record of the hooks it put into agent CLIs' hook files: per file, only Buddy's part (the host,
// the exact commands it wrote, the members it made, whether it made the file, and how to undo its own
// edits), never anything else of the file. Every value is checked on read; a record that does not check
// out counts as missing. Read and written only under the file's lock (withRecordsLock, records.ts).
import path from 'node:path';
import { OWN_FILE_CAP, readJsonFile } from '../files/read.js';
import { configDir } from '../store/paths.js';
import { isHookHostId, type HookHostId } from './hosts/hook-hosts.js';
import { isUndoStep, writeRecordFile } from './records.js';
import { isScope, type Scope } from './scope.js';
import type { UndoStep } from './text/json-text-edit.js';

export interface HookInstallRecord {
  readonly host: HookHostId;
  readonly scope: Scope;
  /** The exact command strings Buddy wrote. */
  readonly commands: readonly string[];
  /** Members Buddy made (`hooks`, `hooks.Event`, `version`); unknown when it found its hooks already there. */
  readonly created?: readonly string[];
  /** The file did not exist before Buddy made it. */
  readonly fileCreated: boolean;
  /** Undoes the install exactly, while Buddy's text is still there as written. */
  readonly undo?: readonly UndoStep[];
  readonly installedAt: string;
}

export type HookRecords = Readonly<Record<string, HookInstallRecord>>;

export interface LoadedHookRecords {
  readonly records: HookRecords;
  /** The file could not be read as records at all (it is moved aside on the next write). */
  readonly damaged: boolean;
}

const VERSION = 1;

export function hookRecordsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'hook-installs.json');
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function validRecord(value: unknown): HookInstallRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (!isHookHostId(record.host) || !isScope(record.scope) || !isStringList(record.commands)) return undefined;
  if (record.created !== undefined && !isStringList(record.created)) return undefined;
  if (typeof record.fileCreated !== 'boolean' || typeof record.installedAt !== 'string') return undefined;
  // What an undo puts back is whitespace only: never anything of the person's.
  const undo = Array.isArray(record.undo) && record.undo.every((step) => isUndoStep(step, undefined)) ? (record.undo as UndoStep[]) : undefined;
  return {
    host: record.host,
    scope: record.scope,
    commands: record.commands,
    ...(record.created === undefined ? {} : { created: record.created }),
    fileCreated: record.fileCreated,
    ...(undo ? { undo } : {}),
    installedAt: record.installedAt,
  };
}

/** The records, checked; anything but a regular file there throws FileAccessError, as readMcpRecords does. */
export function readHookRecords(env: NodeJS.ProcessEnv): LoadedHookRecords {
  const read = readJsonFile(hookRecordsFile(env), { maxBytes: OWN_FILE_CAP });
  if (read.state !== 'parsed') return { records: {}, damaged: read.state === 'unparsable' };
  const raw = read.value;
  const document = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const installs = document.installs;
  if (document.version !== VERSION || typeof installs !== 'object' || installs === null || Array.isArray(installs)) return { records: {}, damaged: true };
  const records: Record<string, HookInstallRecord> = {};
  for (const [file, value] of Object.entries(installs)) {
    const record = validRecord(value);
    if (record) records[file] = record;
  }
  return { records, damaged: false };
}

export function writeHookRecords(env: NodeJS.ProcessEnv, loaded: LoadedHookRecords, records: HookRecords, now: Date): void {
  writeRecordFile(hookRecordsFile(env), loaded.damaged, { version: VERSION, installs: records }, now);
}
