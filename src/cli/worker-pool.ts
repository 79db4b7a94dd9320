// A fixed pool of worker threads that answers jobs by promise; results are matched by sequence number.
import { Worker } from 'node:worker_threads';

interface Sequenced {
  readonly sequence: number;
}

interface Slot<R> {
  readonly worker: Worker;
  pending: number;
  readonly waiting: Map<number, { resolve: (result: R) => void; reject: (error: Error) => void }>;
}

export class WorkerPool<J extends Sequenced, R extends Sequenced> {
  private readonly slots: Slot<R>[];

  constructor(script: URL, size: number, options: { workerData?: unknown; youngGenerationMb?: number } = {}) {
    this.slots = Array.from({ length: size }, () => {
      const worker = new Worker(script, {
        workerData: options.workerData,
        // Rolling allocates many short-lived objects: a larger young generation means fewer collections.
        ...(options.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } } : {}),
      });
      const slot: Slot<R> = { worker, pending: 0, waiting: new Map() };
      slot.worker.on('message', (result: R) => {
        const waiter = slot.waiting.get(result.sequence);
        slot.waiting.delete(result.sequence);
        slot.pending--;
        waiter?.resolve(result);
      });
      slot.worker.on('error', (error) => {
        for (const waiter of slot.waiting.values()) waiter.reject(error);
        slot.waiting.clear();
      });
      return slot;
    });
  }

  run(job: J, transfer: readonly ArrayBuffer[] = []): Promise<R> {
    const slot = this.slots.reduce((least, candidate) => (candidate.pending < least.pending ? candidate : least));
    slot.pending++;
    return new Promise<R>((resolve, reject) => {
      slot.waiting.set(job.sequence, { resolve, reject });
      slot.worker.postMessage(job, [...transfer]);
    });
  }

  get workers(): readonly Worker[] {
    return this.slots.map((slot) => slot.worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
