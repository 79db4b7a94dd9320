// Buddy's MCP server table in Codex's config.toml, put in and taken out as minimal text edits (pure: text
// in, text out). Install appends one `[mcp_servers.buddy]` table at the end and touches no other byte.
// Uninstall undoes that append where it is still there as written, and otherwise takes out Buddy's table
// (and any `mcp_servers.buddy…` keys) from the file as it is now. Every result is parsed again and must
// mean exactly the old file with Buddy's entry added or removed, or nothing is written.
import { parse, TomlDate, TomlError } from 'smol-toml';
import { MCP_SERVER_NAME, asMcpEntry, sameEntry, type McpEntry, type McpOwnership } from '../mcp-entry.js';
import { McpEntryConflict, McpShapeError, type McpInstallPlan, type McpUninstallContext, type McpUninstallPlan } from './mcp-json-edit.js';
import { isBlank, undoStep } from './json-text-edit.js';
import { scanToml, startsWithPath, tomlString, tomlStringArray, type TomlStatement } from './toml-text.js';

const SERVERS = 'mcp_servers';
const BUDDY_PATH = [SERVERS, MCP_SERVER_NAME] as const;

/** A Codex server entry: what it runs, and the variables of Codex's environment it may see. */
export interface CodexEntry extends McpEntry {
  readonly envVars: readonly string[];
}

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof TomlDate);

