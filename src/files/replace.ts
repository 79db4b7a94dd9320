// Replacing a file as a whole, atomically: the new text goes to a temporary beside the target, which is
// renamed over it, so a reader sees the old file or the new one, never half of one. rename() replaces
// whatever is at the path (a device node, a FIFO, a link to /proc/self/fd/1), so the target is looked at
// first and only a regular file is ever replaced:
// - a symlink is followed, and only to a regular file (the link stays a link; its target is replaced);
// - a read-only file is left alone, with one line: its owner protected it;
// - the replaced file keeps its mode and owner (as root, a user's file stays theirs);
// - anything else (FIFO, device, socket, folder, a dangling link) is refused with one line.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './dirs.js';
import { errnoOf, FileAccessError, fileErrorFrom } from './errors.js';
import { describeKind, kindOfStats } from './kind.js';
import { temporaryPathFor } from './temporaries.js';

export const PRIVATE_FILE_MODE = 0o600;

export interface ReplaceOptions {
  /** The mode of a file made new (an existing file keeps its own). Default 0600. */
  readonly newFileMode?: number;
  /** Flush the data and the folder to disk before returning: for what must survive a power cut. */
  readonly durable?: boolean;
}

/** Where a write to `file` lands, and what is there now (undefined: nothing yet). */
export interface WriteTarget {
  readonly target: string;
  readonly existing: fs.Stats | undefined;
}

function nothingChanged(file: string, what: string): FileAccessError {
  return new FileAccessError(what.includes('symlink') ? 'bad-link' : 'not-regular', file, `${file} ${what}; Buddy replaces only regular files, nothing was changed`);
}

/**
 * Resolves `file` to the regular file a write would replace, refusing everything else. Never opens the
 * path, so it never blocks.
 */
export function resolveWriteTarget(file: string): WriteTarget {
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(file);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { target: file, existing: undefined };
    throw fileErrorFrom(error, file, 'write');
  }
  if (stats.isFile()) return { target: file, existing: stats };
  if (!stats.isSymbolicLink()) {
    const kind = kindOfStats(stats);
    throw nothingChanged(file, `is ${kind === 'file' ? 'a file' : describeKind(kind)}`);
  }
  let link: string;
  let target: string;
  let targetStats: fs.Stats;
  try {
    link = fs.readlinkSync(file);
  } catch (error) {
    throw fileErrorFrom(error, file, 'write');
  }
  try {
    target = fs.realpathSync(file);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') throw nothingChanged(file, `is a symlink to ${link}, which does not exist`);
    throw fileErrorFrom(error, file, 'write');
  }
  try {
    targetStats = fs.statSync(target);
  } catch (error) {
    throw fileErrorFrom(error, file, 'write');
  }
  if (!targetStats.isFile()) {
    const kind = kindOfStats(targetStats);
    throw nothingChanged(file, `is a symlink to ${target}, which is ${kind === 'file' ? 'a file' : describeKind(kind)}`);
  }
  return { target, existing: targetStats };
}

/** True when the file's owner made it read-only (for root too: root can write it, but should not). */
export function isReadOnly(target: string, stats: fs.Stats): boolean {
  const uid = process.getuid?.();
  if (uid === 0 || uid === undefined) return (stats.mode & 0o222) === 0;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function writeAll(descriptor: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(descriptor, data, offset, data.length - offset);
}

/** Keeps the replaced file's owner; only root can give a file away, and anyone else's file is theirs. */
function keepOwner(descriptor: number, existing: fs.Stats): void {
  if (process.getuid?.() !== 0) return;
  if (existing.uid === 0 && existing.gid === (process.getgid?.() ?? 0)) return;
  try {
    fs.fchownSync(descriptor, existing.uid, existing.gid);
  } catch {
    // A file system without owners (FAT, some mounts): nothing to keep.
  }
}

function syncFolder(dir: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(dir, fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0));
    fs.fsyncSync(descriptor);
  } catch {
    // Some file systems cannot sync a folder; the data itself was flushed.
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/**
 * Writes `data` as the whole of `file`, atomically, under the rules above. Missing parent folders are made
 * 0700. Throws FileAccessError with one line a person can act on; on any failure the old file is untouched
 * and the temporary is gone.
 */
export function replaceFileAtomically(file: string, data: string | Uint8Array, options: ReplaceOptions = {}): void {
  const { target, existing } = resolveWriteTarget(file);
  if (existing && isReadOnly(target, existing)) {
    throw new FileAccessError('read-only', file, `${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it)`);
  }
  const dir = path.dirname(target);
  if (!existing) ensurePrivateDir(dir);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const mode = existing ? existing.mode & 0o7777 : (options.newFileMode ?? PRIVATE_FILE_MODE);
  const temporary = temporaryPathFor(target);
  let descriptor: number | undefined;
  let created = false;
  try {
    // O_EXCL | O_NOFOLLOW: a name planted at the temporary's path is never followed or reused.
    descriptor = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), mode);
    created = true;
    // The umask may have taken bits away; an existing file's mode is kept exactly.
    if (existing) fs.fchmodSync(descriptor, mode);
    if (existing) keepOwner(descriptor, existing);
    writeAll(descriptor, bytes);
    if (options.durable) fs.fsyncSync(descriptor);
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    // Only a temporary this call made is removed: a name planted there is not ours.
    if (created) fs.rmSync(temporary, { force: true });
    throw fileErrorFrom(error, file, 'write');
  }
  if (options.durable) syncFolder(dir);
}
