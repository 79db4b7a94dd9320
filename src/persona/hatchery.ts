// Hatching: write a soul for the bones and store the buddy (with a backup), so it is never lost.
import type { Bones } from '../engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../store/buddy-store.js';
import type { StoredBuddy } from '../store/schema.js';
import { writeOfflineSoul } from './offline-writer.js';

export async function hatchSoul(bones: Bones, env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<StoredBuddy> {
  const soul = writeOfflineSoul(bones);
  const buddy = makeStoredBuddy(bones, soul, 'offline', now());
  saveBuddy(buddy, env);
  return buddy;
}
