// The TOML scanner under Buddy's Codex edits, at the byte: each statement's exact span and value span,
// the key escapes it decodes, the four string kinds and multi-line arrays it steps over, CRLF, and every
// kind of text it refuses to follow (so an edit is refused rather than put in the wrong place).
import { describe, expect, it } from 'vitest';
import { scanToml, startsWithPath, tomlString, tomlStringArray, type TomlStatement } from '../../src/installers/text/toml-text.js';

const spans = (text: string): string[] | undefined =>
  scanToml(text)?.map((s: TomlStatement) => `${s.kind} ${s.path.join('.')} [${s.start},${s.end}) value [${s.valueStart},${s.valueEnd})`);

describe('statement spans', () => {
  it('gives each line from its start to past its line break, and the value without spaces or comment', () => {
    const text = 'a = 1\n  b = "x" # note\n[t] # head\nc = [1, 2]  \n';
    expect(spans(text)).toEqual(['keyval a [0,6) value [4,5)', 'keyval b [6,23) value [12,15)', 'table t [23,34) value [26,26)', 'keyval t.c [34,47) value [38,44)']);
  });

  it('counts CRLF as one line end, and a last line without one', () => {
    expect(spans('a = 1\r\n[t]\r\nb = 2')).toEqual(['keyval a [0,7) value [4,5)', 'table t [7,12) value [10,10)', 'keyval t.b [12,17) value [16,17)']);
  });

  it('skips blank lines and comment lines, and reads an empty text as nothing', () => {
    expect(spans('\n# c\n \t\n\r\na=1\n')).toEqual(['keyval a [10,14) value [12,13)']);
    expect(spans('')).toEqual([]);
    expect(spans('# only\n')).toEqual([]);
  });

  it('reads array tables, and keys under them', () => {
    expect(spans('[[p]]\nx = 1\n[[ p . q ]]\n')).toEqual(['array-table p [0,6) value [5,5)', 'keyval p.x [6,12) value [10,11)', 'array-table p.q [12,24) value [23,23)']);
  });

  it('steps over multi-line arrays with comments, and nested brackets', () => {
    const text = 'a = [\n  1, # one\r\n  [2, 3],\n]\nb = { c = [1] }\n';
    expect(spans(text)).toEqual(['keyval a [0,30) value [4,29)', 'keyval b [30,46) value [34,45)']);
  });

  it('steps over the four kinds of string, escapes and quotes inside them included', () => {
    const text = [
      'a = "x \\" # [y]"',
      "b = 'c:\\path # not'",
      'c = """',
      '[not.a.table]',
      'd = "no"',
      '""""',
      "e = '''x''''",
      'f = """a\\"""b"""',
      '',
    ].join('\n');
    expect(spans(text)?.map((line) => line.split(' [')[0])).toEqual(['keyval a', 'keyval b', 'keyval c', 'keyval e', 'keyval f']);
    const values = scanToml(text)!.map((s) => text.slice(s.valueStart, s.valueEnd));
    expect(values).toEqual(['"x \\" # [y]"', "'c:\\path # not'", '"""\n[not.a.table]\nd = "no"\n""""', "'''x''''", '"""a\\"""b"""']);
  });
});

describe('keys', () => {
  it('decodes the escapes of quoted keys', () => {
    const text = '"a\\u00e9\\U0001F600\\x41\\n\\t\\"\\\\\\q" = 1\n';
    expect(scanToml(text)![0]!.path).toEqual(['aé😀A\n\t"\\q']);
    expect(scanToml('"\\b\\f\\r\\e" = 1\n')![0]!.path).toEqual(['\b\f\r\u001b']);
  });

  it('reads literal, bare and dotted keys with spaces around the dots', () => {
    expect(scanToml("'a.b' . c-d . E_9 = 1\n")![0]!.path).toEqual(['a.b', 'c-d', 'E_9']);
    expect(scanToml('"" = 1\n')![0]!.path).toEqual(['']);
  });
});

describe('text it refuses to follow', () => {
  it.each([
    ['an unterminated quoted key', '"a = 1\n'],
    ['a quoted key cut by a line end', '"a\n" = 1\n'],
    ['an unterminated literal key', "'a = 1\n"],
    ['no key', '= 1\n'],
    ['no equals sign', 'a 1\n'],
    ['a dot with nothing after it', 'a. = 1\n'],
    ['an unterminated header', '[a\n'],
    ['an array table closed as a table', '[[a]\n'],
    ['something after a header', '[a] b\n'],
    ['an unterminated string', 'a = "x\n'],
    ['an unterminated literal string', "a = 'x\n"],
    ['an unterminated multi-line string', 'a = """x\n'],
    ['an unterminated array', 'a = [1,\n'],
    ['a string ending the text unclosed', 'a = "x'],
    ['an escaped quote ending the text', 'a = "x\\"'],
    ['a stray character on its own line', '}\n'],
  ])('%s', (_name, text) => {
    expect(scanToml(text)).toBeUndefined();
  });
});

describe('paths and strings', () => {
  it('matches a path by its prefix', () => {
    expect(startsWithPath(['a', 'b', 'c'], ['a', 'b'])).toBe(true);
    expect(startsWithPath(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(startsWithPath(['a'], ['a', 'b'])).toBe(false);
    expect(startsWithPath(['a', 'x'], ['a', 'b'])).toBe(false);
    expect(startsWithPath(['a'], [])).toBe(true);
  });

  it('writes basic strings with quotes, backslashes and control characters escaped', () => {
    expect(tomlString('plain é')).toBe('"plain é"');
    expect(tomlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(tomlString('\u0000\n\u001f\u007f ~')).toBe('"\\u0000\\u000a\\u001f\\u007f ~"');
    expect(tomlStringArray(['a', 'b"'])).toBe('["a", "b\\""]');
    expect(tomlStringArray([])).toBe('[]');
  });
});
