// An output the user named on the command line (`buddy card --svg PATH`, `--png PATH`, `-`). The user chose
// the path, so special files are honoured instead of refused: `-`, `/dev/stdout` and a link to it are
// stdout; a FIFO, a terminal, a pipe such as `>(wc -c)` is written in place, streaming, and never
// replaced; a regular file (or a symlink to one) is replaced atomically with the replace rules (read-only
// refused, mode kept); a folder or a dangling symlink is refused with one line.
import fs from 'node:fs';
import { errnoOf, FileAccessError, fileErrorFrom } from './errors.js';
import { replaceFileAtomically } from './replace.js';

export const STDOUT_PATH = '-';
/**
 * Names of this process's own standard output. Written to descriptor 1 as it is: reopened, a file the
 * shell opened for appending (`>> log`) would be written from its start, and replaced, it would lose what
 * was there before.
 */
const STDOUT_ALIASES: ReadonlySet<string> = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);
/** A new output file is readable by others: it is meant to be shared. */
export const SHARED_FILE_MODE = 0o644;

export type OutputDestination = 'stdout' | 'stream' | 'file';

/** Where a write of `file` goes: stdout, a special file written in place, or a regular file replaced. */
export function outputDestination(file: string): OutputDestination {
  if (file === STDOUT_PATH || STDOUT_ALIASES.has(file)) return 'stdout';
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT') return 'file';
    throw fileErrorFrom(error, file, 'write');
  }
  if (stats.isDirectory()) throw new FileAccessError('not-regular', file, `${file} is a folder; name a file to write to`);
  if (isLinkToStdout(file, stats)) return 'stdout';
  return stats.isFile() ? 'file' : 'stream';
}

/**
 * A symlink to this process's own stdout (`ln -s /proc/self/fd/1 out`, a link to `/dev/stdout`) is written
 * as those names are: to descriptor 1, as it is. Followed to a regular file and replaced, it would lose
 * what a shell opening it for appending (`>> log`) had kept there.
 */
function isLinkToStdout(file: string, target: fs.Stats): boolean {
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return false;
    const stdout = fs.fstatSync(1);
    return stdout.dev === target.dev && stdout.ino === target.ino;
  } catch {
    return false;
  }
}

function writeAll(descriptor: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += fs.writeSync(descriptor, data, offset, data.length - offset);
    } catch (error) {
      // A non-blocking stdout (a pipe set so by another process) says "try again": wait for room.
      if (errnoOf(error) !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * Opens a special file for writing without ever blocking: a FIFO nobody reads fails at once (ENXIO)
 * instead of hanging, and once open the descriptor is handed back to a blocking one, so a slow reader
 * gets every byte.
 */
function openSpecialForWriting(file: string): number {
  const probe = fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  try {
    return fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_NOCTTY ?? 0));
  } finally {
    fs.closeSync(probe);
  }
}

/** Writes `data` to the output the user named. Throws FileAccessError with one line. */
export function writeUserOutput(file: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const destination = outputDestination(file);
  if (destination === 'file') {
    replaceFileAtomically(file, bytes, { newFileMode: SHARED_FILE_MODE });
    return;
  }
  if (destination === 'stdout') {
    try {
      writeAll(1, bytes);
    } catch (error) {
      throw fileErrorFrom(error, file, 'write');
    }
    return;
  }
  let descriptor: number | undefined;
  try {
    descriptor = openSpecialForWriting(file);
    writeAll(descriptor, bytes);
  } catch (error) {
    throw fileErrorFrom(error, file, 'write');
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}
