// `buddy mcp` for every kind of buddy: roll v1 (shiny or not), the classic roll of either seed function
// brought back with `buddy rescue`, care off, muted, and not hatched yet. Every tool of the table is
// called, with arguments made from its input schema, and each answer's structured content is checked
// against the output schema tools/list gave for it: by the official SDK client (as hosts check it) and by
// a JSON Schema validator here, so a tool added to the table is covered without a line here. Then a burst
// of calls on a fresh home, written in one go as a host might, which must agree on whether the buddy hatched.
// The server and the commands that set each home up run in process, through the dispatcher the built bin
// hands them to (tests/helpers/mcp-in-process.ts); tests/e2e/mcp-cli.test.ts runs the built server.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputSchema } from '../../src/mcp/arguments.js';
import { TOOLS, type Tool } from '../../src/mcp/tools.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { InProcessMcp } from '../helpers/mcp-in-process.js';

let sandbox: ReturnType<typeof makeSandbox>;
const opened: InProcessMcp[] = [];

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;

type ToolCall = Awaited<ReturnType<Client['callTool']>>;
const structured = (result: ToolCall): Record<string, unknown> => result.structuredContent as Record<string, unknown>;
const textOf = (result: ToolCall): string => (result.content as { text: string }[]).map((part) => part.text).join('\n');

async function buddy(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  const run = await runInProcess(args, { env });
  expect(run.code, `buddy ${args.join(' ')}: ${run.stderr}`).toBe(0);
}

/** A home whose identity is Claude Code's account, with its companion brought back by `buddy rescue`. */
async function rescued(env: NodeJS.ProcessEnv, fixture: string, hashFn: string): Promise<void> {
  const claude = path.join(env.CLAUDE_CONFIG_DIR as string, '.claude.json');
  fs.mkdirSync(path.dirname(claude), { recursive: true });
  fs.copyFileSync(new URL(`../fixtures/claude-code/rescue/${fixture}`, import.meta.url), claude);
  await buddy(env, 'rescue', '--hash-fn', hashFn);
}

interface Kind {
  readonly name: string;
  /** Sets the home up; returns the environment the server runs in. */
  readonly setUp: (env: NodeJS.ProcessEnv) => Promise<NodeJS.ProcessEnv>;
  /** What buddy_card's structured content says of the roll. */
  readonly roll: Record<string, unknown>;
  readonly hatched: boolean;
}

const KINDS: readonly Kind[] = [
  {
    name: 'roll v1',
    setUp: async (env) => {
      const own = { ...env, BUDDY_USER_ID: 'buddy-93' };
      await buddy(own, 'hatch');
      return own;
    },
    roll: { version: 1, shiny: false },
    hatched: true,
  },
  {
    // buddy-12 with the default salt is a shiny common Pebblecrab (tests/engine/hunt.test.ts).
    name: 'roll v1, shiny',
    setUp: async (env) => {
      const own = { ...env, BUDDY_USER_ID: 'buddy-12' };
      await buddy(own, 'hatch');
      return own;
    },
    roll: { version: 1, shiny: true, species: 'Pebblecrab' },
    hatched: true,
  },
  {
    name: 'classic, fnv1a (shiny)',
    setUp: async (env) => {
      await rescued(env, 'companion.json', 'fnv1a');
      return env;
    },
    roll: { version: 'classic', hashFn: 'fnv1a', species: 'dragon', rarity: 'legendary', shiny: true },
    hatched: true,
  },
  {
    name: 'classic, wyhash',
    setUp: async (env) => {
      await rescued(env, 'companion.json', 'wyhash');
      return env;
    },
    roll: { version: 'classic', hashFn: 'wyhash', species: 'penguin', shiny: false },
    hatched: true,
  },
  {
    name: 'care off',
    setUp: async (env) => {
      const own = { ...env, BUDDY_USER_ID: 'buddy-93' };
      await buddy(own, 'hatch');
      await buddy(own, 'config', 'care', 'off');
      return own;
    },
    roll: { version: 1 },
    hatched: true,
  },
  {
    name: 'muted (a classic companion muted in Claude Code)',
    setUp: async (env) => {
      await rescued(env, 'companion-muted.json', 'wyhash');
      return env;
    },
    roll: { version: 'classic', hashFn: 'wyhash' },
    hatched: true,
  },
  {
    name: 'not hatched yet',
    setUp: (env) => Promise.resolve({ ...env, BUDDY_USER_ID: 'buddy-93' }),
    roll: { version: 1 },
    hatched: false,
  },
];

