// The pet's f with its growth kept by a host (a fake here): a buddy with room eats the snack and the care
// is recorded; a full one turns it down with a line (no snack shown, nothing recorded), and a second f
// right after a snack that filled it is turned down before any fold has run.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CareKind } from '../../src/game/events.js';
import { foldGrowth } from '../../src/game/fold.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import type { GrowthHost } from '../../src/pet/growth-host-port.js';
import { advance, press, renderPet, START, useFakeClock } from './harness.js';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

/** A host keeping growth in memory; `fold` applies what was recorded with the real rules. */
function fakeHost(fullness: number): GrowthHost & { recorded: CareKind[] } {
  let state: GrowthState = { ...initialGrowth(START - 60_000, START), fullness };
  const pending: { kind: CareKind; at: number }[] = [];
  const recorded: CareKind[] = [];
  return {
    recorded,
    initial: state,
    careOn: true,
    record: (kind, at) => {
      recorded.push(kind);
      pending.push({ kind, at });
    },
    fold: async () => {
      const events = pending.splice(0).map(({ kind, at }) => ({ kind, at, offsetMinutes: 0 }));
      state = foldGrowth(state, events, { now: Date.now(), offsetMinutes: 0 }, { careOn: true, shiny: false }).state;
      return { growth: state, careOn: true, announcements: [] };
    },
    clockAt: (ms) => ({ now: ms, offsetMinutes: 0 }),
  };
}

/** The frame with the bubble's borders and line breaks taken out, to read what it says. */
const said = (frame: string | undefined): string => (frame ?? '').replace(/[│╭╮╰╯─|]/g, ' ').replace(/\s+/g, ' ');

describe("the pet's f", () => {
  it('a full buddy turns the snack down with a line: no snack shown, nothing recorded', async () => {
    const host = fakeHost(100);
    const { lastFrame, stdin } = await renderPet({ growth: host });
    await advance(10);
    await press(stdin, 'f');
    expect(lastFrame()).not.toContain('(@)');
    // The bubble sits beside the sprite: its two lines are read on either side of the eyes.
    expect(said(lastFrame())).toMatch(/Pim is full and turns the snack .*down\. Maybe later!/);
    expect(host.recorded).toEqual([]);
  });

  it('a buddy with room eats it, and the care is recorded', async () => {
    const host = fakeHost(40);
    const { lastFrame, stdin } = await renderPet({ growth: host });
    await advance(10);
    await press(stdin, 'f');
    expect(lastFrame()).toContain('(@)');
    expect(host.recorded).toEqual(['feed']);
  });

  it('two f in one read: the first fills it, the second is turned down', async () => {
    const host = fakeHost(60);
    const { lastFrame, stdin } = await renderPet({ growth: host });
    await advance(10);
    await press(stdin, 'ff');
    expect(host.recorded).toEqual(['feed']);
    expect(said(lastFrame())).toMatch(/Pim is full and turns the snack .*down\. Maybe later!/);
  });
});