/** The file as Codex reads it; McpShapeError when it is not TOML. */
export function parseConfig(text: string): Table {
  try {
    return parse(text, { integersAsBigInt: 'asNeeded' }) as Table;
  } catch (error) {
    if (error instanceof TomlError) throw new McpShapeError(`it is not valid TOML (line ${error.line}, column ${error.column})`);
    throw error;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.toISOString() === b.toISOString() && String(a) === String(b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isTable(a) || isTable(b)) {
    if (!isTable(a) || !isTable(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** The document with Buddy's entry set to `entry`, or taken out. */
function withBuddy(document: Table, entry: Table | undefined): Table {
  const others = Object.entries(isTable(document[SERVERS]) ? document[SERVERS] : {}).filter(([name]) => name !== MCP_SERVER_NAME);
  return { ...document, [SERVERS]: Object.fromEntries(entry ? [...others, [MCP_SERVER_NAME, entry]] : others) };
}

const buddyOf = (document: Table): Table | undefined => {
  const servers = document[SERVERS];
  const entry = isTable(servers) ? servers[MCP_SERVER_NAME] : undefined;
  return isTable(entry) ? entry : undefined;
};

/** An empty mcp_servers table means the same to Codex as none. */
function normalized(document: Table): Table {
  const servers = document[SERVERS];
  if (!isTable(servers) || Object.keys(servers).length > 0) return document;
  const { [SERVERS]: _empty, ...rest } = document;
  return rest;
}

/** Whether `text` means exactly `expected` to a TOML reader. */
function means(text: string, expected: Table): boolean {
  try {
    return sameValue(normalized(parseConfig(text)), normalized(expected));
  } catch {
    return false;
  }
}

export function codexTableText(entry: CodexEntry, eol: string): string {
  return [
    `[${SERVERS}.${MCP_SERVER_NAME}]`,
    `command = ${tomlString(entry.command)}`,
    `args = ${tomlStringArray(entry.args)}`,
    `env_vars = ${tomlStringArray(entry.envVars)}`,
    '',
  ].join(eol);
}

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Text to put before the table so it starts on a line of its own, after one blank line. */
function separatorBefore(text: string): string {
  if (isBlank(text)) return '';
  const eol = eolOf(text);
  const ended = /\r?\n$/.test(text) ? text : `${text}${eol}`;
  const blankBefore = /(?:^|\n)[ \t]*\r?\n$/.test(ended);
  return `${ended.slice(text.length)}${blankBefore ? '' : eol}`;
}

/** Adds `[mcp_servers.buddy]`, or points Buddy's own table at this copy. Throws McpEntryConflict for a foreign "buddy". */
export function planTomlMcpInstall(text: string, entry: CodexEntry, owned: McpOwnership): McpInstallPlan {
  const document = parseConfig(text);
  const servers = document[SERVERS];
  if (servers !== undefined && !isTable(servers)) throw new McpShapeError(`its "${SERVERS}" is not a table`);
  const existing = isTable(servers) ? servers[MCP_SERVER_NAME] : undefined;
  const desired: Table = { command: entry.command, args: [...entry.args], env_vars: [...entry.envVars] };
  if (existing === undefined) {
    const addition = `${separatorBefore(text)}${codexTableText(entry, eolOf(text))}`;
    const body = `${text}${addition}`;
    if (!means(body, withBuddy(document, desired))) {
      throw new McpShapeError(`a table [${BUDDY_PATH.join('.')}] added at its end would not read as one (is "${SERVERS}" written inline?)`);
    }
    return { body, changed: true, undo: [{ offset: text.length, inserted: addition, original: '' }], createdServers: servers === undefined, fresh: true };
  }
  if (!owned(existing)) throw new McpEntryConflict(describe(existing));
  const current = asMcpEntry(existing)!;
  if (sameEntry(current, entry)) return { body: text, changed: false, undo: [], createdServers: false, fresh: false };
  // Buddy's own table, from a copy of Buddy that has moved since: point it here, keeping the rest of it.
  const statements = scanToml(text) ?? [];
  const valueOf = (key: string): TomlStatement | undefined => statements.filter((statement) => statement.kind === 'keyval' && sameValue(statement.path, [...BUDDY_PATH, key])).at(-1);
  const command = valueOf('command');
  const args = valueOf('args');
  if (!command || !args) throw new McpShapeError(`Buddy cannot find the command and args of its [${BUDDY_PATH.join('.')}] to point them at this copy`);
  const edits = [
    { at: command, text: tomlString(entry.command) },
    { at: args, text: tomlStringArray(entry.args) },
  ].sort((a, b) => b.at.valueStart - a.at.valueStart);
  let body = text;
  for (const edit of edits) body = `${body.slice(0, edit.at.valueStart)}${edit.text}${body.slice(edit.at.valueEnd)}`;
  if (!means(body, withBuddy(document, { ...existing, command: entry.command, args: [...entry.args] }))) {
    throw new McpShapeError(`Buddy cannot point its [${BUDDY_PATH.join('.')}] at this copy safely`);
  }
  return { body, changed: true, undo: [], createdServers: false, fresh: false };
}

function describe(entry: unknown): string {
  const parsed = asMcpEntry(entry);
  return parsed ? [parsed.command, ...parsed.args].join(' ') : JSON.stringify(entry);
}

interface Span {
  start: number;
  end: number;
}

/** What belongs to Buddy's entry: its tables (header to last key), and `mcp_servers.buddy…` keys anywhere else. */
function buddySpans(statements: readonly TomlStatement[]): Span[] {
  const spans: Span[] = [];
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    if (!startsWithPath(statement.path, BUDDY_PATH)) continue;
    if (statement.kind === 'keyval') {
      spans.push({ start: statement.start, end: statement.end });
      continue;
    }
    // A table of Buddy's runs to its last key before the next header; comments after that stay with what follows.
    let end = statement.end;
    for (let next = index + 1; next < statements.length && statements[next]!.kind === 'keyval'; next++) end = statements[next]!.end;
    spans.push({ start: statement.start, end });
    while (index + 1 < statements.length && statements[index + 1]!.kind === 'keyval') index++;
  }
  return spans;
}

const lineBefore = (text: string, offset: number): Span | undefined => {
  if (offset === 0) return undefined;
  const start = text.lastIndexOf('\n', offset - 2) + 1;
  return { start, end: offset };
};

/** Takes the spans out, and with each, the blank line before it when a blank line (or the end) follows. */
function removeSpans(text: string, spans: readonly Span[]): string {
  let body = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    let { start } = span;
    const before = lineBefore(body, start);
    const after = body.slice(span.end);
    const blankFollows = after === '' || /^[ \t]*\r?\n/.test(after);
    if (before && isBlank(body.slice(before.start, before.end)) && blankFollows) start = before.start;
    body = `${body.slice(0, start)}${after}`;
  }
  return body;
}

/** Removes Buddy's server table from the text as it is now. */
export function planTomlMcpUninstall(text: string, owned: McpOwnership, context: McpUninstallContext | undefined): McpUninstallPlan {
  const document = parseConfig(text);
  const mine = buddyOf(document);
  const expected = withBuddy(document, undefined);
  if (context?.undo) {
    let undone: string | undefined = text;
    for (const step of context.undo) undone = undone === undefined ? undefined : undoStep(undone, step);
    // Buddy's table as it wrote it, with nothing of the person's inside it: the file as it was, exactly.
    if (undone !== undefined && undone !== text && means(undone, expected)) return { body: undone, changed: true, exact: true };
  }
  if (!mine || !owned(mine)) return { body: text, changed: false, exact: false };
  const statements = scanToml(text);
  const body = statements ? removeSpans(text, buddySpans(statements)) : undefined;
  if (body === undefined || !means(body, expected)) {
    throw new McpShapeError(`Buddy cannot take its [${BUDDY_PATH.join('.')}] out of it safely; remove that table by hand`);
  }
  return { body, changed: body !== text, exact: false };
}
