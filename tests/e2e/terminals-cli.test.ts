// Every face agrees on what the terminal can take: NO_COLOR, FORCE_COLOR=0 and TERM=dumb mean no colour
// in the statusline as in the pet and the card (through the Node command and the light script alike),
// and a locale without UTF-8 (LANG=C) or --ascii means ASCII only, byte for byte, in every printed face.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { STATUSLINE_RUNNERS } from '../helpers/statusline-runners.js';

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
  const hatched = await runBuddy(['hatch'], { env });
  expect(hatched.code, hatched.stderr).toBe(0);
});

afterAll(() => sandbox.cleanup());

const payload = (session: string): string => JSON.stringify({ session_id: session });

describe.each(STATUSLINE_RUNNERS.map((runner) => [runner.name, runner] as const))('the statusline, %s', (_name, runner) => {
  it('colours the line, and none of NO_COLOR, FORCE_COLOR=0 or TERM=dumb get a single SGR', async () => {
    const session = `colour-${runner.name.replace(/\W+/g, '-')}`;
    // Twice in colour: the second refresh may come from prepared frames.
    for (let refresh = 0; refresh < 2; refresh++) {
      const coloured = await runner.run([], { env, input: payload(session) });
      expect(coloured.code).toBe(0);
      expect(coloured.stdout).toMatch(SGR);
    }
    for (const plain of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { TERM: 'dumb' }]) {
      for (const layout of ['compact', 'full']) {
        const run = await runner.run(['--layout', layout], { env: { ...env, ...plain }, input: payload(session) });
        expect(run.code).toBe(0);
        expect(run.stdout, JSON.stringify(plain)).not.toContain('\u001b');
        expect(run.stdout.trim()).not.toBe('');
      }
    }
    // A format asked for still wins.
    const asked = await runner.run(['--format', 'ansi'], { env: { ...env, NO_COLOR: '1' }, input: payload(session) });
    expect(asked.stdout).toMatch(SGR);
  });

  it('draws in ASCII only under LANG=C, LC_ALL=POSIX, an ISO-8859-1 locale or --ascii, in both layouts', async () => {
    const session = `ascii-${runner.name.replace(/\W+/g, '-')}`;
    const unicode = await runner.run(['--layout', 'full'], { env, input: payload(session) });
    expect(unicode.stdout).not.toMatch(ALL_ASCII);
    const cases: Array<[NodeJS.ProcessEnv, string[]]> = [
      [{ LANG: 'C' }, []],
      [{ LC_ALL: 'POSIX' }, []],
      [{ LANG: 'en_US.ISO-8859-1' }, []],
      [{}, ['--ascii']],
    ];
    for (const [locale, args] of cases) {
      for (const layout of ['compact', 'full']) {
        // Twice: the frames prepared by the first refresh must be ASCII too.
        for (let refresh = 0; refresh < 2; refresh++) {
          const run = await runner.run(['--layout', layout, ...args], { env: { ...env, ...locale }, input: payload(session) });
          expect(run.code).toBe(0);
          expect(run.stdout, `${JSON.stringify(locale)} ${args.join(' ')} ${layout}`).toMatch(ALL_ASCII);
          expect(run.stdout.trim()).not.toBe('');
          // The full layout's rarity stars, in ASCII.
          if (layout === 'full') expect(run.stdout).toMatch(/ \*[*.]{4}/);
        }
      }
    }
  });
});

describe('printed faces in ASCII', () => {
  it.each([
    ['LANG=C', { LANG: 'C' }, []],
    ['LANG=POSIX', { LANG: 'POSIX' }, []],
    ['--ascii', {}, ['--ascii']],
  ] as const)('%s: the piped pet, buddy card and buddy roll print only ASCII', async (_what, locale, flag) => {
    const runs = {
      pet: await runBuddy([...flag], { env: { ...env, ...locale } }),
      card: await runBuddy(['card', ...flag], { env: { ...env, ...locale } }),
      roll: await runBuddy(['roll', '--hash', SHINY_HASH, ...flag], { env: { ...env, ...locale } }),
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
    const roll = await runBuddy(['roll', '--hash', SHINY_HASH], { env });
    expect(roll.stdout).toContain('✧ ✦ SHINY ✦ ✧');
    expect(roll.stdout).toContain('★★☆☆☆');
  });
});
