// An identity that changes, where a real process of the built bin matters: the MCP server (its own bundle,
// a long-lived process) does not spend the once-said notice, and a bad ID gives the same line through the
// bin's dispatcher and its statusline bundle. The commands' cases run in process in
// tests/buddy/switch-identity.test.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { RawMcp } from '../helpers/mcp-raw.js';

const CLAUDE_USER_ID = '5f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let sandbox: ReturnType<typeof makeSandbox>;
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));

beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function writeClaudeConfig(config: object): void {
  const dir = sandbox.env.CLAUDE_CONFIG_DIR as string;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.claude.json'), JSON.stringify(config));
}

describe('an identity that changes while the person does not', () => {
  it('is not spent by the MCP server: a tool call leaves the notice for the next command the person runs', async () => {
    expect((await runBuddy(['hatch'], { env: sandbox.env })).code).toBe(0);
    writeClaudeConfig({ numStartups: 1, userID: CLAUDE_USER_ID });
    const mcp = new RawMcp(sandbox.env);
    try {
      await mcp.initialize();
      for (const [id, name] of [[1, 'buddy_card'], [2, 'buddy_pet']] as const) {
        const reply = (await mcp.request(id, 'tools/call', { name, arguments: {} })) as { result?: { isError?: boolean; content?: unknown[] } };
        expect(reply.result?.isError, JSON.stringify(reply)).not.toBe(true);
        expect(reply, JSON.stringify(reply)).toMatchObject({ result: { content: [{ type: 'text' }] } });
      }
    } finally {
      await mcp.close();
    }
    expect(readConfig().buddy).not.toHaveProperty('identityChangeNoted');
    const status = await runBuddy(['status'], { env: sandbox.env });
    expect(status.stderr).toContain("was hatched from Buddy's own random local ID");
    expect(status.stderr).toContain('This is said once');
    expect(readConfig().buddy!.identityChangeNoted).toBe(sha256(CLAUDE_USER_ID));
  });

});

describe('one answer for one bad ID', () => {
  it('gives the same line from the dispatcher and the statusline, through the built bin', async () => {
    const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: 'x'.repeat(1_100) };
    const roll = await runBuddy(['roll'], { env });
    expect(roll.code).toBe(2);
    expect(roll.stderr).toBe('buddy: BUDDY_USER_ID: user ID is longer than 1024 characters\n');
    const status = await runBuddy(['statusline', '--format', 'plain'], { env, input: '{}' });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('BUDDY_USER_ID: user ID is longer than 1024 characters');
  });
});
