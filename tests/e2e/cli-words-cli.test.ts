// The CLI's words, end to end: every wrong invocation is one line on stderr with `buddy:` once and at most
// one hint, exit 2, and nothing on stdout (each in process, through the dispatcher, and a few through the
// built bin); the version is package.json's (through the built bin, and each way of asking in process);
// what a command says before the hatch and after `config KEY default` says each thing once (in process).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

let sandbox: ReturnType<typeof makeSandbox>;
beforeAll(() => {
  sandbox = makeSandbox();
});
afterAll(() => sandbox.cleanup());

/** Wrong invocations, each with its whole line where the words matter. */
const BAD_INVOCATIONS: readonly (readonly [readonly string[], string?])[] = [
  [['--frob'], "buddy: unknown option '--frob' (see buddy --help)"],
  [['-v'], "buddy: unknown option '-v' (see buddy --help)"],
  [['--user']],
  [['frob'], "buddy: unknown command 'frob' (see buddy --help)"],
  [['toString']],
  [['help', 'frob'], "buddy: help: unknown command 'frob' (see buddy --help)"],
  [['roll', '--nope'], "buddy: roll: unknown option '--nope' (see buddy roll --help)"],
  [['roll', '--no-anim']],
  [['roll', '--hash', 'xyz']],
  [['roll', 'someone', '--hash-fn', 'fnv1a']],
  [['roll', 'a', 'b'], "buddy: roll: unexpected argument 'b' (see buddy roll --help)"],
  [['roll', '--batch', 'someone']],
  [['roll', '--json=yes']],
  [['status', 'extra']],
  [['status', '--json=1'], 'buddy: status: --json takes no value (see buddy status --help)'],
  [['achievements', '--frob']],
  [['pet', '--frob']],
  [['feed', 'extra']],
  [['whoami', '--frob']],
  [['odds', '--sample', '-1']],
  [['odds', '--sample', '0']],
  [['odds', '--hash-fn', 'fnv1a']],
  [['hunt']],
  [['hunt', '--species', 'zzz'], "buddy: hunt: unknown species 'zzz' (see 'buddy odds' for the list)"],
  [['hunt', '--rarity', 'mythic']],
  [['hunt', '--classic', '--species', 'Emberfox']],
  [['dex', '--species', 'zzz'], "buddy: dex: unknown species 'zzz' (see 'buddy dex' for the list)"],
  [['dex', '--species', 'duck', '--frame', 'bad'], "buddy: dex: duck has no frame 'bad' (frames: idle-0, idle-1, idle-2, happy, alarmed, sad, sleepy, talking)"],
  [['dex', '--frame', 'bad']],
  [['dex', '--eye', 'Q']],
  [['hatch', '--frob']],
  [['rename']],
  [['rename', 'not a name!']],
  [['say'], 'buddy: say: give a message (e.g. buddy say "Pip, how is it going?")'],
  [['log', '-n'], 'buddy: log: -n needs a value (see buddy log --help)'],
  [['log', '--lines'], 'buddy: log: --lines needs a value (see buddy log --help)'],
  [['log', '--since', 'yesterday']],
  [['log', '--clear', '--json']],
  [['card', 'x.svg']],
  [['card', '--png']],
  [['list', 'extra']],
  [['switch', 'nobody'], "buddy: switch: no buddy here has the name or short hash 'nobody' (see buddy list)"],
  [['switch', 'a', 'b']],
  [['rescue', '--hash-fn', 'md5']],
  [['statusline', '--layout', 'huge'], 'buddy: statusline: --layout must be compact or full (see buddy statusline --help)'],
  [['statusline', '--width', '0']],
  [['hook', 'nope']],
  [['install']],
  [['install', 'codex', '--wrap']],
  [['uninstall', 'codex', '--project']],
  [['mcp', '--frob']],
  [['doctor', 'extra']],
  [['mute', 'extra']],
  [['config', 'bogus']],
  [['config', 'model', 'not a model!']],
  [['config', 'model', 'x', '--unset']],
  [['config', '--unset']],
];

/**
 * The wrong invocations run through the built bin as well as in process: those the bin hands to bundles of
 * their own (the statusline and hooks, the MCP server) rather than to the dispatcher, and one of each kind
 * (an unknown option, an unknown command, a command's unknown option) that it does hand over.
 */
