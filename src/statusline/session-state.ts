// Per-session state for the statusline and hooks: small JSON files in the cache directory, keyed by
// session_id and written atomically, so two sessions in two terminals never overwrite each other.
// The statusline owns `<id>.status.json`; the hooks own `<id>.hook.json`. Writing either makes the
// session's prepared statusline frames void, so the next refresh draws from the new state.
import path from 'node:path';
import * as v from 'valibot';
import { replaceCacheFile } from '../files/cache-replace.js';
import { factsAbout } from '../files/facts.js';
import { listNames, removeFile } from '../files/housekeeping.js';
import { readPrivateJson } from '../files/read-private.js';
import { sweepTemporaries } from '../files/temporaries.js';
import { REMARK_KINDS, type RemarkKind } from '../species/remark-facts.js';
import { cacheDir } from '../store/paths.js';
import { forgetFrames } from './frames.js';
import { WATCH_EVENTS, type WatchEvent, type WatchMemory } from './reactions.js';
import type { RemarkTally } from './remark-tally.js';

export const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;
const TEMPORARY_MARK = '.buddy-tmp-';

/** A reaction the statusline shows for REACTION_SHOW_MS from `at`. */
export interface ShownReaction {
  readonly event: WatchEvent;
  readonly text: string;
  readonly at: number;
  /** The buddy reacted to what an agent CLI told it (MCP): every session's statusline may show it too. */
  readonly from?: 'agent';
}

export interface StatusState extends WatchMemory {
  readonly transcriptSize: number;
  readonly reaction?: ShownReaction;
  /** The moment of the last agent reaction this session took in or passed over: each is weighed once. */
  readonly agentReactionSeenAt: number;
  /** The host's own records were seen in the session's transcript: a real coding session, which grows the buddy. */
  readonly hostSeen: boolean;
  /** How many times each kind of thing happened today, for "the 3rd red run today". */
  readonly remarkTally?: RemarkTally;
  /** The agent has run a command or edited a file since its last turn ended: that turn's end is worth a word. */
  readonly turnWorking?: boolean;
}

const MOMENT = v.pipe(v.number(), v.finite());
const TEXT = v.pipe(v.string(), v.maxLength(4_000));

/** The hooks' state file, read leniently: a field of the wrong shape is dropped, the rest is kept. */
const HookStateSchema = v.object({
  introduced: v.fallback(v.optional(v.boolean()), undefined),
  greeting: v.fallback(v.optional(v.object({ text: TEXT, at: MOMENT })), undefined),
  pending: v.fallback(v.optional(v.object({ at: MOMENT })), undefined),
  reply: v.fallback(v.optional(v.object({ text: TEXT, at: MOMENT, askedAt: MOMENT })), undefined),
});
export type HookState = Readonly<v.InferOutput<typeof HookStateSchema>>;

const ReactionSchema = v.object({ event: v.picklist(WATCH_EVENTS), text: TEXT, at: MOMENT, from: v.optional(v.literal('agent')) });

const COUNT = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const TallySchema = v.object({
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  counts: v.object(Object.fromEntries(REMARK_KINDS.map((kind) => [kind, v.optional(COUNT)])) as Record<RemarkKind, v.OptionalSchema<typeof COUNT, undefined>>),
});

/** The day's tally as read, only its known counts; a damaged one is no tally (the counts start again). */
function tallyOf(raw: unknown): RemarkTally | undefined {
  const tally = v.safeParse(TallySchema, raw);
  if (!tally.success) return undefined;
  const counts = Object.fromEntries(Object.entries(tally.output.counts).filter(([, count]) => count !== undefined));
  return { day: tally.output.day, counts };
}

export const EMPTY_STATUS: StatusState = {
  transcriptSize: 0,
  recentFailures: 0,
  lastReactionAt: 0,
  transcriptChangedAt: 0,
  silenceNoticed: false,
  agentReactionSeenAt: 0,
  hostSeen: false,
};

export function sessionsDir(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'sessions');
}

/** Far above any state Buddy writes (a few hundred bytes); anything bigger is not its own. */
const MAX_STATE_BYTES = 256 * 1024;

/** A state file that is missing, damaged or not a regular file (a FIFO, a device, a link) is no state at all. */
function readJson<T>(file: string): T | undefined {
  try {
    const read = readPrivateJson(file, { maxBytes: MAX_STATE_BYTES });
    return read.state === 'parsed' && typeof read.value === 'object' && read.value !== null ? (read.value as T) : undefined;
  } catch {
    return undefined;
  }
}

export const statusFile = (env: NodeJS.ProcessEnv, key: string): string => path.join(sessionsDir(env), `${key}.status.json`);
export const hookFile = (env: NodeJS.ProcessEnv, key: string): string => path.join(sessionsDir(env), `${key}.hook.json`);

/** A corrupt or missing file is a fresh session, never an error. */
export function readStatusState(env: NodeJS.ProcessEnv, key: string): StatusState | undefined {
  const raw = readJson<Partial<StatusState>>(statusFile(env, key));
  if (!raw) return undefined;
  const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  // Only the reaction's known fields are kept, so nothing else read here is ever written back or shown.
  const reaction = v.safeParse(ReactionSchema, raw.reaction);
  const remarkTally = tallyOf(raw.remarkTally);
  return {
    transcriptSize: number(raw.transcriptSize),
    recentFailures: number(raw.recentFailures),
    lastReactionAt: number(raw.lastReactionAt),
    transcriptChangedAt: number(raw.transcriptChangedAt),
    silenceNoticed: raw.silenceNoticed === true,
    agentReactionSeenAt: number(raw.agentReactionSeenAt),
    hostSeen: raw.hostSeen === true,
    ...(reaction.success ? { reaction: reaction.output } : {}),
    ...(remarkTally ? { remarkTally } : {}),
    ...(raw.turnWorking === true ? { turnWorking: true } : {}),
  };
}

export function writeStatusState(env: NodeJS.ProcessEnv, key: string, state: StatusState): void {
  replaceCacheFile(statusFile(env, key), JSON.stringify(state));
  forgetFrames(env, key);
}

export function readHookState(env: NodeJS.ProcessEnv, key: string): HookState {
  const result = v.safeParse(HookStateSchema, readJson<unknown>(hookFile(env, key)) ?? {});
  if (!result.success) return {};
  // Fields that fell back are left out, so a state written back holds only what was valid.
  return Object.fromEntries(Object.entries(result.output).filter(([, value]) => value !== undefined));
}

export function updateHookState(env: NodeJS.ProcessEnv, key: string, change: (state: HookState) => HookState): void {
  replaceCacheFile(hookFile(env, key), JSON.stringify(change(readHookState(env, key))));
  forgetFrames(env, key);
}

/**
 * Removes state of sessions untouched for a week, and what writers killed mid-write left behind. Cheap:
 * run once per new session, a listing or two of one folder.
 */
export function removeStaleSessions(env: NodeJS.ProcessEnv, now: number): void {
  const dir = sessionsDir(env);
  let names: string[];
  try {
    names = listNames(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const facts = factsAbout(file);
      if (facts && facts.kind !== 'directory' && now - facts.mtimeMs > STALE_AFTER_MS) removeFile(file);
    } catch {
      // raced with another cleaner
    }
  }
  // Temporaries of atomic writes carry Buddy's mark; the sweep lists the folder again only when one is there.
  if (names.some((name) => name.includes(TEMPORARY_MARK))) sweepTemporaries(dir, now);
}
