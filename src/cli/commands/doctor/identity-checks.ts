// `buddy doctor`'s identity checks: is the ID valid, and does the stored buddy belong to it? Same rules and
// words as every command (src/buddy), so doctor never says ✓ while `buddy` warns.
import { findIdentity, InvalidIdentityError, checkIdentity } from '../../../buddy/identity.js';
import { identityChangeOf, identityChangeText } from '../../../buddy/identity-change.js';
import { rerollStored } from '../../../buddy/reroll.js';
import { switchHandle } from '../../../buddy/handles.js';
import { mismatchOf, SWITCH_COMMAND } from '../../../buddy/warning.js';
import { DEFAULT_SALT } from '../../../engine/constants.js';
import { hashUserId } from '../../../engine/hash.js';
import { rollFromHash } from '../../../engine/roll.js';
import { readCheckedSnapshot } from '../../../store/config-snapshot.js';

export interface IdentityCheck {
  readonly status: 'ok' | 'note' | 'warn' | 'fail';
  readonly what: string;
  readonly fix?: string;
}

export function identityChecks(env: NodeJS.ProcessEnv): IdentityCheck[] {
  const found = findIdentity(undefined, env);
  if (!found) return [];
  try {
    checkIdentity(found);
  } catch (error) {
    if (!(error instanceof InvalidIdentityError)) throw error;
    return [{ status: 'fail', what: `identity ${error.message}`, fix: `fix or unset ${found.source === 'env' ? 'BUDDY_USER_ID' : found.origin}` }];
  }
  const config = readCheckedSnapshot(env).data;
  const stored = config.buddy;
  if (!stored) return [];
  const rolled = rollFromHash(hashUserId(found.userId), DEFAULT_SALT);
  // The same person under a new ID: every command says it once, doctor every time, and it is no failure.
  const change = identityChangeOf(stored, found, config.localUserId);
  if (change) return [{ status: 'note', what: `identity changed, same person: ${identityChangeText(stored, change, rolled, switchHandle(stored, stored, config.archive ?? []))}` }];
  // The stored bones against the roll they came from (a rescued buddy's is the classic roll).
  const mismatch = mismatchOf(stored, rerollStored(stored, found.userId));
  if (mismatch === 'identity' || mismatch === 'salt') {
    return [
      {
        status: 'warn',
        what: `identity mismatch: ${stored.name} the ${stored.bones.species} was hatched for ${mismatch === 'identity' ? `another identity (hash ${stored.idHash.slice(0, 8)}…, now ${rolled.idHash.slice(0, 8)}…)` : `salt '${stored.salt}'`}; this identity rolls a ${rolled.species}`,
        fix: `run \`${SWITCH_COMMAND}\` to hatch this identity's buddy (${stored.name} is archived, never deleted), or keep it as it is`,
      },
    ];
  }
  return [{ status: 'ok', what: `${stored.name} belongs to this identity (${found.source})` }];
}
