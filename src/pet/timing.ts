// How long things last on screen. Bubbles stay long enough to read, then fade in their last seconds.

export const HEARTS_MS = 2_500;
/** The snack is eaten in this long. */
export const SNACK_MS = 2_500;
export const REACTION_MS = 3_000;
/** The bubble naming a trick stays about as long as the trick. */
export const TRICK_BUBBLE_MS = 5_000;
export const SLEEP_AFTER_MS = 3 * 60_000;
export const BUBBLE_MIN_MS = 10_000;
/** Reading time added per character beyond the first 60, so long answers stay up longer. */
export const BUBBLE_PER_CHAR_MS = 70;
export const BUBBLE_FADE_MS = 3_000;

export function bubbleDurationMs(text: string): number {
  return BUBBLE_MIN_MS + Math.max(0, text.length - 60) * BUBBLE_PER_CHAR_MS;
}
