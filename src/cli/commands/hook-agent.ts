// `buddy hook agent --host HOST [--event tool|stop]`: an agent CLI's hook after a tool ran or a turn ended.
// It reads the host's JSON on stdin (size-capped, within its deadline), maps it to one of Buddy's agent
// events (hook-agent-events.ts) and records it the way the MCP server's buddy_react does: the statusline,
// the tmux line and an open pet show the reaction. Where the host shows a hook's `systemMessage` to the
// person (Claude Code, Codex, Gemini CLI), the reaction is printed there too; elsewhere nothing is printed.
// It never blocks or fails the host: whatever it is given, it exits 0, and says nothing when muted.
import { glanceAtBuddy } from '../../buddy/glance.js';
import { moodNow } from '../../buddy/feeling.js';
import { writeToDescriptor } from '../../files/standard-streams.js';
import { journal } from '../../journal/append.js';
import { logDebug } from '../../store/debug-log.js';
import { recordAgentReaction } from '../../statusline/agent-event.js';
import { readJsonPayload, streamSource } from '../../statusline/read-stdin.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { HOOK_AGENT } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { agentDetailOf, agentEventOf, HOOK_HOSTS, isHookHost, type HookHost, type HookMoment } from '../hook-agent-events.js';
import type { CliIo } from '../io.js';

const STDIN_DEADLINE_MS = 500;
/** A tool's output can be long; past this size the payload stops being read, and nothing is recorded. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** The longest reaction line printed into the host. */
const MAX_LINE = 300;

/** The hosts that show a hook's `systemMessage` to the person (their hooks docs, docs/hosts.md). */
const SHOWS_SYSTEM_MESSAGE: ReadonlySet<HookHost> = new Set(['claude-code', 'codex', 'gemini']);

/** Writes one line for the host; a host that stopped listening is not an error. */
function emit(io: CliIo, line: string): void {
  try {
    if (io.descriptors) writeToDescriptor(io.descriptors.stdout, line);
    else io.stdout.write(line);
  } catch {
    // The host closed the pipe: the reaction is recorded all the same.
  }
}

/** The host and moment the hook was installed for; a line for stderr when the command line is wrong. */
function parsed(argv: readonly string[]): { readonly host: HookHost; readonly moment: HookMoment | undefined } | string {
  let values;
  try {
    values = parseCommandArgs(HOOK_AGENT, argv).values;
  } catch (error) {
    return (error as Error).message;
  }
  if (!isHookHost(values.host)) return `hook agent: --host must be one of ${HOOK_HOSTS.join(', ')}`;
  if (values.event !== undefined && values.event !== 'tool' && values.event !== 'stop') return 'hook agent: --event must be tool or stop';
  return { host: values.host, moment: values.event };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parsed(argv);
  if (typeof command === 'string') {
    // A hook written wrong is said once, on stderr, where the host logs it; the host goes on (exit 0).
    io.stderr.write(`buddy: ${command}\n`);
    return 0;
  }
  const { host, moment } = command;
  try {
    const { text, truncated } = await readJsonPayload(streamSource(() => io.stdin), STDIN_DEADLINE_MS, STDIN_DEADLINE_MS, MAX_PAYLOAD_BYTES);
    io.stdin.destroy();
    if (truncated) return 0;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return 0;
    }
    const event = agentEventOf(payload, moment);
    if (event === undefined) return 0;
    // Only a hatched buddy reacts; the same core as every command decides who that is.
    const glance = glanceAtBuddy(io.env);
    if (glance.kind !== 'stored') return 0;
    const { buddy, config } = glance;
    const now = Date.now();
    const reaction = recordAgentReaction(io.env, buddy.bones, event, config.settings.muted, now, agentDetailOf(payload, event));
    if (!reaction.shown) return 0;
    const line = sanitizeLine(`${buddy.name}: ${reaction.text}`, MAX_LINE);
    journal({ at: now, source: 'reaction', event: reaction.reaction, text: reaction.text, session: `hook-${host}`, name: buddy.name, mood: moodNow(buddy, config.settings.care, now) }, io.env);
    if (SHOWS_SYSTEM_MESSAGE.has(host)) emit(io, `${JSON.stringify({ systemMessage: line })}\n`);
  } catch (error) {
    // A hook must never block or break its host.
    logDebug(io.env, 'hook agent', error);
  }
  return 0;
}
