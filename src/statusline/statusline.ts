// One statusline refresh: read the session's state, look at what is new in the transcript, maybe react
// (or take in the reaction the buddy just gave an agent CLI), and draw the buddy. Reads cached state and
// small files only; never loads Ink, React or the SDK.
// It also says how the line moves from here on (until what moment, repeating every how many seconds,
// and which files would change it), so that frames can be prepared for the light statusline script.
import { greetToday } from '../buddy/daily.js';
import { glanceAtBuddy } from '../buddy/glance.js';
import { likenessOf } from '../faces/likeness.js';
import { journal } from '../journal/append.js';
import type { BuddyBones } from '../engine/bones.js';
import { bubbleDurationMs } from '../pet/timing.js';
import { sanitizeLine } from '../text/sanitize.js';
import { hatTable, spriteFor } from '../sprites/catalog.js';
import type { Pose } from '../sprites/parse.js';
import { configFile } from '../store/paths.js';
import { parseJsonLines, signalsIn, type Signal } from './transcript-signals.js';
import { parseHostPayload, sessionKey } from './payload.js';
import { AGENT_SESSION_KEY } from './agent-event-names.js';
import { decideReaction, EVENT_POSE, judgeAgentReaction, REACTION_SHOW_MS, silenceDeadline, type WatchDecision } from './reactions.js';
import {
  EMPTY_STATUS,
  hookFile,
  readHookState,
  readStatusState,
  removeStaleSessions,
  statusFile,
  writeStatusState,
  type HookState,
  type ShownReaction,
  type StatusState,
} from './session-state.js';
import { asciiLines } from '../render/ascii.js';
import { FRAMES_HORIZON_MS, observe, removeStaleFrames, type Observation, type WatchName } from './frames.js';
import { framePeriodSeconds, PLAIN_FACE, renderStatusline, sayingRoom, type StatusFormat, type StatusLayout, type StatusView } from './render.js';
import { hostWrote, recordWitnessed, statusGrowth } from './growth.js';
import { readTranscriptTail } from './transcript-tail.js';
import { contextIn, turnEndsIn, type TurnWatch } from './transcript-facts.js';
import { localDay, tallied } from './remark-tally.js';
import { factsFor, grounded, kindsHappened, remarkFor, remarkRoom } from './own-remark.js';
import { remarkMode, startDailyRemark, startModelRemark } from './remark-start.js';
import type { RemarkFacts } from '../species/remark-facts.js';

/** A reply job that has not answered after this long is given up on (the thinking mark goes away). */
export const PENDING_GIVE_UP_MS = 30_000;
export const GREETING_SHOW_MS = 10_000;
const SAID_MAX_LENGTH = 500;

export interface StatuslineRequest {
  readonly payloadText: string;
  readonly env: NodeJS.ProcessEnv;
  readonly now: number;
  readonly width: number;
  readonly format: StatusFormat;
  readonly layout: StatusLayout | undefined;
  /** ASCII only: see asciiOnly (render/terminal.ts). */
  readonly ascii?: boolean | undefined;
  /** Buddy's own bundle, watched by prepared frames (a new version draws anew). */
  readonly bundle?: string | undefined;
}

/** How the line moves after the moment it was drawn for. */
export interface StatusScene {
  /** When the files behind it were read. */
  readonly at: number;
  /** From this moment on what the buddy says (or does) may change. */
  readonly until: number;
  /** The line at whole seconds repeats every this many seconds until then. */
  readonly periodSeconds: number;
  readonly draw: (now: number) => readonly string[];
  /** The files whose change changes the line, as seen before they were read. */
  readonly watched: Readonly<Partial<Record<WatchName, Observation>>>;
}

export interface StatuslineOutcome {
  readonly lines: string[];
  readonly scene: StatusScene;
  /** The session the host named, as the state files are keyed, and its transcript as given. */
  readonly key: string;
  readonly transcriptPath: string | undefined;
}

interface Saying {
  readonly text: string | undefined;
  readonly pose: Pose | undefined;
  readonly thinking: boolean;
}

