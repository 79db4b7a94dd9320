// The config store: conf for schema, migrations and atomic writes; a lock for read-modify-write across
// processes; recovery from corrupt files; a backup of every saved soul so a hatched buddy is never lost.
// Every read and write goes through the file-access layer (guarded-conf.ts): a config that cannot be read
// at all (not permitted, a FIFO, a device) is said in one line and left exactly as it is: it is not
// corrupt, so it is never moved aside and the backup is never restored over it.
import path from 'node:path';
import { ensurePrivateDir } from '../files/dirs.js';
import { FileAccessError } from '../files/errors.js';
import { renameOwnFile } from '../files/housekeeping.js';
import { withLockSync } from '../files/lock.js';
import { OWN_FILE_CAP, readRegularText } from '../files/read.js';
import { replaceFileAtomically } from '../files/replace.js';
import { sweepTemporaries } from '../files/temporaries.js';
export { BACKUP_FILE_NAME };
import { configDir, CONFIG_FILE_NAME } from './paths.js';
import { BACKUP_FILE_NAME } from './config-snapshot.js';
import { GuardedConf } from './guarded-conf.js';
import { writeOfflineSoul } from '../persona/offline-writer.js';
import { isJsonObject, optionalJsonValue, readOwnJson } from './own-json.js';
import { recoverBuddy } from './recover.js';
import { growthOf, toStoredGrowth } from './growth-schema.js';
import { assertWritable, checkConfig, normaliseConfig, recordOf, type ConfigData } from './schema.js';
import { strictConfigProblem } from './strict-config.js';

