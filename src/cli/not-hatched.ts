// What commands say before the buddy has hatched, in the same words everywhere. Commands that only look
// (status, achievements, list, card) answer that there is none yet, and exit 0: "none yet" is an answer,
// and a look must never hatch, which writes a soul and may call the model. Commands that act on the buddy
// (pet, feed, rename) cannot do what was asked, and fail with one line; talking to it (say, the pet) hatches.
import { writeLine, type CliIo } from './io.js';

/** The answer of a command that only looks. */
export const NO_BUDDY_YET = 'No buddy has hatched yet: run `buddy` in a terminal, or `buddy hatch`.';

/** Under the card of a buddy that has not hatched (its bones are known, its soul is not). */
export const NOT_HATCHED_CARD_NOTE = 'Not hatched yet: run `buddy` in a terminal, or `buddy hatch`.';

/** Why a command that acts on the buddy failed (after `COMMAND: `). */
export const NOT_HATCHED_FAILURE = 'your buddy has not hatched yet; run buddy (or buddy hatch) first';

/** A looking command's whole answer before the hatch: the line, or for scripts `{"hatched":false}`. */
export function sayNoBuddyYet(io: CliIo, json: boolean | undefined): number {
  writeLine(io.stdout, json ? JSON.stringify({ hatched: false }) : NO_BUDDY_YET);
  return 0;
}
