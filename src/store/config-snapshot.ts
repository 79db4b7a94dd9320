// Read-only view of the config for fast paths (statusline, hooks, roll): plain fs + JSON.parse, no conf,
// never throws. Writers go through config-store.ts.
import fs from 'node:fs';
import { configFile } from './paths.js';
import { normaliseConfig, type ConfigData } from './schema.js';

export function readConfigSnapshot(env: NodeJS.ProcessEnv = process.env): ConfigData {
  try {
    return normaliseConfig(JSON.parse(fs.readFileSync(configFile(env), 'utf8')));
  } catch {
    return normaliseConfig({});
  }
}
