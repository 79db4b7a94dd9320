// A throwaway config directory per test: BUDDY_CONFIG_DIR points inside a new temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TempConfig {
  readonly root: string;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

export function makeTempConfig(prefix: string): TempConfig {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = path.join(root, 'config');
  return { root, dir, env: { BUDDY_CONFIG_DIR: dir } };
}

export function removeTempConfig(temp: TempConfig): void {
  fs.rmSync(temp.root, { recursive: true, force: true });
}
