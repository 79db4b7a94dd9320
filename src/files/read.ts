// Reading a file Buddy does not own (a host's settings, Claude Code's account file) or one it does (its
// config, records, caches): only a regular file, opened without blocking, never more than a cap. A FIFO at
// the path would block open() and read() forever, and /dev/zero would grow the process until memory runs
// out; both are refused with one line before anything is read.
import fs from 'node:fs';
import { errnoOf, FileAccessError, fileErrorFrom } from './errors.js';
import { describeKind, kindOfStats } from './kind.js';

/** The cap for files that belong to other programs (agent CLIs' settings and state). */
export const HOST_FILE_CAP = 16 * 1024 * 1024;
/** The cap for Buddy's own small records (config, install records, session state). */
export const OWN_FILE_CAP = 16 * 1024 * 1024;

// O_NONBLOCK: should the path be swapped for a FIFO between the look and the open, the open still returns.
// O_NOCTTY: opening a terminal device must never make it the process's controlling terminal.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;

export interface ReadOptions {
  /** Refuse the file when it holds more than this many bytes. */
  readonly maxBytes: number;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooBig(file: string, size: number | undefined, maxBytes: number): FileAccessError {
  const found = size === undefined ? 'more than that' : formatBytes(size);
  return new FileAccessError('too-big', file, `${file} is too large to read (${found}; the limit is ${formatBytes(maxBytes)})`);
}

function notRegular(file: string, stats: fs.Stats): FileAccessError {
  const kind = kindOfStats(stats);
  return new FileAccessError('not-regular', file, `${file} is ${kind === 'file' ? 'a file' : describeKind(kind)}, not a regular file; Buddy reads only regular files`);
}

/**
 * The bytes of a regular file, or null when nothing is there. A symlink is followed only to a regular file.
 * Throws FileAccessError for anything else: another kind of file, a file over the cap, a permission error.
 */
export function readRegularFile(file: string, options: ReadOptions): Buffer | null {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw fileErrorFrom(error, file, 'read');
  }
  if (!stats.isFile()) throw notRegular(file, stats);
  if (stats.size > options.maxBytes) throw tooBig(file, stats.size, options.maxBytes);
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, READ_FLAGS);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw fileErrorFrom(error, file, 'read');
  }
  try {
    const opened = fs.fstatSync(descriptor);
    if (!opened.isFile()) throw notRegular(file, opened);
    return readAtMost(descriptor, file, options.maxBytes);
  } catch (error) {
    throw fileErrorFrom(error, file, 'read');
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads to the end, failing as soon as the file proves longer than the cap (it may grow while read). */
function readAtMost(descriptor: number, file: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw tooBig(file, undefined, maxBytes);
  }
  return Buffer.concat(chunks, total);
}

/** The text of a regular file (UTF-8), or null when nothing is there. */
export function readRegularText(file: string, options: ReadOptions): string | null {
  return readRegularFile(file, options)?.toString('utf8') ?? null;
}

export type JsonFileRead =
  | { readonly state: 'missing' }
  | { readonly state: 'unparsable' }
  | { readonly state: 'parsed'; readonly value: unknown };

/** A JSON document from a regular file; a file that does not parse is reported, not thrown. */
export function readJsonFile(file: string, options: ReadOptions): JsonFileRead {
  return jsonFileRead(readRegularText(file, options));
}

/** Text read from a file (null: no file) as a JSON document, or what kept it from being one. */
export function jsonFileRead(text: string | null): JsonFileRead {
  if (text === null) return { state: 'missing' };
  try {
    return { state: 'parsed', value: JSON.parse(text) as unknown };
  } catch {
    return { state: 'unparsable' };
  }
}
