// Reads only the new end of a transcript: never the whole file, at most TAIL_BYTES per refresh.
import { withOpenFile } from '../files/partial-read.js';

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

/**
 * `since` is the size seen last time; a smaller file (rotated or rewritten) is read from its tail. The
 * transcript is the host's file: a symlink to a regular file is followed; anything else (a FIFO, which
 * would block the open and stop the event loop, a device) is not read at all.
 */
export function readTranscriptTail(file: string, since: number): TailRead | undefined {
  try {
    return withOpenFile(
      file,
      (transcript) => {
        const size = transcript.sizeAtOpen;
        const from = since > size ? Math.max(0, size - TAIL_BYTES) : Math.max(since, size - TAIL_BYTES);
        const length = size - from;
        if (length <= 0) return { size, text: '' };
        const buffer = transcript.read(from, length);
        const complete = buffer.lastIndexOf(0x0a, buffer.length - 1) + 1;
        let text = buffer.toString('utf8', 0, complete);
        // Starting mid-file (a long gap, or a rewritten file): drop the partial first line.
        if (from > 0 && from !== since) text = text.slice(text.indexOf('\n') + 1);
        return { size: from + complete, text };
      },
      { followLinks: true },
    );
  } catch {
    return undefined;
  }
}
