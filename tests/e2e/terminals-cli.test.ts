// Every face agrees on what the terminal can take: NO_COLOR, FORCE_COLOR=0 and TERM=dumb mean no colour
// in the statusline as in the pet and the card (through the Node command and the light script alike),
// and a locale without UTF-8 (LANG=C) or --ascii means ASCII only, byte for byte, in every printed face.
// Every setting is checked in process in each layout; end to end, a few settings through every way a host
// runs a refresh, twice each, so that the frames the light script prints are checked too: all of them
// under dash (/bin/sh on Debian), and one of each kind (no colour, ASCII only) through the Node command and
// the other shells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { STATUSLINE_RUNNERS, type StatuslineRunner } from '../helpers/statusline-runners.js';

/** A shiny with the wizard hat and ◉ eyes (tests/fixtures/roll-v1-golden.jsonl): sparkles, stars, bars. */
const SHINY_HASH = 'd7837a735e63d4506ca548bc37308f3702329c20cdba0312a75ea7e971faccb4';
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;

let sandbox: ReturnType<typeof makeSandbox>;
/** The sandbox with colour left to the terminal: NO_COLOR is the harness's default, taken out here. */
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = makeSandbox();
  const { NO_COLOR: _unset, ...rest } = sandbox.env;
  env = { ...rest, BUDDY_USER_ID: 'terminals-1', TERM: 'xterm-256color', LANG: 'en_US.UTF-8' };
  const hatched = await runInProcess(['hatch'], { env });
  expect(hatched.code, hatched.stderr).toBe(0);
});

afterAll(() => sandbox.cleanup());

const payload = (session: string): string => JSON.stringify({ session_id: session });

/** The terminal settings that mean no colour, and the locales and flag that mean ASCII only. */
const PLAIN_TERMINALS: readonly NodeJS.ProcessEnv[] = [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { TERM: 'dumb' }];
const ASCII_CASES: ReadonlyArray<readonly [NodeJS.ProcessEnv, readonly string[]]> = [
  [{ LANG: 'C' }, []],
  [{ LC_ALL: 'POSIX' }, []],
  [{ LANG: 'en_US.ISO-8859-1' }, []],
  [{}, ['--ascii']],
];

/** One refresh: `buddy statusline ARGS` in process, through the dispatcher the bin hands it to. */
const refreshInProcess = (args: readonly string[], extra: NodeJS.ProcessEnv, session: string) => runInProcess(['statusline', ...args], { env: { ...env, ...extra }, input: payload(session) });

function expectAscii(stdout: string, layout: string, what: string): void {
  expect(stdout, `${what} ${layout}`).toMatch(ALL_ASCII);
  expect(stdout.trim()).not.toBe('');
  // The full layout's rarity stars, in ASCII.
  if (layout === 'full') expect(stdout).toMatch(/ \*[*.]{4}/);
}

// Every setting in every layout, in process: the Node command draws each line with this same code.
describe('the statusline, for each terminal setting', () => {
  it('colours the line, and none of NO_COLOR, FORCE_COLOR=0 or false, or TERM=dumb get a single SGR', async () => {
    const coloured = await refreshInProcess([], {}, 'colour-in-process');
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(SGR);
    for (const plain of PLAIN_TERMINALS) {
      for (const layout of ['compact', 'full']) {
        const run = await refreshInProcess(['--layout', layout], plain, 'colour-in-process');
        expect(run.code).toBe(0);
        expect(run.stdout, JSON.stringify(plain)).not.toContain('\u001b');
        expect(run.stdout.trim()).not.toBe('');
      }
    }
    // A format asked for still wins.
    expect((await refreshInProcess(['--format', 'ansi'], { NO_COLOR: '1' }, 'colour-in-process')).stdout).toMatch(SGR);
  });

  it('draws in ASCII only under LANG=C, LC_ALL=POSIX, an ISO-8859-1 locale or --ascii, in both layouts', async () => {
    expect((await refreshInProcess(['--layout', 'full'], {}, 'ascii-in-process')).stdout).not.toMatch(ALL_ASCII);
    for (const [locale, args] of ASCII_CASES) {
      for (const layout of ['compact', 'full']) {
        const run = await refreshInProcess(['--layout', layout, ...args], locale, 'ascii-in-process');
        expect(run.code).toBe(0);
        expectAscii(run.stdout, layout, `${JSON.stringify(locale)} ${args.join(' ')}`);
      }
    }
  });
});

// End to end, through every way a host runs a refresh: the light script keys the frames it prints by these
// settings too, so each is refreshed twice (the second may come from frames Node prepared for it).
const twice = async (runner: StatuslineRunner, args: readonly string[], extra: NodeJS.ProcessEnv, session: string): Promise<string[]> => {
  const outputs: string[] = [];
  for (let refresh = 0; refresh < 2; refresh++) {
    const run = await runner.run(args, { env: { ...env, ...extra }, input: payload(session) });
    expect(run.code).toBe(0);
    outputs.push(run.stdout);
  }
  return outputs;
};
const sessionFor = (what: string, runner: StatuslineRunner): string => `${what}-${runner.name.replace(/\W+/g, '-')}`;

