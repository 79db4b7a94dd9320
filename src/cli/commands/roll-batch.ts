// `buddy roll --batch`: IDs on stdin, one JSON line each on stdout, in input order, in bounded memory.
// The main thread only cuts the input into jobs of whole lines and counts them; one worker per core
// decodes, rolls and encodes. Small inputs are rolled on the main thread, where starting workers would
// cost more than it saves.
//
// Memory stays bounded because everything between stdin and stdout is: a job holds at most LINES_PER_JOB
// lines (so its output too), at most JOBS_PER_WORKER jobs per worker are in flight, written or not, a
// result is written only once stdout has taken the one before, and output buffers, once written, go back
// to the workers to be filled again. When stdout is slow, jobs wait to be written, no new job starts, and
// stdin is not read: the pipe upstream fills and its writer waits.
import os from 'node:os';
import { decodeLines, rollLines } from '../../engine/batch.js';
import type { HashFn } from '../../engine/classic-constants.js';
import { statDescriptor, stdinWasClosed, type DescriptorStats } from '../../files/standard-streams.js';
import type { RollJob, RollJobResult } from '../../workers/roll-worker.js';
import { LineCutter, runsOfLines } from '../batch/batch-lines.js';
import { UsageError } from '../command-errors.js';
import type { CliIo } from '../io.js';
import { OrderedOutput } from '../batch/ordered-output.js';
import { WorkerPool } from '../batch/worker-pool.js';

/** A job's output is about 400 bytes a line: 1024 lines is under half a megabyte, a few ms of rolling. */
const LINES_PER_JOB = 1024;
/** Whole lines gather to this many bytes before they are cut into jobs: fewer, fuller jobs. */
const SLICE_BYTES = 32 * 1024;
/** One job being rolled and one waiting, so a worker never idles between jobs. */
const JOBS_PER_WORKER = 2;
/** Inputs with fewer lines and bytes than these are rolled on the main thread. */
const INLINE_LINES = 20_000;
const INLINE_BYTES = 512 * 1024;
/**
 * A worker's heap. Rolling makes much short-lived garbage and keeps little (one job's lines): a young
 * generation this size is collected rarely enough to cost little time, and an old generation capped at
 * several times what a job keeps is collected before its garbage piles up (uncapped, V8 let it reach
 * some 20 MB a worker before collecting it).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 32 };
const NEWLINE = 0x0a;

const NO_INPUT = 'roll: --batch reads IDs from stdin';

function unreadableStdin(error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EISDIR') return new UsageError(`${NO_INPUT}, and stdin is a directory`);
  return new UsageError(`${NO_INPUT}, and it cannot be read${typeof code === 'string' ? ` (${code})` : ''}`);
}

/** A directory, a closed descriptor or a terminal is not a list of IDs: say so in one line. */
function checkBatchStdin(io: CliIo): void {
  if (io.stdin.isTTY) throw new UsageError(`${NO_INPUT}; pipe them in`, 'e.g. buddy roll --batch < ids.txt');
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

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** The chunks of stdin; a failure to read it is the one line saying so. */
async function* stdinChunks(io: CliIo): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of io.stdin as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw unreadableStdin(error);
  }
}

/**
 * Each worker costs about 25 MB on top of a 60 MB base: three keep the peak under 150 MB on any machine,
 * and rolling is fast enough that a fourth core adds little beside the reader and writer.
 */
const MAX_BATCH_WORKERS = 3;

interface RolledLines {
  readonly output: Uint8Array | string;
  readonly failed: number;
}

/** `classic` rolls each ID by the classic roll with that seed function instead of roll v1. */
export async function runBatch(io: CliIo, salt: string, classic?: HashFn): Promise<number> {
  checkBatchStdin(io);
  const workerCount = Math.min(os.availableParallelism(), MAX_BATCH_WORKERS);
  const cutter = new LineCutter();
  let pool: WorkerPool<RollJob, RollJobResult> | undefined;
  let failed = 0;
  let sequence = 0;
  let nextLineNumber = 1;
  let undecidedLines = 0;

  /** Output buffers written and free to fill again. */
  const spares: ArrayBuffer[] = [];

  const output = new OrderedOutput<RolledLines>(async (rolled) => {
    failed += rolled.failed;
    if (rolled.output.length === 0) return;
    // Until stdout calls back, it may still read the bytes: only then can their buffer be filled again.
    await new Promise<void>((resolve, reject) => io.stdout.write(rolled.output, (error) => (error ? reject(error) : resolve())));
    if (typeof rolled.output !== 'string') spares.push(rolled.output.buffer as ArrayBuffer);
  });

  /** Rolls whole lines job by job, waiting for room before each next job (and so before reading on). */
  const roll = async (bytes: Buffer): Promise<void> => {
    for (const run of runsOfLines(bytes, LINES_PER_JOB)) {
      const firstLineNumber = nextLineNumber;
      nextLineNumber += run.lines;
      if (pool) {
        // A private copy, so its memory can move to the worker without a second copy.
        const input = new Uint8Array(run.bytes);
        const spare = spares.pop();
        const job: RollJob = { sequence: sequence++, input, firstLineNumber, salt, ...(classic ? { classic } : {}), ...(spare ? { spare } : {}) };
        output.add(pool.run(job, spare ? [input.buffer, spare] : [input.buffer]));
        await output.room(workerCount * JOBS_PER_WORKER);
      } else {
        output.add(Promise.resolve(rollLines(decodeLines(run.bytes), firstLineNumber, salt, classic)));
        await output.done();
      }
    }
  };

  try {
    for await (const chunk of stdinChunks(io)) {
      cutter.push(chunk);
      if (!pool) {
        undecidedLines += countNewlines(chunk);
        if (undecidedLines < INLINE_LINES && cutter.readyBytes < INLINE_BYTES) continue;
        pool = new WorkerPool(new URL('./roll-worker.mjs', import.meta.url), workerCount, { resourceLimits: WORKER_HEAP });
      }
      if (cutter.readyBytes >= SLICE_BYTES) await roll(cutter.take());
    }
    await roll(cutter.finish());
    await output.done();
  } finally {
    await pool?.close();
  }
  return failed > 0 ? 1 : 0;
}
