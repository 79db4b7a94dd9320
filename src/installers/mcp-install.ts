// Registering Buddy's MCP server with an agent CLI and taking it out again, under the same rules as the
// Claude Code installer: read the host's file strictly (through a symlink to its target), back it up, edit
// only Buddy's entry, write atomically, keep a record of Buddy's part alone, and on uninstall give the file
// back exactly as it was, or as the person has changed it since, without Buddy. Each install and uninstall
// holds the MCP records' lock from reading the records to writing them again: Codex, Gemini CLI and a
// project's files installed at the same moment each keep their record.
import { pathExists } from '../files/entries.js';
import { writeBackup } from './backups.js';
import { readSettingsFile, refuseReadOnly, removeSettingsFile, writeSettingsFile } from './config-file.js';
import { mcpHost, type McpHostId } from './hosts/index.js';
import { asMcpEntry, mcpOwnershipOf, pathsOf, type McpEntry } from './mcp-entry.js';
import { mcpRecordsFile, readMcpRecords, writeMcpRecords, type McpInstallRecord } from './mcp-records.js';
import { withRecord, withRecordsLock } from './records.js';
import type { Scope } from './scope.js';
import { isBlank } from './text/json-text-edit.js';
import type { McpInstallPlan } from './text/mcp-json-edit.js';

export interface McpTarget {
  readonly host: McpHostId;
  readonly scope: Scope;
  readonly file: string;
}

export type McpInstallOutcome = { readonly kind: 'already-installed' } | { readonly kind: 'installed'; readonly backup: string | undefined; readonly moved: boolean };

export function installMcpServer(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry, now: Date): McpInstallOutcome {
  return withRecordsLock(mcpRecordsFile(env), () => install(env, target, entry, now));
}

/** The records, the host's file as found, and what an install would make of it. Reads only; throws what install would. */
function planFor(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry) {
  const loaded = readMcpRecords(env);
  const previous = loaded.records[target.file];
  const host = mcpHost(target.host);
  const disk = readSettingsFile(target.file);
  const { bom, body } = host.format.checked(target.file, disk.text);
  const plan = host.format.planInstall(body, entry, mcpOwnershipOf(previous ? [previous.entry] : []));
  if (plan.changed) refuseReadOnly(target.file, disk);
  return { loaded, previous, host, disk, bom, plan };
}

/**
 * Throws what `installMcpServer` would refuse (a file that is not a regular one, read-only, not JSON, a
 * "buddy" server that is not Buddy's), changing nothing: a command that edits another file first
 * (`install claude-code --project --mcp`) asks before it does, so a refusal leaves both files as they were.
 */
export function checkMcpInstall(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry): void {
  planFor(env, target, entry);
}

function install(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry, now: Date): McpInstallOutcome {
  const { loaded, previous, host, disk, bom, plan } = planFor(env, target, entry);
  const { text } = disk;
  const installedAt = now.toISOString();
  if (!plan.changed) {
    // Installed, but the record is gone: remember this entry again, so uninstall and doctor know it.
    if (!previous) writeMcpRecords(env, loaded, withRecord(loaded.records, target.file, { host: target.host, scope: target.scope, entry, fileCreated: false, installedAt }), now);
    return { kind: 'already-installed' };
  }
  const backup = text === null ? undefined : writeBackup(env, target.file, text, now, host.backupFolder);
  writeSettingsFile(target.file, disk, `${bom}${plan.body}`, host.newFileMode);
  const record: McpInstallRecord = plan.fresh || !previous ? freshRecord(target, entry, plan, text === null, installedAt) : pointedElsewhere(previous, entry);
  writeMcpRecords(env, loaded, withRecord(loaded.records, target.file, record), now);
  return { kind: 'installed', backup, moved: !plan.fresh };
}

function freshRecord(target: McpTarget, entry: McpEntry, plan: McpInstallPlan, fileCreated: boolean, installedAt: string): McpInstallRecord {
  // Exact undo only for an install onto a file that held nothing of Buddy's.
  const exact = plan.fresh ? { createdServers: plan.createdServers, undo: plan.undo } : {};
  return { host: target.host, scope: target.scope, entry, fileCreated, ...exact, installedAt };
}

/** Buddy's entry now runs another copy of Buddy: the old undo no longer matches the text. */
function pointedElsewhere(previous: McpInstallRecord, entry: McpEntry): McpInstallRecord {
  const { undo: _undo, ...kept } = previous;
  return { ...kept, entry };
}

export type McpUninstallOutcome =
  /** Nothing of Buddy's there, and no record of an install. */
  | { readonly kind: 'not-installed' }
  /** The file is gone: not recreated, and the record is cleared. */
  | { readonly kind: 'file-gone' }
  /** Recorded, but Buddy's entry was already taken out by hand; the record is cleared. */
  | { readonly kind: 'already-removed' }
  | { readonly kind: 'removed'; readonly backup: string; readonly exact: boolean; readonly deleted: boolean };

export function uninstallMcpServer(env: NodeJS.ProcessEnv, target: McpTarget, now: Date): McpUninstallOutcome {
  return withRecordsLock(mcpRecordsFile(env), () => uninstall(env, target, now));
}

function uninstall(env: NodeJS.ProcessEnv, target: McpTarget, now: Date): McpUninstallOutcome {
  const loaded = readMcpRecords(env);
  const record = loaded.records[target.file];
  const host = mcpHost(target.host);
  const forget = (): void => {
    if (record) writeMcpRecords(env, loaded, withRecord(loaded.records, target.file, undefined), now);
  };
  const disk = readSettingsFile(target.file);
  const { text } = disk;
  if (text === null) {
    forget();
    return record ? { kind: 'file-gone' } : { kind: 'not-installed' };
  }
  const { bom, body } = host.format.checked(target.file, text);
  const plan = host.format.planUninstall(body, mcpOwnershipOf(record ? [record.entry] : []), record);
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

export type McpInspection =
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly message: string }
  | {
      readonly state: 'read';
      /** Buddy's entry, as it is in the file. */
      readonly mine: McpEntry | undefined;
      /** A server named "buddy" that is not Buddy's, shown as the command it runs. */
      readonly foreign: string | undefined;
      /** Paths Buddy's entry runs that no longer exist. */
      readonly gone: readonly string[];
      readonly recorded: boolean;
      /** The "buddy" entry as a plain value, with the keys the host reads besides its command (tool filters). */
      readonly value: unknown;
    };

/** What is registered in one host file, exactly. Reading only. */
export function inspectMcpServer(env: NodeJS.ProcessEnv, target: McpTarget): McpInspection {
  const { format } = mcpHost(target.host);
  let record: McpInstallRecord | undefined;
  let value: unknown;
  try {
    record = readMcpRecords(env).records[target.file];
    const { text } = readSettingsFile(target.file);
    if (text === null) return { state: 'missing' };
    value = format.entryIn(format.checked(target.file, text).body);
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
  const entry = asMcpEntry(value);
  const owned = mcpOwnershipOf(record ? [record.entry] : [])(value);
  const foreign = value === undefined || owned ? undefined : entry ? [entry.command, ...entry.args].join(' ') : 'an entry without a command';
  const gone = owned && entry ? pathsOf(entry).filter((file) => !pathExists(file)) : [];
  return { state: 'read', mine: owned ? entry : undefined, foreign, gone, recorded: record !== undefined, value };
}
