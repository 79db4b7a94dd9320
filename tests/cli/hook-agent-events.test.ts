// The hook payloads of each agent CLI, as their hooks docs give them, mapped to Buddy's agent events
// (src/cli/hook-agent-events.ts): failing and passing tests, errors, large edits, the end of a turn, and
// nothing for a tool that simply worked or for anything that is not a payload.
import { describe, expect, it } from 'vitest';
import { agentEventOf, HOOK_HOSTS, isHookHost } from '../../src/cli/hook-agent-events.js';
import { BIG_DIFF_LINES } from '../../src/statusline/transcript-signals.js';

const lines = (count: number): string => Array.from({ length: count }, (_, index) => `line ${index}`).join('\n');

describe('the hosts', () => {
  it('are the five hosts a hook can name', () => {
    expect(HOOK_HOSTS).toEqual(['claude-code', 'codex', 'gemini', 'copilot', 'cursor']);
    expect(HOOK_HOSTS.every(isHookHost)).toBe(true);
    expect([undefined, '', 'Gemini', 'windsurf', 3].some(isHookHost)).toBe(false);
  });
});

describe('Claude Code and Codex: PostToolUse with tool_response', () => {
  const post = (response: unknown, input: unknown = { command: 'npm test' }): unknown => ({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: input, tool_response: response });

  it.each([
    [{ stdout: 'Tests: 2 failed, 10 passed', stderr: '' }, 'tests_failed'],
    [{ stdout: 'Tests: 12 passed', stderr: '' }, 'tests_passed'],
    [{ stdout: '', stderr: 'bash: foo: command not found' }, 'error'],
    [{ stdout: 'ok', exit_code: 1 }, 'error'],
    [{ stdout: 'ok', exitCode: 2 }, 'error'],
    [{ stdout: 'ok', is_error: true }, 'error'],
    [{ stdout: 'ok', exit_code: 0 }, undefined],
    ['test result: FAILED. 1 passed; 1 failed', 'tests_failed'],
    ['Traceback (most recent call last):', 'error'],
    ['done', undefined],
  ])('%j is %s', (response, event) => {
    expect(agentEventOf(post(response), 'tool')).toBe(event);
    // The payload's own event name leads to the same answer when the hook does not say.
    expect(agentEventOf(post(response), undefined)).toBe(event);
  });

  it('a write of BIG_DIFF_LINES lines or more is a big diff; one line fewer is not', () => {
    const write = (content: string): unknown => ({ tool_name: 'Write', tool_input: { file_path: '/a', content }, tool_response: { success: true } });
    expect(agentEventOf(write(lines(BIG_DIFF_LINES)), 'tool')).toBe('big_diff');
    expect(agentEventOf(write(lines(BIG_DIFF_LINES - 1)), 'tool')).toBeUndefined();
    const edits = { tool_name: 'MultiEdit', tool_input: { edits: [{ new_string: lines(40) }, { new_string: lines(40) }] }, tool_response: {} };
    expect(agentEventOf(edits, 'tool')).toBe('big_diff');
  });

  it('Stop is done, with --event stop or by its name', () => {
    expect(agentEventOf({ hook_event_name: 'Stop', stop_hook_active: false }, undefined)).toBe('done');
    expect(agentEventOf({}, 'stop')).toBe('done');
    expect(agentEventOf({ hook_event_name: 'Stop' }, 'tool')).toBeUndefined();
  });
});

