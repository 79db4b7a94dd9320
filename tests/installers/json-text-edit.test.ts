// The JSON text edits under every installer, at the byte: how a file's layout is read (line ends, indent
// unit, one-line files), where an added member goes and how it is spaced, how a removed one takes its
// comma with it, and how an undo step gives way when the person changed Buddy's text.
import { describe, expect, it } from 'vitest';
import {
  appendChild,
  applyOne,
  isBlank,
  isJsoncObject,
  lastMember,
  layoutOf,
  membersNamed,
  removeChild,
  replaceValue,
  splitBom,
  treeOf,
  undoStep,
  valueOf,
  type Node,
} from '../../src/installers/text/json-text-edit.js';

/** Adds `key: value` to the object at `path` (or the root), as the installers do. */
function append(body: string, key: string | undefined, value: unknown, path: readonly string[] = []): string {
  let node: Node | undefined = treeOf(body);
  for (const step of path) node = lastMember(node, step);
  return applyOne(body, appendChild(body, node!, key, value, layoutOf(body))).text;
}

function remove(body: string, key: string): string {
  const root = treeOf(body);
  return applyOne(body, removeChild(root, membersNamed(root, key)[0]!)).text;
}

describe('the layout of a file', () => {
  it('reads the line end, the indent unit and whether it is written on one line', () => {
    expect(layoutOf('{\n    "a": 1\n}')).toEqual({ eol: '\n', unit: '    ', compact: false });
    expect(layoutOf('{\r\n\t"a": 1\r\n}')).toEqual({ eol: '\r\n', unit: '\t', compact: false });
    expect(layoutOf('{ "a": 1 }')).toEqual({ eol: '\n', unit: '  ', compact: true });
    expect(layoutOf('{}')).toEqual({ eol: '\n', unit: '  ', compact: false });
    expect(layoutOf('{\n}')).toEqual({ eol: '\n', unit: '  ', compact: false });
    expect(layoutOf('{"a": {\n"b": 1}}')).toEqual({ eol: '\n', unit: '  ', compact: false });
  });
});

describe('adding a member', () => {
  it('follows the indent of the last member, on a line of its own', () => {
    expect(append('{\n    "a": 1\n}\n', 'b', { c: [1] })).toBe('{\n    "a": 1,\n    "b": {\n        "c": [\n            1\n        ]\n    }\n}\n');
    expect(append('{\r\n  "a": 1\r\n}', 'b', 2)).toBe('{\r\n  "a": 1,\r\n  "b": 2\r\n}');
  });

  it('indents one unit past the container when the last member shares its line', () => {
    expect(append('{\n  "x": {"a": 1, "b": 2\n  }\n}', 'c', 3, ['x'])).toBe('{\n  "x": {"a": 1, "b": 2,\n    "c": 3\n  }\n}');
    expect(append('{\n  "x": {"a": 1,\n      "b": 2}\n}', 'c', 3, ['x'])).toBe('{\n  "x": {"a": 1,\n      "b": 2,\n      "c": 3}\n}');
  });

  it('keeps a one-line container on one line, spaced as it is', () => {
    expect(append('{ "a": 1 }', 'b', { c: 2 })).toBe('{ "a": 1, "b": {"c":2} }');
    expect(append('{"a":1}', 'b', [1, 2])).toBe('{"a":1,"b":[1,2]}');
    expect(append('{\n  "x": {"a": 1}\n}', 'b', 2, ['x'])).toBe('{\n  "x": {"a": 1, "b": 2}\n}');
    expect(append('{\n  "x": [1]\n}', undefined, 2, ['x'])).toBe('{\n  "x": [1,2]\n}');
  });

  it('fills an empty container, its whitespace giving way', () => {
    expect(append('{}', 'a', 1)).toBe('{\n  "a": 1\n}');
    expect(append('{ }', 'a', { b: 1 })).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
    expect(append('{\n\t"x": {}\n}', 'a', 1, ['x'])).toBe('{\n\t"x": {\n\t\t"a": 1\n\t}\n}');
    expect(append('{"y": 0, "x": {}}', 'a', [1], ['x'])).toBe('{"y": 0, "x": {"a":[1]}}');
    expect(append('{\n  "x": []\n}', undefined, 'v', ['x'])).toBe('{\n  "x": [\n    "v"\n  ]\n}');
  });
});

