// What exactly happened, from the same new transcript records the signals came from (transcript-signals.ts):
// which tests failed, in which file, how many failed and passed, the error's first meaningful words, the
// command that ran, the file a large edit wrote, and whether a turn that did real work just ended. These
// are the facts a remark is grounded in (species/remark-facts.ts). Pure: records in, facts out.
//
// The test runners' own words are read as they print them: vitest and jest (`FAIL file > suite > test`,
// `×`/`✗`/`✕ test`, `● suite › test`), pytest (`FAILED path::test - Error`), cargo (`test name ... FAILED`),
// go (`--- FAIL: TestName`) and mocha (`1) test`). Every fact is one clean line (no terminal escapes, no
// line breaks), at most MAX_FACT_LENGTH long, and never blank: a fact that is not there is left out.
import { MAX_FACT_LENGTH, MAX_NAMED_TESTS, type RemarkFacts, type RemarkKind } from '../species/remark-facts.js';
import { cutToLength, sanitizeLine } from '../text/sanitize.js';
import { redactSecrets } from '../text/secrets.js';
import { classifyResult, classifyToolUse, countEditLines, type Signal } from './transcript-signals.js';

const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
/** The tools whose use in a turn is real work: its end is worth a word. */
const WORK_TOOLS = new Set([...EDIT_TOOLS, 'Bash']);
/** Only the start of a long output is read for facts: the runners print failures first or last, and a tail read is small. */
const MAX_OUTPUT = 20_000;

type Block = Readonly<Record<string, unknown>>;

function asRecord(value: unknown): Block | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Block) : undefined;
}

function blocksOf(record: Block): Block[] {
  const content = asRecord(record.message)?.content;
  return Array.isArray(content) ? content.map(asRecord).filter((block): block is Block => block !== undefined) : [];
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => asRecord(part)?.text).filter((text): text is string => typeof text === 'string').join('\n');
  return '';
}

/** One fact: a clean single line, at most MAX_FACT_LENGTH long; undefined when nothing is left. */
export function factText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = cutToLength(sanitizeLine(value, 4 * MAX_FACT_LENGTH).replace(/\s+/g, ' ').trim(), MAX_FACT_LENGTH).trim();
  return text === '' ? undefined : text;
}

/** A runner's output as clean lines: escapes gone, ends trimmed, blank lines kept out. */
function outputLines(text: string): string[] {
  return text
    .slice(0, MAX_OUTPUT)
    .split(/\r?\n/)
    .map((line) => sanitizeLine(line, 2_000).trimEnd())
    .filter((line) => line.trim() !== '');
}

// --- failing tests ---------------------------------------------------------------------------------------

/** A runner's timing after a name: "12ms", "(5 ms)", "(0.00s)". */
const TIMING = /\s+\(?\d+(?:\.\d+)?\s?m?s\)?$/;
/** A vitest file line: "src/a.test.ts (6 tests | 2 failed)". */
const FILE_LINE = /^(\S+)\s+\(\d+ tests?\b/;

interface FailedTest {
  readonly name: string;
  /** mocha numbers its failures, and prints each twice (in the run and in the list): the number says which. */
  readonly number?: string | undefined;
  readonly file?: string | undefined;
  readonly error?: string | undefined;
}

/** One line's failing test, in any of the runners' words; undefined for any other line. */
export function failedTestIn(line: string): FailedTest | undefined {
  const text = line.trim();
  let match = /^FAILED\s+(\S+?)::(\S+)(?:\s+-\s+(.+))?$/.exec(text);
  if (match) return { file: match[1], name: (match[2] as string).split('::').pop() as string, error: match[3] };
  match = /^FAIL\s+(\S+)\s+>\s+(.+)$/.exec(text);
  if (match) return { file: match[1], name: (match[2] as string).replace(TIMING, '') };
  match = /^(?:×|✗|✕|✖)\s+(.+)$/.exec(text);
  if (match && !FILE_LINE.test(match[1] as string)) return { name: (match[1] as string).replace(TIMING, '') };
  match = /^---\s+FAIL:\s+(\S+)/.exec(text);
  if (match) return { name: match[1] as string };
  match = /^test\s+(\S+)\s+\.\.\.\s+FAILED$/.exec(text);
  if (match) return { name: match[1] as string };
  match = /^●\s+(.+)$/.exec(text);
  if (match && !/^Console\b/.test(match[1] as string)) return { name: match[1] as string };
  match = /^(\d+)\)\s+(.+?):?$/.exec(text);
  if (match) return { name: match[2] as string, number: match[1] };
  return undefined;
}

