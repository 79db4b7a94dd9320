// `buddy rescue`'s core: the classic bones of the Claude Code account on this machine under both seed
// functions, the original's soul fitted to Buddy's rules (said aloud whenever anything had to change), and
// the rescued buddy made the current one (the buddy it replaces is archived, never lost). Which seed function
// the person's Claude Code used is decided once and kept with the buddy, so a rescue run again changes nothing.
import { classicBonesToJson, rollClassic, type ClassicBones } from '../engine/classic.js';
import { CLASSIC_DEFAULT_SALT, DEFAULT_HASH_FN, type HashFn } from '../engine/classic-constants.js';
import { rollKey } from '../engine/bones.js';
import { validateUserId } from '../engine/validate.js';
import { writeOfflineSoul } from '../persona/offline-writer.js';
import { checkName, MAX_PERSONALITY_LENGTH, type Soul } from '../persona/prompt/soul.js';
import { adoptBuddy, makeStoredBuddy, type Adoption } from '../store/buddy-store.js';
import { readCheckedSnapshot } from '../store/config-snapshot.js';
import { openConfigStore } from '../store/config-store.js';
import type { ConfigData, StoredBuddy } from '../store/schema.js';
import { ClaudeConfigError, type ClaudeCompanion, type ClaudeCompanionRecord } from './claude-companion.js';
import { writeBuddy } from './hatch.js';

export interface Candidates {
  readonly wyhash: ClassicBones;
  readonly fnv1a: ClassicBones;
  /** Both seed functions give the same creature: there is nothing to ask. */
  readonly same: boolean;
}

/** The account's classic bones under both seed functions, at the original's salt. */
export function classicCandidates(record: ClaudeCompanionRecord): Candidates {
  const validation = validateUserId(record.userId);
  if (!validation.ok) throw new ClaudeConfigError(`Claude Code's config ${record.file}: the account's ${validation.reason}`);
  const wyhash = rollClassic(record.userId, CLASSIC_DEFAULT_SALT, 'wyhash');
  const fnv1a = rollClassic(record.userId, CLASSIC_DEFAULT_SALT, 'fnv1a');
  const look = (bones: ClassicBones): string => classicBonesToJson({ ...bones, hashFn: 'wyhash' });
  return { wyhash, fnv1a, same: look(wyhash) === look(fnv1a) };
}

