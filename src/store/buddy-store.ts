// The hatched buddy in the config: stored (with a backup of every saved soul), renamed, talked to, and
// put away in the archive when another identity's buddy takes its place. Every change is one locked
// read-modify-write, so concurrent processes never lose each other's work.
import type { Bones } from '../engine/roll.js';
import type { Soul } from '../persona/soul.js';
import { openConfigStore } from './config-store.js';
import type { ArchivedBuddy, Exchange, SoulSource, StoredBuddy } from './schema.js';

export const MEMORY_SIZE = 12;

export function makeStoredBuddy(bones: Bones, soul: Soul, source: SoulSource, hatchedAt: Date, model?: string, generation = 0, language?: string): StoredBuddy {
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
    ...(generation > 0 ? { generation } : {}),
    // English needs no mark: every soul without one is English.
    ...(language && language !== 'en' ? { soulLanguage: language } : {}),
  };
}

/** Stores the buddy whatever was there (the previous soul stays in the backup). */
export function saveBuddy(buddy: StoredBuddy, env: NodeJS.ProcessEnv = process.env): void {
  openConfigStore(env).update((config) => {
    config.buddy = buddy;
  }, { backup: true });
}

/**
 * The first hatch: stores the candidate only when no buddy is stored yet, and returns the stored one.
 * When several processes hatch at once, the first to take the lock wins and the others show its soul.
 */
export function claimBuddy(candidate: StoredBuddy, env: NodeJS.ProcessEnv = process.env): StoredBuddy {
  const data = openConfigStore(env).update((config) => {
    config.buddy ??= candidate;
  }, { backup: true });
  return data.buddy ?? candidate;
}

export function renameBuddy(name: string, env: NodeJS.ProcessEnv = process.env): StoredBuddy | undefined {
  const data = openConfigStore(env).update((config) => {
    if (config.buddy) config.buddy = { ...config.buddy, name, renamed: true };
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

export function archived(buddy: StoredBuddy, at: Date): ArchivedBuddy {
  return { ...buddy, archivedAt: at.toISOString() };
}

function unarchived(buddy: ArchivedBuddy): StoredBuddy {
  const { archivedAt: _archivedAt, ...rest } = buddy;
  return rest;
}

/**
 * Makes `next` the current buddy and puts the current one in the archive (never deleted). An archived
 * buddy of the same roll as `next` leaves the archive, so each roll is kept once.
 */
export function switchBuddy(next: StoredBuddy | ArchivedBuddy, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): StoredBuddy {
  const current = 'archivedAt' in next ? unarchived(next) : next;
  const data = openConfigStore(env).update((config) => {
    const previous = config.buddy;
    const keep = (config.archive ?? []).filter((item) => !(item.idHash === current.idHash && item.salt === current.salt));
    config.archive = previous && !(previous.idHash === current.idHash && previous.salt === current.salt) ? [...keep, archived(previous, now)] : keep;
    config.buddy = current;
  }, { backup: true });
  return data.buddy ?? current;
}
