// `buddy statusline`: the buddy in an agent CLI's status line. It never breaks the host: whatever
// arrives on stdin (nothing, garbage, 10 MB, a stream that never closes) it prints a sane line within
// a fixed budget and exits 0; unexpected errors go to the debug log. Run by the light statusline script
// (dist/statusline.sh) when that has no frame to print, it also prepares the frames for the next refreshes.
import { createRequire } from 'node:module';
import { statDescriptor, writeToDescriptor } from '../../files/standard-streams.js';
import { logDebug } from '../../store/debug-log.js';
import { readJsonPayload, streamSource } from '../../statusline/read-stdin.js';
import { drawStatusline, type StatuslineOutcome } from '../../statusline/statusline.js';
import { prepareFrames } from '../../statusline/frames.js';
import { PLAIN_FACE, STATUS_FORMATS, type StatusLayout } from '../../statusline/render.js';
import { colorEnabled } from '../../render/ansi.js';
import { asciiText } from '../../render/ascii.js';
import { asciiOnly } from '../../render/terminal.js';
import { STATUSLINE_LAYOUTS } from '../../store/schema.js';
import { STATUSLINE } from '../command-specs.js';
import { parseCommandArgs, parseCount } from '../args.js';
import { UsageError } from '../command-errors.js';
import type { CliIo } from '../io.js';

/** Whatever happens, the host gets a line by then. */
export const HARD_BUDGET_MS = 200;
/**
 * Tests widen the budget (a whole number of milliseconds) so that on a loaded machine the line they check
 * is the one drawn, not the fallback; hosts never set it.
 */
const BUDGET_VARIABLE = 'BUDDY_STATUSLINE_BUDGET_MS';

function hardBudget(env: NodeJS.ProcessEnv): number {
  const wanted = Number(env[BUDGET_VARIABLE]);
  return Number.isSafeInteger(wanted) && wanted > 0 ? wanted : HARD_BUDGET_MS;
}
/** Stop waiting for stdin after this long without data, or this long in all. */
const STDIN_IDLE_MS = 60;
const STDIN_DEADLINE_MS = 150;
/** A payload past this size stops being read; the line is drawn from what is known. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
const WRAPPED_COMMAND_TIMEOUT_MS = 2_000;

/**
 * Whether a descriptor is a terminal. Hosts pipe stdout, and a pipe is not a character device: that cheap
 * look spares every refresh loading node:tty (and the stream modules behind it) just to hear "no".
 */
function isTerminal(descriptor: number): boolean {
  try {
    if (!statDescriptor(descriptor).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(descriptor);
}

/** The terminal's width when stdout is one; hosts usually pipe it, and then there is none to ask. */
function terminalColumns(io: CliIo): number | undefined {
  if (io.descriptors && !isTerminal(io.descriptors.stdout)) return undefined;
  return io.stdout.columns;
}

/** What the light statusline script hands over: what it read from stdin, and what it keys frames by. */
interface ScriptRequest {
  readonly head: string;
  readonly key: string;
  readonly transcript: string;
  readonly context: string;
}

const SCRIPT_VARIABLES = ['BUDDY_STATUSLINE_HEAD', 'BUDDY_STATUSLINE_KEY', 'BUDDY_STATUSLINE_TRANSCRIPT', 'BUDDY_STATUSLINE_CONTEXT'] as const;

function scriptRequest(env: NodeJS.ProcessEnv): ScriptRequest | undefined {
  const [head, key, transcript, context] = SCRIPT_VARIABLES.map((name) => env[name]);
  if (head === undefined || key === undefined || transcript === undefined || context === undefined) return undefined;
  return { head, key, transcript, context };
}

/** The environment without the script's hand-over (a wrapped command must not see it). */
function withoutScriptVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !(SCRIPT_VARIABLES as readonly string[]).includes(name)));
}

