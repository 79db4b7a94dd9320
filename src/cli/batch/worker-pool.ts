// A fixed pool of worker threads that answers jobs by promise; results are matched by sequence number.
// A worker that fails (an error thrown, its memory limit reached) or stops fails its jobs and every later
// one, so no caller waits forever on a worker that is gone.
import { Worker, type ResourceLimits } from 'node:worker_threads';

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
  private failure: Error | undefined;
  private closing = false;

  constructor(script: URL, size: number, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}) {
    this.slots = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: options.workerData, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
      const slot: Slot<R> = { worker, pending: 0, waiting: new Map() };
      slot.worker.on('message', (result: R) => {
        const waiter = slot.waiting.get(result.sequence);
        slot.waiting.delete(result.sequence);
        slot.pending--;
        waiter?.resolve(result);
      });
      slot.worker.on('error', (error) => this.fail(slot, error));
      slot.worker.on('exit', (code) => {
        if (!this.closing) this.fail(slot, new Error(`a worker thread stopped (exit code ${code})`));
      });
      return slot;
    });
  }

  private fail(slot: Slot<R>, error: Error): void {
    this.failure ??= error;
    for (const waiter of slot.waiting.values()) waiter.reject(this.failure);
    slot.waiting.clear();
  }

  run(job: J, transfer: readonly ArrayBuffer[] = []): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
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
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
