// Finds the commands in a Claude Code settings tree (every statusLine and every hook, duplicate keys
// included) with the nodes an edit needs. Reading only: deciding and editing happen elsewhere.
import { lastMember, membersNamed, type Node } from '../../text/json-text-edit.js';

export interface StatusLineEntry {
  readonly property: Node;
  readonly value: Node;
  /** The command string's node, when the statusLine is an object with a string command. */
  readonly commandNode: Node | undefined;
  readonly command: string | undefined;
  /** The one the host uses (the last, if the key is there twice). */
  readonly effective: boolean;
}

export interface HookEntry {
  readonly event: string;
  /** The `hooks` member of the settings, the event's member in it, its array, the group, the group's list. */
  readonly hooksProperty: Node;
  readonly eventProperty: Node;
  readonly groups: Node;
  readonly group: Node;
  readonly list: Node;
  readonly entry: Node;
  readonly commandNode: Node;
  readonly command: string;
}

const valueOf = (property: Node): Node | undefined => property.children?.[1];

export function statusLineEntries(root: Node): StatusLineEntry[] {
  const properties = membersNamed(root, 'statusLine');
  return properties.flatMap((property, index) => {
    const value = valueOf(property);
    if (!value) return [];
    const commandNode = lastMember(value, 'command');
    const command = commandNode?.type === 'string' ? (commandNode.value as string) : undefined;
    return [{ property, value, commandNode: command === undefined ? undefined : commandNode, command, effective: index === properties.length - 1 }];
  });
}

export function hookEntries(root: Node): HookEntry[] {
  const found: HookEntry[] = [];
  for (const hooksProperty of membersNamed(root, 'hooks')) {
    const hooks = valueOf(hooksProperty);
    if (hooks?.type !== 'object') continue;
    for (const eventProperty of hooks.children ?? []) {
      const event = eventProperty.children?.[0]?.value as string;
      const groups = valueOf(eventProperty);
      if (groups?.type !== 'array') continue;
      for (const group of groups.children ?? []) {
        for (const listProperty of membersNamed(group, 'hooks')) {
          const list = valueOf(listProperty);
          if (list?.type !== 'array') continue;
          for (const entry of list.children ?? []) {
            const commandNode = lastMember(entry, 'command');
            if (commandNode?.type !== 'string') continue;
            found.push({ event, hooksProperty, eventProperty, groups, group, list, entry, commandNode, command: commandNode.value as string });
          }
        }
      }
    }
  }
  return found;
}