const THROUGH_THE_BIN = new Set(['--frob', 'frob', 'roll --nope', 'statusline --layout huge', 'statusline --width 0', 'hook nope', 'mcp --frob']);

/** What every wrong invocation owes: exit 2, nothing on stdout, one line with `buddy:` once and one hint at most. */
function expectOneLine(result: RunResult, line: string | undefined): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^buddy: (?!.*buddy:)[^\n]+\n$/);
  expect(result.stderr.match(/\(see /g)?.length ?? 0).toBeLessThanOrEqual(1);
  // Whatever the hint is (the usage, an example, a list), there is only one.
  expect(result.stderr.match(/\((see |e\.g\. |one of |frames: )/g)?.length ?? 0).toBeLessThanOrEqual(1);
  if (line !== undefined) expect(result.stderr).toBe(`${line}\n`);
}

describe('a wrong invocation', () => {
  it.each(BAD_INVOCATIONS.map(([args, line]) => [args.join(' '), args, line] as const))(
    'buddy %s: one line, buddy: once, one hint at most, exit 2',
    async (label, args, line) => {
      expectOneLine(await runInProcess(args, { env: sandbox.env }), line);
      if (THROUGH_THE_BIN.has(label)) expectOneLine(await runBuddy(args, { env: sandbox.env }), line);
    },
  );

  it('runs each of the invocations the built bin is asked', () => {
    const labels = BAD_INVOCATIONS.map(([args]) => args.join(' '));
    expect(labels.filter((label) => THROUGH_THE_BIN.has(label))).toHaveLength(THROUGH_THE_BIN.size);
  });

  it('takes the frame dex refused from a species that has it', async () => {
    expect((await runInProcess(['dex', '--species', 'duck', '--frame', 'happy'], { env: sandbox.env })).code).toBe(0);
  });
});

describe('buddy --version', () => {
  it("is package.json's version, however it is asked", async () => {
    const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    // Through the built bin once, and each way of asking through the dispatcher it hands them to.
    expect(await runBuddy(['--version'], { env: sandbox.env })).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    for (const flag of ['--version', '-V', 'version']) {
      expect(await runInProcess([flag], { env: sandbox.env })).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

describe('buddy config KEY default', () => {
  it('says the default once, and which model it is', async () => {
    const env = { ...sandbox.env };
    expect((await runInProcess(['config', 'model', 'claude-sonnet-4-5'], { env })).stdout).toBe('model = claude-sonnet-4-5\n');
    expect((await runInProcess(['config', 'model', 'default'], { env })).stdout).toBe('model = (default: claude-haiku-4-5)\n');
    expect((await runInProcess(['config', 'model', '--unset'], { env })).stdout).toBe('model = (default: claude-haiku-4-5)\n');
    expect((await runInProcess(['config', 'model'], { env: { ...env, BUDDY_MODEL: 'claude-opus-4-1' } })).stdout).toBe('(default: claude-opus-4-1, from BUDDY_MODEL)\n');
    expect((await runInProcess(['config', 'animation', 'off'], { env })).stdout).toBe('animation = off\n');
    expect((await runInProcess(['config', 'animation', 'default'], { env })).stdout).toBe('animation = on (default)\n');
  });
});

describe('before the hatch', () => {
  it('every command that only looks answers that there is none yet, and exits 0', async () => {
    const env = { ...makeSandbox().env };
    for (const command of ['status', 'achievements', 'list']) {
      expect(await runInProcess([command], { env }), command).toMatchObject({
        code: 0,
        stdout: 'No buddy has hatched yet: run `buddy` in a terminal, or `buddy hatch`.\n',
        stderr: '',
      });
    }
    const card = await runInProcess(['card'], { env });
    expect(card.code).toBe(0);
    expect(card.stdout).toMatch(/\nNot hatched yet: run `buddy` in a terminal, or `buddy hatch`\.\n$/);
    expect(await runInProcess(['rename', 'Pip'], { env })).toMatchObject({ code: 1, stderr: 'buddy: rename: your buddy has not hatched yet; run buddy (or buddy hatch) first\n' });
    fs.rmSync(env.HOME as string, { recursive: true, force: true });
  });
});
