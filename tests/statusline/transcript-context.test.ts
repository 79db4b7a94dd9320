// What a model remark may read around its facts (the last lines the step printed, scrubbed whole, only for
// tests and errors), and which line of an output is the error: each kind of error line a runner or a tool
// prints is found first, before the lines around it, and lines that only look like one are passed over.
import { describe, expect, it } from 'vitest';
import { CONTEXT_LINES, contextIn, errorIn, factsIn, failedTestIn, testReportOf, turnEndsIn } from '../../src/statusline/transcript-facts.js';

const record = (message: Record<string, unknown>): Record<string, unknown> => ({ type: message.role, message });
const bash = (id: string): Record<string, unknown> => record({ role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command: 'npm test' } }] });
const result = (id: string, content: string, isError = true): Record<string, unknown> =>
  record({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, is_error: isError }] });
const edit = (lines: number): Record<string, unknown> =>
  record({ role: 'assistant', content: [{ type: 'tool_use', id: 'e', name: 'Write', input: { file_path: 'src/a.ts', content: 'x\n'.repeat(lines) } }] });

const FAILED = ' FAIL  tests/a.test.ts > adds\nAssertionError: expected 3 to be 4\n Tests  1 failed (1)';

describe('the context sent with a model remark', () => {
  it('is the last lines the failing run printed, blank lines left out', () => {
    const records = [bash('1'), result('1', 'old run\n FAIL  tests/old.test.ts > x\n Tests  1 failed (1)'), bash('2'), result('2', `first\n\n   \n${FAILED}\n`)];
    expect(contextIn(records, 'testsFailed')).toEqual(['first', ' FAIL  tests/a.test.ts > adds', 'AssertionError: expected 3 to be 4', ' Tests  1 failed (1)']);
  });

  it(`is at most ${CONTEXT_LINES} lines, the last ones`, () => {
    const lines = Array.from({ length: 10 }, (_, n) => `line ${n}`);
    expect(contextIn([bash('1'), result('1', `${lines.join('\n')}\n${FAILED}`)], 'testsFailed')).toEqual(['line 7', 'line 8', 'line 9', ...FAILED.split('\n')]);
    expect(CONTEXT_LINES).toBe(6);
  });

  it('hides a private key spread over lines, as a whole', () => {
    const output = `${FAILED}\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----`;
    const context = contextIn([bash('1'), result('1', output)], 'testsFailed');
    expect(context.join('\n')).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(context[0]).toBe(' FAIL  tests/a.test.ts > adds');
  });

  it('is read for green runs and errors too', () => {
    expect(contextIn([bash('1'), result('1', ' Tests  12 passed (12)', false)], 'testsPassed')).toEqual([' Tests  12 passed (12)']);
    expect(contextIn([bash('1'), result('1', 'TypeError: x is not a function\n    at a.js:1:1')], 'error')).toEqual(['TypeError: x is not a function', '    at a.js:1:1']);
  });

  it('is nothing for an edit, a turn, a silence, or a kind the records do not hold', () => {
    const records = [bash('1'), result('1', FAILED), edit(120)];
    for (const kind of ['bigDiff', 'turnEnd', 'longSilence'] as const) expect(contextIn(records, kind)).toEqual([]);
    expect(contextIn(records, 'error')).toEqual([]);
    expect(contextIn([], 'testsFailed')).toEqual([]);
  });
});

