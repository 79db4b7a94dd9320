// Appending whole lines to one of Buddy's logs (the journal, the event log, the debug log): one open, one
// write on an O_APPEND descriptor, one close. The kernel puts each such write whole at the end of the file,
// so lines from concurrent processes never interleave or tear, and nobody waits for a lock. The file is
// opened as descriptors.ts opens it: never blocking, never through a symlink, a regular file only.
import fs from 'node:fs';
import path from 'node:path';
import { openForAppending, type OpenedFile } from './descriptors.js';
import { ensurePrivateDir } from './dirs.js';
import { fileErrorFrom } from './errors.js';
import { kindAt } from './kind.js';
import { PRIVATE_FILE_MODE } from './replace.js';

export interface AppendOptions {
  /** Write nothing when the file already holds this many bytes (a log that must not grow unbounded). */
  readonly refuseAtBytes?: number;
  /** Empty the file first when it holds more than this (a log that only needs its recent lines). */
  readonly truncateAboveBytes?: number;
}

export interface Appended {
  /** The file's size before this write. */
  readonly sizeBefore: number;
  /** Its inode: a rotation checks that the path still names the file that filled up. */
  readonly ino: number;
}

/** Opens for appending; the folder (0700) is made only when it is missing, so the usual path is one open. */
function open(file: string): OpenedFile {
  try {
    return openForAppending(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if (kindAt(path.dirname(file)) !== 'missing') throw error;
    ensurePrivateDir(path.dirname(file));
    return openForAppending(file, PRIVATE_FILE_MODE);
  }
}

/**
 * Appends `data` (whole lines) in one write. Undefined when refused by `refuseAtBytes`. Throws
 * FileAccessError (a FIFO, a device or a link at the path, a full disk): callers on a host's path swallow it.
 */
export function appendWhole(file: string, data: string | Uint8Array, options: AppendOptions = {}): Appended | undefined {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const { descriptor, stats } = open(file);
  try {
    if (options.refuseAtBytes !== undefined && stats.size >= options.refuseAtBytes) return undefined;
    if (options.truncateAboveBytes !== undefined && stats.size > options.truncateAboveBytes) fs.ftruncateSync(descriptor, 0);
    fs.writeSync(descriptor, bytes);
    return { sizeBefore: stats.size, ino: stats.ino };
  } catch (error) {
    throw fileErrorFrom(error, file, 'append to');
  } finally {
    fs.closeSync(descriptor);
  }
}
