// Switching identity is explicit and loses nothing: the current buddy goes to the archive with its soul,
// memory and dates, and the current identity's buddy (from the archive, or newly hatched) takes its place.
import { rollKey } from '../engine/bones.js';
import { hatchSoul, type Hatched } from './hatch.js';
import type { Session } from './session.js';
import { switchBuddy } from '../store/buddy-store.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { switchHandle } from './handles.js';
import type { ArchivedBuddy, StoredBuddy } from '../store/schema.js';

export type SwitchOutcome =
  | { readonly kind: 'already'; readonly buddy: StoredBuddy }
  | { readonly kind: 'restored'; readonly buddy: StoredBuddy; readonly archived: StoredBuddy | undefined }
  | { readonly kind: 'hatched'; readonly hatched: Hatched; readonly archived: StoredBuddy | undefined };

/** Brings back an archived buddy; the current one takes its place in the archive. */
export function restoreArchived(session: Session, chosen: ArchivedBuddy, env: NodeJS.ProcessEnv): SwitchOutcome {
  return { kind: 'restored', buddy: switchBuddy(chosen, env), archived: session.stored };
}

/** Makes the current identity's buddy the current one: from the archive when it was there before, else hatched. */
export async function switchToIdentity(session: Session, env: NodeJS.ProcessEnv): Promise<SwitchOutcome> {
  const { rolled, stored } = session;
  // The same roll: identity, salt and roll version (a classic buddy of this identity is another buddy).
  const isRolled = (buddy: StoredBuddy): boolean => rollKey(buddy.bones) === rollKey(rolled);
  if (stored && isRolled(stored)) return { kind: 'already', buddy: stored };
  const before = session.archive.find(isRolled);
  if (before) return restoreArchived(session, before, env);
  const hatched = await hatchSoul(rolled, env, stored ? { kind: 'switch' } : { kind: 'first' });
  return { kind: 'hatched', hatched, archived: stored };
}

/** Where the replaced buddy went and how to bring it back, by what `buddy switch` takes for it now. */
export function archivedLine(archived: StoredBuddy, env: NodeJS.ProcessEnv): string {
  const config = readConfigSnapshot(env);
  const handle = switchHandle(archived, config.buddy, config.archive ?? []);
  return `${archived.name} the ${archived.bones.species} is archived (buddy list shows it, buddy switch ${handle} brings it back).`;
}