const ajv = new AjvJsonSchemaValidator();

/** Output schemas as the server listed them, by tool name. */
type Listed = ReadonlyMap<string, Record<string, unknown>>;

async function connect(env: NodeJS.ProcessEnv): Promise<{ mcp: Client; outputSchemas: Listed }> {
  const server = new InProcessMcp(env);
  opened.push(server);
  const client = await server.connect('buddy-kinds');
  // Listing the tools is what makes the client check every answer against its tool's output schema.
  const { tools } = await client.listTools();
  for (const tool of tools) expect(tool.outputSchema, tool.name).toBeDefined();
  expect(tools.map((tool) => tool.name)).toEqual(TOOLS.map((tool) => tool.name));
  return { mcp: client, outputSchemas: new Map(tools.map((tool) => [tool.name, tool.outputSchema as Record<string, unknown>])) };
}

/**
 * The arguments each tool is called with, made from its input schema: every value of a list, and for
 * free text both a message that calls the buddy by its name (when it has one) and one that does not.
 */
function argumentsFor(tool: Tool, name: string | undefined): Record<string, unknown>[] {
  const schema: InputSchema = tool.inputSchema;
  const valuesOf = (key: string): readonly string[] => schema.properties[key]!.enum ?? ['hello there', `hello ${name ?? 'there'}, how are you?`];
  const required = schema.required ?? [];
  const filled = Object.fromEntries(required.map((key) => [key, valuesOf(key)[0]]));
  const calls = Object.keys(schema.properties).flatMap((key) => valuesOf(key).map((value) => ({ ...filled, [key]: value })));
  return calls.length > 0 ? calls : [{}];
}

/** The tools in the order a round calls them: those that hatch the buddy last, so the others meet it as it was. */
const ROUND = [...TOOLS.filter((tool) => tool.buddy !== 'hatches'), ...TOOLS.filter((tool) => tool.buddy === 'hatches')];

beforeEach(() => {
  sandbox = makeSandbox();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((server) => server.close()));
  sandbox.cleanup();
});

describe('buddy mcp: every tool of the table, for every kind of buddy, fits its output schema', () => {
  it.each(KINDS)('$name', async (kind) => {
    const env = await kind.setUp(sandbox.env);
    const { mcp, outputSchemas } = await connect(env);
    let hatched = kind.hatched;
    const answered = new Set<string>();

    /** Calls each tool of the round with each of its arguments, and checks every answer. */
    async function round(tools: readonly Tool[]): Promise<void> {
      for (const tool of tools) {
        const name = hatched ? readConfig().buddy!.name : undefined;
        for (const args of argumentsFor(tool, name)) {
          const result = await mcp.callTool({ name: tool.name, arguments: args });
          const what = `${tool.name} ${JSON.stringify(args)}: ${textOf(result)}`;
          if (tool.buddy === 'hatched' && !hatched) {
            // Refused before the hatch: a tool error, which carries no structured content to check.
            expect(result.isError, what).toBe(true);
            expect(textOf(result)).toBe(`buddy: ${tool.name}: the buddy has not hatched yet; talking to it (buddy_talk) hatches it`);
            expect(result.structuredContent).toBeUndefined();
            continue;
          }
          expect(result.isError, what).toBeFalsy();
          const checked = ajv.getValidator(outputSchemas.get(tool.name) as never)(result.structuredContent);
          expect(checked.valid, `${what}\n${checked.valid ? '' : checked.errorMessage}`).toBe(true);
          answered.add(tool.name);
        }
        if (tool.buddy === 'hatches') hatched = true;
      }
    }

    await round(ROUND);
    // A buddy that hatched in the round meets the rest once more, hatched now.
    if (!kind.hatched) await round(ROUND.filter((tool) => tool.buddy !== 'hatches'));
    expect([...answered].sort()).toEqual(TOOLS.map((tool) => tool.name).sort());

    // And what it says of this kind of buddy.
    const card = await mcp.callTool({ name: 'buddy_card', arguments: {} });
    const stored = readConfig().buddy!;
    expect(structured(card)).toMatchObject({ hatched: true, name: stored.name, roll: kind.roll });
    const fed = await mcp.callTool({ name: 'buddy_feed', arguments: {} });
    expect(structured(fed)).toMatchObject({ name: stored.name, outcome: kind.name === 'care off' ? 'care_off' : expect.stringMatching(/^(fed|already_full)$/) });
    const read = await mcp.readResource({ uri: 'buddy://card' });
    expect(read.contents[0]).toMatchObject({ uri: 'buddy://card', mimeType: 'text/plain' });
  });

  it('sees a buddy that has not hatched as it is: the card says so, and a snack is refused', async () => {
    const { mcp } = await connect({ ...sandbox.env, BUDDY_USER_ID: 'buddy-93' });
    const card = await mcp.callTool({ name: 'buddy_card', arguments: {} });
    expect(structured(card)).toMatchObject({ hatched: false, roll: { version: 1 } });
    expect(structured(card).name).toBeUndefined();
    const petted = await mcp.callTool({ name: 'buddy_pet', arguments: {} });
    expect(Object.keys(structured(petted)).sort()).toEqual(['name', 'text']);
    expect((await mcp.callTool({ name: 'buddy_feed', arguments: {} })).isError).toBe(true);
  });
});

