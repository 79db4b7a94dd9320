// `buddy roll --batch`: IDs on stdin, one JSON line each on stdout, in input order, in bounded memory.
// The main thread only cuts the input into slices of whole lines and counts them; one worker per core
// decodes, rolls and encodes. Small inputs are rolled on the main thread, where starting workers would
// cost more than it saves.
import { once } from 'node:events';
import os from 'node:os';
import { rollLines, splitLines } from '../../engine/batch.js';
import type { RollJob, RollJobResult } from '../../workers/roll-worker.js';
import type { CliIo } from '../io.js';
import { WorkerPool } from '../worker-pool.js';

const SLICE_BYTES = 128 * 1024;
/** Inputs smaller than this are rolled on the main thread. */
const INLINE_BYTES = 512 * 1024;
const NEWLINE = 0x0a;
const YOUNG_GENERATION_MB = 64;

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? count + 1 : count;
}

export async function runBatch(io: CliIo, salt: string): Promise<number> {
  const inFlightLimit = os.availableParallelism() * 3;
  const inFlight: Promise<RollJobResult>[] = [];
  let pool: WorkerPool<RollJob, RollJobResult> | undefined;
  let failed = 0;
  let sequence = 0;
  let nextLineNumber = 1;
  let buffered: Buffer[] = [];
  let bufferedBytes = 0;
  let decided = false;

  const write = async (bytes: Uint8Array | string): Promise<void> => {
    if (bytes.length > 0 && !io.stdout.write(bytes)) await once(io.stdout, 'drain');
  };
  const flushOldest = async (): Promise<void> => {
    const result = await (inFlight.shift() as Promise<RollJobResult>);
    failed += result.failed;
    await write(result.output);
  };
  const submit = async (slice: Buffer): Promise<void> => {
    const firstLineNumber = nextLineNumber;
    nextLineNumber += countLines(slice);
    pool ??= new WorkerPool(new URL('./roll-worker.js', import.meta.url), os.availableParallelism(), { youngGenerationMb: YOUNG_GENERATION_MB });
    // A private copy, so its memory can move to the worker without a second copy.
    const input = new Uint8Array(slice);
    inFlight.push(pool.run({ sequence: sequence++, input, firstLineNumber, salt }, [input.buffer]));
    while (inFlight.length >= inFlightLimit) await flushOldest();
  };

  try {
    for await (const chunk of io.stdin as AsyncIterable<Buffer>) {
      buffered.push(chunk);
      bufferedBytes += chunk.length;
      if (!decided && bufferedBytes < INLINE_BYTES) continue;
      decided = true;
      if (bufferedBytes < SLICE_BYTES) continue;
      const data = Buffer.concat(buffered);
      const cut = data.lastIndexOf(NEWLINE) + 1;
      if (cut === 0) continue; // one very long line so far: wait for its end
      await submit(data.subarray(0, cut));
      buffered = [data.subarray(cut)];
      bufferedBytes = data.length - cut;
    }
    const rest = Buffer.concat(buffered);
    if (!decided) {
      const result = rollLines(splitLines(rest.toString('utf8')), 1, salt);
      failed += result.failed;
      await write(result.output);
    } else if (rest.length > 0) {
      await submit(rest);
    }
    while (inFlight.length > 0) await flushOldest();
  } finally {
    await pool?.close();
  }
  return failed > 0 ? 1 : 0;
}
