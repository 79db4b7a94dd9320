// What sits at a path, in words: the layer refuses anything but regular files and says what it found.
import fs from 'node:fs';
import { errnoOf, fileErrorFrom } from './errors.js';

export type PathKind = 'missing' | 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'character device' | 'block device' | 'other';

export function kindOfStats(stats: fs.Stats): Exclude<PathKind, 'missing'> {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'other';
}

/** The path itself (a symlink is reported as one, not followed). Never opens anything, so it never blocks. */
export function kindAt(file: string): PathKind {
  try {
    return kindOfStats(fs.lstatSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

const ARTICLES: Record<Exclude<PathKind, 'missing' | 'file'>, string> = {
  directory: 'a folder',
  symlink: 'a symlink',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character device': 'a device',
  'block device': 'a block device',
  other: 'not a regular file',
};

export function describeKind(kind: Exclude<PathKind, 'missing' | 'file'>): string {
  return ARTICLES[kind];
}

/**
 * What is at `entry` itself (a link's own facts, never its target's), for a removal: undefined when nothing
 * is there. Throws FileAccessError.
 */
export function entryToRemove(entry: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(entry);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw fileErrorFrom(error, entry, 'remove');
  }
}
