// An identity that fails validation, in a module of its own: the CLI's error reporter recognises it
// without loading the identity lookup (and the store behind it).
/** What the error says of the identity: where it came from (the lookup's Identity has these and more). */
export interface RejectedIdentity {
  readonly source: 'flag' | 'env' | 'claude-code' | 'local';
  readonly origin: string;
}

/** Its message names where the ID came from and what is wrong. */
export class InvalidIdentityError extends Error {
  override readonly name = 'InvalidIdentityError';
  constructor(readonly identity: RejectedIdentity, reason: string) {
    super(`${identity.origin}: ${reason}`);
  }
}