function whatToSay(status: StatusState, hook: HookState, now: number, muted: boolean): Saying {
  const pending = hook.pending;
  if (pending && now - pending.at < PENDING_GIVE_UP_MS && (!hook.reply || hook.reply.askedAt < pending.at)) {
    return { text: undefined, pose: undefined, thinking: true };
  }
  // Every text here was read from a state file: sanitised again before it reaches the host's screen.
  if (hook.reply && now - hook.reply.at < bubbleDurationMs(hook.reply.text)) {
    return { text: sanitizeLine(hook.reply.text, SAID_MAX_LENGTH), pose: 'talking', thinking: false };
  }
  if (!muted && status.reaction && now - status.reaction.at < REACTION_SHOW_MS) {
    const event = status.reaction.event;
    return { text: sanitizeLine(status.reaction.text, SAID_MAX_LENGTH), pose: Object.hasOwn(EVENT_POSE, event) ? EVENT_POSE[event] : undefined, thinking: false };
  }
  if (!muted && hook.greeting && now - hook.greeting.at < GREETING_SHOW_MS) {
    return { text: sanitizeLine(hook.greeting.text, SAID_MAX_LENGTH), pose: 'happy', thinking: false };
  }
  return { text: undefined, pose: undefined, thinking: false };
}

function sameMemory(a: StatusState, b: StatusState): boolean {
  return (
    a.transcriptSize === b.transcriptSize &&
    a.recentFailures === b.recentFailures &&
    a.lastReactionAt === b.lastReactionAt &&
    a.transcriptChangedAt === b.transcriptChangedAt &&
    a.silenceNoticed === b.silenceNoticed &&
    a.agentReactionSeenAt === b.agentReactionSeenAt &&
    a.hostSeen === b.hostSeen
  );
}

/** The reaction the buddy last gave an agent CLI, if it is one (not a long silence of the line without a session). */
function agentReaction(env: NodeJS.ProcessEnv): ShownReaction | undefined {
  const reaction = readStatusState(env, AGENT_SESSION_KEY)?.reaction;
  return reaction?.from === 'agent' ? reaction : undefined;
}

/**
 * The session's memory after this refresh: its own decision first (a reaction of its own, at this moment,
 * is the newest), then the agent's latest reaction, taken in as if the buddy had seen it here.
 */
function rememberReactions(status: StatusState, decision: WatchDecision, own: ShownReaction | undefined, agent: ShownReaction | undefined, now: number, muted: boolean): Omit<StatusState, 'transcriptSize' | 'hostSeen'> {
  const memory = { ...decision.memory, agentReactionSeenAt: status.agentReactionSeenAt, ...(own ? { reaction: own } : {}) };
  if (!agent) return memory;
  const verdict = judgeAgentReaction({ lastReactionAt: memory.lastReactionAt, reactionAt: own?.at, agentReactionSeenAt: memory.agentReactionSeenAt }, agent.at, now, muted);
  if (verdict === 'ignore') return memory;
  if (verdict === 'pass') return { ...memory, agentReactionSeenAt: agent.at };
  // Read from a file another process wrote: kept clean, as its own, and marked as the agent's: the buddy did
  // not see it happen, so it is no event of its growth and does not colour its mood (see statusGrowth).
  const reaction = { event: agent.event, text: sanitizeLine(agent.text, SAID_MAX_LENGTH), at: agent.at, from: 'agent' as const };
  return { ...memory, agentReactionSeenAt: agent.at, lastReactionAt: agent.at, reaction };
}

/**
 * The moments after `now` at which whatToSay may answer differently, the silence that may become a
 * reaction, and an agent reaction whose moment has not come (a clock set back) to be weighed then.
 */
function sayingChangesAt(status: StatusState, hook: HookState, now: number, agent: ShownReaction | undefined): number {
  const moments = [
    agent?.at,
    hook.pending && hook.pending.at + PENDING_GIVE_UP_MS,
    hook.reply && hook.reply.at + bubbleDurationMs(hook.reply.text),
    status.reaction && status.reaction.at + REACTION_SHOW_MS,
    hook.greeting && hook.greeting.at + GREETING_SHOW_MS,
    silenceDeadline(status),
  ].filter((moment): moment is number => moment !== undefined && moment > now);
  return Math.min(now + FRAMES_HORIZON_MS, ...moments);
}

