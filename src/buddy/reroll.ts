// Today's roll for a stored buddy, to check its bones against on every start: the same roll it was
// hatched with (roll v1, or the classic roll with its seed function) for the current identity.
import type { BuddyBones } from '../engine/bones.js';
import { rollClassic } from '../engine/classic.js';
import { CLASSIC_ANONYMOUS_ID, CLASSIC_DEFAULT_SALT } from '../engine/classic-constants.js';
import { DEFAULT_SALT } from '../engine/constants.js';
import { hashUserId } from '../engine/hash.js';
import { rollFromHash } from '../engine/roll.js';
import type { StoredBuddy } from '../store/schema.js';

/**
 * The ID a classic buddy is re-rolled from: the current identity's, or `anon` for a buddy rescued from a
 * Claude Code config without any account ID (every machine without one had that same buddy).
 */
function classicUserId(stored: StoredBuddy, userId: string, idHash: string): string {
  if (idHash !== stored.idHash && stored.idHash === hashUserId(CLASSIC_ANONYMOUS_ID)) return CLASSIC_ANONYMOUS_ID;
  return userId;
}

/** An adopted buddy (`buddy adopt`) is re-rolled with the salt the person chose; any other with the default. */
export function rerollStored(stored: StoredBuddy, userId: string): BuddyBones {
  const idHash = hashUserId(userId);
  if (stored.rollVersion !== 'classic') return rollFromHash(idHash, stored.adopted === true ? stored.salt : DEFAULT_SALT);
  const id = classicUserId(stored, userId, idHash);
  return rollClassic(id, stored.adopted === true ? stored.salt : CLASSIC_DEFAULT_SALT, stored.hashFn, id === userId ? idHash : undefined);
}
