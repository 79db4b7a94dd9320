// The facts behind a remark, from Claude Code transcript records: each common test runner's failures read
// from output written as the runner prints it (names, file, counts, the error's first words), errors from
// the usual places (Node, TypeScript, Python, Rust, the shell), the command matched to its result, the file
// and size of a big edit, a worked turn's end, and that every fact is one clean line, cut, never blank.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_FACT_LENGTH, MAX_NAMED_TESTS } from '../../src/species/remark-facts.js';
import { errorIn, factsIn, factText, fileInError, testReportOf, turnEndsIn } from '../../src/statusline/transcript-facts.js';
import { parseJsonLines } from '../../src/statusline/transcript-signals.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const fixture = (file: string): unknown[] => parseJsonLines(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
const ESC = '\u001b';

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
const ran = (command: string, output: string, id = 'toolu_run'): unknown[] => [toolUse(id, 'Bash', { command }), toolResult(id, output)];

const VITEST = [
  '',
  ` ${ESC}[7m RUN ${ESC}[27m v3.2.4 /home/dev/shop`,
  '',
  ` ${ESC}[31m❯${ESC}[39m src/cart.test.ts (3 tests | 1 failed) 9ms`,
  '   ✓ cart > adds an item 2ms',
  `   ${ESC}[31m×${ESC}[39m cart > applies the discount 5ms`,
  '     → expected 90 to be 80',
  '',
  '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
  '',
  ' FAIL  src/cart.test.ts > cart > applies the discount',
  'AssertionError: expected 90 to be 80 // Object.is equality',
  '',
  ' ❯ src/cart.test.ts:14:29',
  "     12|   it('applies the discount', () => {",
  '',
  ' Test Files  1 failed (1)',
  '      Tests  1 failed | 2 passed (3)',
].join('\n');

const JEST = [
  'FAIL src/money.test.js',
  '  money',
  '    ✓ formats whole euros (3 ms)',
  '    ✕ rounds half cents up (4 ms)',
  '',
  '  ● money › rounds half cents up',
  '',
  '    expect(received).toBe(expected) // Object.is equality',
  '',
  '    Expected: "€0.13"',
  '    Received: "€0.12"',
  '',
  '      at Object.toBe (src/money.test.js:11:27)',
  '',
  'Test Suites: 1 failed, 1 total',
  'Tests:       1 failed, 1 passed, 2 total',
].join('\n');

const PYTEST = [
  '============================= test session starts ==============================',
  'collected 3 items',
  '',
  'tests/test_parser.py .F.                                                 [100%]',
  '',
  '=================================== FAILURES ===================================',
  '______________________________ test_parses_empty _______________________________',
  '',
  '    def test_parses_empty():',
  '>       assert parse("") == []',
  'E       AssertionError: assert None == []',
  '',
  'tests/test_parser.py:9: AssertionError',
  '=========================== short test summary info ============================',
  'FAILED tests/test_parser.py::test_parses_empty - AssertionError: assert None == []',
  '========================= 1 failed, 2 passed in 0.04s ==========================',
].join('\n');

const CARGO = [
  'running 3 tests',
  'test tests::adds ... ok',
  'test tests::subtracts ... FAILED',
  'test tests::multiplies ... ok',
  '',
  'failures:',
  '',
  '---- tests::subtracts stdout ----',
  "thread 'tests::subtracts' panicked at src/lib.rs:21:9:",
  'assertion `left == right` failed',
  '  left: 1',
  ' right: 2',
  'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
  '',
  'failures:',
  '    tests::subtracts',
  '',
  'test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
].join('\n');

const GO = [
  '=== RUN   TestAdd',
  '--- PASS: TestAdd (0.00s)',
  '=== RUN   TestDivide',
  '--- FAIL: TestDivide (0.00s)',
  '    calc_test.go:18: Divide(1, 0) = 0, want an error',
  'FAIL',
  'FAIL\texample.com/calc\t0.003s',
  'FAIL',
].join('\n');

const MOCHA = [
  '',
  '  Array',
  '    #indexOf()',
  '      ✔ returns the index of a present value',
  '      1) returns -1 when the value is absent',
  '',
  '',
  '  1 passing (6ms)',
  '  1 failing',
  '',
  '  1) Array',
  '       #indexOf()',
  '         returns -1 when the value is absent:',
  '',
  '      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
  '',
  '0 !== -1',
  '',
  '      at Context.<anonymous> (test/array.spec.js:9:14)',
].join('\n');

