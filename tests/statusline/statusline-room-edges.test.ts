// Where the statusline's reading of tool output turns from one signal to another: the counted and the
// worded test failures, the passes, and which tools' edits are measured at all.
import { describe, expect, it } from 'vitest';
import { BIG_DIFF_LINES, classifyToolUse, signalOfOutput } from '../../src/statusline/transcript-signals.js';

describe('tool output at the edges of its words', () => {
  // A failure count may have several digits, any run of spaces before its word, and a singular "failure".
  it('counts multi-digit failures, wide gaps and a single failure', () => {
    expect(signalOfOutput('10 failed', false)).toBe('testsFailed');
    expect(signalOfOutput('3   failed', false)).toBe('testsFailed');
    expect(signalOfOutput('1 failure', false)).toBe('testsFailed');
  });

  // "Test failed" in the singular is as much a failure as "Tests failed".
  it('reads a singular "Test failed"', () => {
    expect(signalOfOutput('Test failed', false)).toBe('testsFailed');
    expect(signalOfOutput('Tests failed', false)).toBe('testsFailed');
  });

  // A single-digit pass count is a pass.
  it('reads a single-digit pass count', () => {
    expect(signalOfOutput('5 passed', false)).toBe('testsPassed');
    expect(signalOfOutput('nothing to report', false)).toBeUndefined();
  });
});

describe('which tools are measured for a large edit', () => {
  // Only edit tools count; a long input to any other tool is no diff.
  it('ignores a long input to a tool that does not edit', () => {
    const long = Array.from({ length: BIG_DIFF_LINES + 5 }, (_, index) => `line ${index}`).join('\n');
    expect(classifyToolUse({ name: 'Bash', input: { content: long } })).toBeUndefined();
    expect(classifyToolUse({ name: 'Write', input: { content: long } })).toBe('bigDiff');
  });
});
