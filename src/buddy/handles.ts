// How a kept buddy is named when names are not enough: two buddies may share a name (the two seed
// functions' rescues of one companion share its name and its identity hash), so each also has a short hash
// of its roll, shown by `buddy list` and taken by `buddy switch`.
import { rollKey } from '../engine/bones.js';
import { hashUserId } from '../engine/hash.js';
import type { ArchivedBuddy, StoredBuddy } from '../store/schema.js';

/** How many hex characters of a buddy's roll hash `buddy list` shows; `buddy switch` takes that many or more. */
export const SHORT_HASH_LENGTH = 7;

/**
 * A kept buddy's own hash: SHA-256 of its roll (version, seed function, identity and salt). The config
 * keeps each roll once, so it tells apart two buddies of one name, such as the two seed functions' rescues
 * of one companion (which share the identity hash).
 */
export function buddyHashOf(buddy: StoredBuddy): string {
  return hashUserId(rollKey(buddy.bones));
}

export function shortHashOf(buddy: StoredBuddy): string {
  return buddyHashOf(buddy).slice(0, SHORT_HASH_LENGTH);
}

export type Pick =
  | { readonly kind: 'current'; readonly buddy: StoredBuddy }
  | { readonly kind: 'archived'; readonly buddy: ArchivedBuddy }
  | { readonly kind: 'ambiguous'; readonly by: 'name' | 'hash'; readonly choices: readonly StoredBuddy[] }
  | { readonly kind: 'none' };

const HASH_PREFIX = new RegExp(`^[0-9a-f]{${SHORT_HASH_LENGTH},64}$`);

/**
 * The kept buddy (current or archived) `buddy switch` was asked for: by name (any case), else by its short
 * hash (or a longer prefix of its hash). A name two buddies share picks neither.
 */
export function pickBuddy(current: StoredBuddy | undefined, archive: readonly ArchivedBuddy[], asked: string): Pick {
  const wanted = asked.trim().toLowerCase();
  const kept: readonly StoredBuddy[] = current ? [current, ...archive] : archive;
  const named = kept.filter((buddy) => buddy.name.toLowerCase() === wanted);
  const by = named.length > 0 || !HASH_PREFIX.test(wanted) ? 'name' : 'hash';
  const matches = by === 'name' ? named : kept.filter((buddy) => buddyHashOf(buddy).startsWith(wanted));
  if (matches.length > 1) return { kind: 'ambiguous', by, choices: matches };
  const [match] = matches;
  if (!match) return { kind: 'none' };
  return match === current ? { kind: 'current', buddy: match } : { kind: 'archived', buddy: match as ArchivedBuddy };
}

/** What `buddy switch` takes to bring this buddy back: its name, or its short hash when the name is shared. */
export function switchHandle(buddy: StoredBuddy, current: StoredBuddy | undefined, archive: readonly ArchivedBuddy[]): string {
  const kept: readonly StoredBuddy[] = current ? [current, ...archive] : archive;
  const sameName = kept.filter((other) => other.name.toLowerCase() === buddy.name.toLowerCase() && buddyHashOf(other) !== buddyHashOf(buddy));
  return sameName.length > 0 ? shortHashOf(buddy) : buddy.name;
}

