// Tidying Buddy's own folders: listing them, removing what Buddy made (stale session state, old frame
// generations, a cleared journal), moving its own files aside (a corrupt config, a full log). Nothing here
// reads or writes a file's contents, so nothing here can block on a FIFO or read a device.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryToRemove } from './kind.js';
import { errnoOf, fileErrorFrom } from './errors.js';

/** The names in a folder; none when it is missing. Throws FileAccessError when it cannot be listed. */
export function listNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw fileErrorFrom(error, dir, 'list');
  }
}

/** Removes one name (a file, a FIFO, a link: never what a link points to, never a folder). True when it was there. */
export function removeFile(file: string): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw fileErrorFrom(error, file, 'remove');
  }
}

/**
 * Removes one name without waiting for it: freeing a large file's blocks can take milliseconds on some file
 * systems, and a host may be waiting. Errors are ignored (it is housekeeping).
 */
export function removeFileInBackground(file: string): void {
  fs.unlink(file, () => undefined);
}

/** Removes a folder Buddy made and everything in it (links inside are removed, not followed). */
export function removeTree(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    throw fileErrorFrom(error, dir, 'remove');
  }
}

/**
 * Removes one entry of a folder of Buddy's own, whatever it is: a file, a FIFO or a link goes as a name
 * (a link is never followed), a folder with everything in it (links inside are removed, not followed).
 * False when nothing was there. Throws FileAccessError.
 */
export function removeOwnEntry(entry: string): boolean {
  const stats = entryToRemove(entry);
  if (stats === undefined) return false;
  if (stats.isDirectory()) removeTree(entry);
  else removeFile(entry);
  return true;
}

/** Removes a folder when it is empty; false when something is still in it (or it is gone). */
export function removeEmptyFolder(dir: string): boolean {
  try {
    fs.rmdirSync(dir);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return false;
    throw fileErrorFrom(error, dir, 'remove');
  }
}

/**
 * Renames one of Buddy's own files within its folder (rotation, a bad file moved aside). False when there
 * was nothing to move. Throws FileAccessError.
 */
export function renameOwnFile(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw fileErrorFrom(error, from, 'move');
  }
}

/** A new private folder (0700) in the system's temporary folder, for work that leaves nothing behind. */
export function makeScratchDir(prefix: string): string {
  try {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  } catch (error) {
    throw fileErrorFrom(error, os.tmpdir(), 'create a folder in');
  }
}
