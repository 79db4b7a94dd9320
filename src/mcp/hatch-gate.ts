// One hatch at a time in a server, with every call in step with it, in the order the calls arrived. A
// talk to a buddy that has not hatched hatches it (as `buddy say` does). A call that arrived before the
// talk reads the buddy first, and sees it as it was; a call that arrives while the hatch is in progress
// waits for it, and another talk joins it. So in a burst of calls on a fresh home, a snack is never
// refused as "not hatched yet" behind the talk that hatches the buddy, and only one soul is written.

/** How the gate reads the buddy and hatches it (the store's own functions; stand-ins in tests). */
export interface HatchWork<TSession extends { readonly stored?: unknown }> {
  readonly read: () => Promise<TSession>;
  readonly hatch: (session: TSession) => Promise<unknown>;
}

export class HatchGate<TSession extends { readonly stored?: unknown }> {
  private hatching: Promise<void> | undefined;
  /** Calls that arrived before a hatch is started, still reading the buddy: the hatch waits for them. */
  private readonly reading = new Set<Promise<TSession>>();

  constructor(private readonly work: HatchWork<TSession>) {}

  /** The buddy as the call finds it: after the hatch in progress when it arrived, if any (a failed one leaves it unhatched). */
  session(): Promise<TSession> {
    const before = this.hatching?.catch(() => undefined);
    const read = (async () => {
      await before;
      return this.work.read();
    })();
    this.reading.add(read);
    read.then(
      () => this.reading.delete(read),
      () => this.reading.delete(read),
    );
    return read;
  }

  /** The buddy, hatched first if it has not been: by this call, or by the hatch in progress it joins. */
  async hatched(): Promise<TSession> {
    await (this.hatching ??= this.hatchAfter([...this.reading]).finally(() => (this.hatching = undefined)));
    return this.work.read();
  }

  private async hatchAfter(earlier: readonly Promise<TSession>[]): Promise<void> {
    await Promise.allSettled(earlier);
    const session = await this.work.read();
    if (!session.stored) await this.work.hatch(session);
  }
}
