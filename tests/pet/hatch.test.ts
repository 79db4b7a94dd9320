// The hatch over time: the egg wobbles until the soul is ready (and for at least a moment), cracks, then
// the buddy is revealed.
import { describe, expect, it } from 'vitest';
import { CRACK_MS, hatchPhaseAt, MIN_WOBBLE_MS, type HatchPhase } from '../../src/pet/hatch-phase.js';

const ORDER = { wobble: 0, crack: 1, revealed: 2 } as const;
const phaseOf = (phase: HatchPhase): HatchPhase['phase'] => phase.phase;

describe('hatchPhaseAt', () => {
  it('wobbles for as long as the soul is not ready', () => {
    for (const elapsed of [0, 1, MIN_WOBBLE_MS, MIN_WOBBLE_MS + CRACK_MS, 60_000, 10 * 60_000, 1e9]) {
      expect(phaseOf(hatchPhaseAt(elapsed, undefined))).toBe('wobble');
    }
  });

  it('rocks the egg while wobbling, through a few frames', () => {
    const frames = Array.from({ length: 40 }, (_, i) => hatchPhaseAt(i * 50, undefined));
    const indexes = new Set(frames.map((phase) => (phase.phase === 'wobble' ? phase.frame : -1)));
    expect(indexes).toEqual(new Set([0, 1, 2]));
  });

  it(`wobbles at least ${MIN_WOBBLE_MS} ms even when the soul is ready at once`, () => {
    expect(phaseOf(hatchPhaseAt(0, 0))).toBe('wobble');
    expect(phaseOf(hatchPhaseAt(MIN_WOBBLE_MS - 1, 0))).toBe('wobble');
    expect(phaseOf(hatchPhaseAt(MIN_WOBBLE_MS, 0))).toBe('crack');
    expect(phaseOf(hatchPhaseAt(MIN_WOBBLE_MS + CRACK_MS - 1, 0))).toBe('crack');
    expect(phaseOf(hatchPhaseAt(MIN_WOBBLE_MS + CRACK_MS, 0))).toBe('revealed');
  });

  it('cracks as soon as a slow soul is ready, for CRACK_MS, then reveals', () => {
    const readyAt = 7_300;
    expect(phaseOf(hatchPhaseAt(readyAt - 1, readyAt))).toBe('wobble');
    expect(phaseOf(hatchPhaseAt(readyAt, readyAt))).toBe('crack');
    expect(phaseOf(hatchPhaseAt(readyAt + CRACK_MS - 1, readyAt))).toBe('crack');
    expect(hatchPhaseAt(readyAt + CRACK_MS, readyAt)).toEqual({ phase: 'revealed' });
    expect(hatchPhaseAt(readyAt + 60_000, readyAt)).toEqual({ phase: 'revealed' });
  });

  it('shows the crack in two stages', () => {
    const start = MIN_WOBBLE_MS;
    const frames = Array.from({ length: CRACK_MS / 50 }, (_, i) => hatchPhaseAt(start + i * 50, 500));
    expect(frames.every((phase) => phase.phase === 'crack')).toBe(true);
    expect(frames[0]).toEqual({ phase: 'crack', frame: 0 });
    expect(frames.at(-1)).toEqual({ phase: 'crack', frame: 1 });
    const sequence = frames.map((phase) => (phase.phase === 'crack' ? phase.frame : -1));
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
  });

  it.each([undefined, 0, 1_000, MIN_WOBBLE_MS, 5_000, 30_000])('never goes backwards (ready at %s)', (readyAt) => {
    let previous = -1;
    for (let elapsed = 0; elapsed <= 40_000; elapsed += 50) {
      const step = ORDER[phaseOf(hatchPhaseAt(elapsed, readyAt))];
      expect(step).toBeGreaterThanOrEqual(previous);
      previous = step;
    }
  });

  it('a ready time that arrives while already wobbling long is honoured right away', () => {
    // The soul took 20 s: the crack starts then, not 2 s after.
    expect(phaseOf(hatchPhaseAt(20_000, 20_000))).toBe('crack');
    expect(phaseOf(hatchPhaseAt(19_999, 20_000))).toBe('wobble');
  });
});
