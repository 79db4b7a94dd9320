// A bench for the installer in this process: a throwaway HOME, Buddy config dir and Claude Code dir,
// Buddy's commands at fixed made-up paths, a clock that moves a second per call, and byte-level reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installClaudeCode, uninstallClaudeCode, type InstallOutcome, type UninstallOutcome } from '../../src/installers/hosts/claude-code/install.js';
import { recordsFile } from '../../src/installers/hosts/claude-code/records.js';
import type { Scope } from '../../src/installers/scope.js';
import { buddyCommands } from '../../src/installers/hosts/claude-code/commands.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
export const COMMANDS = buddyCommands('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');

export interface Bench {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly userFile: string;
  readonly projectDir: string;
  readonly projectFile: string;
  readonly records: string;
  install(options?: { readonly wrap?: boolean; readonly project?: boolean }): InstallOutcome;
  uninstall(options?: { readonly project?: boolean }): UninstallOutcome;
  cleanup(): void;
}

export function makeBench(): Bench {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-installer-'));
  const env: NodeJS.ProcessEnv = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config'), CLAUDE_CONFIG_DIR: path.join(root, 'claude') };
  const userFile = path.join(root, 'claude', 'settings.json');
  const projectDir = path.join(root, 'acme-api');
  const projectFile = path.join(projectDir, '.claude', 'settings.json');
  let tick = Date.UTC(2026, 0, 1);
  const now = (): Date => new Date((tick += 1000));
  const target = (project: boolean | undefined): [string, Scope] => (project ? [projectFile, 'project'] : [userFile, 'user']);
  return {
    root,
    env,
    userFile,
    projectDir,
    projectFile,
    records: recordsFile(env),
    install: (options = {}) => installClaudeCode(env, ...target(options.project), COMMANDS, options.wrap ?? false, now()),
    uninstall: (options = {}) => uninstallClaudeCode(env, target(options.project)[0], now()),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function put(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** The file's exact bytes as text (a BOM stays a BOM), or null when there is no file. */
export function bytes(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file).toString('utf8') : null;
}

/** An edit by hand: exactly one occurrence of `from` becomes `to`. */
export function editOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}

export function userEdit(file: string, from: string, to: string): void {
  fs.writeFileSync(file, editOnce(bytes(file)!, from, to));
}

/** A statusLine command and hook commands as the host would read them. */
export function parsed(file: string): { statusLine?: { command?: string }; hooks?: Record<string, { hooks: { command: string }[] }[]> } {
  return JSON.parse(bytes(file)!.replace(/^\uFEFF/, '')) as ReturnType<typeof parsed>;
}