/** The file a runner names for a failing file: vitest's `❯ file (n tests | k failed)`, jest's `FAIL file`. */
function failedFileIn(line: string): string | undefined {
  const text = line.trim();
  const vitest = /^(?:❯|×|✗|✕)\s+(\S+)\s+\(\d+ tests?\s*\|\s*\d+ failed\)/.exec(text);
  if (vitest) return vitest[1];
  const jest = /^FAIL\s+(\S+\.\w+)$/.exec(text);
  if (jest) return jest[1];
  // go: "    calc_test.go:12: want 3, got 4"
  const go = /^(\S+_test\.go):\d+:/.exec(text);
  return go ? go[1] : undefined;
}

/** A count the runner printed: its "Tests" summary line first (vitest, jest), else the last line naming one. */
function countOf(lines: readonly string[], words: string): number | undefined {
  const pattern = new RegExp(`\\b(\\d+)\\s+(?:${words})\\b`, 'i');
  const summary = lines.find((line) => /^\s*Tests:?\s/.test(line) && pattern.test(line));
  const line = summary ?? [...lines].reverse().find((candidate) => pattern.test(candidate));
  const count = line === undefined ? undefined : Number((pattern.exec(line) as RegExpExecArray)[1]);
  return count === undefined || count < 1 ? undefined : count;
}

// --- an error's first words ------------------------------------------------------------------------------

/** Lines that are where an error happened, not what it was: stack frames, code frames, carets, braces. */
const NOISE = [
  /^at\s/, // JavaScript frames
  /^File "/, // Python frames
  /^Traceback\b/,
  /^node:internal\//,
  /^[\^~\s]+$/, // carets under the code
  /^throw\b/,
  /^[{}[\]()]+,?$/,
  /^\d+\s*\|/, // code frames: "12 | const x"
  /^[|│>❯]/,
  /^(?:errno|code|syscall|path):/,
  /^note:/,
  /^stack backtrace:/,
  /^Caused by:$/,
];
/** What an error says of itself: "TypeError: …", "error[E0308]: …", "panic: …", "ENOENT: …", "command not found". */
const ERROR_LINE = [
  /\b(?:[A-Z][A-Za-z]*)?(?:Error|Exception)\b(?:\s*\[[^\]]*\])?:\s*\S/,
  /^(?:error|fatal|panic|FATAL|ERROR)(?:\[[A-Z]?\d+\])?:\s*\S/,
  /\berror TS\d+:/,
  /\b(?:ENOENT|EACCES|EADDRINUSE|ECONNREFUSED|EPERM):/,
  /command not found/,
  /^→\s+\S/, // vitest's reason under a failing test
  /\bpanicked at\b/,
  /^expect\(.*\)\.\w+\(/, // jest's failed expectation
  /^\S+_test\.go:\d+:\s+\S/, // go's t.Errorf, where it was said
];

/** The words of an error line, without a bare leading "Error:" or vitest's arrow (the kind is said elsewhere). */
function errorWordsOf(line: string): string {
  return line
    .trim()
    .replace(/^→\s+/, '')
    .replace(/^\S+?(?:\(\d+,\d+\)|:\d+(?::\d+)?):\s+/, '')
    .replace(/^Error:\s+(?=\S)/, '');
}

/** The error's first meaningful words in a command's output: the first line that says what went wrong. */
export function errorIn(text: string, anyLine = false): string | undefined {
  const lines = outputLines(text).map((line) => line.trim());
  const meaningful = lines.filter((line) => !NOISE.some((pattern) => pattern.test(line)));
  const at = meaningful.findIndex((line) => ERROR_LINE.some((pattern) => pattern.test(line)));
  // A Rust panic says where on its own line and what on the next.
  const said = at < 0 ? (anyLine ? meaningful[0] : undefined) : /\bpanicked at\b/.test(meaningful[at] as string) ? (meaningful[at + 1] ?? meaningful[at]) : meaningful[at];
  return said === undefined ? undefined : factText(errorWordsOf(said));
}

