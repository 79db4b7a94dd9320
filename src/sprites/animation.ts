// Which frame to show at a given moment. Frames come from elapsed time, never from counted ticks, so every
// view of the buddy (the pet, the statusline on each host refresh) shows the same moment of the same loop.
import type { Pose } from './parse.js';

export const TICK_MS = 500;

/**
 * The idle loop: 15 ticks of 500 ms = 7.5 s, mostly rest, two fidgets and one blink.
 * Numbers are idle frame indexes; 'blink' is the rest frame with closed eyes.
 */
export const IDLE_LOOP: readonly (number | 'blink')[] = [0, 0, 0, 0, 1, 0, 0, 0, 0, 'blink', 0, 0, 2, 0, 0];
export const IDLE_LOOP_MS = IDLE_LOOP.length * TICK_MS;

/** While reacting, a livelier cycle: the pose alternates with a fidget every tick. */
export const REACTION_LOOP: readonly ('pose' | number)[] = ['pose', 'pose', 1, 'pose', 'pose', 2];

export type FrameChoice =
  | { readonly kind: 'idle'; readonly index: number; readonly blink: boolean }
  | { readonly kind: 'pose'; readonly pose: Pose }
  /** A step of a trick's choreography (tricks.ts). */
  | { readonly kind: 'trick'; readonly trick: string; readonly step: number };

export function tickAt(elapsedMs: number): number {
  return Math.floor(Math.max(0, elapsedMs) / TICK_MS);
}

/** Idle frame for a moment; species with more than three idle frames get the extras on later loops. */
export function idleFrameAt(elapsedMs: number, idleFrameCount: number): FrameChoice {
  const tick = tickAt(elapsedMs);
  const step = IDLE_LOOP[tick % IDLE_LOOP.length] as number | 'blink';
  if (step === 'blink') return { kind: 'idle', index: 0, blink: true };
  if (step === 0 || idleFrameCount <= 3) return { kind: 'idle', index: Math.min(step, idleFrameCount - 1), blink: false };
  // Cycle extra fidgets (idle-3, idle-4, …) in place of idle-2 on successive loops.
  const loop = Math.floor(tick / IDLE_LOOP.length);
  const extras = idleFrameCount - 2;
  return { kind: 'idle', index: step === 1 ? 1 : 2 + (loop % extras), blink: false };
}

/** Ticks of the idle loop, after the first fidget, that show the mood's pose instead of the rest frame. */
export const MOOD_TICKS: readonly number[] = [5, 6, 7, 8];

/**
 * The idle loop with a mood: for two seconds of every loop the buddy shows the mood's pose, so a mood is
 * seen without the buddy ever standing still in it. Without a pose, the plain idle loop.
 */
export function moodIdleFrameAt(elapsedMs: number, idleFrameCount: number, pose: Pose | undefined): FrameChoice {
  if (pose !== undefined && MOOD_TICKS.includes(tickAt(elapsedMs) % IDLE_LOOP.length)) return { kind: 'pose', pose };
  return idleFrameAt(elapsedMs, idleFrameCount);
}

/** The still frame for a mood when animation is off: its pose, or the rest frame. */
export function stillFrameFor(pose: Pose | undefined): FrameChoice {
  return pose === undefined ? STILL_FRAME : { kind: 'pose', pose };
}

export function reactionFrameAt(elapsedMs: number, pose: Pose): FrameChoice {
  const step = REACTION_LOOP[tickAt(elapsedMs) % REACTION_LOOP.length];
  return step === 'pose' ? { kind: 'pose', pose } : { kind: 'idle', index: step as number, blink: false };
}

/** The still frame used when animation is off. */
export const STILL_FRAME: FrameChoice = { kind: 'idle', index: 0, blink: false };

/**
 * The step of a trick `elapsedMs` after it began, each shown for `stepMs`; undefined once the trick is over
 * (the buddy is back to its idle loop).
 */
export function trickFrameAt(elapsedMs: number, trick: string, steps: number, stepMs: number): FrameChoice | undefined {
  const step = Math.floor(Math.max(0, elapsedMs) / stepMs);
  return step < steps ? { kind: 'trick', trick, step } : undefined;
}
