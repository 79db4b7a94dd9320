// Buddy's record of what it installed where: per settings file, only Buddy's part (its command strings,
// the statusLine it wraps, the containers it made and how to undo its edits), never the user's other
// keys. Every value is checked on read; a record that does not check out counts as missing. Every
// read-modify-write of a record file happens under that file's lock (withRecordsLock), together with the
// host file edit it records, so installs to different hosts and scopes at the same moment lose nothing.
import path from 'node:path';
import { ensurePrivateDir } from '../../../files/dirs.js';
import { moveAside } from '../../../files/entries.js';
import { withLockSync } from '../../../files/lock.js';
import { OWN_FILE_CAP, readJsonFile } from '../../../files/read.js';
import { replaceFileAtomically } from '../../../files/replace.js';
import { sweepTemporaries } from '../../../files/temporaries.js';
import { configDir } from '../../../store/paths.js';
import { parseBuddyCommand } from './commands.js';
import type { UndoStep } from '../../text/json-text-edit.js';

export type Scope = 'user' | 'project';

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

export function isUndoStep(value: unknown, wrapped: string | undefined): value is UndoStep {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Record<string, unknown>;
  // What an undo puts back is whitespace, or the wrapped statusLine: never anything else of the user's.
  return (
    Number.isSafeInteger(step.offset) &&
    (step.offset as number) >= 0 &&
    isString(step.inserted) &&
    isString(step.original) &&
    (step.original.trim() === '' || step.original === wrapped)
  );
}

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
  if (record.scope !== 'user' && record.scope !== 'project') return undefined;
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

/**
 * Writes an install record file (0600, in a 0700 folder); one that did not parse is moved aside first,
 * never overwritten. Called only while holding the file's lock.
 */
export function writeRecordFile(file: string, damaged: boolean, document: unknown, now: Date): void {
  // Kept, not overwritten: it is Buddy's own file, but nothing is thrown away unseen.
  if (damaged) moveAside(file, `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  replaceFileAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
}

/**
 * Runs `work` holding the lock of one record file: reading the records, editing the host file and writing
 * the records again happen as one step for every other Buddy process. Never nest two of these.
 */
export function withRecordsLock<T>(file: string, work: () => T): T {
  const dir = path.dirname(file);
  ensurePrivateDir(dir);
  return withLockSync(`${file}.lock`, () => {
    sweepTemporaries(dir);
    return work();
  });
}

export function withRecord(records: Records, file: string, record: InstallRecord | undefined): Records {
  const next = Object.fromEntries(Object.entries(records).filter(([name]) => name !== file));
  return record ? { ...next, [file]: record } : next;
}
