// Copies of a settings file taken before Buddy edits it: in Buddy's own config directory (never in a
// project tree, where they could be committed), readable only by the user, the newest few per file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { configDir } from '../store/paths.js';

export const BACKUPS_KEPT = 5;

/** One folder per settings file, named so a person can tell which file it belongs to. */
export function backupDir(env: NodeJS.ProcessEnv, settingsFile: string): string {
  const readable = settingsFile.replace(/[^\w.-]+/g, '_').replace(/^_+/, '').slice(-80);
  const hash = createHash('sha256').update(settingsFile).digest('hex').slice(0, 8);
  return path.join(configDir(env), 'claude-code-backups', `${readable}-${hash}`);
}

/** Writes the backup (mode 0600) and prunes the folder to the newest BACKUPS_KEPT; returns its path. */
export function writeBackup(env: NodeJS.ProcessEnv, settingsFile: string, content: string, now: Date): string {
  const dir = backupDir(env, settingsFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = '';
  for (let attempt = 0; ; attempt++) {
    backup = path.join(dir, `settings.${stamp}${attempt === 0 ? '' : `-${attempt}`}.json`);
    try {
      fs.writeFileSync(backup, content, { mode: 0o600, flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw error;
    }
  }
  // Names sort by time; a same-stamp suffix sorts after its first, as written.
  const kept = fs
    .readdirSync(dir)
    .filter((name) => /^settings\..+\.json$/.test(name))
    .sort((a, b) => stampOf(a).localeCompare(stampOf(b)) || suffixOf(a) - suffixOf(b));
  for (const name of kept.slice(0, Math.max(0, kept.length - BACKUPS_KEPT))) fs.rmSync(path.join(dir, name), { force: true });
  return backup;
}

const stampOf = (name: string): string => /^settings\.(.+?)(?:-(\d+))?\.json$/.exec(name)?.[1] ?? name;
const suffixOf = (name: string): number => Number(/-(\d+)\.json$/.exec(name)?.[1] ?? 0);
