// Buddy's part of a Claude Code settings text, put in and taken out as minimal edits (pure: text in,
// text out). Install remembers how to undo each edit; uninstall undoes them where Buddy's text is still
// there untouched, and otherwise takes out Buddy's members from the file as it is now.
import {
  BUDDY_HOOKS,
  buddyHookGroup,
  buddyStatusLine,
  commandFor,
  parseBuddyCommand,
  wrappingCommand,
  type BuddyCommands,
  type Ownership,
} from './commands.js';
import { hookEntries, statusLineEntries, type HookEntry } from './entries.js';
import {
  appendChild,
  applyOne,
  endOf,
  formatValue,
  isBlank,
  lastMember,
  layoutOf,
  membersNamed,
  removeChild,
  replaceValue,
  replaceValueText,
  treeOf,
  undoStep,
  type Edit,
  type Node,
  type UndoStep,
} from '../../text/json-text-edit.js';

export class StatusLineConflict extends Error {
  constructor(readonly existingCommand: string) {
    super('an existing statusLine is configured');
  }
}

/** Settings whose shape leaves Buddy no safe place for its entries. */
export class SettingsShapeError extends Error {}

export interface InstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Undoes the install, first step first. */
  readonly undo: readonly UndoStep[];
  /** Containers Buddy made (`hooks`, `hooks.SessionStart`): uninstall may take them out once empty. */
  readonly created: readonly string[];
  /** The user's statusLine that Buddy wraps, as its exact JSON text. */
  readonly wrapped: string | undefined;
  /** The settings held none of Buddy's entries before. */
  readonly fresh: boolean;
  /** Buddy's commands, as they are in the file now. */
  readonly commands: readonly string[];
}

class Editor {
  undo: UndoStep[] = [];
  constructor(public body: string) {}
  apply(edit: Edit): void {
    const { text, undo } = applyOne(this.body, edit);
    this.body = text;
    this.undo.unshift(undo);
  }
  get root(): Node {
    return treeOf(this.body);
  }
}

function freshSettings(commands: BuddyCommands): Record<string, unknown> {
  return {
    statusLine: buddyStatusLine(commands.statusline, 0),
    hooks: Object.fromEntries(BUDDY_HOOKS.map(({ event, role }) => [event, [buddyHookGroup(commandFor(commands, role))]])),
  };
}

function safeNumber(node: Node | undefined): number | undefined {
  return node?.type === 'number' && Number.isSafeInteger(node.value) ? (node.value as number) : undefined;
}

/** Adds Buddy's statusLine and hooks where missing. Throws StatusLineConflict for a foreign statusLine unless `wrap`. */
export function planInstall(body: string, commands: BuddyCommands, wrap: boolean, owned: Ownership): InstallPlan {
  const all = [commands.statusline, commands.prompt, commands.sessionStart];
  if (isBlank(body)) {
    const layout = { eol: body.includes('\r\n') ? '\r\n' : '\n', unit: '  ', compact: false };
    const content = `${formatValue(freshSettings(commands), '', layout)}${layout.eol}`;
    const { text, undo } = applyOne(body, { offset: 0, length: body.length, content });
    return { body: text, changed: true, undo: [undo], created: ['hooks', ...BUDDY_HOOKS.map(({ event }) => `hooks.${event}`)], wrapped: undefined, fresh: true, commands: all };
  }
  const layout = layoutOf(body);
  const editor = new Editor(body);
  const before = editor.root;
  const fresh = !statusLineEntries(before).some((entry) => entry.command !== undefined && owned(entry.command)) && !hookEntries(before).some((entry) => owned(entry.command));
  const created: string[] = [];
  let wrapped: string | undefined;
  let statusCommand = commands.statusline;

  const current = statusLineEntries(before).find((entry) => entry.effective);
  if (!current) {
    editor.apply(appendChild(editor.body, before, 'statusLine', buddyStatusLine(commands.statusline, 0), layout));
  } else if (current.command !== undefined && owned(current.command)) {
    // Buddy's own, perhaps from a bundle that has moved since: point it at this one, keeping what it wraps.
    const parsed = parseBuddyCommand(current.command);
    statusCommand = parsed ? wrappingCommand(commands, parsed.wrapped) : current.command;
    if (statusCommand !== current.command && current.commandNode) editor.apply(replaceValue(editor.body, current.commandNode, statusCommand, layout));
  } else {
    const shown = current.command ?? body.slice(current.value.offset, endOf(current.value));
    if (!wrap) throw new StatusLineConflict(shown);
    if (current.value.type !== 'object' || current.command === undefined) {
      throw new SettingsShapeError(`its statusLine (${shown}) has no command for Buddy to wrap`);
    }
    wrapped = body.slice(current.value.offset, endOf(current.value));
    statusCommand = wrappingCommand(commands, current.command);
    const padding = safeNumber(lastMember(current.value, 'padding')) ?? 0;
    editor.apply(replaceValue(editor.body, current.value, buddyStatusLine(statusCommand, padding), layout));
  }

  for (const { event, role } of BUDDY_HOOKS) {
    const desired = commandFor(commands, role);
    const root = editor.root;
    const hooks = lastMember(root, 'hooks');
    if (!hooks) {
      editor.apply(appendChild(editor.body, root, 'hooks', { [event]: [buddyHookGroup(desired)] }, layout));
      created.push('hooks', `hooks.${event}`);
      continue;
    }
    if (hooks.type !== 'object') throw new SettingsShapeError('its "hooks" is not an object');
    const groups = lastMember(hooks, event);
    const mine = hookEntries(root).filter((entry) => entry.groups === groups && owned(entry.command));
    if (mine.some((entry) => entry.command === desired)) continue;
    const moved = mine.find((entry) => parseBuddyCommand(entry.command)?.role === role);
    if (moved) {
      editor.apply(replaceValue(editor.body, moved.commandNode, desired, layout));
    } else if (!groups) {
      editor.apply(appendChild(editor.body, hooks, event, [buddyHookGroup(desired)], layout));
      created.push(`hooks.${event}`);
    } else if (groups.type !== 'array') {
      throw new SettingsShapeError(`its "hooks.${event}" is not a list`);
    } else {
      editor.apply(appendChild(editor.body, groups, undefined, buddyHookGroup(desired), layout));
    }
  }
  return {
    body: editor.body,
    changed: editor.body !== body,
    undo: editor.undo,
    created,
    wrapped,
    fresh,
    commands: [statusCommand, commands.prompt, commands.sessionStart],
  };
}

