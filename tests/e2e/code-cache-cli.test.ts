// The built CLI's code cache end to end: the statusline, the hooks and the MCP server write it on their
// first run and use it after, and what they print is the same with a cold, warm or broken cache.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EYES } from '../../src/engine/constants.js';
import { BLINK_EYE } from '../../src/sprites/compose.js';
import { hatchedSandboxes, runBuddy, type RunResult, type Sandbox } from '../helpers/cli.js';

const USER_ID = 'buddy-93';

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let payload: string;

const codeDir = (): string => path.join(env.BUDDY_CACHE_DIR as string, 'code');
const caches = (): string[] => (fs.existsSync(codeDir()) ? fs.readdirSync(codeDir()).sort() : []);
const cacheOf = (kind: string): string => {
  const name = caches().find((file) => file.endsWith(`-${process.version}-${process.arch}-${kind}.v8cache`));
  if (!name) throw new Error(`no ${kind} cache in ${caches().join(', ')}`);
  return path.join(codeDir(), name);
};

function statusline(args: readonly string[] = []): Promise<RunResult> {
  return runBuddy(['statusline', ...args], { env, input: payload });
}

/**
 * The compact line with its eyes set aside: the face blinks on the wall clock, so two runs a moment
 * apart may draw it open-eyed and blinking. Everything else on the line must match.
 */
function eyesAside(line: string): string {
  return line.replace(/^\S+/, (face) => face.replace(new RegExp(`[${[...EYES, BLINK_EYE].join('')}]`, 'gu'), 'o'));
}

function expectClean(run: RunResult): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
}

const hatchedSandbox = hatchedSandboxes(USER_ID);

beforeEach(() => {
  sandbox = hatchedSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
  const transcript = path.join(sandbox.dir, 'session.jsonl');
  fs.writeFileSync(transcript, `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'hello' } })}\n`);
  payload = JSON.stringify({ session_id: 'cache-session', transcript_path: transcript, cwd: sandbox.dir });
});

afterEach(() => sandbox.cleanup());

describe('the code cache of the agent-CLI commands', () => {
  it('is written by the first statusline and used by the next, which draws the same line', async () => {
    expect(caches()).toEqual([]);
    const cold = await statusline();
    expectClean(cold);
    const written = fs.statSync(cacheOf('statusline'));
    const warm = await statusline();
    expectClean(warm);
    expect(eyesAside(warm.stdout)).toBe(eyesAside(cold.stdout));
    // Used, not written again.
    expect(fs.statSync(cacheOf('statusline')).ino).toBe(written.ino);
  });

  it('runs what the statusline loads only sometimes from warm code too (--wrap starts a command)', async () => {
    expectClean(await statusline());
    const wrapped = await statusline(['--wrap', 'echo wrapped-line']);
    expectClean(wrapped);
    expect(wrapped.stdout.split('\n')[0]).toBe('wrapped-line');
    expect(wrapped.stdout.split('\n')[1]).toMatch(/\S/);
  });

  it('draws the same line over a broken cache, and replaces it', async () => {
    const first = await statusline();
    expectClean(first);
    const file = cacheOf('statusline');
    const garbage = Buffer.alloc(fs.statSync(file).size, 0x5a);
    fs.writeFileSync(file, garbage);
    const over = await statusline();
    expectClean(over);
    expect(eyesAside(over.stdout)).toBe(eyesAside(first.stdout));
    expect(fs.readFileSync(file).equals(garbage)).toBe(false);
  });

  it('keeps a cache per kind of run: hooks fill their own', async () => {
    const hook = await runBuddy(['hook', 'session-start'], { env, input: payload });
    expectClean(hook);
    expect(hook.stdout).toContain('hookSpecificOutput');
    expect(caches().map((name) => name.replace(/^(fast-path)-[0-9a-f]{16}-.*-(\w+)\.v8cache$/, '$1 $2'))).toEqual(['fast-path hook']);
    // A new session is introduced the same way from warm code.
    const again = await runBuddy(['hook', 'session-start'], { env, input: payload.replace('cache-session', 'other-session') });
    expectClean(again);
    expect(again.stdout).toBe(hook.stdout);
  });

  it('is written by the MCP server, whose tools still load from warm code', async () => {
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
    });
    const card = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'buddy_card', arguments: {} } });
    const input = `${initialize}\n${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n${card}\n`;
    const answers = async (): Promise<{ id: number; result?: { content?: { text: string }[] } }[]> => {
      const run = await runBuddy(['mcp'], { env, input });
      expect(run.code, run.stderr).toBe(0);
      return run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: number; result?: { content?: { text: string }[] } });
    };
    const cold = await answers();
    expect(fs.existsSync(cacheOf('mcp'))).toBe(true);
    const warm = await answers();
    expect(warm.map((answer) => answer.id)).toEqual([1, 2]);
    expect(warm[1]?.result?.content?.[0]?.text).toBe(cold[1]?.result?.content?.[0]?.text);
    expect(warm[1]?.result?.content?.[0]?.text).toMatch(/\S/);
  });
});
