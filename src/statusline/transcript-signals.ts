// Spots what happened in a coding session from new transcript records: failing tests, errors, a large
// edit, tests passing. Pure: records in, signals out. The record shapes are Claude Code's JSONL transcript
// (user messages carry tool_result blocks, assistant messages carry tool_use blocks); anything else is ignored.

export type Signal = 'testsFailed' | 'error' | 'bigDiff' | 'testsPassed';

/** An edit this many lines long or more counts as a large diff. */
export const BIG_DIFF_LINES = 80;

const FAILED_COUNT = /\b([1-9]\d*)\s+(?:failed|failing|failures?)\b/i;
const FAILED_WORDS = /\b(?:FAIL|FAILED|AssertionError|Tests? failed|test result: FAILED)\b/;
// "N passed" also covers Jest's "Tests: N passed".
const PASSED = /\b(?:[1-9]\d*\s+passed|all tests passed|test result: ok)\b/i;
const ERROR_WORDS = /\b(?:Error:|Exception|Traceback|panic:|ENOENT|EACCES|command not found|SyntaxError|TypeError)/;
const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function blocksOf(record: Record<string, unknown>): Record<string, unknown>[] {
  const content = asRecord(record.message)?.content;
  return Array.isArray(content) ? content.map(asRecord).filter((block): block is Record<string, unknown> => block !== undefined) : [];
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof asRecord(part)?.text === 'string' ? (asRecord(part)?.text as string) : '')).join('\n');
  return '';
}

function countLines(value: unknown): number {
  if (typeof value === 'string') return value.split('\n').length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countLines(asRecord(item)?.new_string), 0);
  return 0;
}

/** What a tool's output says happened (any host's: the same words mean the same everywhere). */
export function signalOfOutput(output: string, isError: boolean): Signal | undefined {
  const text = output.slice(0, 20_000);
  if (FAILED_COUNT.test(text) || FAILED_WORDS.test(text)) return 'testsFailed';
  if (PASSED.test(text)) return 'testsPassed';
  if (isError || ERROR_WORDS.test(text)) return 'error';
  return undefined;
}

/** What one tool result signals (its output's first 20,000 characters are read). */
export function classifyResult(block: Readonly<Record<string, unknown>>): Signal | undefined {
  return signalOfOutput(textOf(block.content), block.is_error === true);
}

/** How many lines an edit tool's input writes, whichever way the tool carries its text. */
export function countEditLines(input: Readonly<Record<string, unknown>>): number {
  return Math.max(countLines(input.new_string), countLines(input.content), countLines(input.edits), countLines(input.new_source));
}

/** What one tool use signals: a big diff, or nothing. */
export function classifyToolUse(block: Readonly<Record<string, unknown>>): Signal | undefined {
  if (typeof block.name !== 'string' || !EDIT_TOOLS.has(block.name)) return undefined;
  return countEditLines(asRecord(block.input) ?? {}) >= BIG_DIFF_LINES ? 'bigDiff' : undefined;
}

export function signalsIn(records: readonly unknown[]): Signal[] {
  const signals: Signal[] = [];
  for (const value of records) {
    const record = asRecord(value);
    if (!record) continue;
    for (const block of blocksOf(record)) {
      const signal = block.type === 'tool_result' ? classifyResult(block) : block.type === 'tool_use' ? classifyToolUse(block) : undefined;
      if (signal) signals.push(signal);
    }
  }
  return signals;
}

/** Parses JSONL text whose first line may be cut (a tail read): bad lines are skipped. */
export function parseJsonLines(text: string): unknown[] {
  const records: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // a cut or half-written line
    }
  }
  return records;
}
