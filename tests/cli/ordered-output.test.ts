// Results of `roll --batch` jobs finish in any order and go out in the order they were started, one write
// at a time; whoever adds work waits for room, so the work in flight stays bounded.
import { describe, expect, it } from 'vitest';
import { OrderedOutput } from '../../src/cli/batch/ordered-output.js';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('OrderedOutput', () => {
  it('writes in the order results were added, whatever order they finish in', async () => {
    const written: string[] = [];
    const output = new OrderedOutput<string>(async (value) => {
      written.push(value);
    });
    const jobs = [deferred<string>(), deferred<string>(), deferred<string>()];
    for (const job of jobs) output.add(job.promise);
    jobs[2]!.resolve('third');
    jobs[1]!.resolve('second');
    await settle();
    expect(written).toEqual([]);
    jobs[0]!.resolve('first');
    await output.done();
    expect(written).toEqual(['first', 'second', 'third']);
  });

  it('starts a write only once the one before has finished', async () => {
    const started: string[] = [];
    const writes = [deferred<undefined>(), deferred<undefined>()];
    const output = new OrderedOutput<string>((value) => {
      started.push(value);
      return writes[started.length - 1]!.promise;
    });
    output.add(Promise.resolve('a'));
    output.add(Promise.resolve('b'));
    await settle();
    expect(started).toEqual(['a']);
    writes[0]!.resolve(undefined);
    await settle();
    expect(started).toEqual(['a', 'b']);
    writes[1]!.resolve(undefined);
    await output.done();
  });

  it('makes room only once fewer than the limit are waiting to be written', async () => {
    const output = new OrderedOutput<number>(async () => undefined);
    const jobs = [deferred<number>(), deferred<number>(), deferred<number>()];
    for (const job of jobs) output.add(job.promise);
    let roomForThree = false;
    void output.room(3).then(() => (roomForThree = true));
    await settle();
    expect(roomForThree).toBe(false);
    // The last one finishing first makes no room: it still waits behind the first.
    jobs[2]!.resolve(2);
    await settle();
    expect(roomForThree).toBe(false);
    jobs[0]!.resolve(0);
    await settle();
    expect(roomForThree).toBe(true);
    // Two still wait: room for two only after one more is written.
    let roomForTwo = false;
    void output.room(2).then(() => (roomForTwo = true));
    await settle();
    expect(roomForTwo).toBe(false);
    jobs[1]!.resolve(1);
    await settle();
    expect(roomForTwo).toBe(true);
  });

  it('throws a failed result to whoever waits, and writes nothing after it', async () => {
    const written: string[] = [];
    const output = new OrderedOutput<string>(async (value) => {
      written.push(value);
    });
    const failing = deferred<string>();
    output.add(Promise.resolve('before'));
    output.add(failing.promise);
    output.add(Promise.resolve('after'));
    failing.reject(new Error('worker gone'));
    await expect(output.done()).rejects.toThrow('worker gone');
    expect(written).toEqual(['before']);
  });
});
