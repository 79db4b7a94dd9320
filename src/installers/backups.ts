// Copies of a host's config file taken before Buddy edits it: in Buddy's own config directory (never in a
// project tree, where they could be committed), readable only by the user, the newest few per file.
// Each host keeps its files' backups in a folder of its own (claude-code-backups/, codex-backups/, …).
// Written only under the install records' lock, so two installs never pick the same name.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ensurePrivateDir } from '../files/dirs.js';
import { listNames, removeRegularFile } from '../files/entries.js';
import { kindAt } from '../files/kind.js';
import { PRIVATE_FILE_MODE, replaceFileAtomically } from '../files/replace.js';
import { sweepTemporaries } from '../files/temporaries.js';
import { configDir } from '../store/paths.js';

export const BACKUPS_KEPT = 5;

/** One folder per config file, named so a person can tell which file it belongs to. */
export function backupDir(env: NodeJS.ProcessEnv, settingsFile: string, folder: string): string {
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
export function writeBackup(env: NodeJS.ProcessEnv, settingsFile: string, content: string, now: Date, folder: string): string {
  const dir = backupDir(env, settingsFile, folder);
  ensurePrivateDir(dir);
  sweepTemporaries(dir);
  const { stem, extension } = namingOf(settingsFile);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = '';
  for (let attempt = 0; ; attempt++) {
    backup = path.join(dir, `${stem}.${stamp}${attempt === 0 ? '' : `-${attempt}`}${extension}`);
    if (kindAt(backup) === 'missing') break;
    if (attempt > 100) throw new Error(`cannot find a free backup name in ${dir}`);
  }
  replaceFileAtomically(backup, content, { newFileMode: PRIVATE_FILE_MODE });
  const named = new RegExp(`^${escapeRegExp(stem)}\\.(.+?)(?:-(\\d+))?${escapeRegExp(extension)}$`);
  const stampOf = (name: string): string => named.exec(name)?.[1] ?? name;
  const suffixOf = (name: string): number => Number(named.exec(name)?.[2] ?? 0);
  // Names sort by time; a same-stamp suffix sorts after its first, as written.
  const kept = listNames(dir)
    .filter((name) => named.test(name))
    .sort((a, b) => stampOf(a).localeCompare(stampOf(b)) || suffixOf(a) - suffixOf(b));
  for (const name of kept.slice(0, Math.max(0, kept.length - BACKUPS_KEPT))) {
    try {
      removeRegularFile(path.join(dir, name));
    } catch {
      // Not a regular file (someone put it there): pruning is housekeeping, not worth failing the edit.
    }
  }
  return backup;
}
