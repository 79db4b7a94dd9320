// Every command has its own --help: usage on stdout, exit 0, and nothing else runs (no hatching, no
// waiting for stdin). Names that are not commands (even `toString`) are one line and exit 2. Every
// command's help is checked in process, through the dispatcher the bin hands it to; the built bin is run
// for the commands it routes differently, and for one that it does not.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/dispatch.js';
import { commandRow } from '../../src/cli/command-table.js';
import { commandHelp } from '../../src/cli/help.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const helpOf = (name: string): string => commandHelp(commandRow(name)!.spec);

describe('per-command --help', () => {
  it('covers every command', () => {
    for (const name of COMMAND_NAMES) expect(helpOf(name), name).toMatch(new RegExp(`^Usage: buddy ${name}\\b`));
  });

  it.each(COMMAND_NAMES.map((name) => [name]))('buddy %s --help', async (name) => {
    const sandbox = makeSandbox();
    try {
      for (const args of [[name, '--help'], [name, '-h'], ['help', name]]) {
        const result = await runInProcess(args, { env: sandbox.env });
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.stdout).toBe(`${helpOf(name)}\n`);
        expect(result.stderr).toBe('');
      }
    } finally {
      sandbox.cleanup();
    }
  });

  // The same through the built bin, for a command the dispatcher loads and for those the bin otherwise
  // runs from bundles of their own (the statusline and hooks, the MCP server), which leave help to it.
  it.each(['status', 'statusline', 'hook', 'mcp'])('the built bin: buddy %s --help, -h and help', async (name) => {
    const sandbox = makeSandbox();
    try {
      for (const args of [[name, '--help'], [name, '-h'], ['help', name]]) {
        const result = await runBuddy(args, { env: sandbox.env });
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.stdout).toBe(`${helpOf(name)}\n`);
        expect(result.stderr).toBe('');
      }
    } finally {
      sandbox.cleanup();
    }
  });

  it('prints a command usage with every flag it takes', async () => {
    const result = await runBuddy(['status', '--help']);
    expect(result.stdout).toBe(
      [
        'Usage: buddy status [--json] [--user ID] [--ascii]',
        "  Your buddy's level, XP, stage, needs, mood, care streak and achievements count (before it hatches:",
        '  that it has not, and how to hatch it).',
        '      --json                    print one JSON object (for scripts)',
        '      --user ID                 whose buddy (default: BUDDY_USER_ID, Claude Code account, local ID)',
        '      --ascii                   draw in ASCII only (also when the locale is not UTF-8, e.g. LANG=C)',
        '',
      ].join('\n'),
    );
  });

  it.each(['toString', '__proto__', 'constructor'])('refuses %s as a command', async (name) => {
    const result = await runBuddy([name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`buddy: unknown command '${name}' (see buddy --help)\n`);
  });
});