describe('replacing and removing', () => {
  it('replaces a value in place, indented where it stands', () => {
    const body = '{\n  "a": {\n    "b": 1\n  },\n  "c": 2\n}';
    const b = lastMember(lastMember(treeOf(body), 'a'), 'b')!;
    expect(applyOne(body, replaceValue(body, b, [1, 2], layoutOf(body))).text).toBe('{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  },\n  "c": 2\n}');
  });

  it('takes a member out with the comma before it, or after it when it is first', () => {
    const body = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';
    expect(remove(body, 'a')).toBe('{\n  "b": 2,\n  "c": 3\n}');
    expect(remove(body, 'b')).toBe('{\n  "a": 1,\n  "c": 3\n}');
    expect(remove(body, 'c')).toBe('{\n  "a": 1,\n  "b": 2\n}');
    expect(remove('{\n  "a": 1\n}', 'a')).toBe('{}');
  });

  it('refuses a node that is not a child of the container', () => {
    const root = treeOf('{"a": {"b": 1}}');
    const inner = lastMember(root, 'a')!;
    expect(() => removeChild(root, inner.children![0]!)).toThrow('not a child of this container');
  });
});

describe('duplicate keys', () => {
  it('addresses the last, as JSON.parse does, and lists them all', () => {
    const root = treeOf('{"a": 1, "b": 0, "a": 2}');
    expect(valueOf(lastMember(root, 'a')!)).toBe(2);
    expect(membersNamed(root, 'a').map((property) => valueOf(property.children![1]!))).toEqual([1, 2]);
    expect(lastMember(root, 'z')).toBeUndefined();
    expect(lastMember(lastMember(root, 'a'), 'x')).toBeUndefined();
    expect(membersNamed(lastMember(root, 'a'), 'x')).toEqual([]);
    expect(membersNamed(undefined, 'x')).toEqual([]);
  });
});

describe('undo steps', () => {
  it('give back the original where Buddy\'s text is still there, and give up otherwise', () => {
    const { text, undo } = applyOne('{"a": 1}', { offset: 7, length: 0, content: ', "b": 2' });
    expect(text).toBe('{"a": 1, "b": 2}');
    expect(undo).toEqual({ offset: 7, inserted: ', "b": 2', original: '' });
    expect(undoStep(text, undo)).toBe('{"a": 1}');
    expect(undoStep('{"a": 1, "b": 3}', undo)).toBeUndefined();
    const replaced = applyOne('{"a": 1}', { offset: 6, length: 1, content: '22' });
    expect(replaced.undo).toEqual({ offset: 6, inserted: '22', original: '1' });
    expect(undoStep(`${replaced.text}\n`, replaced.undo)).toBe('{"a": 1}\n');
  });
});

describe('the text around the JSON', () => {
  it('splits off a byte order mark and nothing else', () => {
    expect(splitBom('\uFEFF{}')).toEqual({ bom: '\uFEFF', body: '{}' });
    expect(splitBom('{}\uFEFF')).toEqual({ bom: '', body: '{}\uFEFF' });
  });

  it('calls whitespace-only text blank', () => {
    expect(isBlank(' \r\n\t')).toBe(true);
    expect(isBlank('')).toBe(true);
    expect(isBlank(' {}')).toBe(false);
  });

  it('accepts one object with comments, and refuses a trailing comma, an array, a scalar or nothing', () => {
    expect(isJsoncObject('{ // note\n "a": 1 /* x */ }')).toBe(true);
    expect(isJsoncObject('{ "a": 1, }')).toBe(false);
    expect(isJsoncObject('[1]')).toBe(false);
    expect(isJsoncObject('null')).toBe(false);
    expect(isJsoncObject('1')).toBe(false);
    expect(isJsoncObject('')).toBe(false);
    expect(isJsoncObject('{} {}')).toBe(false);
  });

  it('has no tree for text without a value', () => {
    expect(() => treeOf('')).toThrow('not a JSON document');
  });
});
