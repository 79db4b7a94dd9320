// Installing into Claude Code's settings file: read strictly, back up, write atomically, and remember the
// exact original so uninstall can restore it byte for byte when nothing else changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomicSync } from '../store/atomic-write.js';
import { configDir } from '../store/paths.js';
import { addBuddy, isInstalled, removeBuddy, type BuddyCommands, type Json, type Settings } from './claude-settings.js';

export interface InstallRecord {
  readonly originalContent: string | null;
  readonly installedContent: string;
  /** The user's own statusLine that Buddy wraps, exactly as it was. */
  readonly wrapped?: Json;
  readonly installedAt: string;
}

export class SettingsFileError extends Error {}

export function claudeSettingsFile(env: NodeJS.ProcessEnv, project: string | undefined): string {
  if (project !== undefined) return path.join(project, '.claude', 'settings.json');
  const base = env.CLAUDE_CONFIG_DIR ?? path.join(env.HOME ?? os.homedir(), '.claude');
  return path.join(base, 'settings.json');
}

/** The commands the host will run: this very Node and this very bundle, quoted for the shell. */
export function buddyCommands(nodePath: string, scriptPath: string): BuddyCommands {
  const quote = (text: string): string => (/^[\w./:@%+=,-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`);
  const base = `${quote(nodePath)} ${quote(scriptPath)}`;
  return { statusline: `${base} statusline`, prompt: `${base} hook prompt`, sessionStart: `${base} hook session-start` };
}

export function readSettingsText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SettingsFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export function parseSettings(file: string, text: string | null): Settings {
  if (text === null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SettingsFileError(`${file} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsFileError(`${file} does not hold a JSON object. Nothing was changed.`);
  }
  return value as Settings;
}

function recordsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'claude-code-installs.json');
}

function readRecords(env: NodeJS.ProcessEnv): Record<string, InstallRecord> {
  try {
    return JSON.parse(fs.readFileSync(recordsFile(env), 'utf8')) as Record<string, InstallRecord>;
  } catch {
    return {};
  }
}

function writeRecords(env: NodeJS.ProcessEnv, records: Record<string, InstallRecord>): void {
  writeFileAtomicSync(recordsFile(env), `${JSON.stringify(records, null, 2)}\n`);
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

function backupAndWrite(file: string, original: string | null, content: string, now: Date): string | undefined {
  let backup: string | undefined;
  let mode = 0o644;
  if (original !== null) {
    backup = `${file}.buddy-backup-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.writeFileSync(backup, original, { mode: 0o600 });
    mode = fs.statSync(file).mode & 0o777;
  }
  writeFileAtomicSync(file, content, mode);
  return backup;
}

export type InstallOutcome =
  | { readonly kind: 'already-installed' }
  | { readonly kind: 'installed'; readonly backup: string | undefined; readonly wrapped: Json | undefined };

export function installClaudeCode(env: NodeJS.ProcessEnv, file: string, commands: BuddyCommands, wrap: boolean, now: Date): InstallOutcome {
  const original = readSettingsText(file);
  const settings = parseSettings(file, original);
  if (isInstalled(settings)) return { kind: 'already-installed' };
  const { settings: next, wrapped } = addBuddy(settings, commands, wrap);
  const content = `${JSON.stringify(next, null, 2)}\n`;
  const backup = backupAndWrite(file, original, content, now);
  const records = readRecords(env);
  // Keep the first original if Buddy was partly installed before.
  const previous = records[file];
  records[file] = {
    originalContent: previous ? previous.originalContent : original,
    installedContent: content,
    ...((wrapped ?? previous?.wrapped) !== undefined ? { wrapped: wrapped ?? previous?.wrapped } : {}),
    installedAt: now.toISOString(),
  };
  writeRecords(env, records);
  return { kind: 'installed', backup, wrapped };
}

export type UninstallOutcome =
  | { readonly kind: 'not-installed' }
  | { readonly kind: 'restored'; readonly backup: string | undefined }
  | { readonly kind: 'removed'; readonly backup: string | undefined };

export function uninstallClaudeCode(env: NodeJS.ProcessEnv, file: string, now: Date): UninstallOutcome {
  const current = readSettingsText(file);
  const records = readRecords(env);
  const record = records[file];
  if (record && current === record.installedContent) {
    // Nothing else changed since install: put the original back exactly.
    if (record.originalContent === null) fs.rmSync(file, { force: true });
    else writeFileAtomicSync(file, record.originalContent, fs.statSync(file).mode & 0o777);
    writeRecords(env, withoutKey(records, file));
    return { kind: 'restored', backup: undefined };
  }
  const settings = parseSettings(file, current);
  const next = removeBuddy(settings, record?.wrapped);
  if (JSON.stringify(next) === JSON.stringify(settings)) return { kind: 'not-installed' };
  const backup = backupAndWrite(file, current, `${JSON.stringify(next, null, 2)}\n`, now);
  if (record) writeRecords(env, withoutKey(records, file));
  return { kind: 'removed', backup };
}
