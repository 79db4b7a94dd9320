// Minimal text edits to a JSON document: insert, replace or remove one member, touching no other byte.
// jsonc-parser gives the tree with exact offsets and applies the edits. Its own `modify` is not used:
// its formatter re-lays every line an edit touches (a compact `{ "a": 1 }` beside the edit became three
// lines), and it addresses the first of duplicate keys while JSON.parse, and so the host, uses the last.
import { applyEdits, getNodeValue, parse, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';

export type { Edit, Node };

const BOM = '\uFEFF';

/** A settings text split into its byte order mark (kept as it was) and the JSON after it. */
export interface JsonText {
  readonly bom: string;
  readonly body: string;
}

export function splitBom(text: string): JsonText {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

export function isBlank(body: string): boolean {
  return body.trim() === '';
}

/** The tree of a body already checked with JSON.parse. */
export function treeOf(body: string): Node {
  const root = parseTree(body);
  if (!root) throw new Error('not a JSON document');
  return root;
}

/** The plain value of a node (objects, arrays and all). */
export function valueOf(node: Node): unknown {
  return getNodeValue(node) as unknown;
}

/**
 * JSON with comments, as hosts that strip comments before JSON.parse read it (Gemini CLI): comments are
 * fine, a trailing comma is not, unless the host takes one too (`trailingCommas`: GitHub Copilot CLI).
 * True when the body holds one object and nothing is wrong with it.
 */
export function isJsoncObject(body: string, trailingCommas = false): boolean {
  const errors: ParseError[] = [];
  const value: unknown = parse(body, errors, { allowTrailingComma: trailingCommas, disallowComments: false, allowEmptyContent: false });
  return errors.length === 0 && typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How the file is laid out, so inserted text looks like the user's own. */
export interface Layout {
  readonly eol: string;
  readonly unit: string;
  /** A file written on one line gets its additions on that line too. */
  readonly compact: boolean;
}

export function layoutOf(body: string): Layout {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(body)?.[1];
  const unit = indented === undefined ? '  ' : indented.startsWith('\t') ? '\t' : indented;
  const root = parseTree(body);
  const compact = root !== undefined && !body.slice(root.offset, root.offset + root.length).includes('\n') && (root.children?.length ?? 0) > 0;
  return { eol, unit, compact };
}

export const endOf = (node: Node): number => node.offset + node.length;

/** The value of the last member named `key` (JSON.parse keeps the last of duplicate keys). */
export function lastMember(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  const members = (object.children ?? []).filter((property) => property.children?.[0]?.value === key);
  return members.at(-1)?.children?.[1];
}

/** Every member named `key`, duplicates included, as property nodes. */
export function membersNamed(object: Node | undefined, key: string): Node[] {
  if (object?.type !== 'object') return [];
  return (object.children ?? []).filter((property) => property.children?.[0]?.value === key);
}

function lineIndent(body: string, offset: number): string {
  const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(body.slice(lineStart))?.[0] ?? '';
}

function startsLine(body: string, offset: number): boolean {
  const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(body.slice(lineStart, offset));
}

/** A value written as JSON, its lines indented to sit at `indent`. */
export function formatValue(value: unknown, indent: string, layout: Layout): string {
  if (layout.compact) return JSON.stringify(value);
  return JSON.stringify(value, null, layout.unit).split('\n').join(`${layout.eol}${indent}`);
}

/** Text of `[key, value]` or `value` as one child, at `indent`; `spaced` puts a space after the colon. */
function childText(key: string | undefined, value: unknown, indent: string, layout: Layout, spaced: boolean): string {
  const name = key === undefined ? '' : `${JSON.stringify(key)}:${spaced ? ' ' : ''}`;
  return `${name}${formatValue(value, indent, layout)}`;
}

/** Adds a child at the end of an object (`key` given) or an array (no key). */
export function appendChild(body: string, container: Node, key: string | undefined, value: unknown, layout: Layout): Edit {
  const children = container.children ?? [];
  const last = children.at(-1);
  const own = body.slice(container.offset, endOf(container));
  if (last && (layout.compact || !own.includes('\n'))) {
    // A container written on one line keeps to one line, spaced as it is.
    const spaced = /[,:[{]\s/.test(own);
    return { offset: endOf(last), length: 0, content: `,${spaced ? ' ' : ''}${childText(key, value, '', { ...layout, compact: true }, spaced)}` };
  }
  if (last) {
    const indent = startsLine(body, last.offset) ? lineIndent(body, last.offset) : `${lineIndent(body, container.offset)}${layout.unit}`;
    return { offset: endOf(last), length: 0, content: `,${layout.eol}${indent}${childText(key, value, indent, layout, true)}` };
  }
  // An empty container: whatever whitespace it held gives way to the new child.
  const interior = { offset: container.offset + 1, length: container.length - 2 };
  if (layout.compact) return { ...interior, content: childText(key, value, '', layout, false) };
  const outer = lineIndent(body, container.offset);
  const inner = `${outer}${layout.unit}`;
  return { ...interior, content: `${layout.eol}${inner}${childText(key, value, inner, layout, true)}${layout.eol}${outer}` };
}

/** Replaces a value, keeping its place; `text` is written as given (already JSON). */
export function replaceValueText(node: Node, text: string): Edit {
  return { offset: node.offset, length: node.length, content: text };
}

export function replaceValue(body: string, node: Node, value: unknown, layout: Layout): Edit {
  return replaceValueText(node, formatValue(value, lineIndent(body, node.offset), layout));
}

/** Removes one child (a property node, or an element) with its separator, so the rest reads as before. */
export function removeChild(container: Node, child: Node): Edit {
  const children = container.children ?? [];
  const index = children.indexOf(child);
  if (index < 0) throw new Error('not a child of this container');
  const previous = children[index - 1];
  const next = children[index + 1];
  if (previous) return { offset: endOf(previous), length: endOf(child) - endOf(previous), content: '' };
  if (next) return { offset: child.offset, length: next.offset - child.offset, content: '' };
  return { offset: container.offset + 1, length: container.length - 2, content: '' };
}

/** Applies one edit; also returns what undoes it on the result. */
export function applyOne(body: string, edit: Edit): { readonly text: string; readonly undo: UndoStep } {
  const text = applyEdits(body, [edit]);
  return { text, undo: { offset: edit.offset, inserted: edit.content, original: body.slice(edit.offset, edit.offset + edit.length) } };
}

/** The inverse of one edit: at `offset`, the text `inserted` goes back to `original`. */
export interface UndoStep {
  readonly offset: number;
  readonly inserted: string;
  readonly original: string;
}

/** Undoes a step only where the text Buddy inserted is still there, untouched. */
export function undoStep(body: string, step: UndoStep): string | undefined {
  if (body.slice(step.offset, step.offset + step.inserted.length) !== step.inserted) return undefined;
  return `${body.slice(0, step.offset)}${step.original}${body.slice(step.offset + step.inserted.length)}`;
}