// The config file's schema version (conf keeps it in `__internal__.migrations.version`).
const PROJECT_VERSION = '1.1.0';
export { PROJECT_VERSION as CONFIG_SCHEMA_VERSION };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ConfigStore {
  readonly file: string;
  /** Warnings gathered while opening (a corrupt file moved aside, a restored backup). */
  readonly warnings: readonly string[];
  read(): ConfigData;
  /**
   * Locked read-modify-write. `backup` also refreshes the last-good backup (do it when the soul changes);
   * as a function, it decides from the data written.
   */
  update(mutate: (data: Mutable<ConfigData>) => void, options?: { backup?: boolean | ((data: ConfigData) => boolean) }): ConfigData;
  /** The whole file as an object, every key as written (conf's bookkeeping too): what `buddy export` carries. */
  document(): Readonly<Record<string, unknown>>;
  /**
   * Locked replace of the whole file with what `build` makes of it (`buddy import`), and of the backup with
   * it; `build` throws to change nothing. What it returns must pass the strict schema (strict-config.ts).
   */
  replaceDocument(build: (current: Readonly<Record<string, unknown>>) => Record<string, unknown>): ConfigData;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Buddy's records must survive a power cut as well as a crash: flushed before the rename is relied on. */
function writeDurably(file: string, text: string): void {
  replaceFileAtomically(file, text, { durable: true });
}

/**
 * The backup's text when it holds a JSON object; undefined when it is missing, damaged or not a regular
 * file (an unusable backup is no backup). One Buddy may not read is not missing: that throws
 * FileAccessError, since going on without it would leave the buddy it holds behind.
 */
function backupText(backup: string): string | undefined {
  let text: string | null;
  try {
    text = readRegularText(backup, { maxBytes: OWN_FILE_CAP });
  } catch (error) {
    if (error instanceof FileAccessError && error.problem === 'permission') throw error;
    return undefined;
  }
  if (text === null) return undefined;
  try {
    return isJsonObject(JSON.parse(text)) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a damaged config (not JSON, or not an object) aside and restores the last good backup, if there is
 * one. A config that cannot be read throws FileAccessError from the read: it is not damaged, and stays;
 * so does a damaged one whose backup Buddy may not read (the backup is read before anything is moved).
 */
function recoverIfCorrupt(dir: string, now: Date): string[] {
  const file = path.join(dir, CONFIG_FILE_NAME);
  const read = readOwnJson(file);
  if (read.state === 'missing' || (read.state === 'parsed' && isJsonObject(read.value))) return [];
  const saved = backupText(path.join(dir, BACKUP_FILE_NAME));
  const aside = path.join(dir, `${CONFIG_FILE_NAME}.corrupt-${timestamp(now)}`);
  renameOwnFile(file, aside);
  const warnings = [`config file was damaged; moved it aside to ${aside}`];
  if (saved !== undefined) {
    writeDurably(file, saved);
    warnings.push('restored your buddy from the last good backup');
  }
  return warnings;
}

/** A stored buddy record with its growth made explicit; anything that is not one is left exactly as it was. */
function withGrowth(buddy: unknown): unknown {
  const record = recordOf(buddy);
  if (typeof record.hatchedAt !== 'string' || record.growth !== undefined || Object.keys(record).length === 0) return buddy;
  return { ...record, growth: toStoredGrowth(growthOf({ hatchedAt: record.hatchedAt }, Date.now())) };
}

function createConf(dir: string): GuardedConf {
  return new GuardedConf({
    cwd: dir,
    configName: 'config',
    projectVersion: PROJECT_VERSION,
    configFileMode: 0o600,
    migrations: {
      // 1.0.0: the first schema; settings gain their defaults.
      '1.0.0': (store) => {
        if (!store.has('settings')) store.set('settings', {});
      },
      // 1.1.0: growth. A hatched buddy (and every archived one) keeps everything and starts at level 1,
      // its growth dated from its hatch.
      '1.1.0': (store) => {
        if (store.has('buddy')) store.set('buddy', withGrowth(store.get('buddy')));
        const archive = store.get('archive');
        if (Array.isArray(archive)) store.set('archive', archive.map(withGrowth));
      },
    },
  });
}

export function openConfigStore(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): ConfigStore {
  const dir = configDir(env);
  ensurePrivateDir(dir);
  const lockDir = path.join(dir, 'config.lock');
  const warnings: string[] = [];
  const conf = withLockSync(lockDir, () => {
    // Under the lock, no other Buddy is writing: only what killed writers left behind is swept.
    sweepTemporaries(dir);
    warnings.push(...recoverIfCorrupt(dir, now));
    const opened = createConf(dir);
    const checked = checkConfig(opened.store);
    if (checked.invalidBuddy || checked.invalidKeys.length > 0) {
      // The file as it was is kept beside the config: nothing is lost, whatever the repair decides.
      const aside = path.join(dir, `${CONFIG_FILE_NAME}.invalid-${timestamp(now)}`);
      writeDurably(aside, JSON.stringify(opened.store, null, 2));
      const notes: string[] = [];
      if (checked.invalidKeys.length > 0) notes.push(`${checked.invalidKeys.join(', ')} did not match the expected shape and went back to the default`);
      const { buddy: _invalid, localUserId: _id, settings: _settings, archive: _archive, events: _events, ...unknownKeys } = opened.store;
      let buddy = checked.data.buddy;
      if (checked.invalidBuddy) {
        const recovery = recoverBuddy(checked.invalidBuddy.raw, checked.invalidBuddy.problem, optionalJsonValue(path.join(dir, BACKUP_FILE_NAME)), now, writeOfflineSoul);
        buddy = recovery.buddy;
        notes.push(recovery.note);
      }
      opened.store = { ...unknownKeys, ...checked.data, ...(buddy ? { buddy } : {}) };
      warnings.push(`${notes.join('; ')} (the old file is kept as ${aside})`);
    }
    return opened;
  });

  return {
    file: conf.path,
    warnings,
    read: () => normaliseConfig(conf.store),
    update(mutate, options = {}) {
      return withLockSync(lockDir, () => {
        const current = conf.store;
        const data: Mutable<ConfigData> = { ...normaliseConfig(current) };
        mutate(data);
        assertWritable(data);
        // Keys this version does not know (written by a newer Buddy) are kept as they were.
        const { localUserId: _id, settings: _settings, buddy: _buddy, archive: _archive, events: _events, ...unknownKeys } = current;
        conf.store = { ...unknownKeys, ...data };
        const backup = typeof options.backup === 'function' ? options.backup(data) : options.backup;
        if (backup) writeDurably(path.join(dir, BACKUP_FILE_NAME), JSON.stringify(conf.store, null, 2));
        return normaliseConfig(conf.store);
      });
    },
    document: () => conf.store,
    replaceDocument(build) {
      return withLockSync(lockDir, () => {
        const next = build(conf.store);
        const problem = strictConfigProblem(next, PROJECT_VERSION);
        if (problem !== undefined) throw new Error(`config: ${problem}`);
        conf.store = next;
        writeDurably(path.join(dir, BACKUP_FILE_NAME), JSON.stringify(conf.store, null, 2));
        return normaliseConfig(conf.store);
      });
    },
  };
}
