// Decides the buddy's statusline reaction from new signals and the session's memory. Pure: time passed in.
import { REACTION_EVENTS } from '../species/shapes.js';
import type { Pose } from '../sprites/parse.js';
import type { Signal } from './transcript-signals.js';

/** How long a reaction stays on screen. */
export const REACTION_SHOW_MS = 10_000;
/** At most one new reaction this often, so the buddy is not chatty. */
export const REACTION_MIN_GAP_MS = 45_000;
/** No transcript change for this long counts as a long silence (once, until something happens). */
export const LONG_SILENCE_MS = 15 * 60_000;
/**
 * A turn's end is remarked on at most this often: turns end all the time, and a buddy that says "done"
 * after each one is a buddy nobody wants. Longer than REACTION_MIN_GAP_MS, which still applies.
 */
export const TURN_END_MIN_GAP_MS = 5 * 60_000;

/** What the statusline reacts to: the species' reaction events, and the end of a turn that did real work. */
export const WATCH_EVENTS = [...REACTION_EVENTS, 'turnEnd'] as const;
export type WatchEvent = (typeof WATCH_EVENTS)[number];

export const EVENT_POSE: Readonly<Record<WatchEvent, Pose>> = {
  testsFailed: 'alarmed',
  error: 'sad',
  bigDiff: 'alarmed',
  recovered: 'happy',
  longSilence: 'sleepy',
  petted: 'happy',
  greeting: 'happy',
  ignored: 'happy',
  turnEnd: 'happy',
};

export interface WatchMemory {
  readonly recentFailures: number;
  readonly lastReactionAt: number;
  readonly transcriptChangedAt: number;
  readonly silenceNoticed: boolean;
}

export interface WatchDecision {
  readonly memory: WatchMemory;
  readonly event: WatchEvent | undefined;
}

/**
 * One remark at a time, the most telling first: what happened in the same refresh is said by the first of
 * these it holds: a recovery (green after red), failing tests, an error, a big edit, a turn's end; a long
 * silence only when nothing else happened. No remark replaces another in view, whatever its rank: a remark
 * stays REACTION_SHOW_MS and the next may come only REACTION_MIN_GAP_MS after it (longer), and muted means
 * no remark at all.
 */
export const PRIORITY: readonly WatchEvent[] = ['recovered', 'testsFailed', 'error', 'bigDiff', 'turnEnd'];

/** The gap a new reaction of this kind must keep from the last one. */
function gapBefore(event: WatchEvent): number {
  return event === 'turnEnd' ? TURN_END_MIN_GAP_MS : REACTION_MIN_GAP_MS;
}

export function decideReaction(memory: WatchMemory, signals: readonly Signal[], changed: boolean, now: number, muted: boolean, turnEnded = false): WatchDecision {
  let failures = memory.recentFailures;
  const seen = new Set<WatchEvent>();
  if (turnEnded) seen.add('turnEnd');
  for (const signal of signals) {
    if (signal === 'testsFailed' || signal === 'error') {
      failures++;
      seen.add(signal);
    } else if (signal === 'testsPassed') {
      if (failures > 0) seen.add('recovered');
      failures = 0;
    } else {
      seen.add(signal);
    }
  }
  const transcriptChangedAt = changed ? now : memory.transcriptChangedAt;
  let silenceNoticed = changed ? false : memory.silenceNoticed;
  let event = PRIORITY.find((candidate) => seen.has(candidate));
  if (!event && !changed && !silenceNoticed && transcriptChangedAt > 0 && now - transcriptChangedAt >= LONG_SILENCE_MS) {
    event = 'longSilence';
    silenceNoticed = true;
  }
  const allowed = event !== undefined && !muted && now - memory.lastReactionAt >= gapBefore(event);
  return {
    memory: { recentFailures: failures, transcriptChangedAt, silenceNoticed, lastReactionAt: allowed ? now : memory.lastReactionAt },
    event: allowed ? event : undefined,
  };
}

/**
 * What a session's statusline does with a reaction the buddy gave to an agent CLI (through MCP):
 * `show` it as if it had reacted there itself at that moment; `pass` over it for good (it is stale, muted,
 * too soon after the session's last reaction, or older than that one: the session's own newer reaction
 * wins); or `ignore` it, when it was weighed before or its moment has not come (a clock set back).
 */
export type AgentReactionVerdict = 'show' | 'pass' | 'ignore';

export interface AgentReactionMemory {
  /** The session's last reaction, its own or taken in; after this refresh's own decision. */
  readonly lastReactionAt: number;
  /** When the reaction it shows now happened, if it shows one. */
  readonly reactionAt: number | undefined;
  readonly agentReactionSeenAt: number;
}

export function judgeAgentReaction(memory: AgentReactionMemory, agentReactionAt: number, now: number, muted: boolean): AgentReactionVerdict {
  if (agentReactionAt <= memory.agentReactionSeenAt || agentReactionAt > now) return 'ignore';
  const fresh = now - agentReactionAt < REACTION_SHOW_MS;
  const newest = agentReactionAt > (memory.reactionAt ?? 0);
  // The gap is measured from the moment the agent reported, as if the buddy had seen it then.
  const allowed = !muted && fresh && newest && agentReactionAt - memory.lastReactionAt >= REACTION_MIN_GAP_MS;
  return allowed ? 'show' : 'pass';
}

/** When the session's silence would become a reaction, if nothing happens before; undefined when it cannot. */
export function silenceDeadline(memory: WatchMemory): number | undefined {
  return !memory.silenceNoticed && memory.transcriptChangedAt > 0 ? memory.transcriptChangedAt + LONG_SILENCE_MS : undefined;
}
