// Files made new in a folder Buddy has just made (a generation of statusline frames): written in place,
// since nobody else can have put anything there and a reader only looks once the folder is complete.
// O_EXCL | O_NOFOLLOW still refuse any name already there, so nothing planted is ever followed or reused.
// Also the small things the frames need: setting a stamp's modification time, and symlinks to watched files.
import fs from 'node:fs';
import { errnoOf, fileErrorFrom } from './errors.js';
import { PRIVATE_FILE_MODE } from './replace.js';

const CREATE_NEW = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** Creates `file`, which must not exist yet, holding `data` (mode 0600 by default). Throws FileAccessError. */
export function writeFreshFile(file: string, data: string | Uint8Array, mode = PRIVATE_FILE_MODE): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, CREATE_NEW, mode);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(descriptor, bytes, offset, bytes.length - offset);
  } catch (error) {
    throw fileErrorFrom(error, file, 'create');
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** Sets a file's access and modification times to `seconds` since the epoch (a link itself, never its target). */
export function setFileTime(file: string, seconds: number): void {
  try {
    fs.lutimesSync(file, seconds, seconds);
  } catch (error) {
    throw fileErrorFrom(error, file, 'set the time of');
  }
}

/** Where a symlink points, or undefined when there is no link at `link`. */
export function linkTarget(link: string): string | undefined {
  try {
    return fs.readlinkSync(link);
  } catch {
    return undefined;
  }
}

/** Makes `link` a symlink to `target` (whatever was at `link` is removed first; a racing twin is fine). */
export function pointLinkAt(link: string, target: string): void {
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link);
  } catch (error) {
    // Another refresh of the same session made it at the same moment.
    if (errnoOf(error) !== 'EEXIST') throw fileErrorFrom(error, link, 'link');
  }
}
