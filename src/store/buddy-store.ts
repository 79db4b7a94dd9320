// The hatched buddy in the config: loaded, saved (with a backup of every saved soul) and talked to.
import type { Bones } from '../engine/roll.js';
import type { Soul } from '../persona/soul.js';
import { openConfigStore } from './config-store.js';
import type { Exchange, SoulSource, StoredBuddy } from './schema.js';

export const MEMORY_SIZE = 12;

export function makeStoredBuddy(bones: Bones, soul: Soul, source: SoulSource, hatchedAt: Date, model?: string): StoredBuddy {
  return {
    rollVersion: bones.version,
    idHash: bones.idHash,
    salt: bones.salt,
    bones,
    name: soul.name,
    personality: soul.personality,
    hatchedAt: hatchedAt.toISOString(),
    soulSource: source,
    ...(model ? { model } : {}),
    memory: [],
  };
}

export function saveBuddy(buddy: StoredBuddy, env: NodeJS.ProcessEnv = process.env): void {
  openConfigStore(env).update((config) => {
    config.buddy = buddy;
  }, { backup: true });
}

export function renameBuddy(name: string, env: NodeJS.ProcessEnv = process.env): StoredBuddy | undefined {
  const data = openConfigStore(env).update((config) => {
    if (config.buddy) config.buddy = { ...config.buddy, name };
  }, { backup: true });
  return data.buddy;
}

/** Appends one exchange under the lock, keeping the last dozen; concurrent writers never drop the soul. */
export function rememberExchange(exchange: Exchange, env: NodeJS.ProcessEnv = process.env): void {
  openConfigStore(env).update((config) => {
    if (!config.buddy) return;
    config.buddy = { ...config.buddy, memory: [...config.buddy.memory, exchange].slice(-MEMORY_SIZE) };
  });
}
