// Each runner's line read at its edges: a runner's words only where the runner prints them (at a line's
// start, not mid-line), with the spacing it may print (one space or several), counts of more than one digit,
// both forms of what is optional, and the exact text each one gives. Also what is not a runner's line, the
// lines that are noise around an error, the summary line that counts, the steps a turn is made of, and the
// last lines of output that go with a remark.
import { describe, expect, it } from 'vitest';
import { MAX_NAMED_TESTS } from '../../src/species/remark-facts.js';
import { contextIn, errorIn, factsIn, factText, failedTestIn, fileInError, testReportOf, turnEndsIn } from '../../src/statusline/transcript-facts.js';

const toolUse = (id: string, name: string, input: Record<string, unknown>, stop = 'tool_use'): unknown => ({
  type: 'assistant',
  message: { role: 'assistant', content: [{ type: 'tool_use', id, name, input }], stop_reason: stop },
});
const toolResult = (id: string, content: unknown, isError = true): unknown => ({
  type: 'user',
  message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, is_error: isError }] },
});
const said = (text: string, stop: string | null = 'end_turn'): unknown => ({
  type: 'assistant',
  message: { role: 'assistant', content: [{ type: 'text', text }], stop_reason: stop },
});

describe('pytest: FAILED path::test - Error', () => {
  it('reads the file, the test and the error, with or without the error', () => {
    expect(failedTestIn('FAILED tests/test_cart.py::test_total - AssertionError: assert 90 == 80')).toEqual({ file: 'tests/test_cart.py', name: 'test_total', error: 'AssertionError: assert 90 == 80' });
    expect(failedTestIn('FAILED tests/test_cart.py::test_total')).toEqual({ file: 'tests/test_cart.py', name: 'test_total', error: undefined });
  });

  it('takes several spaces where pytest prints one', () => {
    expect(failedTestIn('FAILED  tests/test_cart.py::test_total')).toEqual({ file: 'tests/test_cart.py', name: 'test_total', error: undefined });
    expect(failedTestIn('FAILED tests/test_cart.py::test_total  - KeyError: sku')).toEqual({ file: 'tests/test_cart.py', name: 'test_total', error: 'KeyError: sku' });
    expect(failedTestIn('FAILED tests/test_cart.py::test_total -  KeyError: sku')).toEqual({ file: 'tests/test_cart.py', name: 'test_total', error: 'KeyError: sku' });
  });

  it('a FAILED word mid-line, or words after the test that are not its error, is not a pytest line', () => {
    expect(failedTestIn('1 FAILED tests/test_cart.py::test_total')).toBeUndefined();
    expect(failedTestIn('FAILED tests/test_cart.py::test_total was retried')).toBeUndefined();
  });
});

describe('vitest: FAIL file > suite > test', () => {
  it('reads the file and the test without its timing', () => {
    expect(failedTestIn('FAIL src/cart.test.ts  > cart > adds an item')).toEqual({ file: 'src/cart.test.ts', name: 'cart > adds an item' });
    expect(failedTestIn('FAIL src/cart.test.ts >  cart > adds an item 12ms')).toEqual({ file: 'src/cart.test.ts', name: 'cart > adds an item' });
  });

  it('a FAIL word mid-line is not a runner\'s line', () => {
    expect(failedTestIn('1 FAIL src/cart.test.ts > cart > adds an item')).toBeUndefined();
  });
});

describe('vitest and jest: a crossed test', () => {
  it('reads the name after the cross, however far from it', () => {
    expect(failedTestIn('×  cart > adds an item')).toEqual({ name: 'cart > adds an item' });
    expect(failedTestIn('✕ cart › adds an item (5 ms)')).toEqual({ name: 'cart › adds an item' });
  });

  it('a cross mid-line is not a failing test', () => {
    expect(failedTestIn('3 × 4 is not 13')).toBeUndefined();
  });

  it('a crossed file line is the file, not a test', () => {
    expect(failedTestIn('× src/cart.test.ts (3 tests | 1 failed) 9ms')).toBeUndefined();
    expect(failedTestIn('× src/cart.test.ts  (12 tests | 1 failed) 9ms')).toBeUndefined();
    expect(failedTestIn('× src/cart.test.ts (1 test | 1 failed) 9ms')).toBeUndefined();
  });

  it('a test that names tests in its name is still a test', () => {
    expect(failedTestIn('× cart > counts (2 tests) at once')).toEqual({ name: 'cart > counts (2 tests) at once' });
  });
});

