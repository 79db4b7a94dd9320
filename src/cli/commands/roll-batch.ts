// `buddy roll --batch`: IDs on stdin, one JSON line each on stdout, in input order, in bounded memory.
// The main thread only cuts the input into slices of whole lines and counts them; one worker per core
// decodes, rolls and encodes. Small inputs are rolled on the main thread, where starting workers would
// cost more than it saves.
import { once } from 'node:events';
import os from 'node:os';
import { decodeLines, rollLines } from '../../engine/batch.js';
import type { HashFn } from '../../engine/classic-constants.js';
import { statDescriptor, stdinWasClosed, type DescriptorStats } from '../../files/standard-streams.js';
import type { RollJob, RollJobResult } from '../../workers/roll-worker.js';
import { LineCutter } from '../batch-lines.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { WorkerPool } from '../worker-pool.js';

const SLICE_BYTES = 128 * 1024;
/** Inputs smaller than this are rolled on the main thread. */
const INLINE_BYTES = 512 * 1024;
const NEWLINE = 0x0a;
const YOUNG_GENERATION_MB = 64;

const NO_INPUT = 'roll: --batch reads IDs from stdin';

function unreadableStdin(error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EISDIR') return new UsageError(`${NO_INPUT}, and stdin is a directory`);
  return new UsageError(`${NO_INPUT}, and it cannot be read${typeof code === 'string' ? ` (${code})` : ''}`);
}

/** A directory, a closed descriptor or a terminal is not a list of IDs: say so in one line. */
function checkBatchStdin(io: CliIo): void {
  if (io.stdin.isTTY) throw new UsageError(`${NO_INPUT}; pipe them in, e.g. buddy roll --batch < ids.txt`);
  if (!io.descriptors) return;
  let stats: DescriptorStats;
  try {
    stats = statDescriptor(0);
  } catch (error) {
    throw unreadableStdin(error);
  }
  if (stats.isDirectory()) throw unreadableStdin(Object.assign(new Error('directory'), { code: 'EISDIR' }));
  if (stats.isCharacterDevice() && stdinWasClosed()) throw new UsageError(`${NO_INPUT}, and stdin is closed`);
}

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? count + 1 : count;
}

/** `classic` rolls each ID by the classic roll with that seed function instead of roll v1. */
export async function runBatch(io: CliIo, salt: string, classic?: HashFn): Promise<number> {
  checkBatchStdin(io);
  const inFlightLimit = os.availableParallelism() * 3;
  const inFlight: Promise<RollJobResult>[] = [];
  const cutter = new LineCutter();
  let pool: WorkerPool<RollJob, RollJobResult> | undefined;
  let failed = 0;
  let sequence = 0;
  let nextLineNumber = 1;
  let seenBytes = 0;
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
    if (slice.length === 0) return;
    const firstLineNumber = nextLineNumber;
    nextLineNumber += countLines(slice);
    pool ??= new WorkerPool(new URL('./roll-worker.mjs', import.meta.url), os.availableParallelism(), { youngGenerationMb: YOUNG_GENERATION_MB });
    // A private copy, so its memory can move to the worker without a second copy.
    const input = new Uint8Array(slice);
    inFlight.push(pool.run({ sequence: sequence++, input, firstLineNumber, salt, ...(classic ? { classic } : {}) }, [input.buffer]));
    while (inFlight.length >= inFlightLimit) await flushOldest();
  };

  try {
    try {
      for await (const chunk of io.stdin as AsyncIterable<Buffer>) {
        cutter.push(chunk);
        seenBytes += chunk.length;
        if (!decided && seenBytes < INLINE_BYTES) continue;
        decided = true;
        if (cutter.readyBytes >= SLICE_BYTES) await submit(cutter.take());
      }
    } catch (error) {
      throw unreadableStdin(error);
    }
    const rest = cutter.finish();
    if (!decided) {
      const result = rollLines(decodeLines(rest), 1, salt, classic);
      failed += result.failed;
      await write(result.output);
    } else {
      await submit(rest);
    }
    while (inFlight.length > 0) await flushOldest();
  } finally {
    await pool?.close();
  }
  return failed > 0 ? 1 : 0;
}
