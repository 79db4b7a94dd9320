// Worker thread for `buddy roll --batch`: rolls a slice of input bytes (whole lines) and returns the
// JSON lines as bytes. Both directions transfer their buffers, so the main thread only moves memory, and
// output buffers go round: once written, a buffer comes back with a later job to be filled again. A buffer
// dropped instead would be freed only by the main thread's next garbage collection, which its light work
// puts off until tens of megabytes of them have piled up.
// Lines are encoded into the output buffer in small groups, so no long string is kept alive: that keeps
// the garbage collector's work small (it was a quarter of the time when whole slices were joined as strings),
// and the generator is the allocation-free equivalent of seedrandom (src/engine/arc4.ts).
import { parentPort } from 'node:worker_threads';
import { arc4Random } from '../engine/arc4.js';
import { decodeLines, rollLine } from '../engine/batch.js';
import type { HashFn } from '../engine/classic-constants.js';

export interface RollJob {
  readonly sequence: number;
  readonly input: Uint8Array;
  readonly firstLineNumber: number;
  readonly salt: string;
  /** Present for the classic roll: its seed function. */
  readonly classic?: HashFn;
  /** An output buffer already written, to fill again. */
  readonly spare?: ArrayBuffer;
}

export interface RollJobResult {
  readonly sequence: number;
  readonly output: Uint8Array;
  readonly failed: number;
}

/** A JSON line is about 400 bytes; the buffer grows when a slice needs more. */
const BYTES_PER_LINE_GUESS = 448;
const encoder = new TextEncoder();

/** Lines are encoded in groups: one encoder call per group instead of one per line. */
const LINES_PER_GROUP = 64;

export function encodeLines(lines: readonly string[], firstLineNumber: number, salt: string, classic?: HashFn, spare?: ArrayBuffer): { output: Uint8Array; failed: number } {
  const guess = Math.max(1024, lines.length * BYTES_PER_LINE_GUESS);
  let output = spare !== undefined && spare.byteLength >= guess ? new Uint8Array(spare) : new Uint8Array(guess);
  let used = 0;
  let failed = 0;
  const append = (text: string): void => {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, output.subarray(used));
      if (read === text.length) {
        used += written;
        return;
      }
      const grown = new Uint8Array(output.length * 2 + text.length * 3);
      grown.set(output.subarray(0, used));
      output = grown;
    }
  };
  for (let start = 0; start < lines.length; start += LINES_PER_GROUP) {
    let group = '';
    const end = Math.min(lines.length, start + LINES_PER_GROUP);
    for (let index = start; index < end; index++) {
      const result = rollLine(lines[index] as string, firstLineNumber + index, salt, arc4Random, classic);
      if (!result.ok) failed++;
      group += `${result.json}\n`;
    }
    append(group);
  }
  // A view of the buffer, not a copy: the whole buffer moves to the main thread.
  return { output: output.subarray(0, used), failed };
}

parentPort?.on('message', (job: RollJob) => {
  const { output, failed } = encodeLines(decodeLines(job.input), job.firstLineNumber, job.salt, job.classic, job.spare);
  const result: RollJobResult = { sequence: job.sequence, output, failed };
  parentPort?.postMessage(result, [output.buffer as ArrayBuffer]);
});
