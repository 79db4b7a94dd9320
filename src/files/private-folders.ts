// Folders Buddy fills once and then only reads (the standalone executable's unpacked build): whether a folder
// is one Buddy can trust (its own, private, a real folder and not a link to one), and putting a complete
// folder in place with one rename, so that a reader sees the whole folder or none of it.
import fs from 'node:fs';
import { errnoOf, fileErrorFrom } from './errors.js';
import { PRIVATE_DIR_MODE } from './dirs.js';

export type FolderState = 'missing' | 'private' | 'other';

/**
 * 'private' for a real folder (not a link) owned by this user that nobody else may enter; 'missing' when
 * nothing is there; 'other' for anything else (a file, a link, a FIFO, a folder another user could change).
 * One lstat, without opening anything.
 */
export function privateFolderState(dir: string): FolderState {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.lstatSync(dir, { throwIfNoEntry: false });
  } catch (error) {
    if (errnoOf(error) === 'ENOTDIR') return 'missing';
    throw fileErrorFrom(error, dir, 'look at');
  }
  if (!stats) return 'missing';
  const owner = typeof process.getuid === 'function' ? process.getuid() : stats.uid;
  return stats.isDirectory() && stats.uid === owner && (stats.mode & 0o077) === 0 ? 'private' : 'other';
}

/** Makes `dir`, which must not exist yet, 0700 (its parent must exist). Throws FileAccessError. */
export function makeFreshPrivateDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    throw fileErrorFrom(error, dir, 'create the folder');
  }
}

/**
 * Renames the complete folder `from` to `to`, in the same parent. False when `to` is already there (another
 * process put its own in place first); then `from` is left for the caller to remove. Throws FileAccessError.
 */
export function placeFolder(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw fileErrorFrom(error, from, 'move');
  }
}
