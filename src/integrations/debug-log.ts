// Unexpected statusline and hook errors go here, never to the host's screen. Capped in size.
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../store/paths.js';

const MAX_LOG_BYTES = 256 * 1024;

export function debugLogFile(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'debug.log');
}

export function logDebug(env: NodeJS.ProcessEnv, where: string, error: unknown): void {
  try {
    const file = debugLogFile(env);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      if (fs.statSync(file).size > MAX_LOG_BYTES) fs.truncateSync(file, 0);
    } catch {
      // no log yet
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fs.appendFileSync(file, `${new Date().toISOString()} ${where}: ${detail}\n`);
  } catch {
    // Logging must never become the failure.
  }
}