describe('buddy mcp: a burst of calls on a fresh home', () => {
  interface Answer {
    readonly content: { text: string }[];
    readonly structuredContent?: Record<string, unknown>;
    readonly isError?: boolean;
  }

  /** The calls written to the server in one write, as a host bursting them; their answers, in the same order. */
  async function burst(calls: readonly (readonly [string, Record<string, unknown>])[]): Promise<Answer[]> {
    const raw = new InProcessMcp({ ...sandbox.env, BUDDY_USER_ID: 'buddy-93' });
    opened.push(raw);
    const protocolVersion = '2025-06-18';
    raw.write(`${JSON.stringify({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
    expect(await raw.lines(1)).toMatchObject([{ id: 'init', result: { protocolVersion } }]);
    raw.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    raw.write(calls.map(([name, args], id) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } })}\n`).join(''));
    const answers = new Map<number, Answer>();
    for (const reply of (await raw.lines(calls.length)) as { id: number; result: Answer }[]) answers.set(reply.id, reply.result);
    expect(answers.size).toBe(calls.length);
    return calls.map((_, id) => answers.get(id)!);
  }
  const said = (answer: Answer): string => answer.content.map((part) => part.text).join('\n');

  it('hatches once, and every call behind the talk that hatches sees the buddy it hatched', async () => {
    const answers = await burst([
      ['buddy_talk', { message: 'hello there' }],
      ['buddy_feed', {}],
      ['buddy_card', {}],
      ['buddy_pet', {}],
      ['buddy_react', { event: 'done' }],
      ['buddy_talk', { message: 'and hello again' }],
      ['buddy_feed', {}],
    ]);
    const stored = readConfig().buddy!;
    for (const answer of answers) expect(answer.isError, said(answer)).toBeFalsy();
    const [talked, fed, card, petted, reacted, talkedAgain, fedAgain] = answers.map((answer) => answer.structuredContent!);
    for (const answer of [talked, fed, petted, reacted, talkedAgain, fedAgain]) expect(answer!.name).toBe(stored.name);
    expect(card).toMatchObject({ hatched: true, name: stored.name, personality: stored.personality });
    expect(petted).toMatchObject({ level: expect.any(Number), stage: 'hatchling' });
    expect(fed).toMatchObject({ outcome: 'fed' });
    // The second snack meets the same buddy: eaten, or turned down once the first filled it (a full
    // buddy earns nothing); either way one soul, and the count holds exactly the snacks eaten.
    expect(['fed', 'already_full']).toContain(fedAgain!.outcome);
    expect(readConfig().buddy!.growth?.counts).toMatchObject({ feeds: fedAgain!.outcome === 'fed' ? 2 : 1 });
    expect(readConfig().archive ?? []).toEqual([]);
  });

  it('answers a call made before any talk as the buddy was then: not hatched', async () => {
    const [fed, talked, fedAfter] = await burst([
      ['buddy_feed', {}],
      ['buddy_talk', { message: 'hi' }],
      ['buddy_feed', {}],
    ]);
    expect(fed!.isError).toBe(true);
    expect(said(fed!)).toBe('buddy: buddy_feed: the buddy has not hatched yet; talking to it (buddy_talk) hatches it');
    expect(talked!.isError).toBeFalsy();
    expect(fedAfter!.structuredContent).toMatchObject({ name: readConfig().buddy!.name, outcome: 'fed' });
  });
});
