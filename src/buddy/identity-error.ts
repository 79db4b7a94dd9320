// An identity that fails validation, in a module of its own: the CLI's error reporter recognises it
// without loading the identity lookup (and the store behind it).
import type { Identity } from './identity.js';

/** Its message names where the ID came from and what is wrong. */
export class InvalidIdentityError extends Error {
  override readonly name = 'InvalidIdentityError';
  constructor(readonly identity: Identity, reason: string) {
    super(`${identity.origin}: ${reason}`);
  }
}
