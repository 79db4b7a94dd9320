// What an agent CLI tells the buddy through its MCP server ("the tests failed", "done"), recorded as if
// the buddy had seen it itself: the reaction goes into the statusline state of the session that has no
// host session of its own (the tmux line, `buddy statusline` without a payload, the pet), under the same
// rate limit and mute as the reactions the statusline finds in a transcript. Marked as the agent's, it is
// also taken in by every host session's statusline at its next refresh (statusline.ts), under its own.
import type { BuddyBones } from '../engine/bones.js';
import { speciesLine } from '../persona/species-line.js';
import type { ReactionEvent } from '../species/lines.js';
import { REACTION_MIN_GAP_MS } from './reactions.js';
import { EMPTY_STATUS, readStatusState, writeStatusState } from './session-state.js';
import { AGENT_SESSION_KEY, type AgentEvent } from './agent-event-names.js';

export { AGENT_SESSION_KEY };

/** The species line each event is answered with; passing tests and a finished task both earn the happy one. */
const REACTION_TO: Readonly<Record<AgentEvent, ReactionEvent>> = {
  tests_failed: 'testsFailed',
  tests_passed: 'recovered',
  error: 'error',
  big_diff: 'bigDiff',
  done: 'recovered',
};

export interface AgentReaction {
  readonly reaction: ReactionEvent;
  readonly text: string;
  /** False when muted or when the buddy reacted less than REACTION_MIN_GAP_MS ago: the line is not shown again. */
  readonly shown: boolean;
}

/**
 * Records one agent event (or a petting) in the buddy's statusline state and returns its one-line reaction.
 * Failures are counted like the transcript's, so a later `tests_passed` is a recovery.
 */
export function recordAgentReaction(env: NodeJS.ProcessEnv, bones: BuddyBones, event: AgentEvent | 'petted', muted: boolean, now: number): AgentReaction {
  const reaction: ReactionEvent = event === 'petted' ? 'petted' : REACTION_TO[event];
  const text = speciesLine(bones, reaction, now);
  const previous = readStatusState(env, AGENT_SESSION_KEY) ?? EMPTY_STATUS;
  const shown = !muted && now - previous.lastReactionAt >= REACTION_MIN_GAP_MS;
  const failures = event === 'tests_failed' || event === 'error' ? previous.recentFailures + 1 : event === 'tests_passed' ? 0 : previous.recentFailures;
  writeStatusState(env, AGENT_SESSION_KEY, {
    ...previous,
    recentFailures: failures,
    // Something happened: this is not a long silence.
    transcriptChangedAt: now,
    silenceNoticed: false,
    ...(shown ? { lastReactionAt: now, reaction: { event: reaction, text, at: now, from: 'agent' as const } } : {}),
  });
  return { reaction, text, shown };
}
