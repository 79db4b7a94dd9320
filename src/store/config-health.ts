// Before anything reads the buddy to act on it (the pet, hatch, say), make sure the config file is
// readable and its buddy passes the schema; if not, the conf-backed store moves the bad file aside and
// repairs it (from the last good backup, or by rolling the bones again). Without this, a corrupt file would
// read as "no buddy yet" and a new hatch would overwrite the old one. A config that cannot be read at all
// (not permitted, a FIFO, a device) is not corrupt: that is said in one line and nothing is touched.
import { sweepTemporaries } from '../files/temporaries.js';
import { configDir, configFile } from './paths.js';
import { isJsonObject, readOwnJson } from './own-json.js';
import { checkConfig } from './schema.js';

/** Throws FileAccessError when the file cannot be read. */
function isHealthy(file: string): boolean {
  const read = readOwnJson(file);
  if (read.state === 'missing') return true;
  if (read.state === 'unparsable' || !isJsonObject(read.value)) return false;
  const checked = checkConfig(read.value);
  return checked.invalidBuddy === undefined && checked.invalidKeys.length === 0;
}

/** Returns one-line warnings about what was repaired (usually none, at the cost of one small read). */
export async function repairConfigIfNeeded(env: NodeJS.ProcessEnv): Promise<readonly string[]> {
  // What writers killed mid-write left behind goes first (one listing of a small folder).
  sweepTemporaries(configDir(env));
  if (isHealthy(configFile(env))) return [];
  const { openConfigStore } = await import('./config-store.js');
  return openConfigStore(env).warnings;
}
