// What is installed in one Claude Code settings file, exactly: Buddy's entries (and whether the Buddy
// they run still exists), and other tools' entries that merely look like Buddy's. Reading only.
import path from 'node:path';
import { pathExists } from '../../../files/entries.js';
import { checkedJson, readSettingsFile } from '../../config-file.js';
import { looksLikeBuddy } from '../../ownership.js';
import type { Scope } from '../../scope.js';
import { shellQuote } from '../../shell-quote.js';
import { isBlank, treeOf } from '../../text/json-text-edit.js';
import { BUDDY_HOOKS, fastStatuslineScript, ownershipOf, parseBuddyCommand, type BuddyRole } from './commands.js';
import { hookEntries, statusLineEntries } from './entries.js';
import { claudeSettingsFile } from './install.js';
import { readRecords, type InstallRecord } from './records.js';

export interface ForeignEntry {
  /** `statusLine` or the hook event. */
  readonly where: string;
  readonly command: string;
}

export type Inspection =
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly message: string }
  | {
      readonly state: 'read';
      /** Buddy's roles present (statusline, prompt, session-start). */
      readonly present: readonly BuddyRole[];
      /** The user's statusLine command that Buddy's runs first, if it wraps one. */
      readonly wraps: string | undefined;
      /** Buddy's statusLine command, exactly as the host runs it (the effective one). */
      readonly statusLine: string | undefined;
      /** Paths Buddy's entries run that no longer exist. */
      readonly gone: readonly string[];
      /** The bundles (dist/buddy.js) Buddy's entries run, each once, in the order found. */
      readonly scripts: readonly string[];
      readonly foreign: readonly ForeignEntry[];
      readonly recorded: boolean;
    };

export function inspectSettings(env: NodeJS.ProcessEnv, file: string): Inspection {
  let recorded: InstallRecord | undefined;
  let body: string;
  try {
    recorded = readRecords(env, claudeSettingsFile(env, undefined)).records[file];
    const { text } = readSettingsFile(file);
    if (text === null) return { state: 'missing' };
    body = checkedJson(file, text).body;
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
  const owned = ownershipOf(recorded?.commands ?? []);
  const present = new Set<BuddyRole>();
  const gone = new Set<string>();
  const scripts = new Set<string>();
  const foreign: ForeignEntry[] = [];
  let wraps: string | undefined;
  let statusLine: string | undefined;
  const note = (where: string, command: string, role: BuddyRole): void => {
    if (!owned(command)) {
      if (looksLikeBuddy(command)) foreign.push({ where, command });
      return;
    }
    present.add(role);
    const parsed = parseBuddyCommand(command);
    if (parsed) scripts.add(parsed.script);
    for (const target of parsed ? [parsed.node, parsed.script] : []) if (!pathExists(target)) gone.add(target);
    // The light script goes with its bundle: named on its own only when the bundle is still there.
    const script = fastStatuslineScript(command);
    if (script && parsed && pathExists(parsed.script) && !pathExists(script)) gone.add(script);
  };
  if (!isBlank(body)) {
    const root = treeOf(body);
    for (const entry of statusLineEntries(root)) {
      if (entry.command === undefined) continue;
      note('statusLine', entry.command, 'statusline');
      if (owned(entry.command)) {
        wraps ??= parseBuddyCommand(entry.command)?.wrapped;
        if (entry.effective) statusLine = entry.command;
      }
    }
    for (const entry of hookEntries(root)) {
      const role = parseBuddyCommand(entry.command)?.role ?? BUDDY_HOOKS.find((hook) => hook.event === entry.event)?.role ?? 'prompt';
      note(entry.event, entry.command, role);
    }
  }
  return { state: 'read', present: [...present], wraps, statusLine, gone: [...gone], scripts: [...scripts], foreign, recorded: recorded !== undefined };
}

export function isInstalledThere(inspection: Inspection): boolean {
  return inspection.state === 'read' && inspection.present.length > 0;
}

/** The exact command that takes Buddy out of this scope. */
export function uninstallCommand(scope: Scope, file: string): string {
  if (scope === 'user') return 'buddy uninstall claude-code';
  return `cd ${shellQuote(path.dirname(path.dirname(file)))} && buddy uninstall claude-code --project`;
}

export function installCommand(scope: Scope, file: string, wrap: boolean): string {
  const flags = `${scope === 'project' ? ' --project' : ''}${wrap ? ' --wrap' : ''}`;
  const command = `buddy install claude-code${flags}`;
  return scope === 'user' ? command : `cd ${shellQuote(path.dirname(path.dirname(file)))} && ${command}`;
}

export interface InstallElsewhere {
  readonly scope: Scope;
  readonly file: string;
}

/** Installs in other settings files than `file`: the user's, this project's, and every recorded one. */
export function installsElsewhere(env: NodeJS.ProcessEnv, file: string, projectDir: string): InstallElsewhere[] {
  const userFile = claudeSettingsFile(env, undefined);
  const projectFile = claudeSettingsFile(env, projectDir);
  const candidates = new Map<string, Scope>([
    [userFile, 'user'],
    [projectFile, 'project'],
  ]);
  for (const [recordedFile, record] of Object.entries(readRecords(env, userFile).records)) candidates.set(recordedFile, record.scope);
  candidates.delete(file);
  return [...candidates]
    .filter(([candidate]) => isInstalledThere(inspectSettings(env, candidate)))
    .map(([candidate, scope]) => ({ scope, file: candidate }));
}
