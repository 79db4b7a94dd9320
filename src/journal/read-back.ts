// Reading the journal back: both files, oldest first, every line checked before use (a line that fails
// its schema, or a half-written last line, is skipped) and every text cleaned again, since anyone could
// have edited the file. Reading is bounded: at most the last few megabytes of each file.
import path from 'node:path';
import * as v from 'valibot';
import { listNames, removeFile } from '../files/housekeeping.js';
import { withOpenFile } from '../files/partial-read.js';
import { sanitizeLine } from '../text/sanitize.js';
import { EVENT_PATTERN, EXPIRED_JOURNAL_PATTERN, journalDir, journalFiles, MAX_JOURNAL_MOOD, MAX_JOURNAL_NAME, MAX_JOURNAL_TEXT, SESSION_PATTERN } from './append.js';
import type { JournalRecord } from '../render/journal-lines.js';

/** More than a rotated file ever holds; anything before it is not read. */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

const LineSchema = v.object({
  at: v.pipe(v.string(), v.isoTimestamp()),
  source: v.pipe(v.string(), v.regex(/^[a-z][a-z-]{0,23}$/)),
  event: v.optional(v.pipe(v.string(), v.regex(EVENT_PATTERN))),
  session: v.optional(v.pipe(v.string(), v.regex(SESSION_PATTERN))),
  name: v.optional(v.pipe(v.string(), v.maxLength(400))),
  mood: v.optional(v.pipe(v.string(), v.maxLength(800))),
  text: v.pipe(v.string(), v.maxLength(4_000)),
});

export function parseJournalLine(line: string): JournalRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(LineSchema, raw);
  if (!parsed.success) return undefined;
  const { at, source, event, session, name, mood, text } = parsed.output;
  const time = Date.parse(at);
  const clean = sanitizeLine(text, MAX_JOURNAL_TEXT);
  if (!Number.isFinite(time) || clean === '') return undefined;
  return {
    at,
    time,
    source,
    ...(event === undefined ? {} : { event }),
    ...(session === undefined ? {} : { session }),
    ...(name ? { name: sanitizeLine(name, MAX_JOURNAL_NAME) } : {}),
    ...(mood ? { mood: sanitizeLine(mood, MAX_JOURNAL_MOOD) } : {}),
    text: clean,
  };
}

/**
 * The whole lines of a file's last `maxBytes` before `end` (the end of the file when absent); a line cut by
 * the limit, or still being written, is left out. Anything but a regular file (a link, a FIFO) reads as empty.
 */
export function readLines(file: string, maxBytes: number, end?: number): string[] {
  try {
    return (
      withOpenFile(file, (opened) => {
        const fileSize = opened.sizeAtOpen;
        const size = Math.min(fileSize, end ?? fileSize);
        if (size === 0) return [];
        const length = Math.min(size, maxBytes);
        const lines = opened.read(size - length, length).toString('utf8').split('\n');
        lines.pop(); // after the last newline: empty, or a line not finished yet
        if (length < size) lines.shift(); // the first may have been cut by the limit
        return lines;
      }) ?? []
    );
  } catch {
    return [];
  }
}

export function parseLines(lines: readonly string[]): JournalRecord[] {
  return lines.flatMap((line) => {
    const record = parseJournalLine(line);
    return record ? [record] : [];
  });
}

/** Every line in the journal, oldest first; `currentEnd` stops reading the current file at that offset. */
export function readJournal(env: NodeJS.ProcessEnv, currentEnd?: number): JournalRecord[] {
  const { current, previous } = journalFiles(env);
  return [...parseLines(readLines(previous, MAX_READ_BYTES)), ...parseLines(readLines(current, MAX_READ_BYTES, currentEnd))];
}

/** The last `count` lines, reading only the end of the files (for the pet's panel). */
export function readJournalTail(env: NodeJS.ProcessEnv, count: number): JournalRecord[] {
  const { current, previous } = journalFiles(env);
  // A journal line is well under 1 KB.
  const budget = Math.max(4_096, count * 1_024);
  const latest = parseLines(readLines(current, budget));
  if (latest.length >= count) return latest.slice(-count);
  return [...parseLines(readLines(previous, budget)), ...latest].slice(-count);
}

/** Empties the journal: both files go, and any expired one a rotation had no time to delete. */
export function clearJournal(env: NodeJS.ProcessEnv): void {
  const { current, previous } = journalFiles(env);
  removeFile(current);
  removeFile(previous);
  const dir = journalDir(env);
  let names: string[];
  try {
    names = listNames(dir);
  } catch {
    return;
  }
  for (const name of names.filter((candidate) => EXPIRED_JOURNAL_PATTERN.test(candidate))) removeFile(path.join(dir, name));
}
