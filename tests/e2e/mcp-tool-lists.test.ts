// Every place that names the MCP server's tools names exactly the tools the server lists, in its order:
// `buddy mcp --help`, `buddy help mcp`, what the installers print, the server's instructions to the host,
// and the tool tables of the README and docs/mcp.md. A tool added, renamed or dropped in one place only
// fails here.
import fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBuddy } from '../helpers/cli.js';

let sandbox: ReturnType<typeof makeSandbox>;
/** The tools as the server lists them, and its instructions: what every other list is held to. */
let listed: string[];
let instructions: string;

const toolsIn = (text: string): string[] => text.match(/\bbuddy_[a-z]+\b/g) ?? [];

beforeAll(async () => {
  const home = makeSandbox();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(home.env)) if (value !== undefined) env[key] = value;
  const client = new Client({ name: 'buddy-lists', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env, stderr: 'pipe' }));
  listed = (await client.listTools()).tools.map((tool) => tool.name);
  instructions = client.getInstructions() ?? '';
  await client.close();
  home.cleanup();
  // Five today; the test holds the others to whatever the server says.
  expect(listed).toEqual(['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react']);
});

beforeEach(() => {
  sandbox = makeSandbox();
});

afterEach(() => sandbox.cleanup());

describe('the lists of MCP tools', () => {
  it.each([[['mcp', '--help']], [['help', 'mcp']]])('buddy %j names them all, in order', async (args) => {
    const help = await runBuddy(args, { env: sandbox.env });
    expect(help.code, help.stderr).toBe(0);
    expect(toolsIn(help.stdout)).toEqual(listed);
  });

  it.each([[['install', 'codex']], [['install', 'gemini']], [['install', 'claude-code', '--project', '--mcp']]])(
    'buddy %j prints them all, in order',
    async (args) => {
      const installed = await runBuddy(args, { env: sandbox.env, cwd: sandbox.dir });
      expect(installed.code, installed.stderr).toBe(0);
      const line = installed.stdout.split('\n').find((text) => text.trimStart().startsWith('tools '));
      expect(line, installed.stdout).toBeDefined();
      expect(toolsIn(line!)).toEqual(listed);
    },
  );

  it("are all in the server's instructions to the host", () => {
    expect([...new Set(toolsIn(instructions))].sort()).toEqual([...listed].sort());
  });

  it.each([['README.md'], ['docs/mcp.md']])('%s has a row for each, in order, and names no other', (file) => {
    const text = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const rows = text.split('\n').filter((line) => /^\| `buddy_[a-z]+` \|/.test(line));
    expect(rows.map((row) => toolsIn(row)[0])).toEqual(listed);
    expect(new Set(toolsIn(text))).toEqual(new Set(listed));
  });
});
