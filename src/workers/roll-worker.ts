// Worker thread for `buddy roll --batch`: rolls slices of lines sent by the main thread.
import { parentPort } from 'node:worker_threads';
import { rollLines } from '../engine/batch.js';

export interface RollJob {
  readonly sequence: number;
  readonly lines: readonly string[];
  readonly firstLineNumber: number;
  readonly salt: string;
}

export interface RollJobResult {
  readonly sequence: number;
  readonly output: string;
  readonly failed: number;
}

parentPort?.on('message', (job: RollJob) => {
  const { output, failed } = rollLines(job.lines, job.firstLineNumber, job.salt);
  const result: RollJobResult = { sequence: job.sequence, output, failed };
  parentPort?.postMessage(result);
});
