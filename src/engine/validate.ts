// Validation of roll inputs. Each failure carries one human sentence, used as-is in CLI errors.
import { MAX_SALT_LENGTH, MAX_USER_ID_LENGTH } from './constants.js';

export type Validation = { ok: true } | { ok: false; reason: string };

// C0 controls, DEL and C1 controls; a user ID is a single printable line.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const ID_HASH = /^[0-9a-f]{64}$/;

export function validateUserId(userId: string): Validation {
  if (userId.length === 0) return { ok: false, reason: 'user ID is empty' };
  if (userId.length > MAX_USER_ID_LENGTH) {
    return { ok: false, reason: `user ID is longer than ${MAX_USER_ID_LENGTH} characters` };
  }
  if (CONTROL_CHARACTERS.test(userId)) return { ok: false, reason: 'user ID contains control characters' };
  return { ok: true };
}

export function validateIdHash(idHash: string): Validation {
  if (!ID_HASH.test(idHash)) {
    return { ok: false, reason: 'hash must be 64 lowercase hex characters (a SHA-256 of the user ID)' };
  }
  return { ok: true };
}

export function validateSalt(salt: string): Validation {
  if (salt.length > MAX_SALT_LENGTH) return { ok: false, reason: `salt is longer than ${MAX_SALT_LENGTH} characters` };
  if (CONTROL_CHARACTERS.test(salt)) return { ok: false, reason: 'salt contains control characters' };
  return { ok: true };
}
