// Worker thread for `buddy roll --batch`: rolls a slice of input bytes (whole lines) and returns the
// JSON lines as bytes. Both directions transfer their buffers, so the main thread only moves memory.
import { parentPort } from 'node:worker_threads';
import { rollLines, splitLines } from '../engine/batch.js';

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

const decoder = new TextDecoder();
const encoder = new TextEncoder();

parentPort?.on('message', (job: RollJob) => {
  const { output, failed } = rollLines(splitLines(decoder.decode(job.input)), job.firstLineNumber, job.salt);
  const bytes = encoder.encode(output);
  const result: RollJobResult = { sequence: job.sequence, output: bytes, failed };
  parentPort?.postMessage(result, [bytes.buffer as ArrayBuffer]);
});
