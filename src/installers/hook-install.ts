// Putting `buddy hook agent` into an agent CLI's hook file and taking it out again, under the same rules
// as the other installers: read the host's file strictly (through a symlink to its target, refusing
// anything but a regular file), back it up, edit only Buddy's hooks, write atomically, keep a record of
// Buddy's part alone, and on uninstall give the file back exactly as it was, or as the person has changed
// it since, without Buddy. Each install and uninstall holds the hook records' lock from reading the
// records to writing them again.
import path from 'node:path';
import { pathExists } from '../files/entries.js';
import { writeBackup } from './backups.js';
import { checkedJson, readSettingsFile, refuseReadOnly, removeSettingsFile, SettingsFileError, writeSettingsFile } from './config-file.js';
import { hookOwnershipOf, parseHookCommand, type HookCommands, type HookHost } from './hook-host.js';
import { hookRecordsFile, readHookRecords, writeHookRecords, type HookInstallRecord } from './hook-records.js';
import { hookHost, type HookHostId } from './hosts/hook-hosts.js';
import { withRecord, withRecordsLock } from './records.js';
import type { Scope } from './scope.js';
import { shellQuote } from './shell-quote.js';
import { hookEntries, planHookInstall, planHookUninstall } from './text/hook-json-edit.js';
import { isBlank, isJsoncObject, splitBom, treeOf, type JsonText } from './text/json-text-edit.js';

export interface HookTarget {
  readonly host: HookHostId;
  readonly scope: Scope;
  readonly file: string;
}

/**
 * The scope asked for (--project or not), when the host has it: a host without project hooks has the
 * user's, one without user hooks (GitHub Copilot CLI's are per repository) the project's.
 */
export function hookTarget(env: NodeJS.ProcessEnv, id: HookHostId, project: boolean, cwd = process.cwd()): HookTarget {
  const host = hookHost(id);
  const scope: Scope = (project || !host.userFile) && host.projectFile ? 'project' : 'user';
  return { host: id, scope, file: scope === 'user' ? host.userFile!(env) : path.join(cwd, ...host.projectFile!) };
}

/** The body after any byte order mark, checked the way the host reads the file. */
function checked(host: HookHost, file: string, text: string | null): JsonText {
  if (!host.comments) return checkedJson(file, text);
  const { bom, body } = splitBom(text ?? '');
  if (!isBlank(body) && !isJsoncObject(body)) throw new SettingsFileError(`${file} is not valid JSON (comments are fine, a trailing comma is not); fix it and run this again. Nothing was changed.`);
  return { bom, body };
}

