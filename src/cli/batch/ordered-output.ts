// Results that finish out of order, written in the order they were started, each as soon as it and every
// one before it are ready. The caller waits for room before starting more work, so the work in flight,
// and the memory it holds, stays bounded however slowly the writes go.

export class OrderedOutput<T> {
  /** One promise per result not yet written: settled once it has been written. */
  private readonly pending: Promise<void>[] = [];
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly write: (value: T) => Promise<void>) {}

  /** Queues a result behind those already added. */
  add(result: Promise<T>): void {
    const written = Promise.all([result, this.last]).then(([value]) => this.write(value));
    // A failure is rethrown to whoever waits in `room` or `done`; until then it is not unhandled.
    written.catch(() => undefined);
    this.last = written;
    this.pending.push(written);
  }

  /** Waits until fewer than `limit` results are waiting to be written; throws the first failure. */
  async room(limit: number): Promise<void> {
    while (this.pending.length >= Math.max(1, limit)) await this.pending.shift();
  }

  /** Waits until every result has been written. */
  async done(): Promise<void> {
    await this.room(1);
  }
}
