// The MCP server's tools, one row each: the one place a tool is declared. Its name, what the host model
// reads (title, description, input and output JSON Schemas, annotations), the phrase the server's
// instructions give it, and how it meets the buddy. The server lists these rows as they are, checks a
// call's arguments against the same input schema (arguments.ts), and runs the row's handler (handlers.ts,
// which the compiler holds to one handler per row); `buddy mcp --help`, the installers, `buddy doctor`
// and the tests' checks of the docs read their names from here. Data only, so the server lists the
// tools without loading anything of the buddy itself. The descriptions say plainly that the buddy is a
// character of its own, whose words reach the person as they are.
//
// The table is built in one pure call: a bundle that imports this file for a name alone (the
// statusline's, through the commands' help) leaves every row out.
import { CLASSIC_SPECIES, CLASSIC_VERSION, HASH_FNS } from '../engine/classic-constants.js';
import { ALL_SPECIES, EYES, HATS, RARITIES, ROLL_VERSION, STATS } from '../engine/constants.js';
import { AGENT_EVENTS } from '../statusline/agent-event-names.js';
import type { InputSchema } from './arguments.js';

export const MAX_TALK_MESSAGE = 500;
/** The longest test name, file or detail buddy_react takes (a remark names at most its first 80 characters). */
export const MAX_REACT_DETAIL = 500;
/** How a snack went: eaten, turned down by a full buddy (not eaten, nothing earned), or eaten with care off (no needs). */
export const FEED_OUTCOMES = ['fed', 'already_full', 'care_off'] as const;

type JsonSchema = { readonly type: 'object'; readonly [key: string]: unknown };

/**
 * How a call meets the buddy (through the server's one gate, hatch-gate.ts): `as-is`, hatched or not;
 * `hatched`, refused with a tool error before the hatch; `hatches`, hatched first when it has not been.
 */
export type BuddyNeed = 'as-is' | 'hatched' | 'hatches';

/** What tools/list says of a tool, and nothing more. */
export interface ToolDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: InputSchema;
  readonly outputSchema: JsonSchema;
  readonly annotations: { readonly readOnlyHint: boolean; readonly openWorldHint: boolean };
}

export interface ToolRow extends ToolDefinition {
  readonly name: `buddy_${string}`;
  /** What the server's instructions say it is for, after its name: `buddy_card` *to show it*. */
  readonly use: string;
  readonly buddy: BuddyNeed;
}

/** Keeps each row's literal types (names, enums, required keys), from which the handlers' arguments are typed. */
function table<const Rows extends readonly ToolRow[]>(rows: Rows): Rows {
  return rows;
}

