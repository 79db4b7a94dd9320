// Registering Buddy's MCP server with an agent CLI and taking it out again, under the same rules as the
// Claude Code installer: read the host's file strictly (through a symlink to its target), back it up, edit
// only Buddy's entry, write atomically, keep a record of Buddy's part alone, and on uninstall give the file
// back exactly as it was, or as the person has changed it since, without Buddy. Each install and uninstall
// holds the MCP records' lock from reading the records to writing them again: Codex, Gemini CLI and a
// project's files installed at the same moment each keep their record.
import { pathExists } from '../files/entries.js';
import { writeBackup } from './claude-backups.js';
import { checkedBody } from './claude-install.js';
import { withRecordsLock, type Scope } from './claude-install-record.js';
import { readSettingsFile, refuseReadOnly, removeSettingsFile, SettingsFileError, writeSettingsFile } from './config-file.js';
import { isBlank, isJsoncObject, lastMember, splitBom, treeOf, valueOf } from './json-text-edit.js';
import { CODEX_ENV_VARS, MCP_SERVER_NAME, asMcpEntry, mcpOwnershipOf, pathsOf, type McpEntry, type McpHost, type McpOwnership } from './mcp-entry.js';
import { mcpRecordsFile, readMcpRecords, withMcpRecord, writeMcpRecords, type McpInstallRecord } from './mcp-install-record.js';
import { planJsonMcpInstall, planJsonMcpUninstall, type McpInstallPlan, type McpUninstallPlan } from './mcp-json-edit.js';
import { parseConfig, planTomlMcpInstall, planTomlMcpUninstall } from './mcp-toml-edit.js';

export interface McpTarget {
  readonly host: McpHost;
  readonly scope: Scope;
  readonly file: string;
}

export const HOST_NAMES: Readonly<Record<McpHost, string>> = { codex: 'Codex', gemini: 'Gemini CLI', 'claude-code': 'Claude Code' };

const BACKUP_FOLDERS: Readonly<Record<McpHost, string>> = { codex: 'codex-backups', gemini: 'gemini-backups', 'claude-code': 'claude-code-backups' };

/** A new file Buddy makes: Codex's config may come to hold secrets, so only its owner reads it. */
const NEW_FILE_MODE: Readonly<Record<McpHost, number>> = { codex: 0o600, gemini: 0o644, 'claude-code': 0o644 };

/** The file's body (after any byte order mark), checked the way its host reads it. */
function checked(target: McpTarget, text: string | null): { readonly bom: string; readonly body: string } {
  const { file } = target;
  if (target.host === 'claude-code') return checkedBody(file, text);
  const { bom, body } = splitBom(text ?? '');
  if (isBlank(body)) return { bom, body };
  if (target.host === 'gemini' && !isJsoncObject(body)) {
    throw new SettingsFileError(`${file} is not valid JSON (comments are fine, a trailing comma is not); fix it and run this again. Nothing was changed.`);
  }
  if (target.host === 'codex') {
    try {
      parseConfig(body);
    } catch (error) {
      throw new SettingsFileError(`${file}: ${(error as Error).message}; fix it and run this again. Nothing was changed.`);
    }
  }
  return { bom, body };
}

/** What Buddy's entry holds in each host's file, besides the command and arguments. */
function jsonValue(host: McpHost, entry: McpEntry): Record<string, unknown> {
  const base = { command: entry.command, args: [...entry.args] };
  // Claude Code's own `claude mcp add` writes the transport too.
  return host === 'claude-code' ? { type: 'stdio', ...base } : base;
}

function planInstall(target: McpTarget, body: string, entry: McpEntry, owned: McpOwnership): McpInstallPlan {
  if (target.host === 'codex') return planTomlMcpInstall(body, { ...entry, envVars: CODEX_ENV_VARS }, owned);
  return planJsonMcpInstall(body, entry, jsonValue(target.host, entry), owned);
}

function planUninstall(target: McpTarget, body: string, owned: McpOwnership, record: McpInstallRecord | undefined): McpUninstallPlan {
  if (target.host === 'codex') return planTomlMcpUninstall(body, owned, record);
  const isValid = target.host === 'gemini' ? isJsoncObject : (text: string): boolean => checkedBody(target.file, text).body === text;
  return planJsonMcpUninstall(body, owned, record, (text) => {
    try {
      return isValid(text);
    } catch {
      return false;
    }
  });
}

