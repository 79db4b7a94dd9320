// What each MCP tool does, loaded on the first call (never at startup): one handler per row of the tool
// table (tools.ts). Every call goes the same way: its arguments are checked against the row's input
// schema before anything is done, the buddy is read fresh (or hatched) as the row says, and every
// failure becomes a tool error of one line.
// Text reaches the host sanitised; the host's own text reaches the Messages API only through `buddy_talk`,
// and only when it calls the buddy by name (the same rule and the same path as `buddy say`). A snack and
// a petting go through the same care path as `buddy feed` and `buddy pet`.
import { giveCare } from '../buddy/care.js';
import { sayToBuddy } from '../buddy/say.js';
import { hatchSoul } from '../buddy/hatch.js';
import { loadSession, type Session } from '../buddy/session.js';
import { buddyBonesToJson } from '../engine/bones.js';
import { levelLine, needsLine } from '../game/view.js';
import type { AgentEvent } from '../statusline/agent-event-names.js';
import { recordAgentReaction, type AgentDetail, type AgentReaction } from '../statusline/agent-event.js';
import { journal } from '../journal/append.js';
import { moodNow } from '../buddy/feeling.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { StoredBuddy } from '../store/schema.js';
import { HatchGate } from './hatch-gate.js';
import { checkArguments, InvalidArguments, type ArgumentsOf } from './arguments.js';
import { TOOLS, type BuddyNeed, type FEED_OUTCOMES, type Tool, type ToolName } from './tools.js';

/** The card's lines for a buddy, plain (the cli's card renderer, handed in: mcp does not import cli). */
export type CardRenderer = (session: Session) => Promise<readonly string[]>;

export interface ToolContext {
  readonly env: NodeJS.ProcessEnv;
  readonly renderCard: CardRenderer;
  readonly now: () => Date;
}

/** What the server calls once the first request needs the buddy. */
export interface McpToolSet {
  callTool(name: string, input: unknown): Promise<ToolResult>;
  /** The text of the buddy://card resource. */
  cardText(): Promise<string>;
}

/** What every call has: the context, and the server's one gate to the buddy (see hatch-gate.ts). */
interface Calls extends ToolContext {
  readonly buddy: HatchGate<Session>;
}

export function makeToolSet(context: ToolContext): McpToolSet {
  const { env } = context;
  const buddy = new HatchGate<Session>({ read: () => loadSession(env, undefined, { warning: false }), hatch: (session) => hatchSoul(session.bones, env) });
  const calls: Calls = { ...context, buddy };
  return {
    callTool: (name, input) => callTool(name, input, calls),
    cardText: async () => cardText(await calls.buddy.session(), calls),
  };
}

export interface ToolResult {
  readonly content: { readonly type: 'text'; readonly text: string }[];
  readonly structuredContent?: Record<string, unknown>;
  readonly isError?: boolean;
  readonly [key: string]: unknown;
}

const MAX_SAID = 1_000;

/** This run of the server, as the journal's session: what one agent CLI heard from the buddy. */
const MCP_SESSION = `mcp-${process.pid}`;

/** A row of the table, by its name. */
type RowOf<Name extends ToolName> = Extract<Tool, { readonly name: Name }>;
/** The buddy as a tool that needs it hatched gets it. */
type HatchedSession = Session & { readonly stored: StoredBuddy };
type SessionFor<Need extends BuddyNeed> = Need extends 'hatched' ? HatchedSession : Session;
type Handler<Name extends ToolName> = (args: ArgumentsOf<RowOf<Name>['inputSchema']>, session: SessionFor<RowOf<Name>['buddy']>, context: Calls) => Promise<ToolResult>;

const line = (text: string): string => sanitizeLine(text, MAX_SAID);

function said(text: string, structured: Record<string, unknown>): ToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

function rollOf(session: Session): Record<string, unknown> {
  const { inspirationSeed: _seed, ...roll } = JSON.parse(buddyBonesToJson(session.bones)) as Record<string, unknown>;
  return roll;
}

const card: Handler<'buddy_card'> = async (_args, session, context) => {
  const text = await cardText(session, context);
  const stored: StoredBuddy | undefined = session.stored;
  return said(text, {
    hatched: stored !== undefined,
    ...(stored ? { name: stored.name, personality: stored.personality } : {}),
    roll: rollOf(session),
  });
};

async function cardText(session: Session, context: Pick<ToolContext, 'renderCard'>): Promise<string> {
  const lines = (await context.renderCard(session)).map((text) => sanitizeLine(text, 400).trimEnd());
  const notes = [...(session.warning ? [session.warning] : []), ...(session.stored ? [] : ['Not hatched yet: talking to it hatches it.'])];
  return [...lines, ...notes.map(line)].join('\n');
}

/** Hatched by the call (in step with every other call), rather than inside sayToBuddy. */
const talkTo: Handler<'buddy_talk'> = async ({ message }, session, context) => {
  const { buddy, turn } = await sayToBuddy(session, message, context.env, { journalSession: MCP_SESSION, now: context.now });
  const hint = turn.addressed ? '' : `\n(${buddy.name} answers when called by name)`;
  return said(`${buddy.name}: ${line(turn.text)}${hint}`, { name: buddy.name, text: line(turn.text), addressed: turn.addressed, source: turn.source });
};

/**
 * The buddy's reaction to what the agent reported (or to a petting), recorded for the statusline and the
 * pet, and kept in the journal: the host shows it to the person even when the statusline does not.
 */
