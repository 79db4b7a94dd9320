// `buddy mcp` end to end: the built bin started as a child process, spoken to by the MCP SDK's own client
// over stdio, in an isolated home: it introduces itself and its tools, and a reaction shows in the next
// line of the installed light statusline of a Claude Code session. Every tool's calls, bad input, talk
// through a local fake Messages API, care and the journal run in process, through the dispatcher the bin
// hands `buddy mcp` to: tests/mcp/mcp-tools.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { BIN, hatchedSandboxes, runBuddy, runProcess, type Sandbox } from '../helpers/cli.js';
import { expectBuddyOffer } from '../helpers/mcp-offer.js';

const USER_ID = 'buddy-93';
const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));

let sandbox: Sandbox;
let client: Client | undefined;

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
const buddy = (): NonNullable<ConfigData['buddy']> => readConfig().buddy!;

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...sandbox.env, BUDDY_USER_ID: USER_ID })) if (value !== undefined) env[key] = value;
  return env;
}

async function connect(): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env: childEnv(), stderr: 'pipe' });
  client = new Client({ name: 'buddy-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

type ToolCall = Awaited<ReturnType<Client['callTool']>>;
const structured = (result: ToolCall): Record<string, unknown> => result.structuredContent as Record<string, unknown>;

const hatchedSandbox = hatchedSandboxes(USER_ID);

beforeEach(() => {
  sandbox = hatchedSandbox();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  sandbox.cleanup();
});

describe('buddy mcp: what it offers', () => {
  it('introduces itself and lists its five tools, each telling the model the buddy is a separate character', async () => {
    await expectBuddyOffer(await connect());
  });
});

describe('buddy mcp: react, in a Claude Code session', () => {
  it('shows in the next line of the installed light statusline, whose frames were prepared before', async () => {
    const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: USER_ID, COLUMNS: '200' };
    const installed = await runBuddy(['install', 'claude-code', '--force'], { env });
    expect(installed.code, installed.stderr).toBe(0);
    const settings = JSON.parse(fs.readFileSync(path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json'), 'utf8')) as { statusLine: { command: string } };
    const command = settings.statusLine.command;
    expect(command).toMatch(/^\/bin\/sh \S+\/dist\/statusline\.sh /);
    const sessionId = 'claude-session-7';
    const transcript = path.join(sandbox.dir, 'transcript.jsonl');
    fs.copyFileSync(path.join(FIXTURES, 'transcript-tests-passed.jsonl'), transcript);
    const base = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'statusline-payload.json'), 'utf8')) as Record<string, unknown>;
    const payload = JSON.stringify({ ...base, session_id: sessionId, transcript_path: transcript });
    // As Claude Code runs it: the command through sh, the payload on stdin.
    const refresh = async (): Promise<string> => {
      const run = await runProcess('/bin/sh', ['-c', command], { env, input: payload });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      return run.stdout;
    };
    const { name } = buddy();
    expect((await refresh()).replace(/^\S+ /, '')).toBe(`${name}\n`);
    expect(fs.existsSync(path.join(env.BUDDY_CACHE_DIR as string, 'statusline-frames', sessionId, 'head'))).toBe(true);

    const mcp = await connect();
    const reacted = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'tests_failed', test: 'orders > rejects an empty cart' } });
    expect(structured(reacted)).toMatchObject({ event: 'tests_failed', shownInStatusline: true });
    const text = String(structured(reacted).text);
    // The remark names the test the agent named.
    expect(text).toContain('"rejects an empty cart"');
    // The face, then the alarmed mark, the name and the line: the next refresh.
    expect((await refresh()).replace(/^\S+ /, '')).toBe(`! ${name}  ${text}\n`);
  });
});
