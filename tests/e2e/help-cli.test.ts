// Every command has its own --help: usage on stdout, exit 0, and nothing else runs (no hatching, no
// waiting for stdin). Names that are not commands (even `toString`) are one line and exit 2.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/dispatch.js';
import { COMMAND_HELP } from '../../src/cli/help.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';

describe('per-command --help', () => {
  it('covers every command', () => {
    for (const name of COMMAND_NAMES) expect(COMMAND_HELP[name], name).toMatch(/^Usage: buddy/);
  });

  it.each(COMMAND_NAMES.map((name) => [name]))('buddy %s --help', async (name) => {
    const sandbox = makeSandbox();
    try {
      for (const args of [[name, '--help'], [name, '-h'], ['help', name]]) {
        const result = await runBuddy(args, { env: sandbox.env });
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.stdout).toBe(`${COMMAND_HELP[name]}\n`);
        expect(result.stderr).toBe('');
      }
    } finally {
      sandbox.cleanup();
    }
  });

  it.each(['toString', '__proto__', 'constructor'])('refuses %s as a command', async (name) => {
    const result = await runBuddy([name]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
