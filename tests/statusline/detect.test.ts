// What a transcript record signals, phrase by phrase: the wording of common test runners' summaries,
// error words, and the record shapes Claude Code writes (and shapes it might write one day).
import { describe, expect, it } from 'vitest';
import { parseJsonLines, signalsIn } from '../../src/statusline/transcript-signals.js';

const toolResult = (content: unknown, isError = false): unknown => ({
  type: 'user',
  message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content, is_error: isError }] },
});
const said = (text: string): unknown[] => signalsIn([toolResult(text)]);

describe('tool results', () => {
  it.each([
    '1 failed',
    '12 failed, 30 passed',
    'Tests  3  failed | 10 passed',
    '2 failing',
    '1 failure',
    '4 failures',
    'FAIL src/cart.test.ts',
    'FAILED tests/test_cart.py::test_total',
    'AssertionError: expected 3 to equal 4',
    'Test failed: totals',
    'Tests failed.',
    'test result: FAILED. 3 passed; 1 failed',
  ])('calls %j failing tests', (text) => {
    expect(said(text)).toEqual(['testsFailed']);
  });

  it.each(['5 passed', '12 passed', '3  passed', 'Tests:  12 passed, 12 total', 'All tests passed!', 'test result: ok.', '0 failed, 3 passed'])('calls %j passing tests', (text) => {
    expect(said(text)).toEqual(['testsPassed']);
  });

  it.each([
    'Error: Cannot find module',
    'Uncaught Exception in thread',
    'Traceback (most recent call last):',
    'panic: runtime error',
    'ENOENT: no such file',
    'EACCES: permission denied',
    'zsh: command not found: pnpm',
    'SyntaxError: Unexpected token',
    'TypeError: x is undefined',
  ])('calls %j an error', (text) => {
    expect(said(text)).toEqual(['error']);
  });

  it.each(['0 failed', '0 passed', 'FAILURE is not an option', 'failed to start? no, it started', 'errors: none', 'all good'])('finds nothing in %j', (text) => {
    expect(said(text)).toEqual([]);
  });

  it('reads a text block array, each block on its own line', () => {
    expect(signalsIn([toolResult([{ type: 'text', text: 'ok' }, { type: 'text', text: 'FAIL src/a.test.ts' }])])).toEqual(['testsFailed']);
    expect(signalsIn([toolResult([{ type: 'text', text: 'Tests: 3' }, { type: 'text', text: 'passed' }])])).toEqual(['testsPassed']);
  });

  it('skips blocks without text, and text that is not a string', () => {
    expect(signalsIn([toolResult([null, 'FAILED', 7, { type: 'image' }, { type: 'text', text: 3 }, { type: 'text', text: ' failed' }])])).toEqual([]);
    expect(signalsIn([toolResult([null, { type: 'text', text: '2 passed' }])])).toEqual(['testsPassed']);
  });

  it('ignores content that is neither text nor a list, unless the result is an error', () => {
    expect(signalsIn([toolResult({ text: 'FAILED' })])).toEqual([]);
    expect(signalsIn([toolResult(42)])).toEqual([]);
    expect(signalsIn([toolResult(42, true)])).toEqual(['error']);
  });

  it('gives blocks without text no room in what is read', () => {
    const images = Array.from({ length: 2_000 }, () => ({ type: 'image' }));
    expect(signalsIn([toolResult([...images, { type: 'text', text: '1 failed' }])])).toEqual(['testsFailed']);
  });

  it('reads only the first 20,000 characters of a result', () => {
    expect(said(`${'x'.repeat(19_980)} 3 failed`)).toEqual(['testsFailed']);
    expect(said(`${'x'.repeat(20_000)} 3 failed`)).toEqual([]);
  });

  it('prefers failures over passes and passes over errors within one result', () => {
    expect(said('Error: boom\n3 passed\n1 failed')).toEqual(['testsFailed']);
    expect(said('TypeError: x\n3 passed')).toEqual(['testsPassed']);
  });
});

describe('tool uses', () => {
  const write = (type: string, name: unknown): unknown => ({
    type: 'assistant',
    message: { role: 'assistant', content: [{ type, id: 't1', name, input: { file_path: 'a.ts', content: Array(120).fill('x').join('\n') } }] },
  });

  it('counts only tool_use blocks of the edit tools', () => {
    expect(signalsIn([write('tool_use', 'Write')])).toEqual(['bigDiff']);
    expect(signalsIn([write('text', 'Write')])).toEqual([]);
    expect(signalsIn([write('tool_use', 'write')])).toEqual([]);
    expect(signalsIn([write('tool_use', 5)])).toEqual([]);
  });

  it('counts the edits of a MultiEdit that are edits, skipping any that are not', () => {
    const multi = { type: 'assistant', message: { content: [{ type: 'tool_use', name: 'MultiEdit', input: { edits: [null, 'x', { new_string: Array(80).fill('x').join('\n') }] } }] } };
    expect(signalsIn([multi])).toEqual(['bigDiff']);
  });

  it('reads an edit whose input is missing or not an object as no edit', () => {
    const edit = (input: unknown): unknown => ({ type: 'assistant', message: { content: [{ type: 'tool_use', name: 'Edit', input }] } });
    expect(signalsIn([edit(undefined), edit('x\n'.repeat(200)), edit([Array(120).fill('x').join('\n')])])).toEqual([]);
  });
});

describe('parseJsonLines', () => {
  it('keeps whole records, skipping blank, whitespace-only and cut lines', () => {
    expect(parseJsonLines('{"a":1}\n\n   \n\t\n{"b":\n[2]\n"text"\n')).toEqual([{ a: 1 }, [2], 'text']);
  });
});
