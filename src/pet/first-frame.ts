// The pet's state when its screen opens: a fresh start, saying hello after a hatch. Shared by the Ink
// screen and the frame printed before Ink has loaded, so both draw the same first moment. Pure.
import { initialPetState, reducePet, type PetState } from './state.js';

export function firstPetState(now: number, greeting: string | undefined): PetState {
  const start = initialPetState(now);
  return greeting ? reducePet(start, { type: 'say', text: greeting, pose: 'happy', now }).state : start;
}