describe('a runner\'s timing after a name', () => {
  it('is cut in each form: ms, s, in parentheses, with a space, with a fraction', () => {
    expect(failedTestIn('× adds 5ms')).toEqual({ name: 'adds' });
    expect(failedTestIn('× adds  5ms')).toEqual({ name: 'adds' });
    expect(failedTestIn('× adds 5 ms')).toEqual({ name: 'adds' });
    expect(failedTestIn('× adds (0.25s)')).toEqual({ name: 'adds' });
    expect(failedTestIn('× adds 2s')).toEqual({ name: 'adds' });
  });

  it('is read only at the end of the name', () => {
    expect(failedTestIn('× waits 3 seconds 5ms')).toEqual({ name: 'waits 3 seconds' });
  });
});

describe('go: --- FAIL: TestName', () => {
  it('reads the name, however far from the words', () => {
    expect(failedTestIn('--- FAIL: TestAdd (0.00s)')).toEqual({ name: 'TestAdd' });
    expect(failedTestIn('---  FAIL:  TestAdd (0.00s)')).toEqual({ name: 'TestAdd' });
  });

  it('the words mid-line are not a go failure', () => {
    expect(failedTestIn('note --- FAIL: TestAdd (0.00s)')).toBeUndefined();
  });
});

describe('cargo: test name ... FAILED', () => {
  it('reads the name, however far from the dots', () => {
    expect(failedTestIn('test cart::adds ... FAILED')).toEqual({ name: 'cart::adds' });
    expect(failedTestIn('test  cart::adds  ...  FAILED')).toEqual({ name: 'cart::adds' });
  });

  it('the words mid-line, or after FAILED, are not a cargo failure', () => {
    expect(failedTestIn('1 test cart::adds ... FAILED')).toBeUndefined();
    expect(failedTestIn('test cart::adds ... FAILED (timeout)')).toBeUndefined();
  });
});

describe('jest: ● suite › test', () => {
  it('reads the whole name after the dot, however far from it', () => {
    expect(failedTestIn('● cart › adds an item')).toEqual({ name: 'cart › adds an item' });
    expect(failedTestIn('●  cart › adds an item')).toEqual({ name: 'cart › adds an item' });
  });

  it('a dot mid-line is not a test, and jest\'s console block is not one either', () => {
    expect(failedTestIn('see ● cart › adds an item')).toBeUndefined();
    expect(failedTestIn('● Console')).toBeUndefined();
    expect(failedTestIn('● cart › logs to the Console')).toEqual({ name: 'cart › logs to the Console' });
  });
});

describe('mocha: 1) test', () => {
  it('reads the number and the name, numbers of two digits too', () => {
    expect(failedTestIn('12) cart adds an item:')).toEqual({ name: 'cart adds an item', number: '12' });
    expect(failedTestIn('1)  cart adds an item')).toEqual({ name: 'cart adds an item', number: '1' });
  });

  it('names a test once though mocha prints it twice, and two tests by name', () => {
    const output = ['  1) cart adds an item', '  2) cart removes an item', '', '  0 passing (4ms)', '  2 failing', '', '  1) cart adds an item:', '     AssertionError: expected 1 to equal 2', '  2) cart removes an item:'].join('\n');
    expect(testReportOf(output)).toEqual({ tests: ['cart adds an item', 'cart removes an item'], file: undefined, error: 'AssertionError: expected 1 to equal 2', failed: 2, passed: undefined });
  });
});

describe('the failing file a runner names', () => {
  const fileOf = (output: string): string | undefined => testReportOf(output).file;

  it('vitest: the file line, with one or more spaces and counts of any size', () => {
    expect(fileOf('❯ src/cart.test.ts (3 tests | 1 failed) 9ms')).toBe('src/cart.test.ts');
    expect(fileOf('❯  src/cart.test.ts  (12 tests | 10 failed) 9ms')).toBe('src/cart.test.ts');
    expect(fileOf('❯ src/cart.test.ts (1 test|1 failed) 9ms')).toBe('src/cart.test.ts');
    expect(fileOf('❯ src/cart.test.ts (1 test  |  1 failed) 9ms')).toBe('src/cart.test.ts');
  });

  it('vitest: a file line mid-line is not the runner\'s', () => {
    expect(fileOf('rerun ❯ src/cart.test.ts (3 tests | 1 failed)')).toBeUndefined();
  });

  it('jest: FAIL and the file, however far apart, only at the line\'s start', () => {
    expect(fileOf('FAIL  src/cart.test.js')).toBe('src/cart.test.js');
    expect(fileOf('retry FAIL src/cart.test.js')).toBeUndefined();
  });

  it('go: the test file that said it, before a file a log line names', () => {
    const output = ['2024/01/01 10:00:00 config.go:14: loading defaults', '--- FAIL: TestAdd (0.00s)', '    calc_test.go:12: add(1, 2) = 4, want 3'].join('\n');
    expect(fileOf(output)).toBe('calc_test.go');
    const logged = ['main.go:3: starting', 'log: seed_test.go:5: seeding', '    calc_test.go:12: add(1, 2) = 4, want 3'].join('\n');
    expect(fileOf(logged)).toBe('calc_test.go');
  });
});

