// Reads only the new end of a transcript: never the whole file, at most TAIL_BYTES per refresh.
import fs from 'node:fs';

export const TAIL_BYTES = 64 * 1024;

export interface TailRead {
  /** The file's size now (the next read starts here). */
  readonly size: number;
  /** New text since the last read (cut to the last TAIL_BYTES; the first line may be partial). */
  readonly text: string;
}

/** `since` is the size seen last time; a smaller file (rotated or rewritten) is read from its tail. */
export function readTranscriptTail(file: string, since: number): TailRead | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, 'r');
    const { size, isFile } = { size: fs.fstatSync(descriptor).size, isFile: fs.fstatSync(descriptor).isFile() };
    if (!isFile) return undefined;
    const from = since > size ? Math.max(0, size - TAIL_BYTES) : Math.max(since, size - TAIL_BYTES);
    const length = size - from;
    if (length <= 0) return { size, text: '' };
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(descriptor, buffer, 0, length, from);
    let text = buffer.toString('utf8', 0, read);
    // Starting mid-file: drop the partial first line. A half-written last line is skipped by the parser.
    if (from > 0 && from !== since) text = text.slice(text.indexOf('\n') + 1);
    return { size, text };
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}
