// ASCII only, through the built bin: with --ascii and under LANG=C a command's stdout and stderr are ASCII
// byte for byte, and with a UTF-8 locale it keeps its Unicode. Every other command's case runs in process
// (tests/cli/ascii-commands.test.ts); this one is `buddy hunt`, whose worker threads exist only in the
// build, run in each of the three modes, so each mode is also seen on a real process's streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';

const USER_ID = 'ascii-9652';
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;
const HUNT = ['hunt', '--species', 'Nebulynx'];

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID, LANG: 'en_US.UTF-8', TERM: 'xterm-256color' };
  // Hatched and named Zoë, as in the in-process cases: a name beyond ASCII that must not come out.
  for (const args of [['hatch'], ['rename', 'Zoë']]) {
    const run = await runBuddy(args, { env });
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  }
});

afterAll(() => sandbox.cleanup());

describe.each([
  ['--ascii', {}, ['--ascii']],
  ['LANG=C', { LANG: 'C', LC_ALL: '' }, []],
] as const)('%s: ASCII only', (_mode, locale, flag) => {
  it('buddy hunt --species Nebulynx', async () => {
    const run = await runBuddy([...HUNT, ...flag], { env: { ...env, ...locale } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(ALL_ASCII);
    expect(run.stderr).toMatch(ALL_ASCII);
    for (const pattern of [/^found salt hunt-[0-9a-z]+ after/m, /^\*{5} {2}Nebulynx {2}LEGENDARY$/m, /^DEBUGGING +#+\.* +\d+/m]) expect(run.stdout).toMatch(pattern);
    expect(run.stdout).not.toContain('Zoë');
  });
});

describe('a UTF-8 locale, no flag', () => {
  it('buddy hunt --species Nebulynx keeps its Unicode', async () => {
    const run = await runBuddy(HUNT, { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(ALL_ASCII);
    expect(run.stdout).toContain('★★★★★  Nebulynx  LEGENDARY');
    expect(run.stdout).toMatch(/^DEBUGGING +█+░* +\d+/m);
  });
});
