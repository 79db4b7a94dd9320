// `buddy uninstall --all --purge`: Buddy's own files go, and nothing else. Each folder (the config, which
// holds the journal, and the cache) is emptied of the names Buddy gives its files, each listed here from
// the module that makes it; a name Buddy does not make stays, and so does its folder then. Nothing is
// followed out of these folders: a symlink is removed as a link, and a folder that is itself a symlink is
// not Buddy's folder, so it is left as it is.
import path from 'node:path';
import { removeEmptyFolder, removeOwnEntry, listNames } from '../files/housekeeping.js';
import { kindAt } from '../files/kind.js';
import { isTemporaryName } from '../files/temporaries.js';
import { CLAUDE_BACKUPS } from '../installers/hosts/claude-code/install.js';
import { recordsFile } from '../installers/hosts/claude-code/records.js';
import { MCP_HOSTS } from '../installers/hosts/index.js';
import { mcpRecordsFile } from '../installers/mcp-records.js';
import { hookRecordsFile } from '../installers/hook-records.js';
import { EXPIRED_JOURNAL_PATTERN, JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME, ROTATE_LOCK_NAME } from '../journal/append.js';
import { framesRoot } from '../statusline/frames.js';
import { sessionsDir } from '../statusline/session-state.js';
import { BACKUP_FILE_NAME } from '../store/config-snapshot.js';
import { debugLogFile } from '../store/debug-log.js';
import { EVENTS_FILE_NAME, ROTATED_EVENTS_FILE_NAME } from '../store/event-log.js';
import { cacheDir, CONFIG_FILE_NAME, configDir } from '../store/paths.js';
import { CODE_CACHE_FOLDER } from './code-cache.js';

export interface PurgeFolder {
  /** What it holds, for the plan: `config and journal`, `cache`. */
  readonly label: string;
  readonly dir: string;
  /** Whether a name in it is one Buddy gives its files. */
  readonly isOwn: (name: string) => boolean;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (...names: readonly string[]) => (name: string): boolean => names.includes(name);

function configNames(env: NodeJS.ProcessEnv): (name: string) => boolean {
  const records = [path.basename(recordsFile(env)), path.basename(mcpRecordsFile(env)), path.basename(hookRecordsFile(env))].map(escape).join('|');
  const own = [
    exactly(CONFIG_FILE_NAME, BACKUP_FILE_NAME, 'config.lock', EVENTS_FILE_NAME, ROTATED_EVENTS_FILE_NAME),
    // A damaged config moved aside, and a repaired one's copy.
    (name: string) => new RegExp(`^${escape(CONFIG_FILE_NAME)}\\.(corrupt|invalid)-[\\w-]+$`).test(name),
    exactly(JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME, ROTATE_LOCK_NAME),
    (name: string) => EXPIRED_JOURNAL_PATTERN.test(name),
    // The install records, their locks, and a damaged record kept aside.
    (name: string) => new RegExp(`^(${records})(\\.lock|\\.damaged-[\\w-]+)?$`).test(name),
    exactly(CLAUDE_BACKUPS, ...MCP_HOSTS.map((host) => host.backupFolder)),
    isTemporaryName,
  ];
  return (name) => own.some((test) => test(name));
}

function cacheNames(env: NodeJS.ProcessEnv): (name: string) => boolean {
  const own = exactly(path.basename(sessionsDir(env)), path.basename(framesRoot(env)), CODE_CACHE_FOLDER, path.basename(debugLogFile(env)));
  return (name) => own(name) || isTemporaryName(name);
}

/** The cache first: it may sit inside the config folder, which then empties once the cache is gone. */
export function purgeFolders(env: NodeJS.ProcessEnv): PurgeFolder[] {
  const config = configDir(env);
  const cache = cacheDir(env);
  const inConfig = configNames(env);
  const inCache = cacheNames(env);
  if (path.resolve(config) === path.resolve(cache)) return [{ label: 'config, journal and cache', dir: config, isOwn: (name) => inConfig(name) || inCache(name) }];
  return [
    { label: 'cache', dir: cache, isOwn: inCache },
    { label: 'config and journal', dir: config, isOwn: inConfig },
  ];
}

export type PurgeResult =
  | { readonly state: 'missing' }
  /** The folder is a symlink (or not a folder): not Buddy's folder, left as it is. */
  | { readonly state: 'not-a-folder'; readonly kind: string }
  | { readonly state: 'removed'; readonly entries: number }
  /** Buddy's entries are gone; these names are not Buddy's, so they and the folder stay. */
  | { readonly state: 'kept'; readonly entries: number; readonly others: readonly string[] };

export function purgeFolder(folder: PurgeFolder): PurgeResult {
  const kind = kindAt(folder.dir);
  if (kind === 'missing') return { state: 'missing' };
  if (kind !== 'directory') return { state: 'not-a-folder', kind };
  const names = listNames(folder.dir);
  const own = names.filter(folder.isOwn);
  for (const name of own) removeOwnEntry(path.join(folder.dir, name));
  const others = names.filter((name) => !folder.isOwn(name));
  if (others.length > 0) return { state: 'kept', entries: own.length, others };
  // Something made in it meanwhile keeps it.
  return removeEmptyFolder(folder.dir) ? { state: 'removed', entries: own.length } : { state: 'kept', entries: own.length, others: listNames(folder.dir) };
}
