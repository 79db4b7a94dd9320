// Buddy's MCP server entry in a JSON host file (Gemini CLI's settings.json, Claude Code's .mcp.json), put
// in and taken out as minimal edits (pure: text in, text out): `mcpServers.buddy` is added as one member,
// `mcpServers` only when there is none. Install remembers how to undo its edits; uninstall undoes them
// where Buddy's text is still there untouched, and otherwise takes Buddy's member out of the file as it is.
import { MCP_SERVER_NAME, asMcpEntry, sameEntry, type McpEntry, type McpOwnership } from '../mcp-entry.js';
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
  treeOf,
  undoStep,
  valueOf,
  type Edit,
  type Node,
  type UndoStep,
} from './json-text-edit.js';

const SERVERS = 'mcpServers';

/** The host file already has a server called "buddy" that is not Buddy's. */
export class McpEntryConflict extends Error {
  constructor(readonly existing: string) {
    super(`a server named "${MCP_SERVER_NAME}" that is not Buddy's is already there`);
  }
}

/** A file whose shape leaves Buddy no safe place for its entry. */
export class McpShapeError extends Error {}

export interface McpInstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Undoes the install, first step first. */
  readonly undo: readonly UndoStep[];
  /** Buddy made the `mcpServers` object (uninstall may take it out again once it is empty). */
  readonly createdServers: boolean;
  /** The file held no entry of Buddy's before. */
  readonly fresh: boolean;
}

export interface McpUninstallPlan {
  readonly body: string;
  readonly changed: boolean;
  /** Every edit Buddy made was undone exactly, at the place it made it. */
  readonly exact: boolean;
}

/** What uninstall knows from the install record, when there is one. */
export interface McpUninstallContext {
  readonly undo?: readonly UndoStep[] | undefined;
  readonly createdServers?: boolean | undefined;
}

/**
 * Adds `mcpServers.buddy` (the whole `value`, whose command and args are `entry`), or points Buddy's own
 * entry at this copy of Buddy. Throws McpEntryConflict for a foreign "buddy" server.
 */
export function planJsonMcpInstall(body: string, entry: McpEntry, value: Readonly<Record<string, unknown>>, owned: McpOwnership): McpInstallPlan {
  const undo: UndoStep[] = [];
  let text = body;
  const apply = (edit: Edit): void => {
    const applied = applyOne(text, edit);
    text = applied.text;
    undo.unshift(applied.undo);
  };
  if (isBlank(body)) {
    const layout = { eol: body.includes('\r\n') ? '\r\n' : '\n', unit: '  ', compact: false };
    apply({ offset: 0, length: body.length, content: `${formatValue({ [SERVERS]: { [MCP_SERVER_NAME]: value } }, '', layout)}${layout.eol}` });
    return { body: text, changed: true, undo, createdServers: true, fresh: true };
  }
  const layout = layoutOf(body);
  const root = treeOf(body);
  const servers = lastMember(root, SERVERS);
  if (!servers) {
    apply(appendChild(body, root, SERVERS, { [MCP_SERVER_NAME]: value }, layout));
    return { body: text, changed: true, undo, createdServers: true, fresh: true };
  }
  if (servers.type !== 'object') throw new McpShapeError(`its "${SERVERS}" is not an object`);
  const existing = lastMember(servers, MCP_SERVER_NAME);
  if (!existing) {
    apply(appendChild(body, servers, MCP_SERVER_NAME, value, layout));
    return { body: text, changed: true, undo, createdServers: false, fresh: true };
  }
  if (!owned(valueOf(existing))) throw new McpEntryConflict(body.slice(existing.offset, endOf(existing)));
  const current = asMcpEntry(valueOf(existing));
  if (current && sameEntry(current, entry)) return { body, changed: false, undo: [], createdServers: false, fresh: false };
  // Buddy's own entry, from a copy of Buddy that has moved since: point it here, keeping the rest of it.
  const locate = (): Node => lastMember(lastMember(treeOf(text), SERVERS), MCP_SERVER_NAME)!;
  const args = lastMember(locate(), 'args');
  apply(args ? replaceValue(text, args, entry.args, layout) : appendChild(text, locate(), 'args', entry.args, layout));
  const command = lastMember(locate(), 'command');
  if (command) apply(replaceValue(text, command, entry.command, layout));
  return { body: text, changed: text !== body, undo, createdServers: false, fresh: false };
}

/** Undoes the install step by step; gives up (undefined) as soon as Buddy's text is not there as written. */
function undoInstall(body: string, steps: readonly UndoStep[], isValid: (body: string) => boolean): string | undefined {
  let text: string | undefined = body;
  for (const step of steps) {
    text = undoStep(text, step);
    if (text === undefined) return undefined;
  }
  return isBlank(text) || isValid(text) ? text : undefined;
}

/** The next edit that takes out something of Buddy's, or undefined when nothing is left. */
function nextRemoval(body: string, owned: McpOwnership, context: McpUninstallContext | undefined): Edit | undefined {
  const root = treeOf(body);
  const allServers = membersNamed(root, SERVERS);
  for (const serversProperty of allServers) {
    const servers = serversProperty.children?.[1];
    if (servers?.type !== 'object') continue;
    const mine = membersNamed(servers, MCP_SERVER_NAME).find((property) => {
      const value: Node | undefined = property.children?.[1];
      return value !== undefined && owned(valueOf(value));
    });
    if (mine) return removeChild(servers, mine);
  }
  // The `mcpServers` Buddy made, emptied now: Buddy's to take out.
  const last = allServers.at(-1);
  const servers = last?.children?.[1];
  if (context?.createdServers && last && servers?.type === 'object' && (servers.children ?? []).length === 0) return removeChild(root, last);
  return undefined;
}

/** Removes Buddy's server entry from the text as it is now. `isValid` checks a text the way the host reads it. */
export function planJsonMcpUninstall(body: string, owned: McpOwnership, context: McpUninstallContext | undefined, isValid: (body: string) => boolean): McpUninstallPlan {
  if (isBlank(body)) return { body, changed: false, exact: false };
  const undone = context?.undo ? undoInstall(body, context.undo, isValid) : undefined;
  let text = undone ?? body;
  let leftovers = false;
  // Each pass takes one thing out; a host file has far fewer servers than this.
  for (let pass = 0; pass < 1_000 && !isBlank(text); pass++) {
    const edit = nextRemoval(text, owned, context);
    if (!edit) return { body: text, changed: text !== body, exact: undone !== undefined && !leftovers };
    leftovers = true;
    text = applyOne(text, edit).text;
  }
  if (isBlank(text)) return { body: text, changed: text !== body, exact: undone !== undefined && !leftovers };
  throw new Error('uninstall did not converge');
}
