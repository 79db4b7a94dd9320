// The journal carried from one machine to another (`buddy export`, `buddy import`): both files, line for
// line, each line exactly as it was written. Only lines the journal's schema accepts travel, and an
// imported journal is refused whole when one of its lines does not pass, so what lands in the file is
// what any reader here would accept.
import path from 'node:path';
import { listNames, removeFile } from '../files/housekeeping.js';
import { replaceFileAtomically, resolveWriteTarget } from '../files/replace.js';
import { EXPIRED_JOURNAL_PATTERN, journalDir, journalFiles } from './append.js';
import { MAX_READ_BYTES, parseJournalLine, readLines } from './read-back.js';

export interface JournalFiles {
  /** The rotated file's lines, oldest first. */
  readonly previous: readonly string[];
  readonly current: readonly string[];
}

/** Most lines one file may bring: a rotated file holds about 1 MB of lines well over 100 bytes each. */
export const MAX_JOURNAL_LINES = 20_000;

const valid = (line: string): boolean => parseJournalLine(line) !== undefined;

/** Both files' lines that the journal's schema accepts (a line half-written or edited into garbage stays behind). */
export function journalForExport(env: NodeJS.ProcessEnv): JournalFiles {
  const { current, previous } = journalFiles(env);
  return { previous: readLines(previous, MAX_READ_BYTES).filter(valid), current: readLines(current, MAX_READ_BYTES).filter(valid) };
}

/** The first problem of a journal brought in from outside; undefined when every line passes. */
export function journalProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the journal is not an object';
  const record = value as Record<string, unknown>;
  for (const key of ['previous', 'current'] as const) {
    const lines = record[key];
    if (!Array.isArray(lines)) return `journal.${key} is not a list`;
    if (lines.length > MAX_JOURNAL_LINES) return `journal.${key} has more than ${MAX_JOURNAL_LINES} lines`;
    let bytes = 0;
    for (const [index, line] of lines.entries()) {
      // A line break inside would write two lines where one was checked.
      if (typeof line !== 'string' || /[\r\n]/.test(line) || !valid(line)) return `journal.${key} line ${index + 1} is not a journal line`;
      bytes += Buffer.byteLength(line) + 1;
    }
    if (bytes > MAX_READ_BYTES) return `journal.${key} is larger than a journal file`;
  }
  const unknown = Object.keys(record).find((key) => key !== 'previous' && key !== 'current');
  return unknown === undefined ? undefined : `the journal holds "${unknown.slice(0, 40)}", which this Buddy does not know`;
}

/** Throws FileAccessError (one line) when a journal file could not be replaced: checked before anything changes. */
export function checkJournalWritable(env: NodeJS.ProcessEnv): void {
  const { current, previous } = journalFiles(env);
  resolveWriteTarget(current);
  resolveWriteTarget(previous);
}

function writeLines(file: string, lines: readonly string[]): void {
  if (lines.length === 0) removeFile(file);
  else replaceFileAtomically(file, `${lines.join('\n')}\n`, { durable: true });
}

/** Replaces this machine's journal with `journal`'s lines (a file with none is removed). */
export function replaceJournal(env: NodeJS.ProcessEnv, journal: JournalFiles): void {
  const { current, previous } = journalFiles(env);
  writeLines(previous, journal.previous);
  writeLines(current, journal.current);
  const dir = journalDir(env);
  for (const name of listNames(dir).filter((candidate) => EXPIRED_JOURNAL_PATTERN.test(candidate))) removeFile(path.join(dir, name));
}
