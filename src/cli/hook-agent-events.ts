// What an agent CLI's hook payload means to the buddy: the JSON a host hands `buddy hook agent` on stdin
// after a tool ran or a turn ended, mapped to one of Buddy's agent events (or none). Pure: parsed JSON in,
// an event out. Each host names the same things differently (docs/hosts.md has the payloads):
//   Claude Code, Codex, Gemini CLI: tool_name, tool_input, tool_response (Gemini's: llmContent, error);
//   GitHub Copilot CLI: toolName, toolArgs (an object or its JSON text), toolResult { resultType, textResultForLlm };
//   Cursor: command and output (afterShellExecution), status (stop).
import type { AgentEvent } from '../statusline/agent-event-names.js';
import type { AgentDetail } from '../statusline/agent-event.js';
import { errorIn, fileInError, testReportOf } from '../statusline/transcript-facts.js';
import { BIG_DIFF_LINES, signalOfOutput, type Signal } from '../statusline/transcript-signals.js';

/** The hosts whose hooks can run `buddy hook agent`. */
export const HOOK_HOSTS = ['claude-code', 'codex', 'gemini', 'copilot', 'cursor'] as const;
export type HookHost = (typeof HOOK_HOSTS)[number];

export function isHookHost(value: unknown): value is HookHost {
  return (HOOK_HOSTS as readonly unknown[]).includes(value);
}

/** Which moment the hook was installed for: after a tool ran, or when the agent's turn ended. */
export type HookMoment = 'tool' | 'stop';

/** The hosts' own names for the end of a turn, for a payload that says which event it is. */
const STOP_EVENTS: ReadonlySet<string> = new Set(['Stop', 'AfterAgent', 'stop', 'agentStop']);

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Text of a value that may be a string, a list of parts with `text`, or an object of either. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  const record = asRecord(value);
  return typeof record?.text === 'string' ? record.text : '';
}

/** Arguments as an object: Copilot may hand them over as JSON text. */
function argsOf(value: unknown): Json {
  if (typeof value !== 'string') return asRecord(value) ?? {};
  try {
    return asRecord(JSON.parse(value)) ?? {};
  } catch {
    return {};
  }
}

/** The output a tool produced, and whether the host says it failed. */
function outputOf(payload: Json): { readonly text: string; readonly failed: boolean } {
  const response = payload.tool_response;
  const result = asRecord(payload.toolResult);
  const record = asRecord(response) ?? {};
  const parts = [
    textOf(response),
    ...['stdout', 'stderr', 'output', 'llmContent'].map((key) => textOf(record[key])),
    textOf(result?.textResultForLlm),
    textOf(payload.output),
  ];
  const exitCode = record.exit_code ?? record.exitCode;
  const failed =
    (record.error !== undefined && record.error !== null) ||
    record.is_error === true ||
    (typeof exitCode === 'number' && exitCode !== 0) ||
    result?.resultType === 'failure';
  return { text: parts.filter((part) => part !== '').join('\n'), failed };
}

function lineCount(value: unknown): number {
  if (typeof value === 'string') return value.split('\n').length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + lineCount(asRecord(item)?.new_string), 0);
  return 0;
}

/** A large edit, by the longest text the tool was asked to write (each host's edit tools name it their way). */
function isBigEdit(payload: Json): boolean {
  const input = { ...argsOf(payload.tool_input), ...argsOf(payload.toolArgs) };
  const longest = Math.max(...['content', 'new_string', 'new_str', 'file_text', 'edits'].map((key) => lineCount(input[key])));
  return longest >= BIG_DIFF_LINES;
}

const EVENT_OF: Readonly<Record<Signal, AgentEvent>> = { testsFailed: 'tests_failed', testsPassed: 'tests_passed', error: 'error', bigDiff: 'big_diff' };

/**
 * The agent event a hook payload stands for, or undefined when nothing worth a reaction happened (a tool
 * that just worked, a turn the person stopped). `moment` is what the hook was installed for; without it,
 * the payload's own event name decides.
 */
export function agentEventOf(value: unknown, moment: HookMoment | undefined): AgentEvent | undefined {
  const payload = asRecord(value);
  if (!payload) return undefined;
  const named = payload.hook_event_name;
  const stop = moment === 'stop' || (moment === undefined && typeof named === 'string' && STOP_EVENTS.has(named));
  if (stop) {
    // Cursor says how the turn ended; a turn the person aborted is not the agent's doing.
    if (payload.status === 'error') return 'error';
    return payload.status === 'aborted' ? undefined : 'done';
  }
  const { text, failed } = outputOf(payload);
  const signal = signalOfOutput(text, failed);
  if (signal) return EVENT_OF[signal];
  return isBigEdit(payload) ? 'big_diff' : undefined;
}

/**
 * What the tool's output names for the remark, read as the statusline reads a transcript's: the first
 * failing (or passing) test, its file and the error's first words for a test run, an error's first words and
 * file. Nothing for an edit or a finished turn.
 */
export function agentDetailOf(value: unknown, event: AgentEvent): AgentDetail {
  const payload = asRecord(value);
  if (!payload || (event !== 'tests_failed' && event !== 'tests_passed' && event !== 'error')) return {};
  const { text } = outputOf(payload);
  if (event === 'error') return { detail: errorIn(text, true), file: fileInError(text) };
  const report = testReportOf(text);
  return { test: report.tests[0], file: report.file, detail: event === 'tests_failed' ? report.error : undefined };
}
