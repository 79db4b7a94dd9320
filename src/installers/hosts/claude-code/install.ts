// Installing into Claude Code's settings file and taking Buddy out again: read strictly, back up, edit
// only Buddy's members, write atomically through a symlink to its target, and keep a record of
// Buddy's part alone. Each install and uninstall holds the records' lock from reading the records to
// writing them again, so concurrent ones (the user's scope and a project's) never lose a record.
import path from 'node:path';
import { writeBackup } from '../../backups.js';
import { checkedJson, readSettingsFile, refuseReadOnly, removeSettingsFile, writeSettingsFile } from '../../config-file.js';
import { withRecord, withRecordsLock } from '../../records.js';
import { homeDir, type Scope } from '../../scope.js';
import { isBlank, treeOf } from '../../text/json-text-edit.js';
import { ownershipOf, type BuddyCommands } from './commands.js';
import { statusLineEntries } from './entries.js';
import { readRecords, recordsFile, writeRecords, type InstallRecord } from './records.js';
import { planInstall, planUninstall } from './settings-edit.js';

/** Claude Code's settings keep their backups here, in Buddy's config directory (backups.ts). */
export const CLAUDE_BACKUPS = 'claude-code-backups';

export function claudeSettingsFile(env: NodeJS.ProcessEnv, project: string | undefined): string {
  if (project !== undefined) return path.join(project, '.claude', 'settings.json');
  const base = env.CLAUDE_CONFIG_DIR ?? path.join(homeDir(env), '.claude');
  return path.join(base, 'settings.json');
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

export type InstallOutcome =
  | { readonly kind: 'already-installed' }
  | { readonly kind: 'installed'; readonly backup: string | undefined; readonly wrapped: boolean; readonly statusLine: string };

/** A settings file Buddy makes is the user's to read and share, like the ones Claude Code makes. */
const NEW_SETTINGS_MODE = 0o644;

export function installClaudeCode(env: NodeJS.ProcessEnv, file: string, scope: Scope, commands: BuddyCommands, wrap: boolean, now: Date): InstallOutcome {
  return withRecordsLock(recordsFile(env), () => install(env, file, scope, commands, wrap, now));
}

function install(env: NodeJS.ProcessEnv, file: string, scope: Scope, commands: BuddyCommands, wrap: boolean, now: Date): InstallOutcome {
  const loaded = readRecords(env, claudeSettingsFile(env, undefined));
  const previous = loaded.records[file];
  const disk = readSettingsFile(file);
  const { text } = disk;
  const { bom, body } = checkedJson(file, text);
  const plan = planInstall(body, commands, wrap, ownershipOf(previous?.commands ?? []));
  const installedAt = now.toISOString();
  if (!plan.changed) {
    // Installed, but the record is gone: remember these entries again, so scopes stay known.
    if (!previous) writeRecords(env, loaded, withRecord(loaded.records, file, { scope, commands: plan.commands, fileCreated: false, installedAt }), now);
    return { kind: 'already-installed' };
  }
  refuseReadOnly(file, disk);
  const backup = text === null ? undefined : writeBackup(env, file, text, now, CLAUDE_BACKUPS);
  writeSettingsFile(file, disk, `${bom}${plan.body}`, NEW_SETTINGS_MODE);
  const record: InstallRecord =
    plan.fresh || !previous
      ? {
          scope,
          commands: plan.commands,
          ...(plan.wrapped === undefined ? {} : { wrapped: plan.wrapped }),
          // Which containers Buddy made is known only when it found none of its entries there.
          ...(plan.fresh ? { created: plan.created } : {}),
          fileCreated: text === null,
          // Exact undo only for an install onto settings that held nothing of Buddy's.
          ...(plan.fresh ? { undo: plan.undo } : {}),
          installedAt,
        }
      : {
          scope,
          commands: union(previous.commands, plan.commands),
          ...((previous.wrapped ?? plan.wrapped) === undefined ? {} : { wrapped: previous.wrapped ?? plan.wrapped }),
          ...(previous.created ? { created: union(previous.created, plan.created) } : {}),
          fileCreated: previous.fileCreated,
          installedAt: previous.installedAt,
        };
  writeRecords(env, loaded, withRecord(loaded.records, file, record), now);
  return { kind: 'installed', backup, wrapped: plan.wrapped !== undefined, statusLine: plan.commands[0]! };
}

export type UninstallOutcome =
  /** Nothing of Buddy's there, and no record of an install. */
  | { readonly kind: 'not-installed' }
  /** The settings file is gone: not recreated, and the record is cleared. */
  | { readonly kind: 'file-gone' }
  /** Recorded, but Buddy's entries were already taken out by hand; the record is cleared. */
  | { readonly kind: 'already-removed' }
  | {
      readonly kind: 'removed';
      readonly backup: string;
      readonly exact: boolean;
      readonly deleted: boolean;
      /** A statusLine of the user's is left, so installing again takes --wrap. */
      readonly statusLineLeft: boolean;
    };

export function uninstallClaudeCode(env: NodeJS.ProcessEnv, file: string, now: Date): UninstallOutcome {
  return withRecordsLock(recordsFile(env), () => uninstall(env, file, now));
}

function uninstall(env: NodeJS.ProcessEnv, file: string, now: Date): UninstallOutcome {
  const loaded = readRecords(env, claudeSettingsFile(env, undefined));
  const record = loaded.records[file];
  const forget = (): void => {
    if (record) writeRecords(env, loaded, withRecord(loaded.records, file, undefined), now);
  };
  const disk = readSettingsFile(file);
  const { text } = disk;
  if (text === null) {
    forget();
    return record ? { kind: 'file-gone' } : { kind: 'not-installed' };
  }
  const { bom, body } = checkedJson(file, text);
  const plan = planUninstall(body, ownershipOf(record?.commands ?? []), record);
  if (!plan.changed) {
    forget();
    return record ? { kind: 'already-removed' } : { kind: 'not-installed' };
  }
  refuseReadOnly(file, disk);
  const backup = writeBackup(env, file, text, now, CLAUDE_BACKUPS);
  // A file Buddy made, with nothing else ever put in it, goes again (a link put in its place stays).
  const deleted = record?.fileCreated === true && plan.exact && plan.body === '' && disk.target === file;
  if (deleted) removeSettingsFile(file, disk);
  else writeSettingsFile(file, disk, `${bom}${plan.body}`, NEW_SETTINGS_MODE);
  forget();
  const statusLineLeft = !isBlank(plan.body) && statusLineEntries(treeOf(plan.body)).length > 0;
  return { kind: 'removed', backup, exact: plan.exact, deleted, statusLineLeft };
}
