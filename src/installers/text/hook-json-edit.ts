// Buddy's hooks put into and taken out of a host's hook file as minimal edits (pure: text in, text out):
// `hooks.Event` as a list of groups `{matcher?, hooks: [{type, command}]}` (Gemini CLI, Codex) or as a flat
// list of `{command}` (Cursor) or `{type, bash}` (GitHub Copilot CLI). Install remembers how to undo each edit; uninstall undoes them where
// Buddy's text is still there untouched, and otherwise takes Buddy's entries out of the file as it is now,
// leaving the person's own hooks, and every container Buddy did not make, where they are.
import type { HookCommands, HookHost, HookOwnership } from '../hook-host.js';
import {
  appendChild,
  applyOne,
  formatValue,
  isBlank,
  lastMember,
  layoutOf,
  membersNamed,
  removeChild,
  replaceValue,
  treeOf,
  undoStep,
  type Edit,
  type Node,
  type UndoStep,
} from './json-text-edit.js';

/** A hook file whose shape leaves Buddy no safe place for its entries. */
export class HookShapeError extends Error {}

export interface HookEntry {
  readonly event: string;
  /** The `hooks` member of the file, the event's member in it, and its list. */
  readonly hooksProperty: Node;
  readonly eventProperty: Node;
  readonly groups: Node;
  /** Nested: the group and the group's `hooks` list the entry is in. Flat: undefined, and the event's list. */
  readonly group: Node | undefined;
  readonly list: Node;
  readonly entry: Node;
  readonly commandNode: Node;
  readonly command: string;
}

/** What of a host the text edits need: the shape of its lists and where an entry keeps its command. */
export type HookFileShape = Pick<HookHost, 'shape' | 'commandKey'>;

const valueOf = (property: Node): Node | undefined => property.children?.[1];
const keyOf = (property: Node): unknown => property.children?.[0]?.value;

function commandOf(entry: Node, key: string): { readonly commandNode: Node; readonly command: string } | undefined {
  const commandNode = lastMember(entry, key);
  return commandNode?.type === 'string' ? { commandNode, command: commandNode.value as string } : undefined;
}

/** A nested group's `hooks` lists (every one, duplicate keys included), with their entries. */
function groupLists(group: Node): { readonly group: Node; readonly list: Node; readonly entries: readonly Node[] }[] {
  return membersNamed(group, 'hooks').flatMap((property) => {
    const list = valueOf(property);
    return list?.type === 'array' ? [{ group, list, entries: list.children ?? [] }] : [];
  });
}

/** Every hook command in the file (duplicate keys included), with the nodes an edit needs. Reading only. */
export function hookEntries(root: Node, { shape, commandKey = 'command' }: HookFileShape): HookEntry[] {
  const found: HookEntry[] = [];
  // Nested groups always hold `{type, command}` hooks; only flat entries name the member differently.
  const key = shape === 'flat' ? commandKey : 'command';
  for (const hooksProperty of membersNamed(root, 'hooks')) {
    const hooks = valueOf(hooksProperty);
    if (hooks?.type !== 'object') continue;
    for (const eventProperty of hooks.children ?? []) {
      const event = keyOf(eventProperty) as string;
      const groups = valueOf(eventProperty);
      if (groups?.type !== 'array') continue;
      for (const item of groups.children ?? []) {
        const lists = shape === 'flat' ? [{ group: undefined, list: groups, entries: [item] }] : groupLists(item);
        for (const { group, list, entries } of lists) {
          for (const entry of entries) {
            const command = commandOf(entry, key);
            if (command) found.push({ event, hooksProperty, eventProperty, groups, group, list, entry, ...command });
          }
        }
      }
    }
  }
  return found;
}

