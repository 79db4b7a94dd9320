// `buddy hook agent` as an agent CLI runs it: the built bin, through its fast path (dist/fast-path.cjs),
// on a hatched buddy. Gemini CLI gets the reaction as one `systemMessage` line on stdout; Cursor, whose
// hooks show nothing, gets nothing; a hook written wrong is one line on stderr and still exit 0. The
// cases of each host's payload are tests/cli/hook-agent-events.test.ts; the rest tests/cli/hook-agent.test.ts.
import { describe, expect, it } from 'vitest';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { runBuddy } from '../helpers/cli.js';
import { useHatchedHome } from '../helpers/hatched-home.js';

const home = useHatchedHome();

describe('buddy hook agent, the built bin', () => {
  it('answers Gemini CLI with a systemMessage, Cursor with nothing, and a wrong hook with one line', async () => {
    const failing = JSON.stringify({ hook_event_name: 'AfterTool', tool_name: 'run_shell_command', tool_input: { command: 'npm test' }, tool_response: { llmContent: '1 failed' } });
    const gemini = await runBuddy(['hook', 'agent', '--host', 'gemini', '--event', 'tool'], { env: home.env, input: failing });
    expect(gemini.code, gemini.stderr).toBe(0);
    expect(gemini.stderr).toBe('');
    const { systemMessage } = JSON.parse(gemini.stdout) as { systemMessage: string };
    expect(gemini.stdout).toBe(`${JSON.stringify({ systemMessage })}\n`);
    expect(SPECIES_LINES.Nebulynx!.testsFailed.map((line) => `${home.name}: ${line}`)).toContain(systemMessage);

    const cursor = await runBuddy(['hook', 'agent', '--host', 'cursor', '--event', 'stop'], { env: home.env, input: JSON.stringify({ status: 'completed' }) });
    expect(cursor).toEqual({ code: 0, stdout: '', stderr: '' });

    const wrong = await runBuddy(['hook', 'agent', '--host', 'nowhere'], { env: home.env, input: failing });
    expect(wrong).toEqual({ code: 0, stdout: '', stderr: 'buddy: hook agent: --host must be one of claude-code, codex, gemini, copilot, cursor\n' });
  });
});