/** A line that stays as it is: no session, or no buddy to draw. */
function still(lines: string[], now: number, watched: StatusScene['watched']): StatusScene {
  return { at: now, until: now + FRAMES_HORIZON_MS, periodSeconds: 1, draw: () => lines, watched };
}

export function drawStatusline(request: StatuslineRequest): StatuslineOutcome {
  const { env, now } = request;
  const payload = parseHostPayload(request.payloadText);
  const key = sessionKey(payload.sessionId);
  const session = { key, transcriptPath: payload.transcriptPath };
  const watched: Partial<Record<WatchName, Observation>> = {
    c: observe(configFile(env)),
    ...(request.bundle ? { b: observe(request.bundle) } : {}),
  };
  // The stored buddy was read through the schema (and recovered if it failed): safe to draw as it is.
  const glance = glanceAtBuddy(env);
  const config = glance.config;
  if (glance.kind === 'none' || glance.kind === 'invalid-identity') {
    const said = [glance.kind === 'none' ? `${PLAIN_FACE} · run \`buddy\` to hatch yours` : `${PLAIN_FACE} · ${sanitizeLine(glance.problem, 120)}`];
    const lines = request.ascii ? asciiLines(said) : said;
    return { lines, scene: still(lines, now, watched), ...session };
  }
  const bones: BuddyBones = glance.kind === 'stored' ? glance.buddy.bones : glance.bones;
  const { name } = likenessOf(bones, glance.kind === 'stored' ? glance.buddy : undefined);

  watched.s = observe(statusFile(env, key));
  const previous = readStatusState(env, key);
  const status = previous ?? EMPTY_STATUS;
  if (!previous) {
    removeStaleSessions(env, now);
    removeStaleFrames(env, now);
  }

  // Every host session's line shows what the buddy just said to an agent CLI. The line without a host
  // session (the tmux line) keeps that state as its own, so it has nothing to take in.
  let agent: ShownReaction | undefined;
  if (key !== AGENT_SESSION_KEY) {
    watched.a = observe(statusFile(env, AGENT_SESSION_KEY));
    agent = agentReaction(env);
  }

  let signals: Signal[] = [];
  let size = status.transcriptSize;
  let changed = false;
  if (payload.transcriptPath) watched.t = observe(payload.transcriptPath);
  const tail = payload.transcriptPath ? readTranscriptTail(payload.transcriptPath, status.transcriptSize) : undefined;
  let records: unknown[] = [];
  let turn: TurnWatch = { ended: false, working: status.turnWorking === true };
  if (tail) {
    changed = tail.size !== status.transcriptSize;
    size = tail.size;
    records = parseJsonLines(tail.text);
    // The first look at a session only takes its measure: old history is not news.
    if (previous) {
      signals = signalsIn(records);
      turn = turnEndsIn(records, turn.working);
    }
  }
  const muted = config.settings.muted;
  const decision = decideReaction(status, signals, changed, now, muted, turn.ended);
  // The person's own day: the count of "the 3rd red run today" starts again at their midnight.
  const day = localDay(now, -new Date(now).getTimezoneOffset());
  const tally = tallied(status.remarkTally, kindsHappened(signals, turn.ended, decision.event), day);
  const sprite = spriteFor(bones.species);
  const layout = request.layout ?? config.settings.statuslineLayout;
  let own = status.reaction;
  // What the model is asked to rewrite, once the offline remark is stored (watch on, a key, budget left).
  let forModel: { readonly facts: RemarkFacts; readonly context: readonly string[] } | undefined;
  if (decision.event) {
    // Watch off: the species' own line, and nothing read from the transcript for a remark.
    const mode = remarkMode(config.settings, env, now);
    // Written for the room this line has for it, in the pose it is shown in: a grounded remark is shown whole.
    const room = remarkRoom(sayingRoom({ bones, sprite, name, pose: EVENT_POSE[decision.event], layout, format: request.format, width: request.width, now }));
    const facts = mode === 'generic' ? undefined : factsFor(records, decision.event, { since: status.transcriptChangedAt, tally, day, now });
    own = { event: decision.event, text: remarkFor(bones, decision.event, facts, now, room), at: now };
    if (mode === 'model' && facts && (grounded(facts) || facts.kind === 'turnEnd')) forModel = { facts, context: contextIn(records, facts.kind) };
  }
  // The first Node refresh of a local day, with nothing else to say, greets (once across every process).
  const daily = !decision.event && glance.kind === 'stored' ? greetToday(env, glance.buddy, config.settings, now) : undefined;
  if (daily) own = { event: 'greeting', text: daily.text, at: now };
  const next: StatusState = {
    ...rememberReactions(status, decision, own, agent, now, muted),
    transcriptSize: size,
    hostSeen: status.hostSeen || hostWrote(records, payload.sessionId),
    remarkTally: tally,
    turnWorking: turn.working,
  };
  // Where it stands as `buddy status` will show it once this refresh is folded: the session's own latest
  // reaction counts as witnessed when a real host session recorded it (recordWitnessed); an agent's was not
  // seen, and is no event of its growth.
  const witnessed = next.hostSeen && next.reaction?.from !== 'agent' ? next.reaction : undefined;
  const growth = glance.kind === 'stored' ? statusGrowth(glance.buddy, config.settings.care, now, witnessed) : undefined;
  // The agent's reactions are journaled where they were given (the MCP server), not again by each session.
  if (decision.event && next.reaction) journal({ at: now, source: 'reaction', event: next.reaction.event, text: next.reaction.text, session: key, name, mood: growth?.at(now).mood }, env);
  // With the model, the job journals the line finally said; else the offline greeting is journaled here.
  const dailyByModel = daily !== undefined && remarkMode(config.settings, env, now) === 'model';
  const journalDaily = (): void => {
    if (daily) journal({ at: now, source: 'daily', text: daily.text, session: key, name, mood: growth?.at(now).mood }, env);
  };
  if (!dailyByModel) journalDaily();
  // Most refreshes change nothing: write only when something did.
  if (!previous || changed || decision.event || daily || !sameMemory(next, status)) {
    writeStatusState(env, key, next);
    watched.s = observe(statusFile(env, key), true);
  }
  // Only once the offline remark is stored: the job rewrites the reaction of this moment, if it is still shown.
  if (forModel && next.reaction?.at === now && next.reaction.from === undefined) startModelRemark(env, key, forModel.facts, forModel.context, now);
  if (daily && dailyByModel && !startDailyRemark(env, key, daily.fact, daily.text, now)) journalDaily();
  // Appended to the event log, which no frame watches: it changes the line only once a full command folds
  // it into the config, and the config is watched.
  if (glance.kind === 'stored') recordWitnessed(env, key, status, next, signals, now);

  watched.h = observe(hookFile(env, key));
  const hook = readHookState(env, key);
  const saying = whatToSay(next, hook, now, muted);
  const view: StatusView = {
    bones,
    name,
    sprite,
    hats: hatTable(),
    now,
    pose: saying.pose,
    text: saying.text,
    thinking: saying.thinking,
    layout,
    format: request.format,
    width: request.width,
    ascii: request.ascii,
    growth: growth?.at(now),
  };
  const sayingUntil = sayingChangesAt(next, hook, now, agent);
  return {
    lines: renderStatusline(view),
    scene: {
      at: now,
      // Only the full layout shows growth: its frames end when the level, stage or mood would show otherwise.
      until: growth && view.layout === 'full' ? growth.changesAt(now, sayingUntil) : sayingUntil,
      periodSeconds: framePeriodSeconds(sprite.idle.length),
      draw: (moment) => renderStatusline({ ...view, now: moment, growth: growth?.at(moment) }),
      watched,
    },
    ...session,
  };
}

export function buildStatusline(request: StatuslineRequest): string[] {
  return drawStatusline(request).lines;
}
