// `buddy hook prompt|session-start`: Claude Code hooks (`buddy hook agent`, any host's, is hook-agent.ts).
// They return within their budget whatever the model does: answering is a detached job (`buddy hook
// reply`, hook-reply.ts) that writes into the session state, where the statusline picks it up later.
import { glanceAtBuddy } from '../../buddy/glance.js';
import { writeToDescriptor } from '../../files/standard-streams.js';
import { logDebug } from '../../store/debug-log.js';
import { journal } from '../../journal/append.js';
import { addressedContext, introductionContext } from '../../statusline/hook-texts.js';
import { parseHostPayload, sessionKey, type HostPayload } from '../../statusline/payload.js';
import { readJsonPayload, streamSource } from '../../statusline/read-stdin.js';
import { readHookState, updateHookState } from '../../statusline/session-state.js';
import { addressesBuddy } from '../../persona/addressing.js';
import { moodNow } from '../../buddy/feeling.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { speciesLine } from '../../persona/species-line.js';
import type { Settings, StoredBuddy } from '../../store/schema.js';
import { HOOK } from '../command-specs.js';
import { run as runAgentHook } from './hook-agent.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../command-errors.js';
import type { CliIo } from '../io.js';

const STDIN_DEADLINE_MS = 500;
/** A payload past this size stops being read. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** The message handed to the reply job travels in its environment; keep it small. */
const MAX_MESSAGE_LENGTH = 2_000;

/** Writes the hook's answer; false when the host has stopped listening (a closed pipe is not a crash). */
function emit(io: CliIo, event: string, context: string): boolean {
  const line = `${JSON.stringify({ hookSpecificOutput: { hookEventName: event, additionalContext: context } })}\n`;
  try {
    if (io.descriptors) writeToDescriptor(io.descriptors.stdout, line);
    else io.stdout.write(line);
    return true;
  } catch {
    return false;
  }
}

/** Starts the detached answering job; false when it could not be started. */
async function startReplyJob(io: CliIo, key: string, message: string): Promise<boolean> {
  const script = process.argv[1];
  if (!script) return false;
  // Loaded here, not at the top: this file is also the statusline's, which never spawns.
  const { spawn } = await import('node:child_process');
  // An environment value cannot hold NUL, and the job only needs the words: one clean line.
  const clean = sanitizeLine(message, MAX_MESSAGE_LENGTH);
  try {
    const child = spawn(process.execPath, [script, 'hook', 'reply', '--session', key], {
      detached: true,
      stdio: 'ignore',
      env: { ...io.env, BUDDY_HOOK_MESSAGE: clean },
    });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function onPrompt(io: CliIo, payload: HostPayload, buddy: StoredBuddy): Promise<void> {
  if (!payload.prompt || !addressesBuddy(payload.prompt, buddy.name)) return;
  const key = sessionKey(payload.sessionId);
  const at = Date.now();
  updateHookState(io.env, key, (state) => ({ ...state, pending: { at } }));
  if (!(await startReplyJob(io, key, payload.prompt))) {
    // Nobody will answer: the thinking mark must not wait for a reply that never comes.
    updateHookState(io.env, key, ({ pending, ...state }) => (pending?.at === at ? state : { ...state, ...(pending ? { pending } : {}) }));
  }
  emit(io, 'UserPromptSubmit', addressedContext(buddy));
}

function onSessionStart(io: CliIo, payload: HostPayload, buddy: StoredBuddy, settings: Settings): void {
  const { muted } = settings;
  // Without a session ID "once per session" cannot hold, so an empty or broken payload gets no introduction.
  if (muted || payload.sessionId === undefined) return;
  const key = sessionKey(payload.sessionId);
  if (readHookState(io.env, key).introduced) return;
  // Introduced only once the host has the introduction: a closed pipe leaves it for the next session start.
  if (!emit(io, 'SessionStart', introductionContext(buddy))) return;
  const now = Date.now();
  const greeting = speciesLine(buddy.bones, 'greeting', now);
  updateHookState(io.env, key, (state) => ({ ...state, introduced: true, greeting: { text: greeting, at: now } }));
  journal({ at: now, source: 'greeting', text: greeting, session: key, name: buddy.name, mood: moodNow(buddy, settings.care, now) }, io.env);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Any agent CLI's hook, with flags of its own: bundled in the same fast path as Claude Code's.
  if (argv[0] === 'agent') return runAgentHook(argv.slice(1), io);
  const { positionals } = parseCommandArgs(HOOK, argv);
  const kind = positionals[0];
  if (kind !== 'prompt' && kind !== 'session-start') throw new UsageError('hook: give prompt, session-start or agent');
  try {
    const { text } = await readJsonPayload(streamSource(() => io.stdin), STDIN_DEADLINE_MS, STDIN_DEADLINE_MS, MAX_PAYLOAD_BYTES);
    io.stdin.destroy();
    // Only a hatched buddy speaks up; the same core as every command decides who that is.
    const glance = glanceAtBuddy(io.env);
    if (glance.kind !== 'stored') return 0;
    const payload = parseHostPayload(text);
    if (kind === 'prompt') await onPrompt(io, payload, glance.buddy);
    else onSessionStart(io, payload, glance.buddy, glance.config.settings);
  } catch (error) {
    // A hook must never block or break the host's prompt.
    logDebug(io.env, `hook ${kind}`, error);
  }
  return 0;
}
