// Folders Buddy makes for itself are private: 0700, whichever command makes them first.
import fs from 'node:fs';
import { fileErrorFrom } from './errors.js';

export const PRIVATE_DIR_MODE = 0o700;

/** Makes `dir` and any missing parents, each 0700. An existing folder keeps the mode its owner gave it. */
export function ensurePrivateDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    throw fileErrorFrom(error, dir, 'create the folder');
  }
}
