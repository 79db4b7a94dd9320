// Every command that prints glyphs or the buddy's words draws in ASCII with --ascii and under a locale
// without UTF-8 (LANG=C), byte for byte on stdout and stderr, and says the same things in stand-ins; with
// a UTF-8 locale it keeps its Unicode. One buddy serves every case: a legendary shiny (ascii-9652 rolls a
// Nebulynx with ◉ eyes) renamed Zoë, so its name has a letter beyond ASCII too. Each case runs in process,
// through the dispatcher the built bin hands it to; tests/e2e/ascii-commands-cli.test.ts runs the built
// bin in each of the three modes, with `buddy hunt` (whose worker threads exist only in the build).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const USER_ID = 'ascii-9652';
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID, LANG: 'en_US.UTF-8', TERM: 'xterm-256color' };
  // Hatched, named, and petted once: the journal has lines, and achievements are earned.
  for (const args of [['hatch'], ['rename', 'Zoë'], ['pet']]) {
    const run = await runInProcess(args, { env });
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  }
});

afterAll(() => sandbox.cleanup());

interface Case {
  readonly args: readonly string[];
  /** What it says in ASCII (with --ascii and under LANG=C). */
  readonly ascii: readonly RegExp[];
  /** What it says with a UTF-8 locale: the glyphs and the name as they are. */
  readonly unicode: readonly (string | RegExp)[];
}

const CASES: readonly Case[] = [
  {
    args: ['dex'],
    ascii: [/^\*{5} legendary {2}1\.00% of buddies/m, /^\*\.{4} common {2}60\.00% of buddies/m, /^(\S+ +)*Nebulynx\b/m, /^classic {2}the Claude Code family/m],
    unicode: ['★★★★★ legendary', '★☆☆☆☆ common'],
  },
  {
    args: ['status'],
    ascii: [/^Zoe the Nebulynx \. level 1 hatchling$/m, /^fullness {5}#+\.* \d+%$/m, /^XP {11}#+\.+ \d+\/\d+ to level 2/m],
    unicode: ['Zoë the Nebulynx · level 1 hatchling', /^fullness {5}█+░* \d+%$/m],
  },
  {
    args: ['log'],
    ascii: [/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}care {6}Zoe: \S/m, /achievement {2}Zoe: Achievement: First pet\./],
    unicode: [/ {2}care {6}Zoë: \S/, 'Zoë: Achievement: First pet.'],
  },
  {
    args: ['achievements'],
    ascii: [/^Zoe: \d+ of \d+ achievements$/m, /^ {2}v First pet +\d{4}-\d\d-\d\d {2}You pet it for the first time\.$/m, /^ {2}\. Well loved +pet it 100 times/m],
    unicode: ['Zoë: ', '  ✓ First pet', '  · Well loved'],
  },
  {
    args: ['list'],
    ascii: [/^\* [0-9a-f]{7} {2}Zoe the Nebulynx +legendary \+ +Lv 1 hatchling {2}hatched \d{4}-\d\d-\d\d {2}this identity \(current\)$/m],
    unicode: ['Zoë the Nebulynx', 'legendary ✧'],
  },
  {
    args: ['pet'],
    ascii: [/^Zoe: .+ \*$/m, /^level 1 hatchling \. \d+\/40 XP to level 2$/m],
    unicode: [/^Zoë: .+ ♥$/m, 'level 1 hatchling · '],
  },
  {
    args: ['feed'],
    ascii: [/^Zoe \S/m, /^level 1 hatchling \. /m, /^fullness \d+% \. energy \d+% \. \w+$/m],
    unicode: [/^Zoë \S/m, 'level 1 hatchling · '],
  },
  {
    args: ['say', 'Zoë, how are you?'],
    ascii: [/^Zoe: \S/m],
    unicode: [/^Zoë: \S/m],
  },
  {
    args: ['odds'],
    ascii: [/^ {2}\*{5} legendary {4}1\.00%$/m, /^Nebulynx +legendary/m],
    unicode: ['  ★★★★★ legendary'],
  },
  {
    args: ['doctor'],
    ascii: [/^v Node \d+\./m, /^v Zoe the Nebulynx hatched/m, /^ {4}> /m],
    unicode: ['✓ Node ', '✓ Zoë the Nebulynx hatched', '    → '],
  },
  {
    args: ['switch'],
    ascii: [/^Zoe the Nebulynx is already this identity's buddy; nothing changed\.$/m],
    unicode: ["Zoë the Nebulynx is already this identity's buddy"],
  },
  {
    // The same name again: the line names the buddy twice, and nothing changes between the cases.
    args: ['rename', 'Zoë'],
    ascii: [/^Zoe is now called Zoe\.$/m],
    unicode: ['Zoë is now called Zoë.'],
  },
  {
    args: ['--help'],
    ascii: [/^buddy - a small companion/m, /^ {2}buddy dex /m],
    unicode: ['buddy — a small companion'],
  },
];

const label = (args: readonly string[]): string => args.join(' ');

describe.each([
  ['--ascii', {}, ['--ascii']],
  ['LANG=C', { LANG: 'C', LC_ALL: '' }, []],
] as const)('%s: ASCII only', (_mode, locale, flag) => {
  it.each(CASES.map((each) => [label(each.args), each] as const))('buddy %s', async (_name, each) => {
    const run = await runInProcess([...each.args, ...flag], { env: { ...env, ...locale } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(ALL_ASCII);
    expect(run.stderr).toMatch(ALL_ASCII);
    for (const pattern of each.ascii) expect(run.stdout).toMatch(pattern);
    expect(run.stdout).not.toContain('Zoë');
  });
});

describe('a UTF-8 locale, no flag', () => {
  it.each(CASES.map((each) => [label(each.args), each] as const))('buddy %s keeps its Unicode', async (_name, each) => {
    const run = await runInProcess(each.args, { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(ALL_ASCII);
    for (const wanted of each.unicode) {
      if (typeof wanted === 'string') expect(run.stdout).toContain(wanted);
      else expect(run.stdout).toMatch(wanted);
    }
  });
});

describe('JSON under LANG=C', () => {
  it('is ASCII, and reads back the name and eyes exactly', async () => {
    const run = await runInProcess(['status', '--json'], { env: { ...env, LANG: 'C' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(ALL_ASCII);
    expect(run.stdout).toContain('"name":"Zo\\u00eb"');
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'Zoë', species: 'Nebulynx', rarity: 'legendary', shiny: true, eye: '◉' });
  });
});

describe('what dispatch says, and the eyes of dex', () => {
  it('says a wrong input in ASCII under LANG=C, and in Unicode with UTF-8', async () => {
    const ascii = await runInProcess(['dex', '--eye', 'Q'], { env: { ...env, LANG: 'C' } });
    expect(ascii.code).toBe(2);
    expect(ascii.stderr).toBe('buddy: dex: --eye must be one of . * x O @ o (see buddy dex --help)\n');
    const unicode = await runInProcess(['dex', '--eye', 'Q'], { env });
    expect(unicode.stderr).toBe('buddy: dex: --eye must be one of · ✦ × ◉ @ ° (see buddy dex --help)\n');
  });

  it('takes an eye by its ASCII stand-in', async () => {
    const crossed = await runInProcess(['dex', '--species', 'duck', '--eye', 'x'], { env });
    expect(crossed.code, crossed.stderr).toBe(0);
    expect(crossed.stdout).toContain('face ~(× )>');
  });
});