/** The hook Buddy adds to an event's list: a group of its own (nested), or the entry itself (flat). */
export function buddyHookItem(host: HookHost, command: string, matcher: string | undefined): Record<string, unknown> {
  if (host.shape === 'flat') return { ...(host.entryType ? { type: 'command' } : {}), [host.commandKey ?? 'command']: command };
  const entry = { ...(host.entryName === undefined ? {} : { name: host.entryName }), type: 'command', command };
  return { ...(matcher === undefined ? {} : { matcher }), hooks: [entry] };
}

export interface HookInstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Undoes the install, first step first. */
  readonly undo: readonly UndoStep[];
  /** Members Buddy made (`hooks`, `hooks.AfterTool`, `version`): uninstall may take them out once they hold nothing else. */
  readonly created: readonly string[];
  /** The file held none of Buddy's hooks before. */
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

function freshFile(host: HookHost, commands: HookCommands): Record<string, unknown> {
  return { ...host.header, hooks: Object.fromEntries(host.events.map(({ event, matcher, moment }) => [event, [buddyHookItem(host, commands[moment], matcher)]])) };
}

/** Adds Buddy's hook to each of the host's events where missing; points a moved Buddy's at this copy. */
export function planHookInstall(body: string, host: HookHost, commands: HookCommands, owned: HookOwnership): HookInstallPlan {
  const all = host.events.map(({ moment }) => commands[moment]);
  if (isBlank(body)) {
    const layout = { eol: body.includes('\r\n') ? '\r\n' : '\n', unit: '  ', compact: false };
    const content = `${formatValue(freshFile(host, commands), '', layout)}${layout.eol}`;
    const { text, undo } = applyOne(body, { offset: 0, length: body.length, content });
    const created = [...Object.keys(host.header ?? {}), 'hooks', ...host.events.map(({ event }) => `hooks.${event}`)];
    return { body: text, changed: true, undo: [undo], created, fresh: true, commands: all };
  }
  const layout = layoutOf(body);
  const editor = new Editor(body);
  const before = editor.root;
  if (before.type !== 'object') throw new HookShapeError('it does not hold a JSON object');
  const fresh = !hookEntries(before, host).some((entry) => owned(entry.command));
  const created: string[] = [];
  for (const [key, value] of Object.entries(host.header ?? {})) {
    if (membersNamed(editor.root, key).length > 0) continue;
    editor.apply(appendChild(editor.body, editor.root, key, value, layout));
    created.push(key);
  }
  for (const { event, matcher, moment } of host.events) {
    const desired = commands[moment];
    const root = editor.root;
    const hooks = lastMember(root, 'hooks');
    if (!hooks) {
      editor.apply(appendChild(editor.body, root, 'hooks', { [event]: [buddyHookItem(host, desired, matcher)] }, layout));
      created.push('hooks', `hooks.${event}`);
      continue;
    }
    if (hooks.type !== 'object') throw new HookShapeError('its "hooks" is not an object');
    const groups = lastMember(hooks, event);
    const mine = hookEntries(root, host).filter((entry) => entry.groups === groups && owned(entry.command));
    if (mine.some((entry) => entry.command === desired)) continue;
    const moved = mine[0];
    if (moved) {
      // Buddy's own hook for this event, running another copy of Buddy: point it at this one.
      editor.apply(replaceValue(editor.body, moved.commandNode, desired, layout));
    } else if (!groups) {
      editor.apply(appendChild(editor.body, hooks, event, [buddyHookItem(host, desired, matcher)], layout));
      created.push(`hooks.${event}`);
    } else if (groups.type !== 'array') {
      throw new HookShapeError(`its "hooks.${event}" is not a list`);
    } else {
      editor.apply(appendChild(editor.body, groups, undefined, buddyHookItem(host, desired, matcher), layout));
    }
  }
  return { body: editor.body, changed: editor.body !== body, undo: editor.undo, created, fresh, commands: all };
}

/** What uninstall knows from the install record, when there is one. */
export interface HookUninstallContext {
  readonly created?: readonly string[] | undefined;
  readonly undo?: readonly UndoStep[] | undefined;
}

export interface HookUninstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Every edit Buddy made was undone exactly, at the place it made it. */
  readonly exact: boolean;
}

