// Where Buddy keeps its files. BUDDY_CONFIG_DIR / BUDDY_CACHE_DIR override the platform defaults
// (useful for tests and for people who keep dotfiles elsewhere).
import os from 'node:os';
import path from 'node:path';

type Env = NodeJS.ProcessEnv;

export function configDir(env: Env = process.env): string {
  if (env.BUDDY_CONFIG_DIR) return env.BUDDY_CONFIG_DIR;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'buddy');
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'buddy', 'Config');
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'buddy');
}

export function cacheDir(env: Env = process.env): string {
  if (env.BUDDY_CACHE_DIR) return env.BUDDY_CACHE_DIR;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'buddy');
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'buddy', 'Cache');
  }
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'buddy');
}

export const CONFIG_FILE_NAME = 'config.json';

export function configFile(env: Env = process.env): string {
  return path.join(configDir(env), CONFIG_FILE_NAME);
}

/** Claude Code keeps its global state in ~/.claude.json, or inside CLAUDE_CONFIG_DIR when that is set. */
export function claudeGlobalConfigFile(env: Env = process.env): string {
  if (env.CLAUDE_CONFIG_DIR) return path.join(env.CLAUDE_CONFIG_DIR, '.claude.json');
  return path.join(os.homedir(), '.claude.json');
}