function reactTo(session: Session, event: AgentEvent | 'petted', context: ToolContext, detail: AgentDetail = {}): AgentReaction {
  const now = context.now();
  const reaction = recordAgentReaction(context.env, session.bones, event, session.settings.muted, now.getTime(), detail);
  // A petting of a hatched buddy is care, and care journals its own line: one line per petting.
  if (event === 'petted' && session.stored) return reaction;
  // The mood `buddy status` shows at this moment (none before it hatches: it has no growth yet).
  const mood = session.stored ? moodNow(session.stored, session.settings.care, now.getTime()) : undefined;
  journal({ at: now.getTime(), source: 'reaction', event: reaction.reaction, text: reaction.text, session: MCP_SESSION, name: session.stored?.name, mood }, context.env);
  return reaction;
}

/**
 * Care calls run one at a time: each one's fold must see the care before it, or a snack folded by another
 * call's fold would lose its verdict (eaten, or turned down by a full buddy) and be reported as eaten.
 */
let careInProgress: Promise<unknown> = Promise.resolve();
function oneCareAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = careInProgress.then(work, work);
  careInProgress = next.catch(() => undefined);
  return next;
}

/** The buddy's name, or its species before it has one. */
const nameOf = (session: Session): string => session.stored?.name ?? session.bones.species;

/**
 * A petting: the reaction the statusline and the pet show, and, once hatched, care through the same path
 * as `buddy pet` (it counts towards the streak and the care caps, and may bring a level or an achievement).
 */
const pet: Handler<'buddy_pet'> = async (_args, session, context) => {
  const reaction = reactTo(session, 'petted', context);
  const stored = session.stored;
  if (!stored) {
    const name = nameOf(session);
    return said(`♥ ${name}: ${line(reaction.text)}`, { name, text: line(reaction.text) });
  }
  const care = await oneCareAtATime(() => giveCare(context.env, stored, 'pet', { now: context.now().getTime(), careOn: session.settings.care, journalSession: MCP_SESSION, shownText: reaction.text }));
  const name = care.buddy.name;
  const { view } = care;
  const announcements = care.announcements.map(line);
  const text = [`♥ ${name}: ${line(reaction.text)}`, levelLine(view), ...(care.capped ? [care.capped] : []), ...announcements.map((earned) => `★ ${earned}`)].join('\n');
  return said(text, { name, text: line(reaction.text), mood: view.mood, level: view.level, stage: view.stage, announcements });
};

const react: Handler<'buddy_react'> = async ({ event, test, file, detail }, session, context) => {
  const reaction = reactTo(session, event, context, { test, file, detail });
  const name = nameOf(session);
  return said(`${name}: ${line(reaction.text)}`, { name, text: line(reaction.text), event, shownInStatusline: reaction.shown });
};

/** The buddy's snack, recorded and folded as `buddy feed` does, and told as it prints it (without colour). */
const feed: Handler<'buddy_feed'> = async (_args, session, context) => {
  const stored = session.stored;
  const now = context.now().getTime();
  const care = await oneCareAtATime(() => giveCare(context.env, stored, 'feed', { now, careOn: session.settings.care, journalSession: MCP_SESSION }));
  const name = care.buddy.name;
  const outcome: (typeof FEED_OUTCOMES)[number] = !care.careOn ? 'care_off' : care.turnedDown ? 'already_full' : 'fed';
  const { view } = care;
  const needs = needsLine(view);
  const announcements = care.announcements.map(line);
  const text = [`${name} ${line(care.said)}`, levelLine(view), ...(needs ? [needs] : []), ...(care.capped ? [care.capped] : []), ...announcements.map((earned) => `★ ${earned}`)].join('\n');
  return said(text, {
    name,
    text: line(care.said),
    outcome,
    ...(view.needs ? { fullness: view.needs.fullness } : {}),
    mood: view.mood,
    level: view.level,
    stage: view.stage,
    announcements,
  });
};

function toolError(message: string): ToolResult {
  return { content: [{ type: 'text', text: `buddy: ${sanitizeLine(message.split('\n')[0] ?? '', 300)}` }], isError: true };
}

/** One handler per row of the table: the compiler refuses a row without one, or one without a row. */
const HANDLERS: { readonly [Name in ToolName]: Handler<Name> } = {
  buddy_card: card,
  buddy_talk: talkTo,
  buddy_pet: pet,
  buddy_feed: feed,
  buddy_react: react,
};

const ROWS: ReadonlyMap<string, Tool> = new Map(TOOLS.map((tool) => [tool.name, tool]));
/** The tool whose call hatches the buddy, as a tool that needs it hatched says. */
const HATCHING_TOOL: ToolName = 'buddy_talk';

/**
 * The buddy as the row says the call meets it. Asked of the gate at once, with no wait before it, so
 * calls meet the buddy in the order they came (hatch-gate.ts).
 */
async function meet(tool: Tool, context: Calls): Promise<Session> {
  if (tool.buddy === 'hatches') return context.buddy.hatched();
  const session = await context.buddy.session();
  // As `buddy feed`: there is no one to feed before the hatch.
  if (tool.buddy === 'hatched' && !session.stored) throw new Error(`${tool.name}: the buddy has not hatched yet; talking to it (${HATCHING_TOOL}) hatches it`);
  return session;
}

async function callTool(name: string, input: unknown, context: Calls): Promise<ToolResult> {
  // The server answers a name it does not list before this is loaded; this is the same answer.
  const tool = ROWS.get(name);
  if (!tool) return toolError('there is no tool by that name');
  try {
    const args = checkArguments(tool.inputSchema, input);
    const session = await meet(tool, context);
    // Each handler takes its own row's arguments and buddy: checkArguments and meet have made sure of both.
    const handler = HANDLERS[tool.name] as (args: unknown, session: Session, context: Calls) => Promise<ToolResult>;
    return await handler(args, session, context);
  } catch (error) {
    if (error instanceof InvalidArguments) return toolError(`${tool.name}: ${error.message}`);
    return toolError(error instanceof Error ? error.message : 'something went wrong');
  }
}