describe('Gemini CLI: AfterTool and AfterAgent', () => {
  it.each([
    [{ llmContent: 'FAIL src/a.test.ts\n 1 failed', returnDisplay: '' }, 'tests_failed'],
    [{ llmContent: [{ text: 'Tests  5 passed (5)' }], returnDisplay: 'ok' }, 'tests_passed'],
    [{ llmContent: 'Command exited', error: { message: 'exit code 1', type: 'execution_failed' } }, 'error'],
    [{ llmContent: 'Command exited', error: null }, undefined],
    [{ llmContent: { text: 'SyntaxError: Unexpected token' } }, 'error'],
  ])('AfterTool %j is %s', (response, event) => {
    const payload = { hook_event_name: 'AfterTool', tool_name: 'run_shell_command', tool_input: { command: 'npm test' }, tool_response: response };
    expect(agentEventOf(payload, 'tool')).toBe(event);
  });

  it('a write_file of many lines is a big diff', () => {
    const payload = { hook_event_name: 'AfterTool', tool_name: 'write_file', tool_input: { file_path: '/a', content: lines(BIG_DIFF_LINES) }, tool_response: { llmContent: 'Wrote' } };
    expect(agentEventOf(payload, 'tool')).toBe('big_diff');
  });

  it('AfterAgent is done', () => {
    expect(agentEventOf({ hook_event_name: 'AfterAgent', prompt: 'hi', prompt_response: 'done' }, undefined)).toBe('done');
  });
});

describe('GitHub Copilot CLI: postToolUse and agentStop', () => {
  const post = (result: unknown, toolArgs: unknown = '{"command":"npm test"}'): unknown => ({ timestamp: 1, cwd: '/p', toolName: 'bash', toolArgs, toolResult: result });

  it.each([
    [{ resultType: 'success', textResultForLlm: '3 failing' }, 'tests_failed'],
    [{ resultType: 'success', textResultForLlm: 'all tests passed' }, 'tests_passed'],
    [{ resultType: 'failure', textResultForLlm: 'exit 1' }, 'error'],
    [{ resultType: 'denied', textResultForLlm: 'denied by the user' }, undefined],
    [{ resultType: 'success', textResultForLlm: 'ok' }, undefined],
  ])('%j is %s', (result, event) => {
    expect(agentEventOf(post(result), 'tool')).toBe(event);
  });

  it('reads its arguments as JSON text or as an object for a big edit, and ignores arguments that do not parse', () => {
    const result = { resultType: 'success', textResultForLlm: 'created' };
    expect(agentEventOf(post(result, JSON.stringify({ path: '/a', file_text: lines(BIG_DIFF_LINES) })), 'tool')).toBe('big_diff');
    expect(agentEventOf(post(result, { path: '/a', new_str: lines(BIG_DIFF_LINES) }), 'tool')).toBe('big_diff');
    expect(agentEventOf(post(result, '{"path": '), 'tool')).toBeUndefined();
    expect(agentEventOf(post(result, '[1, 2]'), 'tool')).toBeUndefined();
  });

  it('agentStop is done', () => {
    expect(agentEventOf({ hook_event_name: 'agentStop' }, undefined)).toBe('done');
  });
});

describe('Cursor: afterShellExecution and stop', () => {
  it.each([
    [{ command: 'pytest', output: '2 failed, 8 passed in 0.4s' }, 'tests_failed'],
    [{ command: 'pytest', output: '8 passed in 0.4s' }, 'tests_passed'],
    [{ command: 'ls', output: 'ls: cannot access: ENOENT' }, 'error'],
    [{ command: 'ls', output: 'a b c' }, undefined],
  ])('afterShellExecution %j is %s', (payload, event) => {
    expect(agentEventOf({ hook_event_name: 'afterShellExecution', ...payload }, 'tool')).toBe(event);
  });

  it.each([
    ['completed', 'done'],
    ['error', 'error'],
    ['aborted', undefined],
  ])('stop with status %s is %s', (status, event) => {
    expect(agentEventOf({ hook_event_name: 'stop', status, loop_count: 0 }, undefined)).toBe(event);
    expect(agentEventOf({ status }, 'stop')).toBe(event);
  });
});

describe('anything else', () => {
  it.each([null, undefined, 'text', 42, [], [{ tool_response: 'FAILED' }]])('%j is no event', (value) => {
    expect(agentEventOf(value, 'tool')).toBeUndefined();
    expect(agentEventOf(value, 'stop')).toBeUndefined();
  });

  it('an object with nothing in it is no event after a tool, and done at a stop', () => {
    expect(agentEventOf({}, 'tool')).toBeUndefined();
    expect(agentEventOf({}, undefined)).toBeUndefined();
    expect(agentEventOf({ hook_event_name: 'PostToolUse' }, undefined)).toBeUndefined();
  });
});
