// Every place that names or describes the MCP server's tools agrees with the one tool table
// (src/mcp/tools.ts): what the built server sends for tools/list, its instructions to the host,
// `buddy mcp --help`, `buddy help mcp`, what the installers print, and the tool tables of the README and
// docs/mcp.md (with each tool's arguments and structured content in the docs). A tool added, renamed or
// dropped in the table and not elsewhere, or elsewhere and not in the table, fails here.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InputSchema } from '../../src/mcp/arguments.js';
import { listed, TOOL_NAMES, TOOLS } from '../../src/mcp/tools.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { RawMcp } from '../helpers/mcp-raw.js';

let sandbox: ReturnType<typeof makeSandbox>;

const toolsIn = (text: string): string[] => text.match(/\bbuddy_[a-z]+\b/g) ?? [];
const quoted = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
const names = [...TOOL_NAMES];

/** What the built server says, over the wire, before any test looks at it. */
let wire: { tools: unknown[]; instructions: string };
let server: RawMcp;
let serverHome: ReturnType<typeof makeSandbox>;

beforeAll(async () => {
  serverHome = makeSandbox();
  server = new RawMcp(serverHome.env);
  const init = (await server.request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lists', version: '1' } })) as {
    result: { instructions: string };
  };
  server.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  const list = (await server.request(2, 'tools/list')) as { result: { tools: unknown[] } };
  wire = { tools: list.result.tools, instructions: init.result.instructions };
});

afterAll(async () => {
  await server.close();
  serverHome.cleanup();
});

beforeEach(() => {
  sandbox = makeSandbox();
});

afterEach(() => sandbox.cleanup());

describe('the table itself', () => {
  it('has five tools today, each named once', () => {
    expect(names).toEqual(['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the built server', () => {
  it('lists every row of the table exactly, in order, and nothing Buddy keeps to itself', () => {
    expect(wire.tools).toEqual(TOOLS.map(listed));
    for (const tool of wire.tools) expect(Object.keys(tool as object).sort()).toEqual(['annotations', 'description', 'inputSchema', 'name', 'outputSchema', 'title']);
  });

  it("names each tool in its instructions, with what the table says it is for", () => {
    expect([...new Set(toolsIn(wire.instructions))].sort()).toEqual([...names].sort());
    for (const tool of TOOLS) expect(wire.instructions).toContain(`${tool.name} ${tool.use}`);
  });
});

describe('the lists of MCP tools', () => {
  it.each([[['mcp', '--help']], [['help', 'mcp']]])('buddy %j names them all, in order', async (args) => {
    const help = await runBuddy(args, { env: sandbox.env });
    expect(help.code, help.stderr).toBe(0);
    expect(toolsIn(help.stdout)).toEqual(names);
  });

  it.each([[['install', 'codex', '--force']], [['install', 'gemini', '--force']], [['install', 'claude-code', '--project', '--mcp', '--force']]])(
    'buddy %j prints them all, in order',
    async (args) => {
      const installed = await runBuddy(args, { env: sandbox.env, cwd: sandbox.dir });
      expect(installed.code, installed.stderr).toBe(0);
      const line = installed.stdout.split('\n').find((text) => text.trimStart().startsWith('tools '));
      expect(line, installed.stdout).toBeDefined();
      expect(toolsIn(line!)).toEqual(names);
    },
  );

  it.each([['README.md'], ['docs/mcp.md']])('%s has a row for each, in order, and names no other', (file) => {
    const text = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const rows = text.split('\n').filter((line) => /^\| `buddy_[a-z]+` \|/.test(line));
    expect(rows.map((row) => toolsIn(row)[0])).toEqual(names);
    expect(new Set(toolsIn(text))).toEqual(new Set(names));
  });
});

describe("docs/mcp.md's table says what each tool takes and gives", () => {
  const text = fs.readFileSync(new URL('../../docs/mcp.md', import.meta.url), 'utf8');
  /** name → [input, text back, structured content]. */
  const rows = new Map(
    text
      .split('\n')
      .filter((line) => /^\| `buddy_[a-z]+` \|/.test(line))
      .map((line) => {
        const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
        return [quoted(cells[0]!)[0]!, cells.slice(1)] as const;
      }),
  );

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))('%s: its arguments, and their limits and values', (name, tool) => {
    const cells = rows.get(name)!;
    expect(cells).toHaveLength(3);
    const input = cells[0]!;
    const schema: InputSchema = tool.inputSchema;
    const properties = Object.entries(schema.properties);
    // Each argument by name with each value it may take, and nothing else in code; or none.
    if (properties.length === 0) expect(input).toBe('none');
    expect(quoted(input).sort()).toEqual(properties.flatMap(([key, argument]) => [key, ...(argument.enum ?? [])]).sort());
    for (const [, argument] of properties) {
      if (argument.maxLength !== undefined) expect(input).toContain(`${argument.minLength ?? 0} to ${argument.maxLength} characters`);
    }
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))('%s: every member of its structured content', (name, tool) => {
    const structured = quoted(rows.get(name)![2]!);
    const members = Object.keys(tool.outputSchema.properties as Record<string, unknown>);
    expect(members.filter((member) => !structured.includes(member))).toEqual([]);
  });
});
