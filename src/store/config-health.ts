// Before anything reads the buddy to act on it (the pet, hatch, say), make sure the config file is
// readable and its buddy passes the schema; if not, the conf-backed store moves the bad file aside and
// repairs it (from the last good backup, or by rolling the bones again). Without this, a corrupt file would
// read as "no buddy yet" and a new hatch would overwrite the old one.
import fs from 'node:fs';
import { configFile } from './paths.js';
import { checkConfig } from './schema.js';

function isHealthy(file: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const checked = checkConfig(value);
  return checked.invalidBuddy === undefined && checked.invalidKeys.length === 0;
}

/** Returns one-line warnings about what was repaired (usually none, at the cost of one small read). */
export async function repairConfigIfNeeded(env: NodeJS.ProcessEnv): Promise<readonly string[]> {
  if (isHealthy(configFile(env))) return [];
  const { openConfigStore } = await import('./config-store.js');
  return openConfigStore(env).warnings;
}