describe('the counts a run prints', () => {
  const counts = (lines: string[]): { failed?: number | undefined; passed?: number | undefined } => {
    const { failed, passed } = testReportOf(lines.join('\n'));
    return { failed, passed };
  };

  it('the Tests summary line counts, though a later line names another count (jest and vitest forms)', () => {
    expect(counts(['Tests:       2 failed, 5 passed, 7 total', '❯ src/b.test.ts (4 tests | 3 failed)'])).toEqual({ failed: 2, passed: 5 });
    expect(counts(['      Tests  2 failed | 5 passed (7)', '❯ src/b.test.ts (4 tests | 3 failed)'])).toEqual({ failed: 2, passed: 5 });
  });

  it('a Tests word mid-line is no summary: the last line naming a count is read', () => {
    expect(counts(['web:test: Tests: 4 failed, 6 passed, 10 total', 'web:test: ❯ src/b.test.ts (3 tests | 1 failed)'])).toEqual({ failed: 1, passed: 6 });
  });

  it('without a summary, the last line naming a count', () => {
    expect(counts(['❯ src/a.test.ts (3 tests | 1 failed)', '❯ src/b.test.ts (4 tests | 2 failed)'])).toEqual({ failed: 2, passed: undefined });
  });

  it('a count of none is no count', () => {
    expect(counts(['  0 passing (3ms)', '  2 failing'])).toEqual({ failed: 2, passed: undefined });
  });
});

describe('a failing test named once', () => {
  it('one test in two runners\' words is named once; two tests are both named', () => {
    expect(testReportOf(['FAIL src/cart.test.ts > cart > adds', '× cart > adds 3ms', '× cart > removes 2ms'].join('\n')).tests).toEqual(['cart > adds', 'cart > removes']);
  });

  it(`at most ${MAX_NAMED_TESTS} tests are named`, () => {
    const lines = Array.from({ length: MAX_NAMED_TESTS + 2 }, (_, index) => `× cart > case ${index + 1}`);
    expect(testReportOf(lines.join('\n')).tests).toHaveLength(MAX_NAMED_TESTS);
  });
});

describe('lines that are where an error happened, not what it was', () => {
  // The first meaningful line is the one given when no line says it is an error.
  const first = (line: string): string | undefined => errorIn([line, 'the build stopped'].join('\n'), true);

  it('are passed over', () => {
    for (const noise of ['at Object.<anonymous> (src/a.js:3:9)', 'File "app.py", line 3, in <module>', 'Traceback (most recent call last):', 'node:internal/modules/cjs/loader:1080', '^^^^', '^~~~ ^', 'throw err;', '})', '}', '12 | const total = 0;', '12|const total = 0;', '> 12 | const total = 0;', '│ const total', 'code: 1', 'note: run with `RUST_BACKTRACE=1`', 'stack backtrace:', 'Caused by:']) {
      expect(first(noise), noise).toBe('the build stopped');
    }
  });

  it('are noise only at the line\'s start, and only in their own form', () => {
    for (const meaningful of ['Failed at step 2', 'Reading File "data.csv" stopped', 'see Traceback above', 'loaded from node:internal/modules', 'see below ~', '~/shop is missing', 'cannot throw here', 'value {}', '{ total: 1 }', 'step 12 | lint', 'a > b', 'exit code: 1', 'see note: above', 'run with stack backtrace: on', 'and Caused by:', 'Caused by: timeout', 'atlas ready']) {
      expect(first(meaningful), meaningful).toBe(meaningful);
    }
  });
});

