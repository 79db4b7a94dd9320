// What Buddy needs to know of an agent CLI to put `buddy hook agent` into its hook configuration: one value
// per host (hosts/hook-hosts.ts). The shared installer (hook-install.ts) and the text edits
// (text/hook-json-edit.ts) ask the host, never test its name. Hooks: docs/hosts.md.
import { isBuddyProgram } from './ownership.js';
import { SAFE_WORD } from './shell-quote.js';

/** After a tool ran, or when the agent's turn ended: the two moments `buddy hook agent` reacts to. */
export type HookMoment = 'tool' | 'stop';

export interface HookEvent {
  /** The host's event name (`AfterTool`, `PostToolUse`, `afterShellExecution`, …). */
  readonly event: string;
  /** The tools the hook is for, in the host's matcher syntax; none for an event without tools. */
  readonly matcher?: string;
  readonly moment: HookMoment;
}

export interface HookHost<Id extends string = string> {
  /** The word in `buddy install <id> --hooks` and in `buddy hook agent --host <id>`. */
  readonly id: Id;
  /** The host's own name, as reports and `buddy doctor` say it. */
  readonly name: string;
  /** The user's file, for a host with hooks for every project; without it, hooks are per project only. */
  readonly userFile?: (env: NodeJS.ProcessEnv) => string;
  /** A project's file, from the project's root, for a host with project hooks. */
  readonly projectFile?: readonly string[];
  /**
   * `nested`: `hooks.Event` is a list of groups `{matcher?, hooks: [{type, command}]}` (Gemini CLI, Codex,
   * Claude Code). `flat`: `hooks.Event` is a list of `{command}` (Cursor).
   */
  readonly shape: 'nested' | 'flat';
  readonly events: readonly HookEvent[];
  /** Members of Buddy's hook besides `type` and `command`, before them (Gemini CLI's `name`). */
  readonly entryName?: string;
  /**
   * Flat entries only: the member that holds the command (`command`, or GitHub Copilot CLI's `bash`), and
   * whether the entry says `type: "command"` first (Copilot).
   */
  readonly commandKey?: string;
  readonly entryType?: boolean;
  /** Top-level members a file Buddy makes (or one that lacks them) gets besides `hooks` (Cursor's `version: 1`). */
  readonly header?: Readonly<Record<string, unknown>>;
  /** The host reads the file with comments (Gemini CLI); otherwise it is strict JSON. */
  readonly comments: boolean;
  /** The folder of Buddy's config directory its backups go in (backups.ts). */
  readonly backupFolder: string;
  readonly newFileMode: number;
  /** What the person still has to do before the host runs the hooks (Codex: trust them in /hooks). */
  readonly nextStep?: string;
}

/** Double quotes for the Node and bundle paths, as a shell reads them. */
function quotePath(text: string): string {
  return SAFE_WORD.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

function unquotePath(word: string): string {
  return word.startsWith('"') ? word.slice(1, -1).replace(/\\(["\\$`])/g, '$1') : word;
}

/** The command a host's hook runs for one moment: this very Node and this very bundle, by absolute path. */
export function hookCommand(nodePath: string, scriptPath: string, host: string, moment: HookMoment): string {
  return `${quotePath(nodePath)} ${quotePath(scriptPath)} hook agent --host ${host} --event ${moment}`;
}

export type HookCommands = Readonly<Record<HookMoment, string>>;

export function hookCommands(nodePath: string, scriptPath: string, host: string): HookCommands {
  return { tool: hookCommand(nodePath, scriptPath, host, 'tool'), stop: hookCommand(nodePath, scriptPath, host, 'stop') };
}

const PATH_WORD = String.raw`(?:[\w./:@%+=,-]+|"(?:[^"\\$\x60]|\\["\\$\x60])*")`;
const FORM = new RegExp(String.raw`^(${PATH_WORD}) (${PATH_WORD}) hook agent --host ([a-z-]+) --event (tool|stop)$`, 's');

export interface ParsedHookCommand {
  readonly node: string;
  readonly script: string;
  readonly host: string;
  readonly moment: HookMoment;
}

/** Reads a command in Buddy's unmistakable form; anything else is not Buddy's. */
export function parseHookCommand(command: string): ParsedHookCommand | undefined {
  const match = FORM.exec(command);
  if (!match) return undefined;
  const node = unquotePath(match[1]!);
  const script = unquotePath(match[2]!);
  if (!isBuddyProgram(node, script)) return undefined;
  return { node, script, host: match[3]!, moment: match[4] as HookMoment };
}

/** Decides whether a hook's command is Buddy's. */
export type HookOwnership = (command: string) => boolean;

/** The exact commands Buddy recorded, or Buddy's form for this host; never a substring. */
export function hookOwnershipOf(host: string, recorded: readonly string[]): HookOwnership {
  const exact = new Set(recorded);
  return (command) => exact.has(command) || parseHookCommand(command)?.host === host;
}
