// The MCP server's hatch gate: calls see the buddy in the order they arrived around the one hatch a talk
// starts. Reads and the hatch are stand-ins whose every step the test releases by hand.
import { describe, expect, it } from 'vitest';
import { HatchGate } from '../../src/mcp/hatch-gate.js';

interface FakeSession {
  readonly stored?: { readonly name: string };
}

/** A promise the test settles. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A home whose reads and hatches wait until the test lets each one finish. */
class Home {
  name: string | undefined;
  hatches = 0;
  readonly reads: ReturnType<typeof deferred>[] = [];
  hatchStep: ReturnType<typeof deferred> | undefined;
  hatchFails = false;

  readonly gate = new HatchGate<FakeSession>({
    read: async () => {
      const step = deferred();
      this.reads.push(step);
      await step.promise;
      // The buddy as it is when the read lands.
      return this.name === undefined ? {} : { stored: { name: this.name } };
    },
    hatch: async () => {
      this.hatches += 1;
      this.hatchStep = deferred();
      await this.hatchStep.promise;
      if (this.hatchFails) throw new Error('the disk is full');
      this.name = 'Pip';
    },
  });

  /** Lets every read waiting now land. */
  releaseReads(): void {
    for (const step of this.reads.splice(0)) step.resolve();
  }
}

/**
 * Runs every promise callback the last release made possible: the stand-ins do no I/O and set no timers,
 * so once the microtask queue is empty (setImmediate fires only then) the gate has done all it can.
 */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('HatchGate', () => {
  it('lets a call that came before the talk read the buddy first, and makes every later one wait for the hatch', async () => {
    const home = new Home();
    const before = home.gate.session();
    const talk = home.gate.hatched();
    const after = home.gate.session();
    await settle();
    // Only the earlier call's read is under way: the hatch waits for it, the later call waits for the hatch.
    expect(home.reads).toHaveLength(1);
    expect(home.hatches).toBe(0);
    home.releaseReads();
    expect(await before).toEqual({});
    await settle();
    // The hatch's own look at the buddy, then the hatch.
    home.releaseReads();
    await settle();
    expect(home.hatches).toBe(1);
    home.hatchStep!.resolve();
    await settle();
    home.releaseReads();
    await settle();
    home.releaseReads();
    expect(await talk).toEqual({ stored: { name: 'Pip' } });
    expect(await after).toEqual({ stored: { name: 'Pip' } });
  });

  it('hatches once for two talks, the second joining the first', async () => {
    const home = new Home();
    const first = home.gate.hatched();
    const second = home.gate.hatched();
    await settle();
    home.releaseReads();
    await settle();
    home.hatchStep!.resolve();
    await settle();
    home.releaseReads();
    expect(await first).toEqual({ stored: { name: 'Pip' } });
    expect(await second).toEqual({ stored: { name: 'Pip' } });
    expect(home.hatches).toBe(1);
  });

  it('does not hatch a buddy that has hatched', async () => {
    const home = new Home();
    home.name = 'Old';
    const talk = home.gate.hatched();
    await settle();
    home.releaseReads();
    await settle();
    home.releaseReads();
    expect(await talk).toEqual({ stored: { name: 'Old' } });
    expect(home.hatches).toBe(0);
  });

  it('lets the calls behind a failed hatch go on, unhatched, and tries again at the next talk', async () => {
    const home = new Home();
    home.hatchFails = true;
    const talk = home.gate.hatched();
    const after = home.gate.session();
    await settle();
    home.releaseReads();
    await settle();
    home.hatchStep!.reject(new Error('the disk is full'));
    await expect(talk).rejects.toThrow('the disk is full');
    await settle();
    home.releaseReads();
    expect(await after).toEqual({});

    home.hatchFails = false;
    const again = home.gate.hatched();
    await settle();
    home.releaseReads();
    await settle();
    home.hatchStep!.resolve();
    await settle();
    home.releaseReads();
    expect(await again).toEqual({ stored: { name: 'Pip' } });
    expect(home.hatches).toBe(2);
  });
});