export type FittedSoul =
  | { readonly ok: true; readonly soul: Soul; readonly hatchedAt: Date; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/** Cuts at a word boundary and marks the cut, so a long personality keeps its start and reads as cut. */
function shorten(text: string, limit: number): string {
  const room = text.slice(0, limit - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > limit / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}

/**
 * The original's name, personality and hatch date as Buddy keeps them. The name must already fit (one
 * word of letters, at most 14) or be given instead with `--name`; nothing else is ever refused.
 */
export function fitSoul(companion: ClaudeCompanion, bones: ClassicBones, now: Date, nameInstead?: string): FittedSoul {
  const name = nameInstead ?? companion.name;
  const nameProblem = checkName(name);
  if (nameProblem) {
    return nameInstead === undefined
      ? { ok: false, problem: `the companion's name does not fit Buddy's names (${nameProblem}); give it one with buddy rescue --name NAME` }
      : { ok: false, problem: `--name: ${nameProblem}` };
  }
  const notes: string[] = [];
  if (nameInstead !== undefined && nameInstead !== companion.name) notes.push(`it is called ${name} now, as you asked`);
  let personality = companion.personality;
  if (personality.length === 0) {
    personality = writeOfflineSoul(bones).personality;
    notes.push('its personality was empty, so one was written offline');
  } else if (personality.length > MAX_PERSONALITY_LENGTH) {
    personality = shorten(personality, MAX_PERSONALITY_LENGTH);
    notes.push(`its personality was longer than the ${MAX_PERSONALITY_LENGTH} characters Buddy keeps, so it was shortened`);
  }
  if (!companion.hatchedAt) notes.push('the record has no hatch date, so today counts as its hatch day');
  return { ok: true, soul: { name, personality }, hatchedAt: companion.hatchedAt ? new Date(companion.hatchedAt) : now, notes };
}

/** Brings the original back as the current buddy, muted when Claude Code had it muted. */
export function rescueCompanion(bones: ClassicBones, fitted: Extract<FittedSoul, { ok: true }>, muted: boolean, env: NodeJS.ProcessEnv, now: Date): Adoption {
  return adoptBuddy(makeStoredBuddy(bones, fitted.soul, 'claude-code', fitted.hatchedAt), { mute: muted }, env, now);
}

/** The buddy of these bones already kept (current or archived), which a new soul must not replace. */
export function keptBuddyOf(bones: ClassicBones, env: NodeJS.ProcessEnv): StoredBuddy | undefined {
  const config = readCheckedSnapshot(env).data;
  if (config.buddy && rollKey(config.buddy.bones) === rollKey(bones)) return config.buddy;
  const archived = config.archive?.find((buddy) => rollKey(buddy.bones) === rollKey(bones));
  if (!archived) return undefined;
  const { archivedAt: _archivedAt, ...buddy } = archived;
  return buddy;
}

/** No companion record: the classic bones hatch with a new soul (or the one already kept for them). */
export async function hatchClassic(bones: ClassicBones, muted: boolean, env: NodeJS.ProcessEnv, now: Date): Promise<{ readonly adoption: Adoption; readonly warning?: string }> {
  const kept = keptBuddyOf(bones, env);
  if (kept) return { adoption: adoptBuddy(kept, { mute: muted }, env, now) };
  const written = await writeBuddy(bones, env, 0, () => now);
  return { adoption: adoptBuddy(written.candidate, { mute: muted }, env, now), ...(written.warning ? { warning: written.warning } : {}) };
}

/** A seed function already decided for this account: chosen by the person, or taken by an earlier rescue. */
export interface KeptHashFn {
  readonly hashFn: HashFn;
  /** The person chose it (answered the question, or gave --hash-fn); else it was taken without asking. */
  readonly chosen: boolean;
}

/** The account's classic buddies kept here: the current one first, then the archive, the latest put away first. */
function classicBuddiesOf(bones: ClassicBones, config: ConfigData): StoredBuddy[] {
  const kept = [...(config.buddy ? [config.buddy] : []), ...[...(config.archive ?? [])].reverse()];
  return kept.filter((buddy) => buddy.rollVersion === 'classic' && buddy.idHash === bones.idHash && buddy.salt === bones.salt);
}

/** The seed function chosen for this account, else the one an earlier rescue took; undefined before any rescue. */
export function keptHashFn(candidates: Candidates, env: NodeJS.ProcessEnv): KeptHashFn | undefined {
  const kept = classicBuddiesOf(candidates.wyhash, readCheckedSnapshot(env).data);
  const buddy = kept.find((item) => item.rollVersion === 'classic' && item.hashFnChosen === true) ?? kept[0];
  return buddy?.rollVersion === 'classic' ? { hashFn: buddy.hashFn, chosen: buddy.hashFnChosen === true } : undefined;
}

export type HashFnDecision =
  | { readonly kind: 'ask' }
  | {
      /** given: --hash-fn; kept: decided before; same: both give one creature; default: wyhash, nothing known. */
      readonly kind: 'given' | 'kept' | 'same' | 'default';
      readonly hashFn: HashFn;
      /** To be remembered as the person's choice. */
      readonly chosen: boolean;
    };

/**
 * Which seed function to rescue with. A choice is asked once: --hash-fn or an earlier answer wins; on a
 * terminal the person is asked when nothing was chosen yet; without one, an earlier rescue's stays (nothing
 * already rescued is swapped), and the documented default (wyhash) is taken only when there was none.
 */
export function decideHashFn(candidates: Candidates, given: HashFn | undefined, kept: KeptHashFn | undefined, terminal: boolean): HashFnDecision {
  if (given) return { kind: 'given', hashFn: given, chosen: true };
  if (kept?.chosen) return { kind: 'kept', hashFn: kept.hashFn, chosen: true };
  if (!candidates.same && terminal) return { kind: 'ask' };
  if (kept) return { kind: 'kept', hashFn: kept.hashFn, chosen: false };
  return { kind: candidates.same ? 'same' : 'default', hashFn: DEFAULT_HASH_FN, chosen: false };
}

/** The current buddy, when it has these bones. */
export function currentWithBones(bones: ClassicBones, env: NodeJS.ProcessEnv): StoredBuddy | undefined {
  const current = readCheckedSnapshot(env).data.buddy;
  return current && rollKey(current.bones) === rollKey(bones) ? current : undefined;
}

/**
 * Remembers the person's choice on the current buddy (these bones', once adopted), and forgets it on the
 * account's other classic buddy, so one answer holds. Writes nothing when it is already so.
 */
export function rememberHashFn(bones: ClassicBones, env: NodeJS.ProcessEnv): void {
  const chosen = (buddy: StoredBuddy): boolean => buddy.rollVersion === 'classic' && buddy.hashFnChosen === true;
  const wanted = (buddy: StoredBuddy): boolean => rollKey(buddy.bones) === rollKey(bones);
  const settled = (config: ConfigData): boolean => classicBuddiesOf(bones, config).every((buddy) => chosen(buddy) === (buddy === config.buddy && wanted(buddy)));
  if (settled(readCheckedSnapshot(env).data)) return;
  openConfigStore(env).update((config) => {
    const mark = <T extends StoredBuddy>(buddy: T, on: boolean): T => {
      if (buddy.rollVersion !== 'classic' || buddy.idHash !== bones.idHash || buddy.salt !== bones.salt) return buddy;
      const { hashFnChosen: _was, ...rest } = buddy;
      return (on ? { ...rest, hashFnChosen: true } : rest) as T;
    };
    if (config.buddy) config.buddy = mark(config.buddy, wanted(config.buddy));
    if (config.archive) config.archive = config.archive.map((buddy) => mark(buddy, false));
  });
}
