// Every agent CLI Buddy installs `buddy hook agent` into, once: which file per scope, the shape of its
// `hooks`, the events and the tools they match (docs/hosts.md, "Hooks"). `buddy install <id> --hooks`,
// `buddy uninstall`, `buddy uninstall --all` and `buddy doctor` go through this table, in this order.
import path from 'node:path';
import type { HookHost } from '../hook-host.js';
import { homeDir } from '../scope.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';

/** Gemini CLI: the `hooks` of the same settings.json its MCP servers are in (comments allowed). */
export const geminiHooks: HookHost<'gemini'> = {
  id: 'gemini',
  name: 'Gemini CLI',
  userFile: gemini.userFile!,
  projectFile: gemini.projectFile!,
  shape: 'nested',
  events: [
    // The shell, and the two tools that write files: where tests run, errors show and big diffs are made.
    { event: 'AfterTool', matcher: 'run_shell_command|write_file|replace', moment: 'tool' },
    { event: 'AfterAgent', moment: 'stop' },
  ],
  // Gemini CLI names each hook in its `/hooks` panel and its warnings.
  entryName: 'buddy',
  comments: true,
  backupFolder: gemini.backupFolder,
  newFileMode: gemini.newFileMode,
};

/**
 * Codex: $CODEX_HOME/hooks.json (~/.codex/hooks.json), plain JSON, beside the config.toml its MCP server is
 * in. Codex also reads a project's .codex/hooks.json, but its MCP server is the user's alone, and so are
 * Buddy's hooks.
 */
export const codexHooks: HookHost<'codex'> = {
  id: 'codex',
  name: 'Codex',
  userFile: (env) => path.join(path.dirname(codex.userFile!(env)), 'hooks.json'),
  shape: 'nested',
  events: [
    // Codex names its shell tool `Bash` in hooks, whatever runs the command.
    { event: 'PostToolUse', matcher: 'Bash', moment: 'tool' },
    { event: 'Stop', moment: 'stop' },
  ],
  comments: false,
  backupFolder: codex.backupFolder,
  newFileMode: 0o644,
  // Codex runs a hook only once its exact definition has been reviewed and trusted.
  nextStep: 'Codex runs a new hook only once you trust it: open /hooks in Codex and trust Buddy\'s two hooks.',
};

/** Cursor (editor and cursor-agent): ~/.cursor/hooks.json or a project's .cursor/hooks.json, `version: 1`. */
export const cursorHooks: HookHost<'cursor'> = {
  id: 'cursor',
  name: 'Cursor',
  userFile: (env) => path.join(homeDir(env), '.cursor', 'hooks.json'),
  projectFile: ['.cursor', 'hooks.json'],
  shape: 'flat',
  events: [
    { event: 'afterShellExecution', moment: 'tool' },
    { event: 'stop', moment: 'stop' },
  ],
  header: { version: 1 },
  comments: false,
  backupFolder: cursor.backupFolder,
  newFileMode: 0o644,
};

/**
 * GitHub Copilot CLI: a repository's .github/hooks/*.json; Buddy's are in a file of their own there,
 * .github/hooks/buddy.json, entries `{type: "command", bash}`. Per repository only: there are no user hooks.
 */
export const copilotHooks: HookHost<'copilot'> = {
  id: 'copilot',
  name: 'GitHub Copilot CLI',
  projectFile: ['.github', 'hooks', 'buddy.json'],
  shape: 'flat',
  events: [
    { event: 'postToolUse', moment: 'tool' },
    { event: 'agentStop', moment: 'stop' },
  ],
  commandKey: 'bash',
  entryType: true,
  header: { version: 1 },
  comments: false,
  backupFolder: copilot.backupFolder,
  newFileMode: 0o644,
  // The file sits in the repository, and names this machine's paths.
  nextStep: 'the hooks are in the repository, with this machine\'s paths: keep .github/hooks/buddy.json out of its commits (say, in .git/info/exclude).',
};

export const HOOK_HOSTS = [geminiHooks, codexHooks, cursorHooks, copilotHooks] as const;

export type HookHostId = (typeof HOOK_HOSTS)[number]['id'];

export function hookHost(id: HookHostId): HookHost<HookHostId> {
  return HOOK_HOSTS.find((host) => host.id === id)!;
}

export function isHookHostId(value: unknown): value is HookHostId {
  return HOOK_HOSTS.some((host) => host.id === value);
}
