// The hatched buddy in the config: stored (with a backup of every saved soul), renamed, talked to, and
// put away in the archive when another identity's buddy takes its place. Every change is one locked
// read-modify-write, so concurrent processes never lose each other's work.
import type { BuddyBones } from '../engine/bones.js';
import type { FactChange } from '../persona/memory-talk.js';
import type { Soul } from '../persona/prompt/soul.js';
import { buddyWithFactChange } from './fact-store.js';
import { openConfigStore } from './config-store.js';
import { growthOf, toStoredGrowth } from './growth-schema.js';
import { sameRollKey, type ArchivedBuddy, type Exchange, type SoulSource, type StoredBuddy } from './schema.js';

/**
 * How many exchanges a buddy remembers: as many as its offline talk must not repeat (NO_REPEAT_WINDOW in
 * persona/offline-talk.ts), since that rule reads them, in this process or the next. A model is shown fewer.
 */
export const MEMORY_SIZE = 20;

export function makeStoredBuddy(bones: BuddyBones, soul: Soul, source: SoulSource, hatchedAt: Date, model?: string, generation = 0, language?: string): StoredBuddy {
  const soulEntries = {
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
  return bones.version === 'classic'
    ? { rollVersion: bones.version, hashFn: bones.hashFn, idHash: bones.idHash, salt: bones.salt, bones, ...soulEntries }
    : { rollVersion: bones.version, idHash: bones.idHash, salt: bones.salt, bones, ...soulEntries };
}

/**
 * Stores the buddy whatever was there (the previous soul stays in the backup), and returns it as stored.
 * A new soul for the same buddy (`hatch --again`) keeps what it has grown, dated from its first hatch.
 */
export function saveBuddy(buddy: StoredBuddy, env: NodeJS.ProcessEnv = process.env): StoredBuddy {
  const data = openConfigStore(env).update((config) => {
    const current = config.buddy;
    const same = current !== undefined && sameRollKey(current, buddy);
    config.buddy = same && buddy.growth === undefined ? { ...buddy, growth: toStoredGrowth(growthOf(current, Date.now())) } : buddy;
  }, { backup: true });
  return data.buddy ?? buddy;
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

/**
 * Appends one exchange under the lock, keeping the last MEMORY_SIZE, and in the same write keeps or lets go the
 * fact the turn asked about (TalkTurn.factChange); concurrent writers never drop the soul, nor each other's facts.
 */
export function rememberExchange(exchange: Exchange, env: NodeJS.ProcessEnv = process.env, change?: FactChange): void {
  openConfigStore(env).update((config) => {
    if (!config.buddy) return;
    const buddy = { ...config.buddy, memory: [...config.buddy.memory, exchange].slice(-MEMORY_SIZE) };
    config.buddy = change ? buddyWithFactChange(buddy, change) : buddy;
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
 * buddy of the same roll as `next` (identity, salt, roll and seed function) leaves the archive, so each
 * roll is kept once.
 */
export function switchBuddy(next: StoredBuddy | ArchivedBuddy, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): StoredBuddy {
  const current = 'archivedAt' in next ? unarchived(next) : next;
  const data = openConfigStore(env).update((config) => {
    const previous = config.buddy;
    const keep = (config.archive ?? []).filter((item) => !sameRollKey(item, current));
    config.archive = previous && !sameRollKey(previous, current) ? [...keep, archived(previous, now)] : keep;
    config.buddy = current;
  }, { backup: true });
  return data.buddy ?? current;
}

export type Adoption =
  | { readonly kind: 'already'; readonly buddy: StoredBuddy }
  | { readonly kind: 'restored' | 'adopted'; readonly buddy: StoredBuddy; readonly archived: StoredBuddy | undefined };

/**
 * Makes a buddy brought in from outside (a rescued companion) the current one, in one locked write:
 * nothing changes when it already is; an archived buddy of the same roll comes back instead of the
 * candidate (with its memory); the buddy it replaces is archived. `mute` also mutes Buddy.
 */
export function adoptBuddy(candidate: StoredBuddy, options: { readonly mute: boolean }, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Adoption {
  const store = openConfigStore(env);
  const before = store.read();
  if (before.buddy && sameRollKey(before.buddy, candidate) && (!options.mute || before.settings.muted)) return { kind: 'already', buddy: before.buddy };
  let adoption: Adoption = { kind: 'adopted', buddy: candidate, archived: undefined };
  store.update((config) => {
    const previous = config.buddy;
    if (options.mute) config.settings = { ...config.settings, muted: true };
    if (previous && sameRollKey(previous, candidate)) {
      adoption = { kind: 'already', buddy: previous };
      return;
    }
    const kept = (config.archive ?? []).find((item) => sameRollKey(item, candidate));
    const next = kept ? unarchived(kept) : candidate;
    const others = (config.archive ?? []).filter((item) => !sameRollKey(item, candidate));
    config.archive = previous ? [...others, archived(previous, now)] : others;
    config.buddy = next;
    adoption = { kind: kept ? 'restored' : 'adopted', buddy: next, archived: previous };
  }, { backup: true });
  return adoption;
}
