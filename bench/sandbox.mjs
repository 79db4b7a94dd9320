// A throwaway home with a hatched buddy, so benchmarks measure the pet and not the first hatch.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hatchedSandbox(userId = 'bench-user', bundle = 'dist/buddy.js') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-home-'));
  const env = {
    HOME: dir,
    BUDDY_CONFIG_DIR: path.join(dir, 'config'),
    BUDDY_CACHE_DIR: path.join(dir, 'cache'),
    CLAUDE_CONFIG_DIR: path.join(dir, 'claude'),
    BUDDY_USER_ID: userId,
    ANTHROPIC_API_KEY: '',
  };
  execFileSync(process.execPath, [bundle, 'hatch'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return { dir, env };
}