describe('the error line of an output', () => {
  it.each([
    ['TypeError: x is not a function', 'TypeError: x is not a function'],
    ['Error [ERR_MODULE_NOT_FOUND]: Cannot find package', 'Error [ERR_MODULE_NOT_FOUND]: Cannot find package'],
    ['error[E0308]: mismatched types', 'error[E0308]: mismatched types'],
    ['fatal: not a git repository', 'fatal: not a git repository'],
    ['src/a.ts(3,5): error TS2322: Type string is not number', 'error TS2322: Type string is not number'],
    ['ENOENT: no such file or directory', 'ENOENT: no such file or directory'],
    ['bash: foo: command not found', 'bash: foo: command not found'],
    ['→ expected 1 to be 2', 'expected 1 to be 2'],
    ['expect(received).toBe(expected)', 'expect(received).toBe(expected)'],
    ['calc_test.go:12: want 3, got 4', 'want 3, got 4'],
  ])('finds %s before the lines around it', (line, words) => {
    expect(errorIn(`starting the run\n${line}\nafter it`)).toBe(words);
  });

  it('says what a panic says on the line after where it happened', () => {
    expect(errorIn("thread 'main' panicked at src/main.rs:2:5:\nattempt to divide by zero\nnote: run with RUST_BACKTRACE=1")).toBe('attempt to divide by zero');
  });

  it.each(['MyErrorHandler: ready', 'Errors: none', 'an error occurred somewhere', 'no error here: fine', 'the ENOENT docs', '→'])('passes over %s', (line) => {
    expect(errorIn(`${line}\nall good`)).toBeUndefined();
  });

  it('takes the first line that says anything, when any line will do', () => {
    expect(errorIn('\n  \nsomething odd happened\nmore', true)).toBe('something odd happened');
    expect(errorIn('something odd happened')).toBeUndefined();
  });
});

describe('a failing test on one line, in each runner’s words', () => {
  it.each([
    ['FAILED tests/test_cart.py::TestCart::test_total - AssertionError: 3 != 4', { file: 'tests/test_cart.py', name: 'test_total', error: 'AssertionError: 3 != 4' }],
    ['FAILED tests/test_cart.py::test_total', { file: 'tests/test_cart.py', name: 'test_total', error: undefined }],
    [' FAIL  src/cart.test.ts > cart > adds two  12ms', { file: 'src/cart.test.ts', name: 'cart > adds two' }],
    ['FAIL src/cart.test.ts > adds (5 ms)', { file: 'src/cart.test.ts', name: 'adds' }],
    ['× adds two 3ms', { name: 'adds two' }],
    ['✗ adds two (0.12s)', { name: 'adds two' }],
    ['✕ adds two', { name: 'adds two' }],
    ['✖ adds two', { name: 'adds two' }],
    ['--- FAIL: TestTotal (0.00s)', { name: 'TestTotal' }],
    ['test cart::adds_two ... FAILED', { name: 'cart::adds_two' }],
    ['● cart › adds two', { name: 'cart › adds two' }],
    ['  12) cart adds two:', { name: 'cart adds two', number: '12' }],
  ])('reads %s', (line, expected) => {
    expect(failedTestIn(line)).toEqual(expected);
  });

  it.each([
    'FAILED',
    'xFAILED tests/a.py::b',
    'FAIL src/cart.test.ts',
    'FAILsrc/cart.test.ts > adds',
    '× src/cart.test.ts (3 tests | 1 failed)',
    '--- PASS: TestTotal (0.00s)',
    'test cart::adds_two ... ok',
    'test cart::adds_two ... FAILED later',
    '● Console',
    '12 passed',
    'ran 3) tests',
  ])('passes over %s', (line) => {
    expect(failedTestIn(line)).toBeUndefined();
  });
});

describe('a failing run’s file', () => {
  it.each([
    [' ❯ src/cart.test.ts (3 tests | 1 failed) 12ms\n   × adds two', 'src/cart.test.ts'],
    ['× src/cart.test.ts (1 test | 1 failed)\n  × adds', 'src/cart.test.ts'],
    ['FAIL src/cart.test.js\n  ● cart › adds two', 'src/cart.test.js'],
    ['--- FAIL: TestTotal (0.00s)\n    calc_test.go:12: want 3, got 4', 'calc_test.go'],
  ])('is named in %j', (output, file) => {
    expect(testReportOf(output).file).toBe(file);
  });

  it('is not a line that only looks like one', () => {
    expect(testReportOf('❯ src/cart.test.ts (3 tests | 0 passed)\nFAIL src/cart\n--- FAIL: TestTotal (0.00s)').file).toBeUndefined();
  });
});

