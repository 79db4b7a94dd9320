// Who the buddy is right now, for every command: the identity (validated), today's roll for it, the stored
// buddy (read through the schema, repaired when it fails), and the warning when they disagree. A stored
// buddy always wins over a re-roll that disagrees with it.
import { DEFAULT_SALT } from '../engine/constants.js';
import { hashUserId } from '../engine/hash.js';
import type { BuddyBones } from '../engine/bones.js';
import { rollFromHash, type Bones } from '../engine/roll.js';
import { repairConfigIfNeeded } from '../store/config-health.js';
import { readCheckedSnapshot } from '../store/config-snapshot.js';
import type { ArchivedBuddy, Settings, StoredBuddy } from '../store/schema.js';
import { resolveIdentity, type Identity } from './identity.js';
import { identityChangeOf, identityNotice, noteIdentityChange } from './identity-change.js';
import { rerollStored } from './reroll.js';
import { switchHandle } from './handles.js';
import { mismatchWarning } from './warning.js';

export interface Session {
  readonly identity: Identity;
  /** The bones to show: the stored buddy's when there is one, else today's roll. */
  readonly bones: BuddyBones;
  /** Today's roll v1 for the current identity: the buddy `buddy switch` and a first hatch give it. */
  readonly rolled: Bones;
  readonly stored: StoredBuddy | undefined;
  readonly archive: readonly ArchivedBuddy[];
  readonly settings: Settings;
  readonly warning: string | undefined;
  /** What was repaired on the way in (a corrupt config moved aside, a restored backup, re-rolled bones). */
  readonly repairs: readonly string[];
}

/** `warning: false`: the command will not show the warning, so a notice said only once is kept for later. */
export async function loadSession(env: NodeJS.ProcessEnv, user: string | undefined, options: { readonly warning?: boolean } = {}): Promise<Session> {
  const repairs = await repairConfigIfNeeded(env);
  const identity = await resolveIdentity(user, env);
  const rolled = rollFromHash(hashUserId(identity.userId), DEFAULT_SALT);
  const snapshot = readCheckedSnapshot(env);
  let stored = snapshot.data.buddy;
  // The same person under a new ID is told once (and the buddy remembers it); anyone else's buddy is
  // warned about on every start.
  const change = stored ? identityChangeOf(stored, identity, snapshot.data.localUserId) : undefined;
  let warning: string | undefined;
  if (stored && change) {
    if (!change.noted && options.warning !== false) {
      warning = identityNotice(stored, change, rolled, switchHandle(stored, stored, snapshot.data.archive ?? []));
      stored = await noteIdentityChange(stored, change, env);
    }
  } else if (stored) {
    // The stored bones are checked against the roll they came from (v1, or classic with its seed function).
    warning = mismatchWarning(stored, rerollStored(stored, identity.userId), rolled);
  }
  return {
    identity,
    bones: stored ? stored.bones : rolled,
    rolled,
    stored,
    archive: snapshot.data.archive ?? [],
    settings: snapshot.data.settings,
    warning,
    repairs: snapshot.note ? [...repairs, snapshot.note] : repairs,
  };
}

export function soulNote(stored: StoredBuddy): string {
  const when = stored.hatchedAt.slice(0, 10);
  if (stored.soulSource === 'claude-code') return `soul kept from Claude Code · hatched ${when}`;
  return stored.soulSource === 'model'
    ? `soul written by ${stored.model ?? 'the model'} · hatched ${when}`
    : `soul written offline · hatched ${when}`;
}
