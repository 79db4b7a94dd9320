// What an agent CLI tells the buddy through its MCP server ("the tests failed", "done"), recorded as if
// the buddy had seen it itself: the reaction goes into the statusline state of the session that has no
// host session of its own (the tmux line, `buddy statusline` without a payload, the pet), under the same
// rate limit and mute as the reactions the statusline finds in a transcript. Marked as the agent's, it is
// also taken in by every host session's statusline at its next refresh (statusline.ts), under its own.
import type { BuddyBones } from '../engine/bones.js';
import type { ReactionEvent } from '../species/lines.js';
import type { RemarkFacts, RemarkKind } from '../species/remark-facts.js';
import { REACTION_MIN_GAP_MS } from './reactions.js';
import { EMPTY_STATUS, readStatusState, writeStatusState } from './session-state.js';
import { AGENT_SESSION_KEY, type AgentEvent } from './agent-event-names.js';
import { remarkFor } from './own-remark.js';
import { localDay, tallied, timesToday } from './remark-tally.js';
import { factText } from './transcript-facts.js';

export { AGENT_SESSION_KEY };

/** The species line each event is answered with; passing tests and a finished task both earn the happy one. */
const REACTION_TO: Readonly<Record<AgentEvent, ReactionEvent>> = {
  tests_failed: 'testsFailed',
  tests_passed: 'recovered',
  error: 'error',
  big_diff: 'bigDiff',
  done: 'recovered',
};

/** The facts each event's remark is grounded in. */
const FACT_KIND: Readonly<Record<AgentEvent, RemarkKind>> = {
  tests_failed: 'testsFailed',
  tests_passed: 'testsPassed',
  error: 'error',
  big_diff: 'bigDiff',
  done: 'turnEnd',
};

/** What the agent may say of what happened, each optional: the remark names what it is given. */
export interface AgentDetail {
  /** A failing (or fixed) test's name. */
  readonly test?: string | undefined;
  /** The file it is about. */
  readonly file?: string | undefined;
  /** The error's first words (tests_failed, error; the other events have none). */
  readonly detail?: string | undefined;
}

/** The agent's detail as facts: each one cleaned and cut as a transcript's are; undefined when it names nothing. */
export function agentFacts(event: AgentEvent, detail: AgentDetail, times: number): RemarkFacts | undefined {
  const test = factText(detail.test);
  const file = factText(detail.file);
  const error = factText(detail.detail);
  // A test is a fact of a test run, an error's words of what went wrong; neither of an edit or a finished task.
  const facts = {
    ...(test !== undefined && (event === 'tests_failed' || event === 'tests_passed') ? { tests: [test] } : {}),
    ...(file === undefined ? {} : { file }),
    ...(error !== undefined && (event === 'tests_failed' || event === 'error') ? { error } : {}),
  };
  return Object.keys(facts).length === 0 ? undefined : { kind: FACT_KIND[event], timesToday: times, ...facts };
}

export interface AgentReaction {
  readonly reaction: ReactionEvent;
  readonly text: string;
  /** False when muted or when the buddy reacted less than REACTION_MIN_GAP_MS ago: the line is not shown again. */
  readonly shown: boolean;
}

/**
 * Records one agent event (or a petting) in the buddy's statusline state and returns its one-line reaction:
 * a remark naming what the agent's detail names (the test, the file, the error), or the species' line for
 * the event when it gave none. Failures are counted like the transcript's, so a later `tests_passed` is a
 * recovery; each event counts towards the day's tally ("the 3rd red run today").
 */
export function recordAgentReaction(env: NodeJS.ProcessEnv, bones: BuddyBones, event: AgentEvent | 'petted', muted: boolean, now: number, detail: AgentDetail = {}): AgentReaction {
  const reaction: ReactionEvent = event === 'petted' ? 'petted' : REACTION_TO[event];
  const previous = readStatusState(env, AGENT_SESSION_KEY) ?? EMPTY_STATUS;
  const day = localDay(now, -new Date(now).getTimezoneOffset());
  const tally = event === 'petted' ? previous.remarkTally : tallied(previous.remarkTally, [FACT_KIND[event]], day);
  const facts = event === 'petted' ? undefined : agentFacts(event, detail, timesToday(tally, FACT_KIND[event], day));
  // A finished task told without detail is the species' happy line, as it always was.
  const text = facts ? remarkFor(bones, facts.kind === 'turnEnd' ? 'turnEnd' : reaction, facts, now) : remarkFor(bones, reaction, undefined, now);
  const shown = !muted && now - previous.lastReactionAt >= REACTION_MIN_GAP_MS;
  const failures = event === 'tests_failed' || event === 'error' ? previous.recentFailures + 1 : event === 'tests_passed' ? 0 : previous.recentFailures;
  writeStatusState(env, AGENT_SESSION_KEY, {
    ...previous,
    recentFailures: failures,
    // Something happened: this is not a long silence.
    transcriptChangedAt: now,
    silenceNoticed: false,
    ...(tally ? { remarkTally: tally } : {}),
    ...(shown ? { lastReactionAt: now, reaction: { event: reaction, text, at: now, from: 'agent' as const } } : {}),
  });
  return { reaction, text, shown };
}