/** Prepares frames when the session is the one the script keyed them by (else it would never find them). */
function prepareForScript(env: NodeJS.ProcessEnv, script: ScriptRequest, outcome: StatuslineOutcome): void {
  if (script.context === '' || outcome.key !== script.key || (outcome.transcriptPath ?? '') !== script.transcript) return;
  try {
    prepareFrames(env, script.key, { context: script.context, ...outcome.scene });
  } catch (error) {
    // The script keeps asking this command, which is slower but just as right.
    logDebug(env, 'statusline frames', error);
  }
}

function finish(io: CliIo, lines: readonly string[], stdin: NodeJS.ReadStream | undefined): Promise<number> {
  const text = `${lines.join('\n')}\n`;
  // A host may keep stdin open; let go of it so the process can end at once.
  stdin?.destroy();
  if (io.descriptors) {
    // Straight to the descriptor: setting up process.stdout as a stream costs a few ms per refresh.
    try {
      writeToDescriptor(io.descriptors.stdout, text);
    } catch {
      // The host stopped listening (EPIPE): nothing to tell it.
    }
    return Promise.resolve(0);
  }
  return new Promise((resolve) => {
    io.stdout.once('error', () => resolve(0));
    io.stdout.write(text, () => resolve(0));
  });
}

async function runWrapped(command: string, payload: string, env: NodeJS.ProcessEnv): Promise<string> {
  // Loaded only with --wrap: child_process is not free to load on every refresh.
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(command, { shell: true, input: payload, env, timeout: WRAPPED_COMMAND_TIMEOUT_MS, encoding: 'utf8', maxBuffer: 1024 * 1024 });
  return (result.stdout ?? '').replace(/\n+$/, '');
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(STATUSLINE, argv);
  const layout: StatusLayout | undefined = values.layout === undefined ? undefined : STATUSLINE_LAYOUTS.find((option) => option === values.layout);
  if (values.layout !== undefined && layout === undefined) throw new UsageError(`statusline: --layout must be ${STATUSLINE_LAYOUTS.join(' or ')}`);
  // Hosts show colour on a pipe, but NO_COLOR, FORCE_COLOR=0 and TERM=dumb say otherwise, as for every
  // face; a format asked for wins.
  const wanted = values.format ?? (colorEnabled(io.env, true) ? 'ansi' : 'plain');
  const ascii = asciiOnly(io.env, values.ascii);
  const fallbackFace = ascii ? asciiText(PLAIN_FACE) : PLAIN_FACE;
  const format = STATUS_FORMATS.find((option) => option === wanted);
  const script = scriptRequest(io.env);
  const env = script ? withoutScriptVariables(io.env) : io.env;
  if (format === undefined) throw new UsageError('statusline: --format must be plain or tmux');
  const width = parseCount('statusline', '--width', values.width, 1000) ?? (Number(io.env.COLUMNS) || terminalColumns(io) || 80);

  // The wrapped command's own time is the user's choice; the buddy's part keeps its budget.
  const budget = hardBudget(io.env) + (values.wrap ? WRAPPED_COMMAND_TIMEOUT_MS : 0);
  let stdin: NodeJS.ReadStream | undefined;
  const openStdin = (): NodeJS.ReadStream => (stdin ??= io.stdin);
  const safety = setTimeout(() => void finish(io, [fallbackFace], stdin).then(() => process.exit(0)), budget);
  try {
    const head = script?.head ?? '';
    const { text } = await readJsonPayload(streamSource(openStdin), STDIN_IDLE_MS, STDIN_DEADLINE_MS, MAX_PAYLOAD_BYTES, head);
    const wrapped = values.wrap ? await runWrapped(values.wrap, text, env) : '';
    const outcome = drawStatusline({
      payloadText: text,
      env,
      now: Date.now(),
      width,
      format,
      layout,
      ascii,
      bundle: script ? process.argv[1] : undefined,
    });
    clearTimeout(safety);
    const code = await finish(io, wrapped ? [wrapped, ...outcome.lines] : outcome.lines, stdin);
    if (script) prepareForScript(env, script, outcome);
    return code;
  } catch (error) {
    clearTimeout(safety);
    logDebug(env, 'statusline', error);
    return finish(io, [fallbackFace], stdin);
  }
}
