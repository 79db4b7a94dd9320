// Hatching: write a soul for the bones and store the buddy (with a backup), so it is never lost.
import type { Bones } from '../engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../store/buddy-store.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import type { StoredBuddy } from '../store/schema.js';
import { loadModelClient } from './client-factory.js';
import { writeSoul } from './soul-writer.js';

export interface Hatched {
  readonly buddy: StoredBuddy;
  readonly warning?: string;
}

export async function hatchSoul(bones: Bones, env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<Hatched> {
  const client = await loadModelClient(env, readConfigSnapshot(env).settings.model);
  const written = await writeSoul(bones, client);
  const buddy = makeStoredBuddy(bones, written.soul, written.source, now(), written.model);
  saveBuddy(buddy, env);
  return { buddy, ...(written.warning ? { warning: written.warning } : {}) };
}
