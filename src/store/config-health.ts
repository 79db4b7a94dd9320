// Before anything reads the buddy to act on it (the pet, hatch, say), make sure the config file is
// readable; if it is not, the conf-backed store moves it aside and restores the last good backup.
// Without this, a corrupt file would read as "no buddy yet" and a new hatch would overwrite the old one.
import fs from 'node:fs';
import { configFile } from './paths.js';

function readsAsObject(file: string): boolean {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Returns one-line warnings about what was repaired (usually none, at the cost of one small read). */
export async function repairConfigIfNeeded(env: NodeJS.ProcessEnv): Promise<readonly string[]> {
  if (readsAsObject(configFile(env))) return [];
  const { openConfigStore } = await import('./config-store.js');
  return openConfigStore(env).warnings;
}
