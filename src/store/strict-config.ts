// A config brought in from outside (`buddy import`) is checked strictly, by the same schema every read
// uses: where an ordinary read would repair a value (fall back to a default, drop a bad memory or archived
// buddy, keep a key it does not know), an imported config is refused instead, so what is written is
// exactly what was checked, and nothing is quietly lost on the way in.
import * as v from 'valibot';
import { validateUserId } from '../engine/validate.js';
import { EventCursorSchema, GrowthSchema } from './growth-schema.js';
import { INTERNAL_KEY } from './guarded-conf.js';
import { MAX_FACTS } from '../persona/prompt/remembered.js';
import { ArchivedBuddySchema, describeIssue, invalidSettingKeys, recordOf, SETTING_KEYS, StoredBuddySchema } from './schema.js';

/** The keys a config file holds; a file with any other was written by a newer Buddy. */
export const CONFIG_KEYS: readonly string[] = [INTERNAL_KEY, 'localUserId', 'settings', 'buddy', 'archive', 'events'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `a` is a later dotted version than `b` (1.10.0 after 1.9.0). */
export function isLaterVersion(a: string, b: string): boolean {
  const parts = (text: string): number[] => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/** The migrated schema version conf keeps in the file, when there is one. */
export function schemaVersionOf(document: Readonly<Record<string, unknown>>): string | undefined {
  const version = recordOf(recordOf(document[INTERNAL_KEY]).migrations).version;
  return typeof version === 'string' ? version : undefined;
}

/** The first problem of one stored (or archived) buddy, read strictly: nothing may fall back or be dropped. */
function buddyProblem(raw: unknown, where: string, archived: boolean): string | undefined {
  const result = archived ? v.safeParse(ArchivedBuddySchema, raw) : v.safeParse(StoredBuddySchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    // Named from the config's top: `archive.2.name`, not `name`.
    return describeIssue(issue && { ...issue, path: [{ key: where } as v.IssuePathItem, ...(issue.path ?? [])] as [v.IssuePathItem, ...v.IssuePathItem[]] });
  }
  const record = recordOf(raw);
  const output = result.output as Record<string, unknown>;
  // A key the schema does not know, or a value it read as absent (a bad language tag, say).
  const dropped = Object.keys(record).find((key) => output[key] === undefined && record[key] !== undefined);
  if (dropped !== undefined) return `${where}.${dropped} is not valid`;
  if (Array.isArray(record.memory) && record.memory.length !== (output.memory as readonly unknown[]).length) return `${where}.memory holds an exchange that is not valid`;
  if (Array.isArray(record.facts) && record.facts.length !== (output.facts as readonly unknown[]).length) return `${where}.facts holds a fact that is not valid, or more than ${MAX_FACTS}`;
  if (record.growth !== undefined && !v.is(GrowthSchema, record.growth)) return `${where}.growth is not valid`;
  return undefined;
}

/**
 * The first problem of a whole config document, read strictly; undefined when every part of it passes.
 * `schemaVersion` is this Buddy's: a document migrated further was written by a newer Buddy.
 */
export function strictConfigProblem(raw: unknown, schemaVersion: string): string | undefined {
  if (!isObject(raw)) return 'the config is not an object';
  const unknown = Object.keys(raw).find((key) => !CONFIG_KEYS.includes(key));
  if (unknown !== undefined) return `the config holds "${unknown.slice(0, 40)}", which this Buddy does not know (it was written by a newer Buddy?)`;
  if (raw[INTERNAL_KEY] !== undefined) {
    const version = schemaVersionOf(raw);
    if (version === undefined) return `the config's ${INTERNAL_KEY} is not valid`;
    if (isLaterVersion(version, schemaVersion)) return `the config is of schema ${version.slice(0, 20)}, newer than this Buddy's ${schemaVersion}: update Buddy first`;
  }
  if (raw.localUserId !== undefined) {
    const validation = typeof raw.localUserId === 'string' ? validateUserId(raw.localUserId) : { ok: false as const, reason: 'it is not a string' };
    if (!validation.ok) return `localUserId is not valid (${validation.reason})`;
  }
  if (raw.settings !== undefined) {
    if (!isObject(raw.settings)) return 'settings is not an object';
    const settings = raw.settings;
    const unknownSetting = Object.keys(settings).find((key) => !(SETTING_KEYS as readonly string[]).includes(key));
    if (unknownSetting !== undefined) return `settings.${unknownSetting.slice(0, 40)} is not a setting this Buddy knows`;
    const invalid = invalidSettingKeys(settings)[0];
    if (invalid !== undefined) return `settings.${invalid} is not valid`;
  }
  if (raw.buddy !== undefined) {
    const problem = buddyProblem(raw.buddy, 'buddy', false);
    if (problem) return problem;
  }
  if (raw.archive !== undefined) {
    if (!Array.isArray(raw.archive)) return 'archive is not a list';
    for (const [index, item] of raw.archive.entries()) {
      const problem = buddyProblem(item, `archive.${index}`, true);
      if (problem) return problem;
    }
  }
  if (raw.events !== undefined && !v.is(EventCursorSchema, raw.events)) return 'events is not valid';
  return undefined;
}
