// `buddy adopt`'s core: a hunted salt's buddy made the current one. The buddy it replaces is archived, never
// deleted; a buddy of that roll already kept comes back with its soul and growth instead of a new soul; and
// the adopted buddy is marked so that its salt counts as chosen (no mismatch warning on every command).
import { rollKey, type BuddyBones } from '../engine/bones.js';
import { CLASSIC_DEFAULT_SALT } from '../engine/classic-constants.js';
import { DEFAULT_SALT } from '../engine/constants.js';
import { switchBuddy } from '../store/buddy-store.js';
import { readCheckedSnapshot } from '../store/config-snapshot.js';
import type { StoredBuddy } from '../store/schema.js';
import { writeBuddy } from './hatch.js';

export type AdoptOutcome =
  | { readonly kind: 'already'; readonly buddy: StoredBuddy }
  | { readonly kind: 'restored' | 'hatched'; readonly buddy: StoredBuddy; readonly archived: StoredBuddy | undefined; readonly warning?: string };

/** The buddy of these bones kept here (current or archived), without its archive date. */
export function keptWithBones(bones: BuddyBones, env: NodeJS.ProcessEnv): { readonly buddy: StoredBuddy; readonly current: boolean } | undefined {
  const config = readCheckedSnapshot(env).data;
  if (config.buddy && rollKey(config.buddy.bones) === rollKey(bones)) return { buddy: config.buddy, current: true };
  const archived = config.archive?.find((buddy) => rollKey(buddy.bones) === rollKey(bones));
  if (!archived) return undefined;
  const { archivedAt: _archivedAt, ...buddy } = archived;
  return { buddy, current: false };
}

/** A salt other than the roll's own default was chosen, and must be remembered as chosen. */
function chosenSalt(bones: BuddyBones): boolean {
  return bones.salt !== (bones.version === 'classic' ? CLASSIC_DEFAULT_SALT : DEFAULT_SALT);
}

/** Marks (or leaves unmarked) a buddy as adopted, by whether its salt was chosen. */
function marked(buddy: StoredBuddy): StoredBuddy {
  const { adopted: _adopted, ...rest } = buddy;
  return chosenSalt(buddy.bones) ? { ...rest, adopted: true } : rest;
}

/**
 * Makes the buddy of `bones` the current one: nothing changes when it already is; a kept one comes back;
 * else a soul is written (by the model with a key, else offline) and it hatches. `now` dates the hatch
 * and the archiving.
 */
export async function adoptBones(bones: BuddyBones, env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<AdoptOutcome> {
  const kept = keptWithBones(bones, env);
  if (kept?.current) return { kind: 'already', buddy: kept.buddy };
  const previous = readCheckedSnapshot(env).data.buddy;
  if (kept) return { kind: 'restored', buddy: switchBuddy(marked(kept.buddy), env, now()), archived: previous };
  const written = await writeBuddy(bones, env, 0, now);
  const buddy = switchBuddy(marked(written.candidate), env, now());
  return { kind: 'hatched', buddy, archived: previous, ...(written.warning ? { warning: written.warning } : {}) };
}
