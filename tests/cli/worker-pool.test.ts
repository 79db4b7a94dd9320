// The worker pool of `roll --batch`: a worker that stops fails the jobs it held and every later one, so
// no caller waits forever on it.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/cli/batch/worker-pool.js';

const script = (body: string): URL => new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from 'node:worker_threads';\n${body}`)}`);
const ECHO = script('parentPort.on("message", (job) => parentPort.postMessage({ sequence: job.sequence, doubled: job.value * 2 }));');
const EXIT_ON_FIRST_JOB = script('parentPort.on("message", () => process.exit(3));');

interface Job {
  readonly sequence: number;
  readonly value: number;
}
interface Result {
  readonly sequence: number;
  readonly doubled: number;
}

let pool: WorkerPool<Job, Result> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('answers each job with its own result', async () => {
    pool = new WorkerPool<Job, Result>(ECHO, 2);
    const results = await Promise.all([1, 2, 3].map((value, sequence) => pool!.run({ sequence, value })));
    expect(results).toEqual([
      { sequence: 0, doubled: 2 },
      { sequence: 1, doubled: 4 },
      { sequence: 2, doubled: 6 },
    ]);
  });

  it('fails the jobs of a worker that stops, and every job after', async () => {
    pool = new WorkerPool<Job, Result>(EXIT_ON_FIRST_JOB, 1);
    await expect(pool.run({ sequence: 0, value: 1 })).rejects.toThrow('a worker thread stopped (exit code 3)');
    await expect(pool.run({ sequence: 1, value: 1 })).rejects.toThrow('a worker thread stopped (exit code 3)');
  });
});
