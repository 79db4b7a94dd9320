// What Buddy writes into Claude Code's settings, and how it knows its own entries again: only by the
// exact command strings it recorded, or by their unmistakable form (this Node, Buddy's bundle, a Buddy
// subcommand, nothing else; for the statusLine, /bin/sh running the light script that sits beside that
// bundle, or, for the standalone executable, Buddy's copy of it). Never by a substring: `codebuddy` and
// `study-buddy` are other tools.
import { isBuddyProgram, isExecutableForm } from '../../ownership.js';
import { SAFE_WORD, shellQuote, unquote } from '../../shell-quote.js';

export interface BuddyCommands {
  readonly statusline: string;
  readonly prompt: string;
  readonly sessionStart: string;
}

/** Seconds between host refreshes, so the buddy animates even when the conversation is idle. */
export const REFRESH_INTERVAL_SECONDS = 1;

export type BuddyRole = 'statusline' | 'prompt' | 'session-start';

/** The hook events Buddy adds, and which of its commands each runs. */
export const BUDDY_HOOKS: readonly { readonly event: string; readonly role: BuddyRole }[] = [
  { event: 'UserPromptSubmit', role: 'prompt' },
  { event: 'SessionStart', role: 'session-start' },
];

/** Double quotes for the Node and bundle paths, as a shell reads them. */
function quotePath(text: string): string {
  return SAFE_WORD.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The shell that runs the light statusline script: every POSIX system has it at this path. */
export const FAST_SHELL = '/bin/sh';

/** The light statusline script shipped beside the bundle (dist/statusline.sh). */
export function fastScriptFor(bundlePath: string): string {
  return bundlePath.replace(/buddy\.js$/, 'statusline.sh');
}

/** The standalone executable's light script, as installs from it write it (cli/standalone/light-script.ts). */
function isExecutablesLightScript(script: string, command: BuddyCommand): boolean {
  return isExecutableForm(command.node, command.script) && /[/\\]statusline\.sh$/.test(script);
}

/**
 * The commands the host will run: this very Node and this very bundle, each by its absolute path. The
 * statusLine runs the light script first (`fast`, the default), which starts Node only when it must: the
 * one beside the bundle, or `lightScript` (the standalone executable's stable copy).
 */
export function buddyCommands(nodePath: string, scriptPath: string, options: { readonly fast?: boolean; readonly lightScript?: string } = {}): BuddyCommands {
  const base = `${quotePath(nodePath)} ${quotePath(scriptPath)}`;
  const light = options.lightScript ?? fastScriptFor(scriptPath);
  const statusline = options.fast === false ? `${base} statusline` : `${FAST_SHELL} ${quotePath(light)} ${base} statusline`;
  return { statusline, prompt: `${base} hook prompt`, sessionStart: `${base} hook session-start` };
}

export function commandFor(commands: BuddyCommands, role: BuddyRole): string {
  return role === 'statusline' ? commands.statusline : role === 'prompt' ? commands.prompt : commands.sessionStart;
}

const PATH_WORD = String.raw`(?:[\w./:@%+=,-]+|"(?:[^"\\$\x60]|\\["\\$\x60])*")`;
const QUOTED_WORD = String.raw`(?:[\w./:@%+=,-]+|'(?:[^']|'\\'')*')`;
const FORM = new RegExp(
  String.raw`^(${PATH_WORD}) (${PATH_WORD}) (statusline(?: --wrap (${QUOTED_WORD}))?|hook prompt|hook session-start)$`,
  's',
);
const FAST_FORM = new RegExp(String.raw`^${FAST_SHELL} (${PATH_WORD}) (.*)$`, 's');

function unquotePath(word: string): string {
  return word.startsWith('"') ? word.slice(1, -1).replace(/\\(["\\$`])/g, '$1') : word;
}

export interface BuddyCommand {
  readonly node: string;
  readonly script: string;
  readonly role: BuddyRole;
  /** For a statusLine that wraps the user's own: that command, exactly. */
  readonly wrapped?: string;
}

/**
 * The light script of a statusLine in Buddy's fast form (`/bin/sh <dir>/statusline.sh <Node command>`,
 * the script beside the bundle, or any statusline.sh before the standalone executable), or undefined for
 * any other command.
 */
export function fastStatuslineScript(command: string): string | undefined {
  const fast = FAST_FORM.exec(command);
  if (!fast) return undefined;
  const script = unquotePath(fast[1]!);
  const rest = parseNodeForm(fast[2]!);
  return rest?.role === 'statusline' && (script === fastScriptFor(rest.script) || isExecutablesLightScript(script, rest)) ? script : undefined;
}

/** Reads a command in Buddy's unmistakable form; anything else is not Buddy's. */
export function parseBuddyCommand(command: string): BuddyCommand | undefined {
  const fast = FAST_FORM.exec(command);
  if (fast) return fastStatuslineScript(command) === undefined ? undefined : parseNodeForm(fast[2]!);
  return parseNodeForm(command);
}

function parseNodeForm(command: string): BuddyCommand | undefined {
  const match = FORM.exec(command);
  if (!match) return undefined;
  const [, nodeWord = '', scriptWord = '', sub = '', wrapWord] = match;
  const node = unquotePath(nodeWord);
  const script = unquotePath(scriptWord);
  if (!isBuddyProgram(node, script)) return undefined;
  const role: BuddyRole = sub.startsWith('statusline') ? 'statusline' : sub === 'hook prompt' ? 'prompt' : 'session-start';
  return { node, script, role, ...(wrapWord === undefined ? {} : { wrapped: unquote(wrapWord) }) };
}

/** The statusLine command that runs the user's own first, then Buddy. */
export function wrappingCommand(commands: BuddyCommands, wrapped: string | undefined): string {
  return wrapped === undefined ? commands.statusline : `${commands.statusline} --wrap ${shellQuote(wrapped)}`;
}

/** Decides whether a command is Buddy's. */
export type Ownership = (command: string) => boolean;

export function ownershipOf(recorded: readonly string[]): Ownership {
  const exact = new Set(recorded);
  return (command) => exact.has(command) || parseBuddyCommand(command) !== undefined;
}

/** The statusLine Buddy writes: its own, or one that runs the user's first. */
export function buddyStatusLine(command: string, padding: number): Record<string, unknown> {
  return { type: 'command', command, padding, refreshInterval: REFRESH_INTERVAL_SECONDS };
}

export function buddyHookGroup(command: string): Record<string, unknown> {
  return { hooks: [{ type: 'command', command }] };
}
