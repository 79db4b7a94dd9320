// The statusline's and hooks' question, answered cheaply on every host refresh: the buddy to draw, from
// the read-only snapshot (a failing stored buddy is recovered in memory), without conf, and reading the
// agent CLI's account file only when no buddy is stored. Same rules as the commands: a stored buddy wins,
// and an ID that fails validation gets the same one line.
import { rollFromUserId, type Bones } from '../engine/roll.js';
import { validateUserId } from '../engine/validate.js';
import { readCheckedSnapshot } from '../store/config-snapshot.js';
import type { ConfigData, StoredBuddy } from '../store/schema.js';
import { findIdentity, type Identity } from './identity.js';

export type Glance =
  | { readonly kind: 'stored'; readonly buddy: StoredBuddy; readonly config: ConfigData }
  | { readonly kind: 'rolled'; readonly bones: Bones; readonly config: ConfigData }
  | { readonly kind: 'invalid-identity'; readonly problem: string; readonly config: ConfigData }
  | { readonly kind: 'none'; readonly config: ConfigData };

function problemOf(identity: Identity): string | undefined {
  const validation = validateUserId(identity.userId);
  return validation.ok ? undefined : `${identity.origin}: ${validation.reason}`;
}

export function glanceAtBuddy(env: NodeJS.ProcessEnv): Glance {
  const config = readCheckedSnapshot(env, new Date(), { archive: false }).data;
  // An explicit ID is cheap to check and must get the same answer here as in every command.
  const explicit = env.BUDDY_USER_ID ? findIdentity(undefined, env) : undefined;
  const explicitProblem = explicit ? problemOf(explicit) : undefined;
  if (explicitProblem) return { kind: 'invalid-identity', problem: explicitProblem, config };
  if (config.buddy) return { kind: 'stored', buddy: config.buddy, config };
  const identity = explicit ?? findIdentity(undefined, env);
  if (!identity) return { kind: 'none', config };
  const problem = problemOf(identity);
  if (problem) return { kind: 'invalid-identity', problem, config };
  return { kind: 'rolled', bones: rollFromUserId(identity.userId), config };
}