describe('the line that says what went wrong', () => {
  it('an exception or error of any kind, with a code or without', () => {
    expect(errorIn('Error: boom')).toBe('boom');
    expect(errorIn('TypeError: x is not a function')).toBe('TypeError: x is not a function');
    expect(errorIn('TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string')).toBe('TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string');
    expect(errorIn('ValidationError[email]: must be set')).toBe('ValidationError[email]: must be set');
    expect(errorIn('TypeError:  x is not a function')).toBe('TypeError: x is not a function');
    expect(errorIn('Exception:boom')).toBe('Exception:boom');
  });

  it('a compiler\'s or a tool\'s error word at the line\'s start', () => {
    expect(errorIn('error: could not compile `shop`')).toBe('error: could not compile `shop`');
    expect(errorIn('error[E0308]: mismatched types')).toBe('error[E0308]: mismatched types');
    expect(errorIn('error[42]: bad input')).toBe('error[42]: bad input');
    expect(errorIn('error:  could not compile')).toBe('error: could not compile');
    expect(errorIn('fatal:not a git repository')).toBe('fatal:not a git repository');
    expect(errorIn('build error: the shop broke')).toBeUndefined();
  });

  it('TypeScript, with its place cut', () => {
    expect(errorIn("src/a.ts(3,5): error TS2345: Argument of type 'string' is not assignable.")).toBe("error TS2345: Argument of type 'string' is not assignable.");
    expect(errorIn('src/a.ts(12,15): error TS2322: Type mismatch.')).toBe('error TS2322: Type mismatch.');
  });

  it('vitest\'s arrow at the line\'s start, its words without it', () => {
    expect(errorIn('→ expected 90 to be 80')).toBe('expected 90 to be 80');
    expect(errorIn('→  expected 90 to be 80')).toBe('expected 90 to be 80');
    expect(errorIn('total → 90')).toBeUndefined();
    expect(errorIn('TypeError: a → b')).toBe('TypeError: a → b');
  });

  it('jest\'s expectation at the line\'s start', () => {
    expect(errorIn('expect(total).toBe(80)')).toBe('expect(total).toBe(80)');
    expect(errorIn('then expect(total).toBe(80)')).toBeUndefined();
  });

  it('go\'s t.Errorf, with its place cut', () => {
    expect(errorIn('calc_test.go:12: add(1, 2) = 4, want 3')).toBe('add(1, 2) = 4, want 3');
    expect(errorIn('calc_test.go:12:  add(1, 2) = 4')).toBe('add(1, 2) = 4');
    expect(errorIn('log calc_test.go:12: seeding')).toBeUndefined();
  });

  it('a place is cut only at the line\'s start, and an Error word after it too', () => {
    expect(errorIn('Error: config.json:3: unexpected token')).toBe('config.json:3: unexpected token');
    expect(errorIn('src/a.ts:3:  Error: boom')).toBe('boom');
    expect(errorIn('Error:  boom')).toBe('boom');
  });

  it('none of them: nothing, unless any line will do', () => {
    expect(errorIn('the build stopped')).toBeUndefined();
    expect(errorIn('the build stopped', true)).toBe('the build stopped');
  });
});

describe('the file an error names', () => {
  it('a bare file name with its place, in either form', () => {
    expect(fileInError("index.ts:3:5 - error TS2304: Cannot find name 'x'.")).toBe('index.ts');
    expect(fileInError("src/a.ts(12,15): error TS2322: Type 'string' is not 'number'.")).toBe('src/a.ts');
  });

  it('a bare quoted file name', () => {
    expect(fileInError("Error: ENOENT: no such file or directory, open 'settings.json'")).toBe('settings.json');
  });
});

describe('a fact', () => {
  it('has its runs of spaces made one', () => {
    expect(factText('adds  an   item')).toBe('adds an item');
  });
});

describe('the records', () => {
  const error = (content: unknown): unknown[] => [toolUse('toolu_1', 'Bash', { command: 'npm run build' }), toolResult('toolu_1', content)];

  it('an output in parts is read part by part, and parts that are not text are passed over', () => {
    expect(factsIn(error([{ type: 'text', text: 'Ran 3 tasks.' }, null, { type: 'image' }, { type: 'text', text: 'TypeError: boom' }]), 'error', { timesToday: 1 })).toEqual({ kind: 'error', timesToday: 1, error: 'TypeError: boom', command: 'npm run build' });
  });

  it('an output that is neither text nor parts says nothing', () => {
    expect(factsIn(error({ text: 'TypeError: boom' }), 'error', { timesToday: 1 })).toEqual({ kind: 'error', timesToday: 1, command: 'npm run build' });
  });

  it('records and blocks that are not objects are passed over', () => {
    const records = [null, 42, 'x', ['y'], { type: 'user', message: { role: 'user', content: [null, 'z', ...((error('TypeError: boom')[1] as { message: { content: unknown[] } }).message.content)] } }];
    expect(factsIn([toolUse('toolu_1', 'Bash', { command: 'npm run build' }), ...records], 'error', { timesToday: 1 })).toEqual({ kind: 'error', timesToday: 1, error: 'TypeError: boom', command: 'npm run build' });
  });

  it('only a Bash call\'s command goes with its result', () => {
    const records = [toolUse('toolu_1', 'mcp__shell__run', { command: 'make' }), toolResult('toolu_1', 'TypeError: boom')];
    expect(factsIn(records, 'error', { timesToday: 1 })).toEqual({ kind: 'error', timesToday: 1, error: 'TypeError: boom' });
  });
});

