// Read-only view of the config for fast paths (statusline, hooks, roll): one capped, non-blocking read and
// JSON.parse, no conf. A stored buddy that fails the schema is recovered in memory (the writers' store
// repairs the file itself). A missing or damaged file reads as defaults; a config that cannot be read at
// all (a FIFO, a device, too big, not permitted) throws FileAccessError (one line) rather than pass for
// "no buddy yet". Writers go through config-store.ts.
import path from 'node:path';
import { configDir, CONFIG_FILE_NAME } from './paths.js';
import { ownJsonValue, optionalJsonValue } from './own-json.js';
import { recoverBuddy } from './recover.js';
import { checkConfig, type ConfigData } from './schema.js';

export const BACKUP_FILE_NAME = 'config.backup.json';

export interface ConfigSnapshot {
  readonly data: ConfigData;
  /** What was wrong with the stored buddy and how it was recovered for this read. */
  readonly note?: string;
}

export function readCheckedSnapshot(env: NodeJS.ProcessEnv = process.env, now: Date = new Date(), options: { readonly archive?: boolean } = {}): ConfigSnapshot {
  const dir = configDir(env);
  const checked = checkConfig(ownJsonValue(path.join(dir, CONFIG_FILE_NAME)), options);
  if (!checked.invalidBuddy) return { data: checked.data };
  const recovery = recoverBuddy(checked.invalidBuddy.raw, checked.invalidBuddy.problem, optionalJsonValue(path.join(dir, BACKUP_FILE_NAME)), now);
  return { data: recovery.buddy ? { ...checked.data, buddy: recovery.buddy } : checked.data, note: recovery.note };
}

export function readConfigSnapshot(env: NodeJS.ProcessEnv = process.env): ConfigData {
  return readCheckedSnapshot(env).data;
}