/** Undoes the install step by step; gives up (undefined) as soon as Buddy's text is not there as written. */
function undoInstall(body: string, steps: readonly UndoStep[], isValid: (text: string) => boolean): string | undefined {
  let text: string | undefined = body;
  for (const step of steps) {
    text = undoStep(text, step);
    if (text === undefined) return undefined;
  }
  return isBlank(text) || isValid(text) ? text : undefined;
}

/** The members a nested group of Buddy's has: taken out whole only when it holds nothing else. */
const BUDDY_GROUP_KEYS: ReadonlySet<unknown> = new Set(['matcher', 'hooks']);

/** Takes out one of Buddy's hooks, and the group, event and `hooks` it leaves empty (only those Buddy made, when known). */
function hookRemoval(root: Node, hook: HookEntry, context: HookUninstallContext | undefined): Edit {
  const made = (name: string): boolean => context?.created?.includes(name) ?? true;
  if (hook.group) {
    const buddyShaped = (hook.group.children ?? []).every((property) => BUDDY_GROUP_KEYS.has(keyOf(property))) && membersNamed(hook.group, 'hooks').length === 1;
    if ((hook.list.children ?? []).length > 1 || !buddyShaped) return removeChild(hook.list, hook.entry);
  }
  const item = hook.group ?? hook.entry;
  if ((hook.groups.children ?? []).length > 1 || !made(`hooks.${hook.event}`)) return removeChild(hook.groups, item);
  const hooks = valueOf(hook.hooksProperty)!;
  if ((hooks.children ?? []).length > 1 || !made('hooks')) return removeChild(hooks, hook.eventProperty);
  return removeChild(root, hook.hooksProperty);
}

/** A member Buddy made that holds nothing now (the person took Buddy's hook out by hand): Buddy's to take out. */
function emptiedContainer(root: Node, context: HookUninstallContext | undefined): Edit | undefined {
  const made = context?.created ?? [];
  const hooksProperty = membersNamed(root, 'hooks').at(-1);
  const hooks = hooksProperty && valueOf(hooksProperty);
  if (hooksProperty && hooks?.type === 'object') {
    for (const eventProperty of hooks.children ?? []) {
      const groups = valueOf(eventProperty);
      if (made.includes(`hooks.${keyOf(eventProperty) as string}`) && groups?.type === 'array' && (groups.children ?? []).length === 0) return removeChild(hooks, eventProperty);
    }
    return made.includes('hooks') && (hooks.children ?? []).length === 0 ? removeChild(root, hooksProperty) : undefined;
  }
  // With `hooks` gone, a header Buddy added (Cursor's `version`) goes too, when nothing but such headers is left.
  const members = root.children ?? [];
  const headersOnly = members.length > 0 && members.every((property) => made.includes(keyOf(property) as string));
  return !hooksProperty && headersOnly ? removeChild(root, members[0]!) : undefined;
}

/** Removes Buddy's hooks from the text as it is now. `isValid`: whether a text is one the host reads. */
export function planHookUninstall(body: string, shape: HookFileShape, owned: HookOwnership, context: HookUninstallContext | undefined, isValid: (text: string) => boolean): HookUninstallPlan {
  if (isBlank(body)) return { body, changed: false, exact: false };
  const undone = context?.undo ? undoInstall(body, context.undo, isValid) : undefined;
  let text = undone ?? body;
  let leftovers = false;
  // Each pass takes one thing out; a hook file has far fewer entries than this.
  for (let pass = 0; pass < 10_000 && !isBlank(text); pass++) {
    const root = treeOf(text);
    const hook = hookEntries(root, shape).find((entry) => owned(entry.command));
    const edit = hook ? hookRemoval(root, hook, context) : emptiedContainer(root, context);
    if (!edit) break;
    leftovers = true;
    text = applyOne(text, edit).text;
  }
  return { body: text, changed: text !== body, exact: undone !== undefined && !leftovers };
}