/** dash: /bin/sh on Debian, where the whole matrix runs. */
const DASH = STATUSLINE_RUNNERS.find((runner) => runner.name === 'installed command under dash')!;

describe('the statusline, installed command under dash', () => {
  it('colours the line, and gets no SGR under NO_COLOR or TERM=dumb, from frames too', async () => {
    const session = sessionFor('colour', DASH);
    for (const coloured of await twice(DASH, [], {}, session)) expect(coloured).toMatch(SGR);
    for (const [plain, layout] of [[{ TERM: 'dumb' }, 'compact'], [{ NO_COLOR: '1' }, 'full']] as const) {
      for (const stdout of await twice(DASH, ['--layout', layout], plain, session)) {
        expect(stdout, JSON.stringify(plain)).not.toContain('\u001b');
        expect(stdout.trim()).not.toBe('');
      }
    }
  });

  it('draws in ASCII only under LANG=C and with --ascii, from frames too', async () => {
    const session = sessionFor('ascii', DASH);
    const [unicode] = await twice(DASH, ['--layout', 'full'], {}, session);
    expect(unicode).not.toMatch(ALL_ASCII);
    for (const stdout of await twice(DASH, ['--layout', 'full'], { LANG: 'C' }, session)) expectAscii(stdout, 'full', 'LANG=C');
    for (const stdout of await twice(DASH, ['--layout', 'compact', '--ascii'], {}, session)) expectAscii(stdout, 'compact', '--ascii');
  });
});

// The Node command and the other shells: one setting of each kind. The light script reads TERM as it reads
// NO_COLOR, and hands --ascii on to Node as it hands on --layout: the same lines of the script, which the
// settings here run under each shell; dash runs them all, and the Node command draws every setting in
// process (above).
describe.each(STATUSLINE_RUNNERS.filter((runner) => runner !== DASH).map((runner) => [runner.name, runner] as const))('the statusline, %s', (_name, runner) => {
  it('colours the line in Unicode, and gets no SGR under NO_COLOR and only ASCII under LANG=C, from frames too', async () => {
    const session = sessionFor('settings', runner);
    for (const stdout of await twice(runner, ['--layout', 'full'], {}, session)) {
      expect(stdout).toMatch(SGR);
      expect(stdout).not.toMatch(ALL_ASCII);
    }
    for (const stdout of await twice(runner, ['--layout', 'full'], { NO_COLOR: '1' }, session)) {
      expect(stdout).not.toContain('\u001b');
      expect(stdout.trim()).not.toBe('');
    }
    for (const stdout of await twice(runner, ['--layout', 'full'], { LANG: 'C' }, session)) expectAscii(stdout, 'full', 'LANG=C');
  });
});

describe('printed faces in ASCII', () => {
  it.each([
    ['LANG=C', { LANG: 'C' }, []],
    ['LANG=POSIX', { LANG: 'POSIX' }, []],
    ['--ascii', {}, ['--ascii']],
  ] as const)('%s: the piped pet, buddy card and buddy roll print only ASCII', async (what, locale, flag) => {
    // The piped pet through the built bin under LANG=C; in process, through the same dispatcher, otherwise.
    const runs = {
      pet: await (what === 'LANG=C' ? runBuddy : runInProcess)([...flag], { env: { ...env, ...locale } }),
      card: await runInProcess(['card', ...flag], { env: { ...env, ...locale } }),
      roll: await runInProcess(['roll', '--hash', SHINY_HASH, ...flag], { env: { ...env, ...locale } }),
    };
    for (const [face, run] of Object.entries(runs)) {
      expect(run.code, `${face}: ${run.stderr}`).toBe(0);
      expect(run.stderr, face).toBe('');
      expect(run.stdout, face).toMatch(ALL_ASCII);
      expect(run.stdout, face).toMatch(/^(\*|\.){5} {2}/m);
      expect(run.stdout, face).toMatch(/^DEBUGGING +#+\.* +\d+/m);
    }
    // The shiny's banner, sparkles and ◉ eyes, each in its ASCII stand-in.
    expect(runs.roll.stdout).toContain('+ * SHINY * +');
    expect(runs.roll.stdout).toMatch(/\( ?O/);
  });

  it('prints the glyphs with a UTF-8 locale', async () => {
    const roll = await runInProcess(['roll', '--hash', SHINY_HASH], { env });
    expect(roll.stdout).toContain('✧ ✦ SHINY ✦ ✧');
    expect(roll.stdout).toContain('★★☆☆☆');
  });
});
