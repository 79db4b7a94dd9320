// `buddy hook agent --host HOST [--event tool|stop]` in process, on a hatched buddy-93 (a Nebulynx): what
// it prints for each host (a `systemMessage` where the host shows one, nothing elsewhere), what it records
// for the statusline and the journal, and that it says nothing and exits 0 when muted, rate-limited, not
// hatched, or given anything that is not a payload. tests/e2e/hook-agent-cli.test.ts runs the built bin.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_SESSION_KEY } from '../../src/statusline/agent-event-names.js';
import { statusFile } from '../../src/statusline/session-state.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { makeSandbox } from '../helpers/cli.js';
import { useHatchedHome } from '../helpers/hatched-home.js';
import { runInProcess } from '../helpers/in-process.js';

const home = useHatchedHome();
const LINES = SPECIES_LINES.Nebulynx!;

const FAILING = JSON.stringify({ hook_event_name: 'AfterTool', tool_name: 'run_shell_command', tool_input: { command: 'npm test' }, tool_response: { llmContent: 'Tests  2 failed | 5 passed' } });

const hook = (args: readonly string[], input: string, env = home.env) => runInProcess(['hook', 'agent', ...args], { env, input });

function journalLines(env = home.env): Array<Record<string, unknown>> {
  const file = path.join(env.BUDDY_CONFIG_DIR as string, 'journal.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const reactions = (): Array<Record<string, unknown>> => journalLines().filter((entry) => entry.source === 'reaction');

function statusState(env = home.env): { reaction?: { event: string; text: string; from?: string }; recentFailures: number } | undefined {
  const file = statusFile(env, AGENT_SESSION_KEY);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof statusState>) : undefined;
}

describe('buddy hook agent', () => {
  it.each(['gemini', 'codex', 'claude-code'])('%s: prints the reaction as a systemMessage, records it and journals it', async (host) => {
    const result = await hook(['--host', host, '--event', 'tool'], FAILING);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [entry] = reactions();
    expect(entry).toMatchObject({ source: 'reaction', session: `hook-${host}`, name: home.name });
    const text = entry!.text as string;
    expect(LINES.testsFailed).toContain(text);
    expect(result.stdout).toBe(`${JSON.stringify({ systemMessage: `${home.name}: ${text}` })}\n`);
    expect(statusState()).toMatchObject({ recentFailures: 1, reaction: { event: 'testsFailed', text, from: 'agent' } });
  });

  it.each(['copilot', 'cursor'])('%s: records the reaction and prints nothing (the host shows no hook output)', async (host) => {
    const payload = host === 'copilot' ? { toolName: 'bash', toolArgs: '{}', toolResult: { resultType: 'success', textResultForLlm: '9 passed' } } : { hook_event_name: 'afterShellExecution', command: 'npm test', output: '9 passed' };
    const result = await hook(['--host', host], JSON.stringify(payload));
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statusState()?.reaction?.event).toBe('recovered');
    expect(reactions()).toHaveLength(1);
  });

  it('a turn that ended is done, with the happy line', async () => {
    const result = await hook(['--host', 'gemini', '--event', 'stop'], JSON.stringify({ hook_event_name: 'AfterAgent', prompt: 'x', prompt_response: 'y' }));
    const text = reactions()[0]!.text as string;
    expect(LINES.recovered).toContain(text);
    expect(result.stdout).toBe(`${JSON.stringify({ systemMessage: `${home.name}: ${text}` })}\n`);
  });

  it('says one reaction per 45 seconds: the second, at once, is recorded as a failure but not shown or printed', async () => {
    expect((await hook(['--host', 'gemini'], FAILING)).stdout).not.toBe('');
    const second = await hook(['--host', 'gemini'], FAILING);
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statusState()?.recentFailures).toBe(2);
    expect(reactions()).toHaveLength(1);
  });

  it('says nothing while muted, and shows nothing', async () => {
    expect((await runInProcess(['mute'], { env: home.env })).code).toBe(0);
    const result = await hook(['--host', 'gemini'], FAILING);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statusState()?.reaction).toBeUndefined();
    expect(reactions()).toEqual([]);
  });

  it('says nothing before the buddy has hatched, and records nothing', async () => {
    const sandbox = makeSandbox();
    try {
      const env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
      expect(await hook(['--host', 'gemini'], FAILING, env)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(statusState(env)).toBeUndefined();
    } finally {
      sandbox.cleanup();
    }
  });

  it.each([
    ['nothing', ''],
    ['not JSON', 'npm test failed'],
    ['JSON that is no payload', '[1, 2, 3]'],
    ['a tool that just worked', JSON.stringify({ tool_name: 'ls', tool_response: { llmContent: 'a b c' } })],
    ['a payload over 1 MB', JSON.stringify({ tool_response: { llmContent: `1 failed ${'x'.repeat(1024 * 1024)}` } })],
  ])('given %s: exit 0, nothing printed, nothing recorded', async (_, input) => {
    expect(await hook(['--host', 'gemini'], input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statusState()).toBeUndefined();
  });

  it.each([
    [['--host', 'windsurf'], 'buddy: hook agent: --host must be one of claude-code, codex, gemini, copilot, cursor\n'],
    [[], 'buddy: hook agent: --host must be one of claude-code, codex, gemini, copilot, cursor\n'],
    [['--host', 'gemini', '--event', 'later'], 'buddy: hook agent: --event must be tool or stop\n'],
  ])('a hook written wrong (%j) says so in one line on stderr, and still exits 0', async (args, line) => {
    expect(await hook(args, FAILING)).toEqual({ code: 0, stdout: '', stderr: line });
    expect(statusState()).toBeUndefined();
  });

  it('an unknown flag is one line on stderr too, and exit 0', async () => {
    const result = await hook(['--host', 'gemini', '--loud'], FAILING);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^buddy: .*--loud/);
  });
});
