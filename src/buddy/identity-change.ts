// An identity that changed while the person did not: the buddy was hatched from Buddy's own random local ID
// before Claude Code wrote ~/.claude.json, or from Claude Code's `userID` before logging in gave the account
// an `accountUuid`. That is no stranger's buddy, so it is said once (the buddy remembers which identity was
// told), not on every command; `buddy doctor` always reports it, as a note.
import type { BuddyBones } from '../engine/bones.js';
import { hashUserId } from '../engine/hash.js';
import { sameRollKey, type StoredBuddy } from '../store/schema.js';
import type { Identity } from './identity.js';
import { SWITCH_COMMAND } from './warning.js';

/** Which earlier ID of the same person the buddy was hatched from. */
export type EarlierId = 'local' | 'userID';

export interface IdentityChange {
  readonly earlier: EarlierId;
  /** The current identity's idHash: what the buddy remembers once told. */
  readonly idHash: string;
  /** This identity was already told about this buddy. */
  readonly noted: boolean;
}

const EARLIER_WORDS: Readonly<Record<EarlierId, string>> = {
  local: "Buddy's own random local ID, before Claude Code's account appeared",
  userID: "Claude Code's userID, before logging in gave the account its accountUuid",
};

/**
 * The change, when the stored buddy belongs to an earlier ID of the identity Claude Code now gives. Only
 * Claude Code's identity counts: `--user` and BUDDY_USER_ID name someone on purpose, and keep the warning.
 */
export function identityChangeOf(stored: StoredBuddy, identity: Identity, localUserId: string | undefined): IdentityChange | undefined {
  if (identity.source !== 'claude-code') return undefined;
  const idHash = hashUserId(identity.userId);
  if (stored.idHash === idHash) return undefined;
  const from = (userId: string): boolean => hashUserId(userId) === stored.idHash;
  const earlier: EarlierId | undefined = localUserId !== undefined && from(localUserId) ? 'local' : identity.earlierUserIds?.some(from) ? 'userID' : undefined;
  return earlier ? { earlier, idHash, noted: stored.identityChangeNoted === idHash } : undefined;
}

/**
 * What happened and the two ways on, with the exact commands: `switchTo` is the buddy `buddy switch` would
 * give, `handle` what `buddy switch` takes to bring this one back.
 */
export function identityChangeText(stored: StoredBuddy, change: IdentityChange, switchTo: BuddyBones, handle: string): string {
  const { name } = stored;
  return (
    `${name} the ${stored.bones.species} was hatched from ${EARLIER_WORDS[change.earlier]}; that was you too, so ${name} stays your buddy. ` +
    `To keep ${name}, there is nothing to run; to have this identity's own ${switchTo.species} instead, run \`${SWITCH_COMMAND}\` ` +
    `(${name} is archived, never deleted, and \`${SWITCH_COMMAND} ${handle}\` brings it back)`
  );
}

/** The notice the first time: the change, the two ways on, and that it will not be said again. */
export function identityNotice(stored: StoredBuddy, change: IdentityChange, switchTo: BuddyBones, handle: string): string {
  return `${identityChangeText(stored, change, switchTo, handle)}. This is said once; \`buddy doctor\` shows it any time`;
}

/** Remembers on the buddy that this identity was told; returns the buddy as now stored. */
export async function noteIdentityChange(stored: StoredBuddy, change: IdentityChange, env: NodeJS.ProcessEnv): Promise<StoredBuddy> {
  const noted = { ...stored, identityChangeNoted: change.idHash };
  // The store (and conf behind it) is loaded only to write, as on every start it is not needed.
  const { openConfigStore } = await import('../store/config-store.js');
  openConfigStore(env).update((config) => {
    // Only the buddy it was about: another process may have switched in the meantime.
    if (config.buddy && sameRollKey(config.buddy, stored)) config.buddy = { ...config.buddy, identityChangeNoted: change.idHash };
  });
  return noted;
}
