// What to say when the stored buddy and the current identity's roll disagree. The stored buddy always
// wins (a buddy never changes under someone), and the warning names the exact command that switches.
import { rollLabel, sameBuddyBones, type BuddyBones } from '../engine/bones.js';
import type { StoredBuddy } from '../store/schema.js';

export const SWITCH_COMMAND = 'buddy switch';

export type Mismatch = 'identity' | 'salt' | 'bones';

export function mismatchOf(stored: StoredBuddy, rolled: BuddyBones): Mismatch | undefined {
  if (stored.idHash !== rolled.idHash) return 'identity';
  if (stored.salt !== rolled.salt) return 'salt';
  if (stored.rollVersion !== rolled.version || !sameBuddyBones(stored.bones, rolled)) return 'bones';
  return undefined;
}

/**
 * `rolled` is today's roll of the stored buddy's kind for this identity; `switchTo` is the buddy
 * `buddy switch` would hatch (roll v1's), when that differs.
 */
export function mismatchWarning(stored: StoredBuddy, rolled: BuddyBones, switchTo: BuddyBones = rolled): string | undefined {
  const mismatch = mismatchOf(stored, rolled);
  const keep = `keeping ${stored.name} the ${stored.bones.species}`;
  const howToSwitch = `run \`${SWITCH_COMMAND}\` to hatch this identity's ${switchTo.species} (${stored.name} is archived, never deleted)`;
  if (mismatch === 'identity') {
    return `${keep}: it was hatched for another identity (hash ${stored.idHash.slice(0, 8)}…, now ${rolled.idHash.slice(0, 8)}…); ${howToSwitch}`;
  }
  if (mismatch === 'salt') return `${keep}: it was hatched with salt '${stored.salt}'; ${howToSwitch}`;
  if (mismatch === 'bones') return `${keep}: today's roll gives different bones (roll ${rollLabel(stored.bones)} at hatch)`;
  return undefined;
}
