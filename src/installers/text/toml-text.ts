// Where things are in a TOML text: every table header and every key/value line with its exact offsets,
// so an edit can touch those bytes and no others. Reading only, and only of text that a TOML parser has
// already accepted (smol-toml checks it first; every edit is checked again after, see mcp-toml-edit.ts).
// Comments, blank lines, multi-line strings and arrays spanning lines are stepped over, never changed.

export interface TomlStatement {
  readonly kind: 'table' | 'array-table' | 'keyval';
  /** The start of its first line, and the end of its last line (after the line break). */
  readonly start: number;
  readonly end: number;
  /** A header's table path; a key/value's full path (the table it is in, then its own key). */
  readonly path: readonly string[];
  /** A key/value's value, without the comment or spaces after it. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

class Scan {
  index = 0;
  constructor(readonly text: string) {}
  get char(): string {
    return this.text[this.index] ?? '';
  }
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.index);
  }
  skipSpaces(): void {
    while (this.char === ' ' || this.char === '\t') this.index++;
  }
  atLineEnd(): boolean {
    return this.index >= this.text.length || this.char === '\n' || this.startsWith('\r\n');
  }
  /** Past the rest of a line that may hold only spaces and a comment; false when something else is there. */
  finishLine(): boolean {
    this.skipSpaces();
    if (this.char === '#') while (!this.atLineEnd()) this.index++;
    if (!this.atLineEnd()) return false;
    if (this.startsWith('\r\n')) this.index += 2;
    else if (this.char === '\n') this.index++;
    return true;
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\u001b', '"': '"', '\\': '\\' };

/** One quoted or bare key, decoded; undefined when there is none here. */
function simpleKey(scan: Scan): string | undefined {
  if (scan.char === '"') {
    let key = '';
    scan.index++;
    while (scan.char !== '"') {
      if (scan.atLineEnd()) return undefined;
      if (scan.char === '\\') {
        const code = scan.text[scan.index + 1] ?? '';
        const hex = code === 'u' ? 4 : code === 'U' ? 8 : code === 'x' ? 2 : 0;
        if (hex > 0) {
          key += String.fromCodePoint(Number.parseInt(scan.text.slice(scan.index + 2, scan.index + 2 + hex), 16));
          scan.index += 2 + hex;
        } else {
          key += ESCAPES[code] ?? code;
          scan.index += 2;
        }
        continue;
      }
      key += scan.char;
      scan.index++;
    }
    scan.index++;
    return key;
  }
  if (scan.char === "'") {
    const close = scan.text.indexOf("'", scan.index + 1);
    if (close < 0) return undefined;
    const key = scan.text.slice(scan.index + 1, close);
    scan.index = close + 1;
    return key;
  }
  const start = scan.index;
  while (BARE_KEY.test(scan.char)) scan.index++;
  return scan.index > start ? scan.text.slice(start, scan.index) : undefined;
}

/** A dotted key (`a . "b" . c`). */
function dottedKey(scan: Scan): string[] | undefined {
  const keys: string[] = [];
  for (;;) {
    scan.skipSpaces();
    const key = simpleKey(scan);
    if (key === undefined) return undefined;
    keys.push(key);
    scan.skipSpaces();
    if (scan.char !== '.') return keys;
    scan.index++;
  }
}

/** Past a quoted string starting here (any of TOML's four kinds); false when it does not end. */
function skipString(scan: Scan): boolean {
  const quote = scan.char;
  const multi = scan.startsWith(quote.repeat(3));
  scan.index += multi ? 3 : 1;
  while (scan.index < scan.text.length) {
    if (quote === '"' && scan.char === '\\') {
      scan.index += 2;
      continue;
    }
    if (!multi && scan.atLineEnd()) return false;
    if (multi ? scan.startsWith(quote.repeat(3)) : scan.char === quote) {
      scan.index += multi ? 3 : 1;
      // A multi-line string may end with one or two of its own quotes before the closing three.
      for (let extra = 0; multi && extra < 2 && scan.char === quote; extra++) scan.index++;
      return true;
    }
    scan.index++;
  }
  return false;
}

/** Past a value; returns where it ends (before any spaces and comment), or undefined when it does not end. */
function skipValue(scan: Scan): number | undefined {
  let depth = 0;
  let end = scan.index;
  while (scan.index < scan.text.length) {
    const char = scan.char;
    if (char === '"' || char === "'") {
      if (!skipString(scan)) return undefined;
      end = scan.index;
      continue;
    }
    if (char === '#' || scan.atLineEnd()) {
      if (depth === 0) return end;
      // Inside an array (or a TOML 1.1 inline table), comments and line breaks are allowed.
      while (!scan.atLineEnd()) scan.index++;
      scan.index += scan.startsWith('\r\n') ? 2 : 1;
      continue;
    }
    if (char === '[' || char === '{') depth++;
    if (char === ']' || char === '}') depth--;
    scan.index++;
    if (char !== ' ' && char !== '\t') end = scan.index;
  }
  return depth === 0 ? end : undefined;
}

/** Every table header and key/value in the text, in order; undefined for text it cannot follow. */
export function scanToml(text: string): TomlStatement[] | undefined {
  const scan = new Scan(text);
  const statements: TomlStatement[] = [];
  let table: readonly string[] = [];
  while (scan.index < text.length) {
    const start = scan.index;
    scan.skipSpaces();
    if (scan.char === '#' || scan.atLineEnd()) {
      if (!scan.finishLine()) return undefined;
      continue;
    }
    if (scan.char === '[') {
      const array = scan.startsWith('[[');
      scan.index += array ? 2 : 1;
      const path = dottedKey(scan);
      if (!path || !scan.startsWith(array ? ']]' : ']')) return undefined;
      scan.index += array ? 2 : 1;
      const valueAt = scan.index;
      if (!scan.finishLine()) return undefined;
      statements.push({ kind: array ? 'array-table' : 'table', start, end: scan.index, path, valueStart: valueAt, valueEnd: valueAt });
      table = path;
      continue;
    }
    const key = dottedKey(scan);
    if (!key || scan.char !== '=') return undefined;
    scan.index++;
    scan.skipSpaces();
    const valueStart = scan.index;
    const valueEnd = skipValue(scan);
    if (valueEnd === undefined || !scan.finishLine()) return undefined;
    statements.push({ kind: 'keyval', start, end: scan.index, path: [...table, ...key], valueStart, valueEnd });
  }
  return statements;
}

export function startsWithPath(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((key, index) => path[index] === key);
}

/** A TOML basic string: quotes, backslashes and control characters escaped. */
export function tomlString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f\u007f]/g, (char) => (char === '"' || char === '\\' ? `\\${char}` : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"${escaped}"`;
}

export function tomlStringArray(items: readonly string[]): string {
  return `[${items.map(tomlString).join(', ')}]`;
}