/** A file an error names: "src/a.ts:12:5", "src/a.ts(12,5)", "open 'config/local.json'". */
export function fileInError(text: string): string | undefined {
  const lines = outputLines(text).map((candidate) => candidate.trim());
  for (const line of lines) {
    if (NOISE.some((pattern) => pattern.test(line))) continue;
    const placed = /((?:[\w.@-]+\/)*[\w@-][\w.@-]*\.[A-Za-z]{1,6})(?::\d+|\(\d+,\d+\))/.exec(line);
    if (placed) return placed[1];
    const quoted = /['"`]((?:[\w.@-]+\/)*[\w@-][\w.@-]*\.[A-Za-z]{1,6})['"`]/.exec(line);
    if (quoted) return quoted[1];
  }
  // A Python traceback's last frame is where it broke.
  const frame = lines.filter((line) => /^File "[^"]+", line \d+/.test(line)).pop();
  return frame === undefined ? undefined : (/^File "([^"]+)"/.exec(frame) as RegExpExecArray)[1];
}

/** What a test run's output says: the failing tests by name, their file, the counts and the first error. */
export interface TestReport {
  readonly tests: readonly string[];
  readonly file?: string | undefined;
  readonly error?: string | undefined;
  readonly failed?: number | undefined;
  readonly passed?: number | undefined;
}

/** A test's own name, without the suites before it ("cart > adds" and "cart › adds" are one test). */
const ownName = (name: string): string => name.split(/\s+(?:>|›)\s+|::/).pop() as string;

export function testReportOf(text: string): TestReport {
  const lines = outputLines(text);
  const tests: string[] = [];
  const numbers = new Set<string>();
  let file: string | undefined;
  let error: string | undefined;
  for (const line of lines) {
    file ??= failedFileIn(line);
    const failed = failedTestIn(line);
    if (!failed) continue;
    file ??= failed.file;
    error ??= failed.error === undefined ? undefined : factText(failed.error);
    const name = factText(failed.name);
    const seen = failed.number !== undefined && numbers.has(failed.number);
    if (failed.number !== undefined) numbers.add(failed.number);
    if (name === undefined || seen || tests.some((test) => ownName(test) === ownName(name)) || tests.length >= MAX_NAMED_TESTS) continue;
    tests.push(name);
  }
  return {
    tests,
    file: factText(file ?? fileInError(text)),
    error: error ?? errorIn(text),
    failed: countOf(lines, 'failed|failing|failures?'),
    passed: countOf(lines, 'passed|passing'),
  };
}

// --- the records -----------------------------------------------------------------------------------------

/** What the records of one read hold, in order: results, edits and turn ends, with the commands behind them. */
interface Step {
  /** What it signals; else `work` (a command run or a file edited), `result` (a result that signals nothing), or a turn's end. */
  readonly kind: Signal | 'turnEnd' | 'work' | 'result';
  readonly block: Block;
  /** A tool result's command: the Bash call it answers, when that call is in the same read. */
  readonly command?: string | undefined;
}

function stepsOf(records: readonly unknown[]): Step[] {
  const commands = new Map<string, string>();
  const steps: Step[] = [];
  for (const value of records) {
    const record = asRecord(value);
    if (!record) continue;
    for (const block of blocksOf(record)) {
      if (block.type === 'tool_use') {
        const input = asRecord(block.input);
        if (block.name === 'Bash' && typeof block.id === 'string' && typeof input?.command === 'string') commands.set(block.id, input.command);
        const signal = classifyToolUse(block);
        if (signal) steps.push({ kind: signal, block });
        else if (typeof block.name === 'string' && WORK_TOOLS.has(block.name)) steps.push({ kind: 'work', block });
      } else if (block.type === 'tool_result') {
        const signal = classifyResult(block);
        const command = typeof block.tool_use_id === 'string' ? commands.get(block.tool_use_id) : undefined;
        steps.push({ kind: signal ?? 'result', block, command });
      }
    }
    const message = asRecord(record.message);
    if (message?.role === 'assistant' && message.stop_reason === 'end_turn') steps.push({ kind: 'turnEnd', block: record });
  }
  return steps;
}

/** Turn ends in one read: whether a turn that did real work ended, and whether work is under way after it. */
export interface TurnWatch {
  readonly ended: boolean;
  /** Work seen since the last turn end (carried to the next read: a turn spans many refreshes). */
  readonly working: boolean;
}

/**
 * Whether a turn that did real work (ran a command or edited a file) ended in these records, given whether
 * work was under way before them. A turn that only talked ends without a word.
 */
