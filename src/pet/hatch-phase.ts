// The hatch as a function of time: the egg wobbles until the soul is ready (and at least a moment),
// then cracks, then the buddy is revealed.

export const MIN_WOBBLE_MS = 2_000;
export const CRACK_MS = 1_500;
export const WOBBLE_FRAME_MS = 250;

export type HatchPhase =
  | { readonly phase: 'wobble'; readonly frame: number }
  | { readonly phase: 'crack'; readonly frame: number }
  | { readonly phase: 'revealed' };

const WOBBLE_CYCLE = [0, 1, 0, 2];

/** `readyAt` is when the soul became ready (undefined while it is still being written). */
export function hatchPhaseAt(elapsedMs: number, readyAt: number | undefined): HatchPhase {
  const crackStart = readyAt === undefined ? Infinity : Math.max(readyAt, MIN_WOBBLE_MS);
  if (elapsedMs < crackStart) {
    return { phase: 'wobble', frame: WOBBLE_CYCLE[Math.floor(elapsedMs / WOBBLE_FRAME_MS) % WOBBLE_CYCLE.length] as number };
  }
  if (elapsedMs < crackStart + CRACK_MS) {
    return { phase: 'crack', frame: elapsedMs < crackStart + CRACK_MS / 2 ? 0 : 1 };
  }
  return { phase: 'revealed' };
}

/** Which egg frame a hatch phase shows: wobble frames, then the crack, and the open shell once revealed. */
export function eggFrameFor(phase: HatchPhase): { readonly set: 'wobble' | 'crack'; readonly index: number } {
  if (phase.phase === 'wobble') return { set: 'wobble', index: phase.frame };
  return { set: 'crack', index: phase.phase === 'crack' ? phase.frame : 1 };
}