function defineTools() {
  const WHO = "The buddy is the user's own small terminal companion: a separate character with its own name and voice, not you and not an assistant.";
  const AS_IT_IS = 'Show its words to the user exactly as returned: do not rephrase them, add to them or answer in its place.';

  const NO_INPUT = { type: 'object', properties: {}, additionalProperties: false } as const;

  /** What both rolls draw, with the values each bone can take. */
  const BONES = {
    idHash: { type: 'string' },
    salt: { type: 'string' },
    rarity: { type: 'string', enum: [...RARITIES] },
    shiny: { type: 'boolean' },
    peak: { type: 'string', enum: [...STATS] },
    dump: { type: 'string', enum: [...STATS] },
    stats: { type: 'object', properties: Object.fromEntries(STATS.map((stat) => [stat, { type: 'integer' }])), required: [...STATS] },
    eye: { type: 'string', enum: [...EYES] },
    hat: { type: 'string', enum: [...HATS] },
  };
  const BONE_NAMES = ['version', 'idHash', 'salt', 'rarity', 'species', 'shiny', 'peak', 'dump', 'stats', 'eye', 'hat'];

  /**
   * Either roll a buddy can have: roll v1 (`version` 1) or the classic roll of Claude Code's companion that
   * `buddy rescue` brings back (`version` "classic", with its seed function). `version` tells them apart.
   */
  const ROLL_SCHEMA = {
    oneOf: [
      {
        type: 'object',
        description: "Roll v1, Buddy's own.",
        properties: { version: { type: 'integer', enum: [ROLL_VERSION] }, ...BONES, species: { type: 'string', enum: [...ALL_SPECIES] } },
        required: BONE_NAMES,
      },
      {
        type: 'object',
        description: "The classic roll (Claude Code's companion), brought back with buddy rescue.",
        properties: { version: { type: 'string', enum: [CLASSIC_VERSION] }, hashFn: { type: 'string', enum: [...HASH_FNS] }, ...BONES, species: { type: 'string', enum: [...CLASSIC_SPECIES] } },
        required: [...BONE_NAMES, 'hashFn'],
      },
    ],
  };

  const SAID_SCHEMA = (extra: Record<string, unknown>, required: readonly string[]): JsonSchema => ({
    type: 'object',
    properties: { name: { type: 'string' }, text: { type: 'string' }, ...extra },
    required: ['name', 'text', ...required],
  });

  return table([
    {
      name: 'buddy_card',
      title: "The buddy's card",
      description: `${WHO} Returns its card as text (art, name, species, rarity, stats and personality) and its roll as structured data. Show the card to the user as it is, in a monospace block.`,
      use: 'to show it',
      buddy: 'as-is',
      inputSchema: NO_INPUT,
      outputSchema: {
        type: 'object',
        properties: { hatched: { type: 'boolean' }, name: { type: 'string' }, personality: { type: 'string' }, roll: ROLL_SCHEMA },
        required: ['hatched', 'roll'],
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'buddy_talk',
      title: 'Talk to the buddy',
      description: `${WHO} Passes the user's message to the buddy. It answers in character only when the message calls it by its name; otherwise it just emotes, and the message goes nowhere else. Pass the user's own words when they want to talk to their buddy, never your own work or files. ${AS_IT_IS}`,
      use: 'to pass on what the user says to it',
      buddy: 'hatches',
      inputSchema: {
        type: 'object',
        properties: {
          message: {
            type: 'string',
            minLength: 1,
            maxLength: MAX_TALK_MESSAGE,
            pattern: '\\S',
            description: "The user's message to the buddy, calling it by name for an answer.",
          },
        },
        required: ['message'],
        additionalProperties: false,
      },
      outputSchema: SAID_SCHEMA(
        { addressed: { type: 'boolean' }, source: { type: 'string', enum: ['model', 'offline', 'emote', 'fallback'] } },
        ['addressed', 'source'],
      ),
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    {
      name: 'buddy_pet',
      title: 'Pet the buddy',
      description: `${WHO} Pets it, exactly as the user's \`buddy pet\` does: it counts as care. Call it only when the user asks to pet their buddy. Returns its one-line reaction, its level, and any level-up or achievement it earned (level, mood and stage are absent before it has hatched). ${AS_IT_IS}`,
      use: 'to pet it',
      buddy: 'as-is',
      inputSchema: NO_INPUT,
      outputSchema: SAID_SCHEMA(
        { mood: { type: 'string' }, level: { type: 'integer', minimum: 1 }, stage: { type: 'string' }, announcements: { type: 'array', items: { type: 'string' } } },
        [],
      ),
      annotations: { readOnlyHint: false, openWorldHint: false },
    },
    {
      name: 'buddy_feed',
      title: 'Feed the buddy a snack',
      description: `${WHO} Gives it a snack, exactly as the user's \`buddy feed\` does: it counts as care and fills its belly by half, up to full. Call it only when the user asks to feed their buddy. Returns its line, its level and needs, and any level-up or achievement it earned; outcome says whether it was fed, was already full and turned the snack down (nothing earned), or has no needs because the user turned care off. ${AS_IT_IS}`,
      use: 'to give it a snack when the user asks',
      buddy: 'hatched',
      inputSchema: NO_INPUT,
      outputSchema: SAID_SCHEMA(
        {
          outcome: { type: 'string', enum: [...FEED_OUTCOMES] },
          fullness: { type: 'integer', minimum: 0, maximum: 100, description: 'Percent, after the snack; absent with care off.' },
          mood: { type: 'string' },
          level: { type: 'integer', minimum: 1 },
          stage: { type: 'string' },
          announcements: { type: 'array', items: { type: 'string' } },
        },
        ['outcome', 'mood', 'level', 'stage', 'announcements'],
      ),
      annotations: { readOnlyHint: false, openWorldHint: false },
    },
    {
      name: 'buddy_react',
      title: 'Tell the buddy what happened',
      description: `${WHO} Tells it what just happened in this session, so it reacts like a pet watching the work: tests_failed, tests_passed, error, big_diff (a large edit) or done (the task is finished), optionally naming the test, the file or the error, which its reaction may then mention. Returns its one-line reaction, which also appears in Buddy's status line and pet screen. Call it once per such event, only for these events. ${AS_IT_IS}`,
      use: 'to tell it when tests fail or pass, an error happens, a large edit lands or the task is done',
      buddy: 'as-is',
      inputSchema: {
        type: 'object',
        properties: {
          event: { type: 'string', enum: AGENT_EVENTS, description: 'What happened.' },
          test: { type: 'string', maxLength: MAX_REACT_DETAIL, description: 'Optional: the failing (or fixed) test, by name.' },
          file: { type: 'string', maxLength: MAX_REACT_DETAIL, description: 'Optional: the file it is about.' },
          detail: { type: 'string', maxLength: MAX_REACT_DETAIL, description: "Optional, for tests_failed and error: the error's first words. No secrets." },
        },
        required: ['event'],
        additionalProperties: false,
      },
      outputSchema: SAID_SCHEMA(
        { event: { type: 'string', enum: [...AGENT_EVENTS] }, shownInStatusline: { type: 'boolean' } },
        ['event', 'shownInStatusline'],
      ),
      annotations: { readOnlyHint: false, openWorldHint: false },
    },
  ]);
}

/** Every tool, in the order tools/list gives them. */
export const TOOLS = /* @__PURE__ */ defineTools();

export type Tool = (typeof TOOLS)[number];
export type ToolName = Tool['name'];

export const TOOL_NAMES: readonly ToolName[] = /* @__PURE__ */ TOOLS.map((tool) => tool.name);

export const isToolName = (name: string): name is ToolName => (TOOL_NAMES as readonly string[]).includes(name);

/** The tools, as the help and the installers print them: `buddy_card, buddy_talk, …`. */
export const TOOL_LIST = /* @__PURE__ */ TOOL_NAMES.join(', ');

/** A tool as tools/list gives it: the row without what only Buddy reads (`use`, `buddy`). */
export function listed(tool: ToolRow): ToolDefinition {
  const { name, title, description, inputSchema, outputSchema, annotations } = tool;
  return { name, title, description, inputSchema, outputSchema, annotations };
}

export const CARD_RESOURCE = {
  uri: 'buddy://card',
  name: 'card',
  title: "The buddy's card",
  description: "The user's buddy, a separate character: its card as plain text.",
  mimeType: 'text/plain',
} as const;
