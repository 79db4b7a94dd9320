// Reads only the new end of a transcript: never the whole file, at most TAIL_BYTES per refresh.
import fs from 'node:fs';

export const TAIL_BYTES = 64 * 1024;

export interface TailRead {
  /**
   * Where the next read starts: just past the last complete line. A record still being written is left
   * for the next refresh, so it is read whole once it is finished.
   */
  readonly size: number;
  /** Complete new lines since the last read (at most the last TAIL_BYTES of them). */
  readonly text: string;
}

// Opening a FIFO for reading blocks until a writer appears, and a blocked openSync stops the event loop
// (so no timer could rescue the statusline). Only regular files are opened, and non-blocking, so a path
// swapped for a FIFO between the check and the open still cannot hang.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** `since` is the size seen last time; a smaller file (rotated or rewritten) is read from its tail. */
export function readTranscriptTail(file: string, since: number): TailRead | undefined {
  let descriptor: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    descriptor = fs.openSync(file, OPEN_FLAGS);
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) return undefined;
    const size = stats.size;
    const from = since > size ? Math.max(0, size - TAIL_BYTES) : Math.max(since, size - TAIL_BYTES);
    const length = size - from;
    if (length <= 0) return { size, text: '' };
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(descriptor, buffer, 0, length, from);
    const complete = buffer.lastIndexOf(0x0a, read - 1) + 1;
    let text = buffer.toString('utf8', 0, complete);
    // Starting mid-file (a long gap, or a rewritten file): drop the partial first line.
    if (from > 0 && from !== since) text = text.slice(text.indexOf('\n') + 1);
    return { size: from + complete, text };
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}
