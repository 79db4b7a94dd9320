// The journal: every line the buddy says, in any face, appended to one file as one JSON line. This is the
// statusline's path too, so it stays tiny: one open, one O_APPEND write of one whole line, one close.
// The kernel appends each write whole at the end of the file, so lines from concurrent processes never
// interleave or tear, and appending takes no lock. At about 1 MB the file is rotated, under the rotation
// lock (one process at a time; the others carry on without waiting): it becomes the previous file (the one
// before expires), so the journal keeps its last two files. Writing must never become the failure: every
// error is swallowed, and the file is never reached through a symlink or opened blocking.
import path from 'node:path';
import { appendWhole } from '../files/append-whole.js';
import { factsAbout } from '../files/facts.js';
import { removeFileInBackground, renameOwnFile } from '../files/housekeeping.js';
import { ifLockFree } from '../files/try-lock.js';
import { sanitizeLine } from '../text/sanitize.js';
import { configDir } from '../store/paths.js';

export const JOURNAL_FILE_NAME = 'journal.jsonl';
export const PREVIOUS_JOURNAL_FILE_NAME = 'journal.1.jsonl';
export const ROTATE_LOCK_NAME = 'journal.rotate.lock';
/** A previous file on its way out; any such file is the journal's to delete. */
export const EXPIRED_JOURNAL_PATTERN = /^journal\.expired-[\w-]+\.jsonl$/;
export const JOURNAL_ROTATE_BYTES = 1024 * 1024;
/** A rotation lock older than this was left by a process that died mid-rotation. */
const STALE_LOCK_MS = 10_000;

export const MAX_JOURNAL_TEXT = 500;
export const MAX_JOURNAL_NAME = 40;
export const MAX_JOURNAL_MOOD = 80;
export const SESSION_PATTERN = /^[\w.:-]{1,80}$/;
/** What a reaction was a reaction to (`testsFailed`, `recovered`…): one word, kept so that readers need not guess it from the words. */
export const EVENT_PATTERN = /^[a-zA-Z]{1,24}$/;

/**
 * Where a line was said (`care`: what a petting or a snack was met with, in any face; `game`: a round of
 * catch the bug, such as a new best). Newer versions may add sources; readers show any they find.
 */
export const JOURNAL_SOURCES = ['pet', 'say', 'reaction', 'reply', 'greeting', 'achievement', 'level-up', 'care', 'daily', 'game'] as const;
export type JournalSource = (typeof JOURNAL_SOURCES)[number];

export interface JournalInput {
  readonly source: JournalSource;
  /** A reaction's event; a model's rewrite of a reaction already journaled has none, so it is not counted twice. */
  readonly event?: string | undefined;
  readonly text: string;
  /** Milliseconds since the epoch; now when absent. */
  readonly at?: number;
  /** The host session, or the run of `buddy` or the shell it was said in. */
  readonly session?: string | undefined;
  readonly name?: string | undefined;
  readonly mood?: string | undefined;
}

export interface AppendOptions {
  /** Rotate once the file reaches this size (tests use a small one). */
  readonly rotateBytes?: number;
}

export function journalDir(env: NodeJS.ProcessEnv): string {
  return configDir(env);
}

export function journalFiles(env: NodeJS.ProcessEnv): { readonly current: string; readonly previous: string } {
  const dir = journalDir(env);
  return { current: path.join(dir, JOURNAL_FILE_NAME), previous: path.join(dir, PREVIOUS_JOURNAL_FILE_NAME) };
}

/** One line of text, without controls or escape codes, runs of space as one. */
function clean(text: string, maxLength: number): string {
  return sanitizeLine(text, maxLength).replace(/\s+/g, ' ').trim();
}

/** One JSON line, every text cleaned: what reaches the file is already safe to show. */
export function journalLine(input: JournalInput, now: number): string {
  const at = new Date(input.at ?? now);
  const record = {
    at: Number.isFinite(at.getTime()) ? at.toISOString() : new Date(now).toISOString(),
    source: input.source,
    ...(input.event !== undefined && EVENT_PATTERN.test(input.event) ? { event: input.event } : {}),
    ...(input.session !== undefined && SESSION_PATTERN.test(input.session) ? { session: input.session } : {}),
    ...(input.name ? { name: clean(input.name, MAX_JOURNAL_NAME) } : {}),
    ...(input.mood ? { mood: clean(input.mood, MAX_JOURNAL_MOOD) } : {}),
    text: clean(input.text, MAX_JOURNAL_TEXT),
  };
  return `${JSON.stringify(record)}\n`;
}

/**
 * Moves the full file aside, once: one process at a time holds the lock, and only while the file at the
 * path is still the one that filled up (another process may have rotated it a moment ago). The previous
 * file is renamed out of the way rather than replaced, and deleted without waiting: replacing or deleting
 * a megabyte frees its blocks, which takes milliseconds on some filesystems, and the statusline is waiting.
 */
function rotate(dir: string, file: string, filled: number, rotateBytes: number): void {
  let expired: string | undefined;
  ifLockFree(path.join(dir, ROTATE_LOCK_NAME), STALE_LOCK_MS, () => {
    const now = factsAbout(file);
    if (now?.kind !== 'file' || now.ino !== filled || now.size < rotateBytes) return;
    const previous = path.join(dir, PREVIOUS_JOURNAL_FILE_NAME);
    const aside = path.join(dir, `journal.expired-${process.pid}-${filled}.jsonl`);
    // There may be no previous file yet.
    if (renameOwnFile(previous, aside)) expired = aside;
    renameOwnFile(file, previous);
  });
  if (expired) removeFileInBackground(expired);
}

/** Appends one line to the journal. Never throws. */
export function journal(input: JournalInput, env: NodeJS.ProcessEnv = process.env, options: AppendOptions = {}): void {
  const rotateBytes = options.rotateBytes ?? JOURNAL_ROTATE_BYTES;
  try {
    if (clean(input.text, MAX_JOURNAL_TEXT) === '') return;
    const dir = journalDir(env);
    const file = path.join(dir, JOURNAL_FILE_NAME);
    const line = Buffer.from(journalLine(input, Date.now()), 'utf8');
    const appended = appendWhole(file, line);
    if (appended && appended.sizeBefore + line.length >= rotateBytes) rotate(dir, file, appended.ino, rotateBytes);
  } catch {
    // A journal that cannot be written must not take the statusline or a reply down with it.
  }
}
