// What every install record file shares: Buddy's own JSON file in its config directory (0600, in a 0700
// folder), read and written only while holding that file's lock, together with the host file edit it
// records, so installs to different hosts and scopes at the same moment lose nothing. Each host keeps its
// part of a record (what it wrote, how to undo it) in its own shape; see hosts/claude-code/records.ts and
// mcp-records.ts.
import path from 'node:path';
import { ensurePrivateDir } from '../files/dirs.js';
import { moveAside } from '../files/entries.js';
import { withLockSync } from '../files/lock.js';
import { replaceFileAtomically } from '../files/replace.js';
import { sweepTemporaries } from '../files/temporaries.js';
import type { UndoStep } from './text/json-text-edit.js';

/**
 * A recorded undo step, checked: what it puts back is whitespace, or `wrapped` (the user's statusLine Buddy
 * wraps): never anything else of the user's.
 */
export function isUndoStep(value: unknown, wrapped: string | undefined): value is UndoStep {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(step.offset) &&
    (step.offset as number) >= 0 &&
    typeof step.inserted === 'string' &&
    typeof step.original === 'string' &&
    (step.original.trim() === '' || step.original === wrapped)
  );
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

/** The records with `file`'s record replaced (or taken out, when `record` is undefined). */
export function withRecord<R>(records: Readonly<Record<string, R>>, file: string, record: R | undefined): Readonly<Record<string, R>> {
  const next = Object.fromEntries(Object.entries(records).filter(([name]) => name !== file));
  return record ? { ...next, [file]: record } : next;
}
