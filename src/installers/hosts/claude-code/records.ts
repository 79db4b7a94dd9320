// Buddy's record of what it installed where in Claude Code's settings: per settings file, only Buddy's
// part (its command strings, the statusLine it wraps, the containers it made and how to undo its edits),
// never the user's other keys. Every value is checked on read; a record that does not check out counts as
// missing. Read and written only under the file's lock (withRecordsLock, records.ts).
import path from 'node:path';
import { OWN_FILE_CAP, readJsonFile } from '../../../files/read.js';
import { configDir } from '../../../store/paths.js';
import { isUndoStep, writeRecordFile } from '../../records.js';
import { isScope, type Scope } from '../../scope.js';
import type { UndoStep } from '../../text/json-text-edit.js';
import { parseBuddyCommand } from './commands.js';

export interface InstallRecord {
  readonly scope: Scope;
  /** The exact command strings Buddy wrote. */
  readonly commands: readonly string[];
  /** The user's statusLine that Buddy wraps, as its exact JSON text. */
  readonly wrapped?: string;
  /** Containers Buddy made, which it may take out again once they are empty; unknown when it found its entries already there. */
  readonly created?: readonly string[];
  /** The settings file did not exist before Buddy made it. */
  readonly fileCreated: boolean;
  /** Undoes the install exactly, while Buddy's text is still there as written. */
  readonly undo?: readonly UndoStep[];
  readonly installedAt: string;
}

export type Records = Readonly<Record<string, InstallRecord>>;

const VERSION = 2;

export function recordsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'claude-code-installs.json');
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function isWrappedStatusLine(text: unknown): text is string {
  if (!isString(text)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function validRecord(value: unknown): InstallRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const wrapped = record.wrapped === undefined ? undefined : isWrappedStatusLine(record.wrapped) ? record.wrapped : null;
  if (wrapped === null) return undefined;
  if (!isScope(record.scope)) return undefined;
  if (!isStringList(record.commands) || (record.created !== undefined && !isStringList(record.created)) || typeof record.fileCreated !== 'boolean' || !isString(record.installedAt)) return undefined;
  const undo = Array.isArray(record.undo) && record.undo.every((step) => isUndoStep(step, wrapped)) ? (record.undo as UndoStep[]) : undefined;
  return {
    scope: record.scope,
    commands: record.commands,
    ...(wrapped === undefined ? {} : { wrapped }),
    ...(record.created === undefined ? {} : { created: record.created }),
    fileCreated: record.fileCreated,
    ...(undo ? { undo } : {}),
    installedAt: record.installedAt,
  };
}

/** The first release kept whole copies of the settings; keep only Buddy's part of those. */
function fromFirstRelease(value: unknown, file: string, userFile: string): InstallRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const old = value as Record<string, unknown>;
  if (!isString(old.installedContent)) return undefined;
  const commands = [...old.installedContent.matchAll(/"command":\s*("(?:[^"\\]|\\.)*")/g)]
    .map((match) => {
      try {
        return JSON.parse(match[1]!) as unknown;
      } catch {
        return undefined;
      }
    })
    .filter((command): command is string => isString(command) && parseBuddyCommand(command) !== undefined);
  const wrapped = typeof old.wrapped === 'object' && old.wrapped !== null ? JSON.stringify(old.wrapped) : undefined;
  return {
    scope: file === userFile ? 'user' : 'project',
    commands,
    ...(wrapped ? { wrapped } : {}),
    fileCreated: false,
    installedAt: isString(old.installedAt) ? old.installedAt : new Date(0).toISOString(),
  };
}

export interface LoadedRecords {
  readonly records: Records;
  /** The file could not be read as records at all (it is moved aside on the next write). */
  readonly damaged: boolean;
}

/**
 * The records, checked. A file that does not parse is damaged (moved aside on the next write); anything
 * but a regular file (a FIFO, a folder), a file over the cap or a permission error throws FileAccessError:
 * one line, and nothing is moved.
 */
export function readRecords(env: NodeJS.ProcessEnv, userFile: string): LoadedRecords {
  const read = readJsonFile(recordsFile(env), { maxBytes: OWN_FILE_CAP });
  if (read.state !== 'parsed') return { records: {}, damaged: read.state === 'unparsable' };
  const raw = read.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { records: {}, damaged: true };
  const document = raw as Record<string, unknown>;
  const modern = document.version === VERSION && typeof document.installs === 'object' && document.installs !== null;
  const entries = Object.entries(modern ? (document.installs as Record<string, unknown>) : document);
  const records: Record<string, InstallRecord> = {};
  for (const [file, value] of entries) {
    const record = modern ? validRecord(value) : fromFirstRelease(value, file, userFile);
    if (record) records[file] = record;
  }
  return { records, damaged: false };
}

export function writeRecords(env: NodeJS.ProcessEnv, loaded: LoadedRecords, records: Records, now: Date): void {
  writeRecordFile(recordsFile(env), loaded.damaged, { version: VERSION, installs: records }, now);
}
