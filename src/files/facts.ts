// What a path is, how big and how recent, without opening it (so it never blocks): for housekeeping (stale
// sessions, old frames), the statusline's change stamps and the event log's identity checks.
import fs from 'node:fs';
import { errnoOf, fileErrorFrom } from './errors.js';
import { kindOfStats, type PathKind } from './kind.js';

export interface FileFacts {
  readonly kind: Exclude<PathKind, 'missing'>;
  readonly size: number;
  readonly mtimeMs: number;
  /** The modification time to the nanosecond, where the file system keeps it. */
  readonly mtimeNs: bigint;
  readonly ino: number;
  /**
   * Device, inode and birth time: an inode freed by a deleted file is soon given to a new one, and its birth
   * time tells them apart where the file system records it.
   */
  readonly identity: string;
}

export function identityOfStats(stats: fs.BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`;
}

function factsOf(stats: fs.BigIntStats): FileFacts {
  return {
    kind: kindOfStats(stats as unknown as fs.Stats),
    size: Number(stats.size),
    mtimeMs: Number(stats.mtimeMs),
    mtimeNs: stats.mtimeNs,
    ino: Number(stats.ino),
    identity: identityOfStats(stats),
  };
}

/**
 * The facts about `file`, or undefined when nothing is there. A symlink is described as one unless
 * `followLinks` (then a dangling link is "nothing there"). Throws FileAccessError for anything else.
 */
export function factsAbout(file: string, options: { readonly followLinks?: boolean } = {}): FileFacts | undefined {
  try {
    const stats = options.followLinks ? fs.statSync(file, { bigint: true, throwIfNoEntry: false }) : fs.lstatSync(file, { bigint: true, throwIfNoEntry: false });
    return stats ? factsOf(stats) : undefined;
  } catch (error) {
    if (errnoOf(error) === 'ENOTDIR' || errnoOf(error) === 'ENOENT') return undefined;
    throw fileErrorFrom(error, file, 'look at');
  }
}

/** The path with every symlink resolved (the file must exist). Throws FileAccessError. */
export function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (error) {
    throw fileErrorFrom(error, file, 'resolve');
  }
}
