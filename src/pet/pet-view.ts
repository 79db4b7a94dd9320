// What the pet looks like at a moment: a pure function of its state and the time.
import { moodIdleFrameAt, reactionFrameAt, stillFrameFor, tickAt, TICK_MS, trickFrameAt, type FrameChoice } from '../sprites/animation.js';
import { choreographyOf } from '../sprites/tricks.js';
import type { Pose } from '../sprites/parse.js';
import { heartsVisible, reactionActive, snackVisible, type PetState } from './pet-state.js';
import { BUBBLE_FADE_MS, SLEEP_AFTER_MS } from './timing.js';

export type BubbleView =
  | { readonly kind: 'speech'; readonly text: string; readonly fading: boolean }
  | { readonly kind: 'thinking'; readonly text: string };

export interface PetView {
  readonly frame: FrameChoice;
  readonly asleep: boolean;
  /** The line floating above the sprite: rising hearts after a pet, drifting z's while asleep. */
  readonly overhead: string | undefined;
  readonly bubble: BubbleView | undefined;
  readonly sparklePhase: number;
}

export interface ViewOptions {
  readonly animate: boolean;
  readonly idleFrameCount: number;
  readonly width: number;
  /** Only shiny buddies glitter; for the rest the sparkle phase stays still (and renders nothing new). */
  readonly shiny?: boolean;
  /** The pose its mood shows in the idle loop (none: the plain loop). */
  readonly moodPose?: Pose | undefined;
}

const HEART_ROWS = ['  ♥    ♥', '♥   ♥   ', '   ♥   ♥ ', ' ♥    ♥  '];
const SLEEP_ROWS = ['        z', '         Z', '       z  ', '          z'];
/** The snack, bite by bite, one row per tick from the moment it was given. */
const SNACK_ROWS = ['    (@)', '    (@', '    (', '   .  .', '   nom!'];
const SNACK_STILL = '   (@) nom!';

function overheadLine(rows: readonly string[], tick: number, width: number): string {
  const row = rows[tick % rows.length] as string;
  return row.padEnd(width).slice(0, width);
}

export function bubbleAt(state: PetState, now: number, animate: boolean): BubbleView | undefined {
  if (state.thinking) {
    // Counted from the pet's start, as every other animation is: one clock, so each dot lands with a frame.
    const dots = animate ? '.'.repeat((tickAt(now - state.startedAt) % 3) + 1).padEnd(3) : '…';
    return { kind: 'thinking', text: dots };
  }
  const bubble = state.bubble;
  const shown = bubble?.until !== undefined && now < bubble.until ? bubble : state.queued.find((queued) => queued.shownAt <= now && now < queued.until);
  if (shown?.until === undefined) return undefined;
  return { kind: 'speech', text: shown.text, fading: now >= shown.until - BUBBLE_FADE_MS };
}

export function isAsleep(state: PetState, now: number): boolean {
  return (
    state.draft === undefined &&
    !state.thinking &&
    bubbleAt(state, now, false) === undefined &&
    now - state.lastActivityAt >= SLEEP_AFTER_MS
  );
}

/**
 * The trick's step at a moment while it plays (its key step, still, when motion is off); undefined before
 * any trick, once it is over, and for a trick the art does not know.
 */
export function trickFrameNow(state: PetState, now: number, animate: boolean): FrameChoice | undefined {
  const choreography = state.trick && choreographyOf(state.trick.id);
  if (!state.trick || !choreography) return undefined;
  const frame = trickFrameAt(now - state.trick.at, state.trick.id, choreography.steps.length, choreography.stepMs);
  return frame && !animate ? { kind: 'trick', trick: state.trick.id, step: choreography.key } : frame;
}

export function petViewAt(state: PetState, now: number, options: ViewOptions): PetView {
  const asleep = isAsleep(state, now);
  const tick = tickAt(now - state.startedAt);
  let frame: FrameChoice;
  const trick = trickFrameNow(state, now, options.animate);
  if (trick) {
    frame = trick;
  } else if (reactionActive(state, now) && state.reaction) {
    frame = options.animate ? reactionFrameAt(now - state.reaction.at, state.reaction.pose) : { kind: 'pose', pose: state.reaction.pose };
  } else if (asleep) {
    frame = { kind: 'pose', pose: 'sleepy' };
  } else {
    frame = options.animate ? moodIdleFrameAt(now - state.startedAt, options.idleFrameCount, options.moodPose) : stillFrameFor(options.moodPose);
  }
  let overhead: string | undefined;
  const hearts = heartsVisible(state, now);
  if (snackVisible(state, now) && !(hearts && (state.heartsAt as number) > (state.snackAt as number))) {
    // The snack lasts one row per tick (SNACK_MS), so the bite never runs past the last row.
    const bite = Math.floor((now - (state.snackAt as number)) / TICK_MS);
    overhead = options.animate ? overheadLine(SNACK_ROWS, bite, options.width) : overheadLine([SNACK_STILL], 0, options.width);
  } else if (hearts) overhead = overheadLine(HEART_ROWS, options.animate ? tick : 0, options.width);
  else if (asleep) overhead = overheadLine(SLEEP_ROWS, options.animate ? tick : 0, options.width);
  return {
    frame,
    asleep,
    overhead,
    bubble: bubbleAt(state, now, options.animate),
    sparklePhase: options.animate && options.shiny ? tick : 0,
  };
}

/** Whether anything on screen changes with time; when not, the shared clock stops. */
export function isMoving(state: PetState, now: number, animate: boolean): boolean {
  return (
    animate ||
    state.thinking ||
    heartsVisible(state, now) ||
    snackVisible(state, now) ||
    reactionActive(state, now) ||
    trickFrameNow(state, now, animate) !== undefined ||
    bubbleAt(state, now, false) !== undefined
  );
}

/**
 * When a still buddy will next change by itself (an announcement's turn to show, falling asleep), for a
 * single timer instead of ticking.
 */
export function nextSelfChangeAt(state: PetState, now: number): number | undefined {
  const moments = [...state.queued.map((bubble) => bubble.shownAt), state.lastActivityAt + SLEEP_AFTER_MS].filter((moment) => moment > now);
  return moments.length > 0 ? Math.min(...moments) : undefined;
}