describe('lines that say where, not what', () => {
  it.each([
    '    at Object.<anonymous> (src/a.js:1:1)',
    'File "app.py", line 3, in <module>',
    'Traceback (most recent call last):',
    'node:internal/modules/cjs/loader:1228',
    '    ^^^^^',
    'throw err;',
    '{',
    '12 | const total = add(1, 2)',
    '❯ src/a.test.ts:12:5',
    'errno: -2',
    'note: run with `RUST_BACKTRACE=1`',
  ])('are passed over when any line will do: %s', (noise) => {
    expect(errorIn(`${noise}\nthe real trouble`, true)).toBe('the real trouble');
  });
});

describe('the steps of a turn', () => {
  const use = (name: string, input: Record<string, unknown>, id = 'u'): Record<string, unknown> => record({ role: 'assistant', content: [{ type: 'tool_use', id, name, input }] });
  const end = record({ role: 'assistant', content: [{ type: 'text', text: 'Done.' }], stop_reason: 'end_turn' });
  const many = (count: number): string => 'x\n'.repeat(count - 1) + 'x';

  it.each([
    ['Edit', { file_path: 'src/a.ts', new_string: many(90) }, 'src/a.ts'],
    ['Write', { file_path: 'src/b.ts', content: many(90) }, 'src/b.ts'],
    ['MultiEdit', { file_path: 'src/c.ts', edits: [{ new_string: many(50) }, { new_string: many(40) }] }, 'src/c.ts'],
    ['NotebookEdit', { notebook_path: 'nb.ipynb', new_source: many(90) }, 'nb.ipynb'],
  ])('a big %s names its file and its lines', (name, input, file) => {
    expect(factsIn([use(name, input)], 'bigDiff', { timesToday: 1 })).toEqual({ kind: 'bigDiff', timesToday: 1, file, lines: 90 });
  });

  it('a tool that only reads writes nothing big', () => {
    expect(factsIn([use('Read', { file_path: 'src/a.ts', content: many(90) })], 'bigDiff', { timesToday: 1 })).toBeUndefined();
  });

  it.each(['Bash', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit'])('a turn that used %s did real work', (name) => {
    expect(turnEndsIn([use(name, { command: 'ls', file_path: 'a' }), end], false)).toEqual({ ended: true, working: false });
  });

  it('a turn that only read or talked did none', () => {
    expect(turnEndsIn([use('Read', { file_path: 'a' }), end], false)).toEqual({ ended: false, working: false });
    expect(turnEndsIn([use('Grep', { pattern: 'a' })], false)).toEqual({ ended: false, working: false });
  });

  it('names the command only of the shell call the result answers', () => {
    const facts = (records: readonly Record<string, unknown>[]): unknown => factsIn(records, 'testsFailed', { timesToday: 1 })?.command;
    expect(facts([use('Bash', { command: 'npm test\necho done' }, 'a'), result('a', FAILED)])).toBe('npm test');
    expect(facts([use('Task', { command: 'npm test' }, 'a'), result('a', FAILED)])).toBeUndefined();
    expect(facts([use('Bash', { command: 'npm test' }, 'a'), result('b', FAILED)])).toBeUndefined();
    expect(facts([use('Bash', { command: 42 }, 'a'), result('a', FAILED)])).toBeUndefined();
  });

  it('reads an output given in parts, one part a line', () => {
    const parts = record({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: [{ type: 'text', text: ' FAIL  tests/a.test.ts > adds' }, { type: 'image' }, { type: 'text', text: ' Tests  1 failed (1)' }] }] });
    expect(factsIn([parts], 'testsFailed', { timesToday: 1 })).toEqual({ kind: 'testsFailed', timesToday: 1, tests: ['adds'], file: 'tests/a.test.ts', failed: 1 });
  });

  it('skips what is no record, and a message without blocks', () => {
    expect(factsIn([null, 7, 'text', [], { type: 'user' }, record({ role: 'user', content: 'plain' }), bash('1'), result('1', FAILED)], 'testsFailed', { timesToday: 1 })?.tests).toEqual(['adds']);
  });
});
