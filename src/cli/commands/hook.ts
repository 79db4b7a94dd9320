// `buddy hook prompt|session-start`: Claude Code hooks. They return within their budget whatever the
// model does: answering is a detached job (`buddy hook reply`, hook-reply.ts) that writes into the
// session state, where the statusline picks it up on a later refresh.
import { logDebug } from '../../integrations/debug-log.js';
import { addressedContext, introductionContext } from '../../integrations/hook-texts.js';
import { parseHostPayload, sessionKey, type HostPayload } from '../../integrations/payload.js';
import { readJsonPayload, streamSource } from '../../integrations/read-stdin.js';
import { readHookState, updateHookState } from '../../integrations/session-state.js';
import { addressesBuddy } from '../../persona/addressing.js';
import { speciesLine } from '../../persona/species-line.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import type { StoredBuddy } from '../../store/schema.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

const STDIN_DEADLINE_MS = 500;
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** The message handed to the reply job travels in its environment; keep it small. */
const MAX_MESSAGE_BYTES = 2_000;

function emit(io: CliIo, event: string, context: string): void {
  io.stdout.write(`${JSON.stringify({ hookSpecificOutput: { hookEventName: event, additionalContext: context } })}\n`);
}

async function startReplyJob(io: CliIo, key: string, message: string): Promise<void> {
  const script = process.argv[1];
  if (!script) return;
  // Loaded here, not at the top: this file is also the statusline's, which never spawns.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [script, 'hook', 'reply', '--session', key], {
    detached: true,
    stdio: 'ignore',
    env: { ...io.env, BUDDY_HOOK_MESSAGE: message.slice(0, MAX_MESSAGE_BYTES) },
  });
  child.unref();
}

async function onPrompt(io: CliIo, payload: HostPayload, buddy: StoredBuddy): Promise<void> {
  if (!payload.prompt || !addressesBuddy(payload.prompt, buddy.name)) return;
  const key = sessionKey(payload.sessionId);
  updateHookState(io.env, key, (state) => ({ ...state, pending: { at: Date.now() } }));
  await startReplyJob(io, key, payload.prompt);
  emit(io, 'UserPromptSubmit', addressedContext(buddy));
}

function onSessionStart(io: CliIo, payload: HostPayload, buddy: StoredBuddy, muted: boolean): void {
  // Without a session ID "once per session" cannot hold, so an empty or broken payload gets no introduction.
  if (muted || payload.sessionId === undefined) return;
  const key = sessionKey(payload.sessionId);
  if (readHookState(io.env, key).introduced) return;
  const now = Date.now();
  updateHookState(io.env, key, (state) => ({ ...state, introduced: true, greeting: { text: speciesLine(buddy.bones, 'greeting', now), at: now } }));
  emit(io, 'SessionStart', introductionContext(buddy));
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('hook', argv, {}, 1);
  const kind = positionals[0];
  if (kind !== 'prompt' && kind !== 'session-start') throw new UsageError('hook: give prompt or session-start');
  try {
    const { text } = await readJsonPayload(streamSource(io.stdin), STDIN_DEADLINE_MS, STDIN_DEADLINE_MS, MAX_PAYLOAD_BYTES);
    io.stdin.destroy();
    const config = readConfigSnapshot(io.env);
    if (!config.buddy) return 0;
    const payload = parseHostPayload(text);
    if (kind === 'prompt') await onPrompt(io, payload, config.buddy);
    else onSessionStart(io, payload, config.buddy, config.settings.muted);
  } catch (error) {
    // A hook must never block or break the host's prompt.
    logDebug(io.env, `hook ${kind}`, error);
  }
  return 0;
}
