// Pure edits of Claude Code's settings object: add Buddy's statusLine and hooks, or take them out,
// leaving every other key and hook exactly as it was.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Settings = { [key: string]: Json };

export interface BuddyCommands {
  readonly statusline: string;
  readonly prompt: string;
  readonly sessionStart: string;
}

/** Seconds between host refreshes, so the buddy animates even when the conversation is idle. */
export const REFRESH_INTERVAL_SECONDS = 1;

const OURS = /buddy(?:\.js)?["']?\s+(?:statusline|hook\s+(?:prompt|session-start))\b/;

export function isBuddyCommand(command: unknown): boolean {
  return typeof command === 'string' && OURS.test(command);
}

export function shellQuote(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The inverse of shellQuote. */
export function unquote(text: string): string {
  return /^'.*'$/s.test(text) ? text.slice(1, -1).replace(/'\\''/g, "'") : text;
}

function asObject(value: Json | undefined): { [key: string]: Json } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

export class StatusLineConflict extends Error {
  constructor(readonly existingCommand: string) {
    super('an existing statusLine is configured');
  }
}

function hookGroups(settings: Settings, event: string): Json[] {
  const hooks = asObject(settings.hooks);
  const groups = hooks?.[event];
  return Array.isArray(groups) ? groups : [];
}

function hasOurHook(settings: Settings, event: string): boolean {
  return hookGroups(settings, event).some((group) => {
    const list = asObject(group)?.hooks;
    return Array.isArray(list) && list.some((hook) => isBuddyCommand(asObject(hook)?.command));
  });
}

export function isInstalled(settings: Settings): boolean {
  return isBuddyCommand(asObject(settings.statusLine)?.command) && hasOurHook(settings, 'UserPromptSubmit') && hasOurHook(settings, 'SessionStart');
}

/** Adds what is missing. Throws StatusLineConflict for a foreign statusLine unless `wrap` is set. */
export interface AddResult {
  readonly settings: Settings;
  /** The statusLine that was there before, kept whole so uninstall can put it back exactly. */
  readonly wrapped: Json | undefined;
}

export function addBuddy(settings: Settings, commands: BuddyCommands, wrap: boolean): AddResult {
  const next: Settings = structuredClone(settings);
  let wrapped: Json | undefined;
  const current = asObject(next.statusLine);
  if (!isBuddyCommand(current?.command)) {
    const existing = typeof current?.command === 'string' ? current.command : undefined;
    if (existing && !wrap) throw new StatusLineConflict(existing);
    if (existing) wrapped = current;
    next.statusLine = {
      type: 'command',
      command: existing ? `${commands.statusline} --wrap ${shellQuote(existing)}` : commands.statusline,
      padding: typeof current?.padding === 'number' ? current.padding : 0,
      refreshInterval: REFRESH_INTERVAL_SECONDS,
    };
  }
  const hooks = { ...(asObject(next.hooks) ?? {}) };
  for (const [event, command] of [
    ['UserPromptSubmit', commands.prompt],
    ['SessionStart', commands.sessionStart],
  ] as const) {
    if (hasOurHook(next, event)) continue;
    hooks[event] = [...hookGroups(next, event), { hooks: [{ type: 'command', command }] }];
  }
  next.hooks = hooks;
  return { settings: next, wrapped };
}

/**
 * Takes Buddy's entries out. A wrapped statusLine comes back exactly as it was when the install record
 * has it; without a record, its command is recovered from the `--wrap` argument.
 */
export function removeBuddy(settings: Settings, wrapped: Json | undefined): Settings {
  const next: Settings = structuredClone(settings);
  const statusLine = asObject(next.statusLine);
  if (statusLine && isBuddyCommand(statusLine.command)) {
    const command = /\s--wrap\s+(.+)$/.exec(String(statusLine.command))?.[1];
    if (wrapped !== undefined) {
      next.statusLine = wrapped;
    } else if (command) {
      const { refreshInterval: _refresh, ...rest } = statusLine;
      next.statusLine = { ...rest, command: unquote(command) };
    } else {
      delete next.statusLine;
    }
  }
  const hooks = asObject(next.hooks);
  if (hooks) {
    const keptEvents: { [key: string]: Json } = {};
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) {
        keptEvents[event] = groups;
        continue;
      }
      const kept = groups
        .map((group) => {
          const object = asObject(group);
          const list = object?.hooks;
          if (!object || !Array.isArray(list)) return group;
          return { ...object, hooks: list.filter((hook) => !isBuddyCommand(asObject(hook)?.command)) };
        })
        .filter((group) => {
          const list = asObject(group)?.hooks;
          return !Array.isArray(list) || list.length > 0;
        });
      if (kept.length > 0) keptEvents[event] = kept;
    }
    if (Object.keys(keptEvents).length > 0) next.hooks = keptEvents;
    else delete next.hooks;
  }
  return next;
}
