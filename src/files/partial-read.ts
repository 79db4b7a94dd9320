// Reading part of a regular file through a descriptor: the end of a transcript, the new lines of a log,
// the journal as `buddy log --follow` sees it grow. Opened as descriptors.ts opens files (never blocking, a
// regular file only, no symlink at the last step unless asked), and every read is bounded by its caller.
import fs from 'node:fs';
import { openForReading } from './descriptors.js';
import { fileErrorFrom } from './errors.js';
import { identityOfStats } from './facts.js';

export class OpenRegularFile {
  private open = true;
  private knownIdentity: string | undefined;

  private constructor(
    private readonly descriptor: number,
    readonly file: string,
    /** Its inode: a path that names another inode now was rotated or replaced. */
    readonly ino: number,
    /** Its size when it was opened (size() looks again, for a file that grows). */
    readonly sizeAtOpen: number,
  ) {}

  /** The regular file at `file`, or undefined when nothing is there. Throws FileAccessError for anything else. */
  static at(file: string, options: { readonly followLinks?: boolean } = {}): OpenRegularFile | undefined {
    const opened = openForReading(file, options);
    return opened && new OpenRegularFile(opened.descriptor, file, opened.stats.ino, opened.stats.size);
  }

  /** Device, inode and birth time (see facts.ts), looked up once when first asked. */
  get identity(): string {
    try {
      this.knownIdentity ??= identityOfStats(fs.fstatSync(this.descriptor, { bigint: true }));
    } catch (error) {
      throw fileErrorFrom(error, this.file, 'read');
    }
    return this.knownIdentity;
  }

  /** Its size now (it may be growing). */
  size(): number {
    try {
      return fs.fstatSync(this.descriptor).size;
    } catch (error) {
      throw fileErrorFrom(error, this.file, 'read');
    }
  }

  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(Math.max(0, length));
    let filled = 0;
    try {
      while (filled < buffer.length) {
        const count = fs.readSync(this.descriptor, buffer, filled, buffer.length - filled, position + filled);
        if (count === 0) break;
        filled += count;
      }
    } catch (error) {
      throw fileErrorFrom(error, this.file, 'read');
    }
    return buffer.subarray(0, filled);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      fs.closeSync(this.descriptor);
    } catch {
      // Already gone: nothing left to release.
    }
  }
}

/** Runs `use` on the open file and closes it, whatever happens. Undefined when nothing is there. */
export function withOpenFile<T>(file: string, use: (opened: OpenRegularFile) => T, options: { readonly followLinks?: boolean } = {}): T | undefined {
  const opened = OpenRegularFile.at(file, options);
  if (!opened) return undefined;
  try {
    return use(opened);
  } finally {
    opened.close();
  }
}
