// Folder entries for callers that need more than reading and replacing: whether a path leads anywhere,
// where a link really leads, a folder's names, and removing or moving aside a file of Buddy's own (a
// backup it prunes, a host file it made and takes back, a damaged record it keeps). None of these opens a
// file, so none can block on a FIFO; removing touches only a regular file, never a link's target.
import fs from 'node:fs';
import { errnoOf, FileAccessError, fileErrorFrom } from './errors.js';
import { describeKind, entryToRemove, kindOfStats } from './kind.js';

/** True when the path leads to something (a link is followed: a dangling link leads nowhere). */
export function pathExists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The path with every link resolved. Throws FileAccessError (one line) when it leads nowhere. */
export function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (error) {
    throw fileErrorFrom(error, file, 'find');
  }
}

/**
 * Removes a regular file; returns false when nothing was there. A symlink, a FIFO, a device or a folder
 * at the path is refused with one line and left where it is.
 */
export function removeRegularFile(file: string): boolean {
  const stats = entryToRemove(file);
  if (stats === undefined) return false;
  if (!stats.isFile()) {
    const kind = kindOfStats(stats);
    throw new FileAccessError('not-regular', file, `${file} is ${kind === 'file' ? 'a file' : describeKind(kind)}; Buddy removes only regular files, nothing was changed`);
  }
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw fileErrorFrom(error, file, 'remove');
  }
}


/** Listing a folder is housekeeping's; re-exported for the installers. */
export { listNames } from './housekeeping.js';

/** Moving a damaged record aside is renaming one of Buddy's own files: housekeeping's rename. */
export { renameOwnFile as moveAside } from './housekeeping.js';
