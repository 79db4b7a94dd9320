// Copies of a host's config file taken before Buddy edits it: in Buddy's own config directory (never in a
// project tree, where they could be committed), readable only by the user, the newest few per file.
// Claude Code's settings keep theirs in claude-code-backups/; the MCP hosts' files in a folder per host.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { configDir } from '../store/paths.js';

export const BACKUPS_KEPT = 5;
export const CLAUDE_BACKUPS = 'claude-code-backups';

/** One folder per config file, named so a person can tell which file it belongs to. */
export function backupDir(env: NodeJS.ProcessEnv, settingsFile: string, folder = CLAUDE_BACKUPS): string {
  const readable = settingsFile.replace(/[^\w.-]+/g, '_').replace(/^_+/, '').slice(-80);
  const hash = createHash('sha256').update(settingsFile).digest('hex').slice(0, 8);
  return path.join(configDir(env), folder, `${readable}-${hash}`);
}

/** Backups are named after the file: settings.<time>.json, config.<time>.toml, mcp.<time>.json. */
function namingOf(settingsFile: string): { readonly stem: string; readonly extension: string } {
  const extension = path.extname(settingsFile);
  const stem = path.basename(settingsFile, extension).replace(/^\.+/, '').replace(/[^\w-]/g, '_');
  return { stem: stem || 'settings', extension: extension.replace(/[^\w.]/g, '_') };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes the backup (mode 0600) and prunes the folder to the newest BACKUPS_KEPT; returns its path. */
export function writeBackup(env: NodeJS.ProcessEnv, settingsFile: string, content: string, now: Date, folder = CLAUDE_BACKUPS): string {
  const dir = backupDir(env, settingsFile, folder);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { stem, extension } = namingOf(settingsFile);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = '';
  for (let attempt = 0; ; attempt++) {
    backup = path.join(dir, `${stem}.${stamp}${attempt === 0 ? '' : `-${attempt}`}${extension}`);
    try {
      fs.writeFileSync(backup, content, { mode: 0o600, flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw error;
    }
  }
  const named = new RegExp(`^${escapeRegExp(stem)}\\.(.+?)(?:-(\\d+))?${escapeRegExp(extension)}$`);
  const stampOf = (name: string): string => named.exec(name)?.[1] ?? name;
  const suffixOf = (name: string): number => Number(named.exec(name)?.[2] ?? 0);
  // Names sort by time; a same-stamp suffix sorts after its first, as written.
  const kept = fs
    .readdirSync(dir)
    .filter((name) => named.test(name))
    .sort((a, b) => stampOf(a).localeCompare(stampOf(b)) || suffixOf(a) - suffixOf(b));
  for (const name of kept.slice(0, Math.max(0, kept.length - BACKUPS_KEPT))) fs.rmSync(path.join(dir, name), { force: true });
  return backup;
}
