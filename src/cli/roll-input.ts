// Turns roll-style flags (ID, --hash, --salt, --user) into validated roll inputs, or a usage error.
import { DEFAULT_SALT } from '../engine/constants.js';
import { hashUserId } from '../engine/hash.js';
import { validateIdHash, validateSalt, validateUserId } from '../engine/validate.js';
import { resolveIdentity, type Identity } from '../buddy/identity.js';
import { UsageError } from './command-errors.js';

export interface RollInput {
  readonly idHash: string;
  readonly salt: string;
  /** Present when the roll came from an ID rather than a bare hash. */
  readonly identity?: Identity;
}

export function checkSalt(command: string, salt: string | undefined): string {
  const value = salt ?? DEFAULT_SALT;
  const validation = validateSalt(value);
  if (!validation.ok) throw new UsageError(`${command}: ${validation.reason}`);
  return value;
}

export async function resolveRollInput(
  command: string,
  options: { id?: string | undefined; hash?: string | undefined; salt?: string | undefined; user?: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<RollInput> {
  const salt = checkSalt(command, options.salt);
  if (options.hash !== undefined) {
    if (options.id !== undefined || options.user !== undefined) {
      throw new UsageError(`${command}: give either an ID or --hash, not both`);
    }
    const validation = validateIdHash(options.hash);
    if (!validation.ok) throw new UsageError(`${command}: ${validation.reason}`);
    return { idHash: options.hash, salt };
  }
  const explicit = options.id ?? options.user;
  if (explicit !== undefined) {
    const validation = validateUserId(explicit);
    if (!validation.ok) throw new UsageError(`${command}: ${validation.reason}`);
  }
  const identity = await resolveIdentity(explicit, env);
  return { idHash: hashUserId(identity.userId), salt, identity };
}
