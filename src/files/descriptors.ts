// Descriptors for callers that read or append piece by piece (the journal, transcripts, the events log,
// the code cache): opened under the same rules as whole-file reads and writes. Both never block (a FIFO
// swapped in fails or is refused at once), never follow a symlink at the last step, and hand back a
// descriptor only for a regular file.
import fs from 'node:fs';
import { errnoOf, FileAccessError, fileErrorFrom } from './errors.js';
import { describeKind, kindOfStats } from './kind.js';

const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = fs.constants.O_NONBLOCK ?? 0;
const NO_TTY = fs.constants.O_NOCTTY ?? 0;

export interface OpenedFile {
  readonly descriptor: number;
  readonly stats: fs.Stats;
}

function refuseUnlessRegular(descriptor: number, file: string): OpenedFile {
  const stats = fs.fstatSync(descriptor);
  if (stats.isFile()) return { descriptor, stats };
  fs.closeSync(descriptor);
  const kind = kindOfStats(stats);
  throw new FileAccessError('not-regular', file, `${file} is ${kind === 'file' ? 'a file' : describeKind(kind)}, not a regular file; Buddy uses only regular files`);
}

/**
 * Opens a regular file for reading, or returns undefined when nothing is there. `followLinks` lets the last
 * step be a symlink to a regular file (files of other programs); Buddy's own files are never links.
 */
export function openForReading(file: string, options: { readonly followLinks?: boolean } = {}): OpenedFile | undefined {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | NON_BLOCKING | NO_TTY | (options.followLinks ? 0 : NO_FOLLOW));
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new FileAccessError('bad-link', file, `${file} is a symlink; Buddy does not follow links to its own files`);
    throw fileErrorFrom(error, file, 'read');
  }
  return refuseUnlessRegular(descriptor, file);
}

/** Opens (making it when missing, with `mode`) a regular file to append whole lines to. */
export function openForAppending(file: string, mode = 0o600): OpenedFile {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | NO_FOLLOW | NON_BLOCKING | NO_TTY, mode);
  } catch (error) {
    if (errnoOf(error) === 'ELOOP') throw new FileAccessError('bad-link', file, `${file} is a symlink; Buddy does not follow links to its own files`);
    throw fileErrorFrom(error, file, 'append to');
  }
  return refuseUnlessRegular(descriptor, file);
}