export function turnEndsIn(records: readonly unknown[], workingBefore: boolean): TurnWatch {
  let working = workingBefore;
  let ended = false;
  for (const step of stepsOf(records)) {
    if (step.kind === 'turnEnd') {
      ended ||= working;
      working = false;
    } else if (step.block.type === 'tool_use') {
      working = true;
    }
  }
  return { ended, working };
}

function editedFile(block: Block): string | undefined {
  const input = asRecord(block.input);
  return factText(input?.file_path ?? input?.notebook_path);
}

function commandOf(block: Block): string | undefined {
  const command = asRecord(block.input)?.command;
  // The first line of a script is what it is: "npm test", "cargo test --all".
  return typeof command === 'string' ? factText(command.split('\n')[0]) : undefined;
}

export interface FactsContext {
  /** How many times this kind has happened today, this time included. */
  readonly timesToday: number;
  /** testsPassed: the run turned green after failing. */
  readonly recovered?: boolean;
  /** longSilence: how many whole minutes nothing happened. */
  readonly quietMinutes?: number;
}

/** Only the facts that are there: an absent one is left out, not written as undefined. */
function present(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

/**
 * The facts behind a remark of this kind, from the last step of that kind in these records (the newest is
 * what the buddy reacts to). Undefined when the records hold no such step (a long silence has none, and
 * gets its facts from the context alone).
 */
export function factsIn(records: readonly unknown[], kind: RemarkKind, context: FactsContext): RemarkFacts | undefined {
  const base = { kind, timesToday: Math.max(1, Math.floor(context.timesToday)) };
  if (kind === 'longSilence') return { ...base, ...present({ quietMinutes: context.quietMinutes }) } as RemarkFacts;
  const steps = stepsOf(records);
  const kinds = steps.map((step) => step.kind);
  const at = kinds.lastIndexOf(kind);
  if (at < 0) return undefined;
  const step = steps[at] as Step;
  const command = factText(step.command?.split('\n')[0]);
  if (kind === 'testsFailed' || kind === 'testsPassed') {
    const report = testReportOf(textOf(step.block.content));
    const failing = kind === 'testsFailed';
    return { ...base, ...present({ tests: failing ? report.tests : undefined, file: factText(report.file), error: failing ? report.error : undefined, command, failed: failing ? report.failed : undefined, passed: report.passed, recovered: failing ? undefined : context.recovered === true || undefined }) } as RemarkFacts;
  }
  if (kind === 'error') {
    const text = textOf(step.block.content);
    return { ...base, ...present({ error: errorIn(text, true), file: factText(fileInError(text)), command }) } as RemarkFacts;
  }
  if (kind === 'bigDiff') {
    const lines = countEditLines(asRecord(step.block.input) ?? {});
    return { ...base, ...present({ file: editedFile(step.block), lines }) } as RemarkFacts;
  }
  // A turn's end: the last file it edited and the last command it ran, in that turn (since the turn before it ended).
  const before = steps.slice(kinds.lastIndexOf('turnEnd', at - 1) + 1, at).filter((candidate) => candidate.block.type === 'tool_use');
  const edit = before.filter((candidate) => typeof candidate.block.name === 'string' && EDIT_TOOLS.has(candidate.block.name)).pop();
  const bash = before.filter((candidate) => candidate.block.name === 'Bash').pop();
  return { ...base, ...present({ file: edit && editedFile(edit.block), command: bash && commandOf(bash.block) }) } as RemarkFacts;
}

/** At most this many lines of a step's output go with a model remark, as its context. */
export const CONTEXT_LINES = 6;

/**
 * The last lines of what the step behind a remark printed (where test runners sum up), for the model to
 * read around the facts. Credentials are scrubbed from the whole output before it is cut into lines, so that
 * a private key or a token spread over lines is caught as a whole. Only tests and errors have an output
 * worth reading; a big edit's text, or a turn's, is never sent.
 */
export function contextIn(records: readonly unknown[], kind: RemarkKind): string[] {
  if (kind !== 'testsFailed' && kind !== 'testsPassed' && kind !== 'error') return [];
  const steps = stepsOf(records);
  const step = steps[steps.map((candidate) => candidate.kind).lastIndexOf(kind)];
  if (!step) return [];
  const output = redactSecrets(textOf(step.block.content).slice(-MAX_OUTPUT));
  return output.split('\n').filter((line) => line.trim() !== '').slice(-CONTEXT_LINES);
}
