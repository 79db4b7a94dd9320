// One list of each thing: the commands, their flags and their usage are declared once (command-specs.ts)
// and the table, the help, the overview and the README follow. These fail when one of them drifts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as specs from '../../src/cli/command-specs.js';
import type { CommandSpec } from '../../src/cli/command-specs.js';
import { COMMAND_TABLE, OPEN_PET_ROW } from '../../src/cli/command-table.js';
import { commandHelp, overviewHelp, usageForms } from '../../src/cli/help.js';
import { SETTING_KEYS } from '../../src/store/schema.js';

const declared = (Object.values(specs) as unknown[]).filter((value): value is CommandSpec => typeof value === 'object' && value !== null && 'flags' in value && 'name' in value);
const tabled = COMMAND_TABLE.map((row) => row.spec);
const overview = overviewHelp([OPEN_PET_ROW.spec, ...tabled]);

/** A flag as a whole word of a usage line: `--hash` is not found in `--hash-fn`. */
const flagPattern = (form: string): RegExp => new RegExp(`(^|[\\s\\[])${form}(?![\\w-])`);

describe('the command table', () => {
  it('holds every declared command once, besides the pet and the hidden ones', () => {
    expect(declared.length).toBeGreaterThan(25);
    const names = tabled.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of declared) {
      const expected = spec === (specs.OPEN_PET as CommandSpec) || spec.hidden ? 0 : 1;
      expect(tabled.filter((each) => each === spec), spec.name).toHaveLength(expected);
    }
    expect(tabled.every((spec) => declared.includes(spec))).toBe(true);
  });

  it('lists in buddy --help every command that is not hidden, and nothing else', () => {
    const listed = overview
      .split('\n')
      .map((line) => /^ {2}buddy(?: ([a-z-]+))?(?: |$)/.exec(line))
      .filter((match) => match !== null)
      .map((match) => match[1] ?? '');
    expect(listed).toEqual(['', ...tabled.filter((spec) => !spec.hidden).map((spec) => spec.name)]);
    expect(listed).toContain('roll');
    expect(listed).not.toContain('hook reply');
  });

  it('shows the pet, roll and config in the overview with their arguments', () => {
    expect(overview).toMatch(/^ {2}buddy {25}meet your buddy \(hatches it the first time\)$/m);
    expect(overview).toMatch(/^ {2}buddy roll \[ID\] {15}show the buddy an ID rolls \(yours without ID\)$/m);
    expect(overview).toMatch(/^ {2}buddy config \[KEY \[VALUE\]\] {4}show or change settings$/m);
    expect(overview).toMatch(/^ {6}--user ID {17}whose buddy/m);
    expect(overview).toMatch(/^ {2}-V, --version {17}the version$/m);
  });
});

describe('every command help', () => {
  it.each(declared.map((spec) => [spec.name || 'buddy', spec] as const))('%s: every flag it takes is in its usage and its flag list', (_, spec) => {
    const help = commandHelp(spec);
    const usage = usageForms(spec).join('\n');
    expect(help.split('\n')[0]).toBe(`Usage: buddy ${usageForms(spec)[0]}`.trimEnd());
    for (const [name, flag] of Object.entries(spec.flags)) {
      const forms = [`--${name}`, ...(flag.short === undefined ? [] : [`-${flag.short}`])];
      expect(forms.some((form) => flagPattern(form).test(usage)), `${spec.name} ${name} in ${usage}`).toBe(true);
      const label = `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${name}${flag.type === 'string' ? ` ${flag.value}` : ''}`;
      expect(help.split('\n').some((line) => line.startsWith(`  ${label}  `)), `${spec.name} ${label}`).toBe(true);
      expect(flag.help.trim(), `${spec.name} ${name}`).not.toBe('');
    }
  });

  it.each(declared.map((spec) => [spec.name || 'buddy', spec] as const))('%s: its usage names no flag it does not take', (_, spec) => {
    const named = usageForms(spec).join(' ').match(/--[a-z][\w-]*/g) ?? [];
    for (const flag of named) expect(Object.keys(spec.flags), `${spec.name}: ${flag}`).toContain(flag.slice(2));
  });

  it('is what the commands parse: none declares flags of its own', () => {
    const dir = new URL('../../src/', import.meta.url);
    const inFolder = (folder: string): string[] =>
      (fs.readdirSync(new URL(folder, dir), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => `${folder}${file}`);
    const files = ['cli/dispatch.ts', ...inFolder('entries/'), ...inFolder('cli/commands/')];
    for (const file of files) {
      const source = fs.readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/\bparseArgs\(/);
      // Its first argument is a spec, ROLL or PET : FEED, never options written on the spot.
      for (const call of source.match(/parseCommandArgs\([^,]+,/g) ?? []) expect(call, file).toMatch(/^parseCommandArgs\([^{]*\b[A-Z][A-Z_]+,$/);
    }
  });

  it('says what config can set, every setting', () => {
    for (const key of SETTING_KEYS) expect(specs.CONFIG.about).toMatch(new RegExp(`\\b${key} \\(`));
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Commands\n'), readme.indexOf('\n## ', readme.indexOf('\n## Commands\n') + 1));

  it('lists every command in its table', () => {
    expect(section.length).toBeGreaterThan(1000);
    for (const spec of tabled.filter((each) => !each.hidden)) {
      expect(section, spec.name).toMatch(new RegExp(`\`(buddy )?${spec.name}\\b`));
    }
  });

  it('lists no command that does not exist', () => {
    const rows = [...section.matchAll(/^\| `buddy ([a-z][a-z-]*)/gm)].map((match) => match[1]);
    expect(rows.length).toBeGreaterThan(20);
    for (const name of rows) expect(tabled.map((spec) => spec.name), name).toContain(name);
  });

  it('says the Node version package.json asks for', () => {
    const engines = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
    expect(readme).toContain('Node.js 20.19 or newer');
    expect(readme).not.toMatch(/Node\.js 20 or newer/);
  });
});