describe('a worked turn\'s end', () => {
  it('each edit tool and Bash is work', () => {
    const inputs: Record<string, Record<string, unknown>> = {
      Edit: { file_path: 'src/a.ts', old_string: 'a', new_string: 'b' },
      Write: { file_path: 'src/a.ts', content: 'a' },
      MultiEdit: { file_path: 'src/a.ts', edits: [{ old_string: 'a', new_string: 'b' }] },
      NotebookEdit: { notebook_path: 'a.ipynb', new_source: 'x = 1' },
      Bash: { command: 'ls' },
    };
    for (const [name, input] of Object.entries(inputs)) {
      expect(turnEndsIn([toolUse('toolu_1', name, input), toolResult('toolu_1', 'ok', false), said('Done.')], false), name).toEqual({ ended: true, working: false });
    }
  });

  it('reading is no work', () => {
    expect(turnEndsIn([toolUse('toolu_1', 'Read', { file_path: 'src/a.ts' }), toolResult('toolu_1', 'x', false), said('Done.')], false)).toEqual({ ended: false, working: false });
  });

  it('names the last file edited and the last command run, in either order', () => {
    const editThenRun = [toolUse('toolu_1', 'Edit', { file_path: 'src/a.ts', old_string: 'a', new_string: 'b' }), toolResult('toolu_1', 'ok', false), toolUse('toolu_2', 'Bash', { command: 'npm test' }), toolResult('toolu_2', 'ok', false), said('Done.')];
    expect(factsIn(editThenRun, 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1, file: 'src/a.ts', command: 'npm test' });
    const runThenEdit = [toolUse('toolu_2', 'Bash', { command: 'npm test' }), toolResult('toolu_2', 'ok', false), toolUse('toolu_1', 'Write', { file_path: 'src/a.ts', content: 'a' }), toolResult('toolu_1', 'ok', false), said('Done.')];
    expect(factsIn(runThenEdit, 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1, file: 'src/a.ts', command: 'npm test' });
  });

  it('a call without its input names nothing', () => {
    expect(factsIn([toolUse('toolu_2', 'Bash', {}), said('Done.')], 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1 });
    expect(factsIn([toolUse('toolu_2', 'Bash', { command: 42 }), said('Done.')], 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1 });
  });
});

describe('the last lines of output that go with a remark', () => {
  const output = ['RUN v3.2.4', '', '× cart > adds 5ms', '→ expected 1 to be 2', '  ', 'Test Files  1 failed (1)', 'Tests  1 failed | 2 passed (3)', 'Start at 10:00:00', 'Duration 1.2s'].join('\n');
  const records = [toolUse('toolu_1', 'Bash', { command: 'npx vitest run' }), toolResult('toolu_1', output)];

  it('are the last lines of a failing run, blank lines left out', () => {
    expect(contextIn(records, 'testsFailed')).toEqual(['× cart > adds 5ms', '→ expected 1 to be 2', 'Test Files  1 failed (1)', 'Tests  1 failed | 2 passed (3)', 'Start at 10:00:00', 'Duration 1.2s']);
  });

  it('of a passing run and of an error too', () => {
    expect(contextIn([toolUse('toolu_1', 'Bash', { command: 'npx vitest run' }), toolResult('toolu_1', 'Tests  3 passed (3)', false)], 'testsPassed')).toEqual(['Tests  3 passed (3)']);
    expect(contextIn([toolUse('toolu_1', 'Bash', { command: 'node a.js' }), toolResult('toolu_1', 'TypeError: boom\n    at main (a.js:1:1)')], 'error')).toEqual(['TypeError: boom', '    at main (a.js:1:1)']);
  });

  it('none when no step of that kind is there, or for a kind with no output worth reading', () => {
    expect(contextIn(records, 'error')).toEqual([]);
    expect(contextIn(records, 'turnEnd')).toEqual([]);
    expect(contextIn(records, 'bigDiff')).toEqual([]);
    expect(contextIn(records, 'longSilence')).toEqual([]);
  });
});