export type McpInstallOutcome = { readonly kind: 'already-installed' } | { readonly kind: 'installed'; readonly backup: string | undefined; readonly moved: boolean };

export function installMcpServer(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry, now: Date): McpInstallOutcome {
  return withRecordsLock(mcpRecordsFile(env), () => install(env, target, entry, now));
}

function install(env: NodeJS.ProcessEnv, target: McpTarget, entry: McpEntry, now: Date): McpInstallOutcome {
  const loaded = readMcpRecords(env);
  const previous = loaded.records[target.file];
  const disk = readSettingsFile(target.file);
  const { text } = disk;
  const { bom, body } = checked(target, text);
  const plan = planInstall(target, body, entry, mcpOwnershipOf(previous ? [previous.entry] : []));
  const installedAt = now.toISOString();
  if (!plan.changed) {
    // Installed, but the record is gone: remember this entry again, so uninstall and doctor know it.
    if (!previous) writeMcpRecords(env, loaded, withMcpRecord(loaded.records, target.file, { host: target.host, scope: target.scope, entry, fileCreated: false, installedAt }), now);
    return { kind: 'already-installed' };
  }
  refuseReadOnly(target.file, disk);
  const backup = text === null ? undefined : writeBackup(env, target.file, text, now, BACKUP_FOLDERS[target.host]);
  writeSettingsFile(target.file, disk, `${bom}${plan.body}`, NEW_FILE_MODE[target.host]);
  const record: McpInstallRecord = plan.fresh || !previous ? freshRecord(target, entry, plan, text === null, installedAt) : pointedElsewhere(previous, entry);
  writeMcpRecords(env, loaded, withMcpRecord(loaded.records, target.file, record), now);
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
  const forget = (): void => {
    if (record) writeMcpRecords(env, loaded, withMcpRecord(loaded.records, target.file, undefined), now);
  };
  const disk = readSettingsFile(target.file);
  const { text } = disk;
  if (text === null) {
    forget();
    return record ? { kind: 'file-gone' } : { kind: 'not-installed' };
  }
  const { bom, body } = checked(target, text);
  const plan = planUninstall(target, body, mcpOwnershipOf(record ? [record.entry] : []), record);
  if (!plan.changed) {
    forget();
    return record ? { kind: 'already-removed' } : { kind: 'not-installed' };
  }
  refuseReadOnly(target.file, disk);
  const backup = writeBackup(env, target.file, text, now, BACKUP_FOLDERS[target.host]);
  // A file Buddy made, with nothing else ever put in it, goes again (a link put in its place stays).
  const deleted = record?.fileCreated === true && plan.exact && isBlank(plan.body) && disk.target === target.file;
  if (deleted) removeSettingsFile(target.file, disk);
  else writeSettingsFile(target.file, disk, `${bom}${plan.body}`, NEW_FILE_MODE[target.host]);
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

/** The "buddy" server entry in the file, as a plain value (Codex's table or a JSON host's member). */
function serverEntry(target: McpTarget, body: string): unknown {
  if (isBlank(body)) return undefined;
  if (target.host === 'codex') {
    const servers = parseConfig(body).mcp_servers;
    return typeof servers === 'object' && servers !== null ? (servers as Record<string, unknown>)[MCP_SERVER_NAME] : undefined;
  }
  const entry = lastMember(lastMember(treeOf(body), 'mcpServers'), MCP_SERVER_NAME);
  return entry ? valueOf(entry) : undefined;
}

/** What is registered in one host file, exactly. Reading only. */
export function inspectMcpServer(env: NodeJS.ProcessEnv, target: McpTarget): McpInspection {
  let record: McpInstallRecord | undefined;
  let value: unknown;
  try {
    record = readMcpRecords(env).records[target.file];
    const { text } = readSettingsFile(target.file);
    if (text === null) return { state: 'missing' };
    value = serverEntry(target, checked(target, text).body);
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
  const entry = asMcpEntry(value);
  const owned = mcpOwnershipOf(record ? [record.entry] : [])(value);
  const foreign = value === undefined || owned ? undefined : entry ? [entry.command, ...entry.args].join(' ') : 'an entry without a command';
  const gone = owned && entry ? pathsOf(entry).filter((file) => !pathExists(file)) : [];
  return { state: 'read', mine: owned ? entry : undefined, foreign, gone, recorded: record !== undefined, value };
}
