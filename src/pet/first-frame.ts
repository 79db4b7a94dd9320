// The pet's state when its screen opens: a fresh start, saying hello after a hatch. Shared by the Ink
// screen and the frame printed before Ink has loaded, so both draw the same first moment. Pure.
import { initialPetState, reducePet, type PetState } from './pet-state.js';

/** What a buddy says the moment it hatches on screen. */
export function hatchGreeting(name: string, personality: string): string {
  return `Hello! I'm ${name}. ${personality}`;
}

export function firstPetState(now: number, greeting: string | undefined): PetState {
  const start = initialPetState(now);
  return greeting ? reducePet(start, { type: 'say', text: greeting, pose: 'happy', now }).state : start;
}

/** The pet's first frame, drawn before Ink loaded, that the Ink screen takes over. */
export interface DrawnFrame {
  /** The moment the frame shows; the Ink screen starts its clock from it. */
  readonly startedAt: number;
  /** How many lines were drawn (the cursor sits on the line below them). */
  readonly height: number;
  /** Moves back to the top of the frame and erases it: written right before Ink draws its first frame. */
  readonly erase: string;
  /**
   * Stops guarding the terminal: call once Ink has taken over (false), or on failure (true: the cursor is
   * shown and raw mode ends again).
   */
  readonly release: (restoreTerminal: boolean) => void;
}