/** Whether an undone text is one the host reads, so an exact undo never leaves a file it would refuse. */
function validFor(host: HookHost): (text: string) => boolean {
  return (text) => {
    try {
      return checked(host, '', text).body === text;
    } catch {
      return false;
    }
  };
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

export type HookInstallOutcome = { readonly kind: 'already-installed' } | { readonly kind: 'installed'; readonly backup: string | undefined; readonly moved: boolean };

/** The records, the file as found, and what an install would make of it. Reads only; throws what install would. */
function planFor(env: NodeJS.ProcessEnv, target: HookTarget, commands: HookCommands) {
  const loaded = readHookRecords(env);
  const previous = loaded.records[target.file];
  const host = hookHost(target.host);
  const disk = readSettingsFile(target.file);
  const { bom, body } = checked(host, target.file, disk.text);
  const plan = planHookInstall(body, host, commands, hookOwnershipOf(host.id, previous?.commands ?? []));
  if (plan.changed) refuseReadOnly(target.file, disk);
  return { loaded, previous, host, disk, bom, plan };
}

/** Throws what `installHooks` would refuse, changing nothing: checked before the MCP entry is written. */
export function checkHookInstall(env: NodeJS.ProcessEnv, target: HookTarget, commands: HookCommands): void {
  planFor(env, target, commands);
}

export function installHooks(env: NodeJS.ProcessEnv, target: HookTarget, commands: HookCommands, now: Date): HookInstallOutcome {
  return withRecordsLock(hookRecordsFile(env), () => install(env, target, commands, now));
}

function install(env: NodeJS.ProcessEnv, target: HookTarget, commands: HookCommands, now: Date): HookInstallOutcome {
  const { loaded, previous, host, disk, bom, plan } = planFor(env, target, commands);
  const { text } = disk;
  const installedAt = now.toISOString();
  if (!plan.changed) {
    // Installed, but the record is gone: remember these hooks again, so uninstall and doctor know them.
    if (!previous) writeHookRecords(env, loaded, withRecord(loaded.records, target.file, { host: target.host, scope: target.scope, commands: plan.commands, fileCreated: false, installedAt }), now);
    return { kind: 'already-installed' };
  }
  const backup = text === null ? undefined : writeBackup(env, target.file, text, now, host.backupFolder);
  writeSettingsFile(target.file, disk, `${bom}${plan.body}`, host.newFileMode);
  const record: HookInstallRecord =
    plan.fresh || !previous
      ? {
          host: target.host,
          scope: target.scope,
          commands: plan.commands,
          // Which members Buddy made, and the exact undo, are known only when it found none of its hooks there.
          ...(plan.fresh ? { created: plan.created, undo: plan.undo } : {}),
          fileCreated: text === null,
          installedAt,
        }
      : movedOn(previous, plan.commands, plan.created);
  writeHookRecords(env, loaded, withRecord(loaded.records, target.file, record), now);
  return { kind: 'installed', backup, moved: !plan.fresh };
}

/** Buddy's hooks now run another copy of Buddy: the old undo no longer matches the text. */
function movedOn(previous: HookInstallRecord, commands: readonly string[], created: readonly string[]): HookInstallRecord {
  const { undo: _undo, ...kept } = previous;
  return { ...kept, commands: union(previous.commands, commands), ...(previous.created ? { created: union(previous.created, created) } : {}) };
}

export type HookUninstallOutcome =
  /** Nothing of Buddy's there, and no record of an install. */
  | { readonly kind: 'not-installed' }
  /** The file is gone: not recreated, and the record is cleared. */
  | { readonly kind: 'file-gone' }
  /** Recorded, but Buddy's hooks were already taken out by hand; the record is cleared. */
  | { readonly kind: 'already-removed' }
  | { readonly kind: 'removed'; readonly backup: string; readonly exact: boolean; readonly deleted: boolean };

export function uninstallHooks(env: NodeJS.ProcessEnv, target: HookTarget, now: Date): HookUninstallOutcome {
  return withRecordsLock(hookRecordsFile(env), () => uninstall(env, target, now));
}

function uninstall(env: NodeJS.ProcessEnv, target: HookTarget, now: Date): HookUninstallOutcome {
  const loaded = readHookRecords(env);
  const record = loaded.records[target.file];
  const host = hookHost(target.host);
  const forget = (): void => {
    if (record) writeHookRecords(env, loaded, withRecord(loaded.records, target.file, undefined), now);
  };
  const disk = readSettingsFile(target.file);
  const { text } = disk;
  if (text === null) {
    forget();
    return record ? { kind: 'file-gone' } : { kind: 'not-installed' };
  }
  const { bom, body } = checked(host, target.file, text);
  const plan = planHookUninstall(body, host, hookOwnershipOf(host.id, record?.commands ?? []), record, validFor(host));
  if (!plan.changed) {
    forget();
    return record ? { kind: 'already-removed' } : { kind: 'not-installed' };
  }
  refuseReadOnly(target.file, disk);
  const backup = writeBackup(env, target.file, text, now, host.backupFolder);
  // A file Buddy made, with nothing else ever put in it, goes again (a link put in its place stays).
  const deleted = record?.fileCreated === true && plan.exact && isBlank(plan.body) && disk.target === target.file;
  if (deleted) removeSettingsFile(target.file, disk);
  else writeSettingsFile(target.file, disk, `${bom}${plan.body}`, host.newFileMode);
  forget();
  return { kind: 'removed', backup, exact: plan.exact, deleted };
}

export type HookInspection =
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly message: string }
  | {
      readonly state: 'read';
      /** The events Buddy's hooks are on, in the file's order. */
      readonly events: readonly string[];
      /** The host's events that have no hook of Buddy's. */
      readonly missing: readonly string[];
      /** The bundles (dist/buddy.js) Buddy's hooks run, each once. */
      readonly scripts: readonly string[];
      /** Paths Buddy's hooks run that no longer exist. */
      readonly gone: readonly string[];
      readonly recorded: boolean;
    };

/** What of Buddy's is in one hook file, exactly. Reading only. */
export function inspectHooks(env: NodeJS.ProcessEnv, target: HookTarget): HookInspection {
  const host = hookHost(target.host);
  let record: HookInstallRecord | undefined;
  let body: string;
  try {
    record = readHookRecords(env).records[target.file];
    const { text } = readSettingsFile(target.file);
    if (text === null) return { state: 'missing' };
    body = checked(host, target.file, text).body;
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
  const owned = hookOwnershipOf(host.id, record?.commands ?? []);
  const mine = isBlank(body) ? [] : hookEntries(treeOf(body), host).filter((entry) => owned(entry.command));
  const events = [...new Set(mine.map((entry) => entry.event))];
  const parsed = mine.flatMap((entry) => parseHookCommand(entry.command) ?? []);
  const gone = [...new Set(parsed.flatMap(({ node, script }) => [node, script]))].filter((file) => !pathExists(file));
  return {
    state: 'read',
    events,
    missing: host.events.map(({ event }) => event).filter((event) => !events.includes(event)),
    scripts: [...new Set(parsed.map(({ script }) => script))],
    gone,
    recorded: record !== undefined,
  };
}

/** The folder a project-scope file belongs to: its project's root. */
function projectDir(target: HookTarget): string {
  let dir = target.file;
  for (const _part of hookHost(target.host).projectFile ?? []) dir = path.dirname(dir);
  return dir;
}

function inScope(target: HookTarget, command: string): string {
  return target.scope === 'user' ? command : `cd ${shellQuote(projectDir(target))} && ${command}`;
}

/** --project, where the host has both scopes and this is the project's. */
function projectFlag(target: HookTarget): string {
  return target.scope === 'project' && hookHost(target.host).userFile ? ' --project' : '';
}

export function hookInstallCommand(target: HookTarget): string {
  return inScope(target, `buddy install ${target.host}${projectFlag(target)} --hooks`);
}

export function hookUninstallCommand(target: HookTarget): string {
  return inScope(target, `buddy uninstall ${target.host}${projectFlag(target)}`);
}
