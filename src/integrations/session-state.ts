// Per-session state for the statusline and hooks: small JSON files in the cache directory, keyed by
// session_id and written atomically, so two sessions in two terminals never overwrite each other.
// The statusline owns `<id>.status.json`; the hooks own `<id>.hook.json`. Writing either makes the
// session's prepared statusline frames void, so the next refresh draws from the new state.
import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { REACTION_EVENTS, type ReactionEvent } from '../species/lines.js';
import { cacheDir } from '../store/paths.js';
import { writeFileAtomicSync } from '../store/atomic-write.js';
import { forgetFrames } from './statusline-frames.js';
import type { WatchMemory } from './reactions.js';

export const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;

/** A reaction the statusline shows for REACTION_SHOW_MS from `at`. */
export interface ShownReaction {
  readonly event: ReactionEvent;
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

const ReactionSchema = v.object({ event: v.picklist(REACTION_EVENTS), text: TEXT, at: MOMENT, from: v.optional(v.literal('agent')) });

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

function readJson<T>(file: string): T | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
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
  return {
    transcriptSize: number(raw.transcriptSize),
    recentFailures: number(raw.recentFailures),
    lastReactionAt: number(raw.lastReactionAt),
    transcriptChangedAt: number(raw.transcriptChangedAt),
    silenceNoticed: raw.silenceNoticed === true,
    agentReactionSeenAt: number(raw.agentReactionSeenAt),
    hostSeen: raw.hostSeen === true,
    ...(reaction.success ? { reaction: reaction.output } : {}),
  };
}

export function writeStatusState(env: NodeJS.ProcessEnv, key: string, state: StatusState): void {
  writeFileAtomicSync(statusFile(env, key), JSON.stringify(state));
  forgetFrames(env, key);
}

export function readHookState(env: NodeJS.ProcessEnv, key: string): HookState {
  const result = v.safeParse(HookStateSchema, readJson<unknown>(hookFile(env, key)) ?? {});
  if (!result.success) return {};
  // Fields that fell back are left out, so a state written back holds only what was valid.
  return Object.fromEntries(Object.entries(result.output).filter(([, value]) => value !== undefined));
}

export function updateHookState(env: NodeJS.ProcessEnv, key: string, change: (state: HookState) => HookState): void {
  writeFileAtomicSync(hookFile(env, key), JSON.stringify(change(readHookState(env, key))));
  forgetFrames(env, key);
}

/** Removes state of sessions untouched for a week. Cheap: one directory listing. */
export function removeStaleSessions(env: NodeJS.ProcessEnv, now: number): void {
  const dir = sessionsDir(env);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // raced with another cleaner
    }
  }
}
