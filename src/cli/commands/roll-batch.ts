// `buddy roll --batch`: IDs on stdin, one JSON line each on stdout, in input order, in bounded memory.
// Small inputs are rolled on the main thread; past a threshold the work moves to one worker per core.
import { once } from 'node:events';
import os from 'node:os';
import { rollLines } from '../../engine/batch.js';
import type { RollJob, RollJobResult } from '../../workers/roll-worker.js';
import type { CliIo } from '../io.js';
import { WorkerPool } from '../worker-pool.js';

const SLICE_LINES = 2_000;
/** Below this many lines, starting workers costs more than it saves. */
const INLINE_LINE_LIMIT = 20_000;

export async function runBatch(io: CliIo, salt: string): Promise<number> {
  const inFlightLimit = os.availableParallelism() * 4;
  const inFlight: Promise<RollJobResult>[] = [];
  let pool: WorkerPool<RollJob, RollJobResult> | undefined;
  let failed = 0;
  let sequence = 0;
  let nextLineNumber = 1;
  let slice: string[] = [];
  let carry = '';

  const write = async (text: string): Promise<void> => {
    if (text.length > 0 && !io.stdout.write(text)) await once(io.stdout, 'drain');
  };
  const flushOldest = async (): Promise<void> => {
    const result = await (inFlight.shift() as Promise<RollJobResult>);
    failed += result.failed;
    await write(result.output);
  };
  const submit = async (lines: string[]): Promise<void> => {
    const firstLineNumber = nextLineNumber;
    nextLineNumber += lines.length;
    if (!pool && nextLineNumber <= INLINE_LINE_LIMIT) {
      const result = rollLines(lines, firstLineNumber, salt);
      failed += result.failed;
      await write(result.output);
      return;
    }
    pool ??= new WorkerPool(new URL('./roll-worker.js', import.meta.url), os.availableParallelism());
    inFlight.push(pool.run({ sequence: sequence++, lines, firstLineNumber, salt }));
    while (inFlight.length >= inFlightLimit) await flushOldest();
  };

  try {
    io.stdin.setEncoding('utf8');
    for await (const chunk of io.stdin as AsyncIterable<string>) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop() as string;
      for (const line of parts) {
        slice.push(line);
        if (slice.length === SLICE_LINES) {
          await submit(slice);
          slice = [];
        }
      }
    }
    // A last line without a newline still counts; a trailing newline does not add an empty line.
    if (carry.length > 0) slice.push(carry);
    if (slice.length > 0) await submit(slice);
    while (inFlight.length > 0) await flushOldest();
  } finally {
    await pool?.close();
  }
  return failed > 0 ? 1 : 0;
}