describe('testReportOf: the runners, as they print', () => {
  it.each([
    ['vitest', VITEST, { tests: ['cart > applies the discount'], file: 'src/cart.test.ts', error: 'expected 90 to be 80', failed: 1, passed: 2 }],
    ['jest', JEST, { tests: ['rounds half cents up'], file: 'src/money.test.js', error: 'expect(received).toBe(expected) // Object.is equality', failed: 1, passed: 1 }],
    ['pytest', PYTEST, { tests: ['test_parses_empty'], file: 'tests/test_parser.py', error: 'AssertionError: assert None == []', failed: 1, passed: 2 }],
    ['cargo', CARGO, { tests: ['tests::subtracts'], file: 'src/lib.rs', error: 'assertion `left == right` failed', failed: 1, passed: 2 }],
    ['go', GO, { tests: ['TestDivide'], file: 'calc_test.go', error: 'Divide(1, 0) = 0, want an error', failed: undefined, passed: undefined }],
    ['mocha', MOCHA, { tests: ['returns -1 when the value is absent'], file: undefined, error: 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:', failed: 1, passed: 1 }],
  ])('%s', (_runner, output, expected) => {
    expect(testReportOf(output)).toEqual(expected);
  });

  it('names at most MAX_NAMED_TESTS failing tests, in the order printed, each once', () => {
    const output = ['a', 'b', 'a', 'c', 'd'].map((name) => `--- FAIL: Test${name.toUpperCase()} (0.00s)`).join('\n');
    expect(MAX_NAMED_TESTS).toBe(3);
    expect(testReportOf(output).tests).toEqual(['TestA', 'TestB', 'TestC']);
  });

  it('reads a class-scoped pytest test by its own name, CRLF output, and minitest\'s failures', () => {
    expect(testReportOf('FAILED tests/test_cart.py::TestCart::test_total - assert 3 == 4\r\n=== 1 failed in 0.01s ===\r\n')).toEqual({ tests: ['test_total'], file: 'tests/test_cart.py', error: 'assert 3 == 4', failed: 1, passed: undefined });
    expect(testReportOf('3 runs, 3 assertions, 2 failures, 0 errors, 0 skips')).toMatchObject({ failed: 2 });
  });

  it('reads only the first 20,000 characters of an output', () => {
    const line = '--- FAIL: TestLate';
    expect(testReportOf(`${'.'.repeat(20_000 - line.length)}\n${line}`.slice(1)).tests).toEqual(['TestLate']);
    expect(testReportOf(`${'.'.repeat(20_000 - line.length)}\n${line}`).tests).toEqual(['TestLat']);
  });

  it('takes the "Tests" summary over the file count, and no count of zero', () => {
    expect(testReportOf(' Test Files  2 failed (2)\n      Tests  5 failed | 0 passed (5)')).toMatchObject({ failed: 5, passed: undefined });
    expect(testReportOf('3 passed, 0 failed')).toMatchObject({ failed: undefined, passed: 3 });
  });

  it('knows every failure mark', () => {
    for (const mark of ['×', '✗', '✕', '✖']) expect(testReportOf(`  ${mark} sums the cart (3 ms)`).tests, mark).toEqual(['sums the cart']);
    expect(testReportOf('  ✓ sums the cart (3 ms)\n  - skips the rest').tests).toEqual([]);
    expect(testReportOf(' FAIL  src/a.test.ts > cart > sums 12ms').tests).toEqual(['cart > sums']);
    expect(testReportOf('test it_works ... ok\ntest it_fails ... FAILED').tests).toEqual(['it_fails']);
  });

  it('does not take a vitest file line for a test, nor jest console output', () => {
    expect(testReportOf(' × src/a.test.ts (2 tests | 2 failed) 4ms\n  ● Console\n')).toEqual({ tests: [], file: 'src/a.test.ts', error: undefined, failed: 2, passed: undefined });
  });
});

describe('errorIn: the first words that say what went wrong', () => {
  it.each([
    ['node', "node:internal/fs/utils:351\n    throw err;\n    ^\n\nError: ENOENT: no such file or directory, open 'config/local.json'\n    at Object.openSync (node:fs:596:3)", "ENOENT: no such file or directory, open 'config/local.json'"],
    ['a TypeError', "file:///app/cart.js:4\n  return items.length;\n               ^\n\nTypeError: Cannot read properties of undefined (reading 'length')\n    at total (file:///app/cart.js:4:16)", "TypeError: Cannot read properties of undefined (reading 'length')"],
    ['tsc', "src/cart.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.", "error TS2322: Type 'string' is not assignable to type 'number'."],
    ['python', 'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    print(config["port"])\nKeyError: \'port\'', "KeyError: 'port'"],
    ['rust', 'error[E0308]: mismatched types\n --> src/main.rs:4:18\n  |\n4 |     let x: u8 = "a";', 'error[E0308]: mismatched types'],
    ['the shell', 'bash: line 1: pnpm: command not found', 'bash: line 1: pnpm: command not found'],
    ['ANSI colour', `${ESC}[31mError:${ESC}[39m boom`, 'boom'],
    ['a bare Error', "node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module 'left-pad'\nRequire stack:", "Cannot find module 'left-pad'"],
    ['an exception', 'Exception in thread "main" java.lang.IllegalStateException: closed\n\tat Main.main(Main.java:3)', 'Exception in thread "main" java.lang.IllegalStateException: closed'],
    ['go', 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:', 'panic: runtime error: index out of range [3] with length 3'],
  ])('%s', (_case, output, expected) => {
    expect(errorIn(output, true)).toBe(expected);
  });

  it('skips every kind of line that says where, not what', () => {
    const noise = [
      '    at Object.<anonymous> (/app/a.js:1:1)',
      '  File "/app/main.py", line 3, in <module>',
      'Traceback (most recent call last):',
      'node:internal/process/task_queues:95',
      '      ^^^^^',
      '  throw err;',
      '{',
      '},',
      '  12 | const total = cart.sum();',
      '│ 12 │ x',
      '> 12 | y',
      '❯ src/a.ts:12:5',
      "  code: 'ERR_X',",
      '  errno: -2,',
      '  syscall: "open",',
      "  path: 'a.json'",
      'note: run with `RUST_BACKTRACE=1`',
      'stack backtrace:',
      'Caused by:',
    ];
    for (const line of noise) expect(errorIn(`${line}\nthe real trouble`, true), line).toBe('the real trouble');
    expect(errorIn(noise.join('\n'), true)).toBeUndefined();
  });

  it("takes a Rust panic's message from the line after it, or the panic when nothing follows", () => {
    expect(errorIn("thread 'main' panicked at src/main.rs:2:5:\nattempt to divide by zero")).toBe('attempt to divide by zero');
    expect(errorIn("thread 'main' panicked at src/main.rs:2:5:")).toBe("thread 'main' panicked at src/main.rs:2:5:");
  });

  it('says nothing of output without an error unless any line will do, and then skips frames and blanks', () => {
    const output = '\n\n    at run (a.js:1:1)\n  ^^^\nsomething odd happened\n';
    expect(errorIn(output)).toBeUndefined();
    expect(errorIn(output, true)).toBe('something odd happened');
    expect(errorIn('\n   \n', true)).toBeUndefined();
  });

  it('finds the file an error names', () => {
    expect(fileInError("src/cart.ts(12,5): error TS2322: Type 'string'")).toBe('src/cart.ts');
    expect(fileInError('lib/a.rb:7: syntax error')).toBe('lib/a.rb');
    expect(fileInError("Error: ENOENT: no such file or directory, open 'config/local.json'")).toBe('config/local.json');
    expect(fileInError('Traceback (most recent call last):\n  File "/app/main.py", line 3\n  File "/app/cfg.py", line 9\nKeyError: 1')).toBe('/app/cfg.py');
    expect(fileInError('    at run (src/a.js:1:1)\nTypeError: no')).toBeUndefined();
  });
});

describe('factText', () => {
  it('is one clean line, cut to MAX_FACT_LENGTH, and never blank', () => {
    expect(factText(`  a\n\tb ${ESC}[31mred${ESC}[0m \u202econ  `)).toBe('a b red con');
    expect(factText('x'.repeat(200))).toBe('x'.repeat(MAX_FACT_LENGTH));
    expect(factText(`${'y'.repeat(MAX_FACT_LENGTH - 1)} z`)).toBe('y'.repeat(MAX_FACT_LENGTH - 1));
    expect(factText(' \n ')).toBeUndefined();
    expect(factText(`${ESC}[2J`)).toBeUndefined();
    expect(factText(42)).toBeUndefined();
  });
});

describe('factsIn on Claude Code transcripts', () => {
  it('names the fixture\'s failing tests, their file, the counts, the reason and the command', () => {
    expect(factsIn(fixture('transcript-tests-failed.jsonl'), 'testsFailed', { timesToday: 2 })).toEqual({
      kind: 'testsFailed',
      timesToday: 2,
      tests: ['creates an order', 'rejects an empty cart'],
      file: 'src/routes/orders.test.ts',
      error: 'expected 201 to be 200',
      command: 'npm test',
      failed: 2,
      passed: 10,
    });
  });

  it('says what the error was, where, and which command ran into it', () => {
    expect(factsIn(fixture('transcript-error.jsonl'), 'error', { timesToday: 1 })).toEqual({
      kind: 'error',
      timesToday: 1,
      error: "ENOENT: no such file or directory, open 'config/local.json'",
      file: 'config/local.json',
      command: 'node scripts/seed.js',
    });
  });

  it('names the file a big edit wrote and how many lines', () => {
    expect(factsIn(fixture('transcript-big-diff.jsonl'), 'bigDiff', { timesToday: 3 })).toEqual({
      kind: 'bigDiff',
      timesToday: 3,
      file: '/home/dev/projects/acme-api/src/lib/order-states.ts',
      lines: 120,
    });
  });

  it("reads a result's text parts, and names a notebook edit's file", () => {
    const parts = [{ type: 'text', text: '--- FAIL: TestParts (0.00s)' }, { type: 'image' }, { type: 'text', text: 'FAIL\texample.com/x\t0.1s' }];
    expect(factsIn([toolResult('p', parts)], 'testsFailed', { timesToday: 1 })).toEqual({ kind: 'testsFailed', timesToday: 1, tests: ['TestParts'] });
    const notebook = toolUse('n', 'NotebookEdit', { notebook_path: 'analysis/cells.ipynb', new_source: Array(90).fill('x = 1').join('\n') });
    expect(factsIn([notebook], 'bigDiff', { timesToday: 1 })).toEqual({ kind: 'bigDiff', timesToday: 1, file: 'analysis/cells.ipynb', lines: 90 });
  });

  it('counts a green run and marks a recovery only when told', () => {
    const records = fixture('transcript-tests-passed.jsonl');
    expect(factsIn(records, 'testsPassed', { timesToday: 1, recovered: true })).toEqual({ kind: 'testsPassed', timesToday: 1, command: 'npm test', passed: 12, recovered: true });
    expect(factsIn(records, 'testsPassed', { timesToday: 1 })).toEqual({ kind: 'testsPassed', timesToday: 1, command: 'npm test', passed: 12 });
  });

  it('reads the newest run of the kind, and its own command', () => {
    const records = [...ran('cargo test', CARGO, 'first'), ...ran('go test ./...', GO, 'second')];
    expect(factsIn(records, 'testsFailed', { timesToday: 1 })).toMatchObject({ tests: ['TestDivide'], command: 'go test ./...' });
  });

  it('leaves the command out when its call is not in the same read, and takes only its first line', () => {
    expect(factsIn([toolResult('elsewhere', PYTEST)], 'testsFailed', { timesToday: 1 })).not.toHaveProperty('command');
    expect(factsIn(ran('pytest -q\necho done', PYTEST), 'testsFailed', { timesToday: 1 })).toMatchObject({ command: 'pytest -q' });
  });

  it('leaves out what a run does not say: no names, no counts', () => {
    expect(factsIn(ran('make check', 'make: *** [check] Error 2\n2 failed'), 'testsFailed', { timesToday: 1 })).toEqual({ kind: 'testsFailed', timesToday: 1, command: 'make check', failed: 2 });
  });

  it('has no facts for a kind the records do not hold', () => {
    expect(factsIn(fixture('transcript-tests-passed.jsonl'), 'testsFailed', { timesToday: 1 })).toBeUndefined();
    expect(factsIn([], 'bigDiff', { timesToday: 1 })).toBeUndefined();
    expect(factsIn([said('hi')], 'error', { timesToday: 1 })).toBeUndefined();
  });

  it('gives a long silence its minutes, and counts at least once today', () => {
    expect(factsIn([], 'longSilence', { timesToday: 0, quietMinutes: 17 })).toEqual({ kind: 'longSilence', timesToday: 1, quietMinutes: 17 });
    expect(factsIn([], 'longSilence', { timesToday: 2.7 })).toEqual({ kind: 'longSilence', timesToday: 2 });
  });

  it("gives a turn's end the last file it edited and the last command it ran", () => {
    const records = [
      toolUse('e1', 'Edit', { file_path: 'src/a.ts', old_string: 'a', new_string: 'b' }),
      toolUse('e2', 'Write', { file_path: 'src/b.ts', content: 'x' }),
      ...ran('npm run lint', 'ok', 'b1'),
      ...ran('npm test -- cart\nmore', '3 passed', 'b2'),
      said('Done.'),
    ];
    expect(factsIn(records, 'turnEnd', { timesToday: 4 })).toEqual({ kind: 'turnEnd', timesToday: 4, file: 'src/b.ts', command: 'npm test -- cart' });
    expect(factsIn([said('Done.')], 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1 });
    // Only the last turn's own work: an earlier turn's edit and command are not this one's.
    const twoTurns = [toolUse('e0', 'Write', { file_path: 'src/old.ts', content: 'x' }), ...ran('make', 'ok', 'b0'), said('First.'), toolUse('e3', 'Edit', { file_path: 'src/new.ts', old_string: 'a', new_string: 'b' }), said('Second.')];
    expect(factsIn(twoTurns, 'turnEnd', { timesToday: 2 })).toEqual({ kind: 'turnEnd', timesToday: 2, file: 'src/new.ts' });
    expect(factsIn(twoTurns.slice(0, 4), 'turnEnd', { timesToday: 1 })).toEqual({ kind: 'turnEnd', timesToday: 1, file: 'src/old.ts', command: 'make' });
  });
});

describe('turnEndsIn', () => {
  const work = toolUse('w', 'Bash', { command: 'ls' });
  const read = toolUse('r', 'Read', { file_path: 'a' });

  it('sees a turn that did work end, in one read or across reads', () => {
    expect(turnEndsIn([work, toolResult('w', 'a'), said('Done.')], false)).toEqual({ ended: true, working: false });
    expect(turnEndsIn([work], false)).toEqual({ ended: false, working: true });
    expect(turnEndsIn([said('Done.')], true)).toEqual({ ended: true, working: false });
  });

  it("takes only the assistant's end of a turn for one", () => {
    const userEnd = { type: 'user', message: { role: 'user', content: 'x', stop_reason: 'end_turn' } };
    expect(turnEndsIn([userEnd], true)).toEqual({ ended: false, working: true });
    expect(turnEndsIn([{ type: 'assistant', stop_reason: 'end_turn' }, null, 'end_turn'], true)).toEqual({ ended: false, working: true });
  });

  it('lets a turn that only read and talked end without a word', () => {
    expect(turnEndsIn([said('Hello!')], false)).toEqual({ ended: false, working: false });
    expect(turnEndsIn([read, toolResult('r', 'text', false), said('It says hi.')], false)).toEqual({ ended: false, working: false });
    expect(turnEndsIn([said('Thinking', 'tool_use'), said('Still', null)], false)).toEqual({ ended: false, working: false });
    expect(turnEndsIn([said('Done.'), said('Again.')], true)).toEqual({ ended: true, working: false });
  });

  it('carries work begun after a turn ended to the next read', () => {
    expect(turnEndsIn([said('Done.'), work], false)).toEqual({ ended: false, working: true });
    expect(turnEndsIn([said('Done.'), work], true)).toEqual({ ended: true, working: true });
    expect(turnEndsIn([toolUse('e', 'Edit', { file_path: 'a.ts', old_string: 'a', new_string: 'b' })], false)).toEqual({ ended: false, working: true });
  });
});
