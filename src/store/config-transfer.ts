// The config carried between machines. Out (`buddy export`): the file's own object, every key as written.
// In (`buddy import`): one locked write.
// The exported file is written as it came, so a machine that had nothing ends up with the exporting
// machine's config byte for byte. What this machine had is never lost: as `buddy switch` does, a buddy
// here whose roll the export does not hold (identity, salt, roll and seed function) is put in the archive
// with its soul, memory and growth; a roll the export does hold comes from the export. No buddy changes
// identity on the way: each stays bound to the idHash it was hatched from.
import path from 'node:path';
import { rollKey } from '../engine/bones.js';
import { factsAbout } from '../files/facts.js';
import { archived } from './buddy-store.js';
import { CONFIG_SCHEMA_VERSION, openConfigStore } from './config-store.js';
import { eventsFile, ROTATED_EVENTS_FILE_NAME, takeNewEvents } from './event-log.js';
import { growthOf, isGrowthValid, toStoredGrowth } from './growth-schema.js';
import { checkConfig, normaliseConfig, type ArchivedBuddy, type ConfigData, type StoredBuddy } from './schema.js';
import { INTERNAL_KEY } from './guarded-conf.js';
import { CONFIG_KEYS, strictConfigProblem } from './strict-config.js';

export interface ConfigImport {
  readonly data: ConfigData;
  /** Buddies of this machine the export did not hold, now in the archive (the current one first). */
  readonly keptHere: readonly ArchivedBuddy[];
  /** This machine's own random ID, replaced by the exported one. */
  readonly replacedLocalId: boolean;
}

/** A buddy as the strict schema keeps it: a growth only a lenient read accepts is stored anew. */
function withStrictGrowth<T extends StoredBuddy>(buddy: T, now: Date): T {
  if (buddy.growth === undefined || isGrowthValid(buddy.growth)) return buddy;
  return { ...buddy, growth: toStoredGrowth(growthOf(buddy, now.getTime())) };
}

/**
 * The config as an export carries it: the file's own object (its keys this Buddy knows), so the importing
 * machine gets the same bytes. A file only a lenient read accepts (an archived buddy's damaged growth, a bad
 * memory exchange) goes as that read gives it, so every export can be imported.
 */
export function exportableDocument(env: NodeJS.ProcessEnv, now: Date = new Date()): Record<string, unknown> {
  const document = openConfigStore(env, now).document();
  const known = Object.fromEntries(Object.entries(document).filter(([key]) => CONFIG_KEYS.includes(key)));
  if (strictConfigProblem(known, CONFIG_SCHEMA_VERSION) === undefined) return known;
  const data = normaliseConfig(document);
  const repaired = {
    ...(strictConfigProblem({ [INTERNAL_KEY]: document[INTERNAL_KEY] }, CONFIG_SCHEMA_VERSION) === undefined ? { [INTERNAL_KEY]: document[INTERNAL_KEY] } : {}),
    ...data,
    ...(data.buddy ? { buddy: withStrictGrowth(data.buddy, now) } : {}),
    ...(data.archive ? { archive: data.archive.map((buddy) => withStrictGrowth(buddy, now)) } : {}),
  };
  const problem = strictConfigProblem(repaired, CONFIG_SCHEMA_VERSION);
  if (problem !== undefined) throw new Error(`config: ${problem}`);
  return repaired;
}

/** Whether this machine has an event log of its own (its lines belong to the buddies it had). */
function hasEventLog(env: NodeJS.ProcessEnv): boolean {
  const live = eventsFile(env);
  const exists = (file: string): boolean => {
    try {
      return factsAbout(file) !== undefined;
    } catch {
      return true;
    }
  };
  return exists(live) || exists(path.join(path.dirname(live), ROTATED_EVENTS_FILE_NAME));
}

/**
 * Replaces the config with `exported` (already checked strictly by the caller; checked again under the
 * lock), keeping this machine's buddies the export does not hold in the archive.
 */
export function importConfigDocument(env: NodeJS.ProcessEnv, exported: Readonly<Record<string, unknown>>, now: Date = new Date()): ConfigImport {
  let keptHere: ArchivedBuddy[] = [];
  let replacedLocalId = false;
  const data = openConfigStore(env, now).replaceDocument((current) => {
    const here = checkConfig(current).data;
    const incoming = checkConfig(exported).data;
    const rolls = new Set([...(incoming.buddy ? [incoming.buddy] : []), ...(incoming.archive ?? [])].map((buddy: StoredBuddy) => rollKey(buddy.bones)));
    const mine = [...(here.buddy ? [archived(here.buddy, now)] : []), ...(here.archive ?? [])];
    keptHere = mine.filter((buddy) => !rolls.has(rollKey(buddy.bones))).map((buddy) => withStrictGrowth(buddy, now));
    const next: Record<string, unknown> = { ...exported };
    if (keptHere.length > 0) next.archive = [...(Array.isArray(exported.archive) ? exported.archive : []), ...keptHere];
    // The exported ID is the person's identity where it was made; without one, this machine's stays.
    if (exported.localUserId === undefined && here.localUserId !== undefined) next.localUserId = here.localUserId;
    replacedLocalId = exported.localUserId !== undefined && here.localUserId !== undefined && exported.localUserId !== here.localUserId;
    // The exported log position names a file on the other machine, which is no file here (a new log is read
    // from its start). This machine's own log was folded into its buddies: the imported ones start after it.
    if (hasEventLog(env)) next.events = takeNewEvents(env, here.events).cursor;
    return next;
  });
  return { data, keptHere, replacedLocalId };
}