/** What uninstall knows from the install record, when there is one. */
export interface UninstallContext {
  readonly wrapped?: string | undefined;
  readonly created?: readonly string[] | undefined;
  readonly undo?: readonly UndoStep[] | undefined;
}

export interface UninstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Every edit Buddy made was undone exactly, at the place it made it. */
  readonly exact: boolean;
}

/** Undoes the install step by step; gives up (undefined) as soon as Buddy's text is not there as written. */
function undoInstall(body: string, steps: readonly UndoStep[]): string | undefined {
  let text: string | undefined = body;
  for (const step of steps) {
    text = undoStep(text, step);
    if (text === undefined) return undefined;
  }
  if (isBlank(text)) return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? text : undefined;
  } catch {
    return undefined;
  }
}

const valueOf = (property: Node): Node => property.children![1]!;

/** Takes out one of Buddy's hooks, and the group, event and `hooks` it leaves empty (only those Buddy made, when known). */
function hookRemoval(root: Node, hook: HookEntry, context: UninstallContext | undefined): Edit {
  const made = (name: string): boolean => context?.created?.includes(name) ?? true;
  const groupIsBuddyShaped = (hook.group.children ?? []).every((property) => property.children?.[0]?.value === 'hooks');
  if ((hook.list.children ?? []).length > 1 || !groupIsBuddyShaped) return removeChild(hook.list, hook.entry);
  if ((hook.groups.children ?? []).length > 1 || !made(`hooks.${hook.event}`)) return removeChild(hook.groups, hook.group);
  const hooks = valueOf(hook.hooksProperty);
  if ((hooks.children ?? []).length > 1 || !made('hooks')) return removeChild(hooks, hook.eventProperty);
  return removeChild(root, hook.hooksProperty);
}

/** The next edit that takes out something of Buddy's, or undefined when nothing is left. */
function nextRemoval(body: string, owned: Ownership, context: UninstallContext | undefined, restored: { done: boolean }): Edit | undefined {
  const root = treeOf(body);
  const statusLine = statusLineEntries(root).find((entry) => entry.command !== undefined && owned(entry.command));
  if (statusLine) {
    if (context?.wrapped !== undefined && !restored.done) {
      restored.done = true;
      return replaceValueText(statusLine.value, context.wrapped);
    }
    const wrapped = parseBuddyCommand(statusLine.command!)?.wrapped;
    if (wrapped === undefined || restored.done) return removeChild(root, statusLine.property);
    // No record of the wrapped statusLine: give back its command, without Buddy's refresh timer.
    const refresh = membersNamed(statusLine.value, 'refreshInterval').at(-1);
    if (refresh) return removeChild(statusLine.value, refresh);
    return replaceValue(body, statusLine.commandNode!, wrapped, layoutOf(body));
  }
  const hook = hookEntries(root).find((entry) => owned(entry.command));
  return hook ? hookRemoval(root, hook, context) : emptiedContainer(root, context);
}

/** A container Buddy made that is empty now (the user took Buddy's hook out by hand): Buddy's to take out. */
function emptiedContainer(root: Node, context: UninstallContext | undefined): Edit | undefined {
  const made = context?.created ?? [];
  const hooksProperty = membersNamed(root, 'hooks').at(-1);
  const hooks = hooksProperty && valueOf(hooksProperty);
  if (!hooksProperty || hooks?.type !== 'object') return undefined;
  for (const eventProperty of hooks.children ?? []) {
    const event = eventProperty.children?.[0]?.value as string;
    const groups = valueOf(eventProperty);
    if (made.includes(`hooks.${event}`) && groups.type === 'array' && (groups.children ?? []).length === 0) return removeChild(hooks, eventProperty);
  }
  return made.includes('hooks') && (hooks.children ?? []).length === 0 ? removeChild(root, hooksProperty) : undefined;
}

/** Removes Buddy's statusLine and hooks from the text as it is now; a wrapped statusLine comes back. */
export function planUninstall(body: string, owned: Ownership, context: UninstallContext | undefined): UninstallPlan {
  if (isBlank(body)) return { body, changed: false, exact: false };
  const undone = context?.undo ? undoInstall(body, context.undo) : undefined;
  let text = undone ?? body;
  const restored = { done: undone !== undefined };
  let leftovers = false;
  // Each pass takes one thing out; a settings file has far fewer entries than this.
  for (let pass = 0; pass < 10_000 && !isBlank(text); pass++) {
    const edit = nextRemoval(text, owned, context, restored);
    if (!edit) return { body: text, changed: text !== body, exact: undone !== undefined && !leftovers };
    leftovers = true;
    text = applyOne(text, edit).text;
  }
  if (isBlank(text)) return { body: text, changed: text !== body, exact: undone !== undefined && !leftovers };
  throw new Error('uninstall did not converge');
}
