// Worker thread for `buddy roll --batch`: rolls a slice of input bytes (whole lines) and returns the
// JSON lines as bytes. Both directions transfer their buffers, so the main thread only moves memory.
// Each line is encoded into the output buffer at once, so no long string is kept alive: that keeps the
// garbage collector's work small (it was a quarter of the time when whole slices were joined as strings),
// and the generator is the allocation-free equivalent of seedrandom (src/engine/arc4.ts).
import { parentPort } from 'node:worker_threads';
import { arc4Random } from '../engine/arc4.js';
import { rollLine, splitLines } from '../engine/batch.js';

export interface RollJob {
  readonly sequence: number;
  readonly input: Uint8Array;
  readonly firstLineNumber: number;
  readonly salt: string;
}

export interface RollJobResult {
  readonly sequence: number;
  readonly output: Uint8Array;
  readonly failed: number;
}

/** A JSON line is about 400 bytes; the buffer grows when a slice needs more. */
const BYTES_PER_LINE_GUESS = 448;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function encodeLines(lines: readonly string[], firstLineNumber: number, salt: string): { output: Uint8Array; failed: number } {
  let output = new Uint8Array(Math.max(1024, lines.length * BYTES_PER_LINE_GUESS));
  let used = 0;
  let failed = 0;
  lines.forEach((line, index) => {
    const result = rollLine(line, firstLineNumber + index, salt, arc4Random);
    if (!result.ok) failed++;
    const text = `${result.json}\n`;
    for (;;) {
      const { read, written } = encoder.encodeInto(text, output.subarray(used));
      if (read === text.length) {
        used += written;
        break;
      }
      const grown = new Uint8Array(output.length * 2 + text.length * 3);
      grown.set(output.subarray(0, used));
      output = grown;
    }
  });
  return { output: output.slice(0, used), failed };
}

parentPort?.on('message', (job: RollJob) => {
  const { output, failed } = encodeLines(splitLines(decoder.decode(job.input)), job.firstLineNumber, job.salt);
  const result: RollJobResult = { sequence: job.sequence, output, failed };
  parentPort?.postMessage(result, [output.buffer as ArrayBuffer]);
});
