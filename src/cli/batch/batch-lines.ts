// Cuts a byte stream into runs of whole lines for `buddy roll --batch`, in bounded memory whatever
// arrives: a line longer than MAX_LINE_BYTES is dropped as it streams past (2 GB without a newline costs
// 64 KB) and stands in the output as one OVERLONG_LINE, so line numbers stay right and reading goes on.
import { MAX_LINE_BYTES, OVERLONG_LINE } from '../../engine/batch.js';

const NEWLINE = 0x0a;
const OVERLONG = Buffer.from(`${OVERLONG_LINE}\n`);

export class LineCutter {
  /** Whole lines, each ending in a newline, ready to be rolled. */
  private complete: Buffer[] = [];
  private completeBytes = 0;
  /** The line being read, not ended yet. */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** Inside an overlong line: drop bytes up to its newline. */
  private skipping = false;

  get readyBytes(): number {
    return this.completeBytes;
  }

  private pushComplete(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.complete.push(bytes);
    this.completeBytes += bytes.length;
  }

  private pushPartial(bytes: Buffer): void {
    if (this.skipping || bytes.length === 0) return;
    this.partial.push(bytes);
    this.partialBytes += bytes.length;
    if (this.partialBytes > MAX_LINE_BYTES) {
      this.partial = [];
      this.partialBytes = 0;
      this.skipping = true;
    }
  }

  /** Ends the current line at `end` bytes into `chunk` (the newline itself included). */
  private endLine(chunk: Buffer, end: number): void {
    if (this.skipping || this.partialBytes + end - 1 > MAX_LINE_BYTES) {
      this.pushComplete(OVERLONG);
    } else {
      for (const part of this.partial) this.pushComplete(part);
      this.pushComplete(chunk.subarray(0, end));
    }
    this.partial = [];
    this.partialBytes = 0;
    this.skipping = false;
  }

  push(chunk: Buffer): void {
    const first = chunk.indexOf(NEWLINE);
    if (first === -1) {
      this.pushPartial(chunk);
      return;
    }
    this.endLine(chunk, first + 1);
    const last = chunk.lastIndexOf(NEWLINE);
    if (last > first) {
      const middle = chunk.subarray(first + 1, last + 1);
      // Chunks are usually 64 KB, so a line inside one cannot be overlong; bigger chunks are checked.
      if (middle.length > MAX_LINE_BYTES) this.pushMiddleChecked(middle);
      else this.pushComplete(middle);
    }
    this.pushPartial(chunk.subarray(last + 1));
  }

  private pushMiddleChecked(middle: Buffer): void {
    let start = 0;
    while (start < middle.length) {
      const end = middle.indexOf(NEWLINE, start) + 1;
      this.pushComplete(end - 1 - start > MAX_LINE_BYTES ? OVERLONG : middle.subarray(start, end));
      start = end;
    }
  }

  /** The whole lines read so far (the ready ones are handed over and forgotten). */
  take(): Buffer {
    const bytes = Buffer.concat(this.complete, this.completeBytes);
    this.complete = [];
    this.completeBytes = 0;
    return bytes;
  }

  /** At the end of input: the last line, ended even without its newline. */
  finish(): Buffer {
    if (this.skipping) this.pushComplete(OVERLONG);
    else for (const part of this.partial) this.pushComplete(part);
    this.partial = [];
    this.partialBytes = 0;
    this.skipping = false;
    return this.take();
  }
}

/** A run of whole lines and how many there are (the last line of the input may lack its newline). */
export interface LineRun {
  readonly bytes: Buffer;
  readonly lines: number;
}

/**
 * Splits whole lines into runs of at most `maxLines` lines. A short line makes a JSON line about 200 times
 * its size, so a job's output is bounded by its line count, not by its input bytes.
 */
export function* runsOfLines(bytes: Buffer, maxLines: number): Generator<LineRun> {
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    let lines = 0;
    while (lines < maxLines && end < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, end);
      end = newline === -1 ? bytes.length : newline + 1;
      lines++;
    }
    yield { bytes: bytes.subarray(start, end), lines };
    start = end;
  }
}
