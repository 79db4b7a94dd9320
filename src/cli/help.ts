// Usage text, made from the command specs (command-specs.ts): `buddy --help` lists every command in the
// table, `buddy COMMAND --help` shows its usage, what it does and each flag it takes.
import type { CommandSpec, FlagSpec } from './command-specs.js';
import { OPEN_PET } from './command-specs.js';

/** Where the descriptions start, in flag lists and in the overview. */
const COLUMN = 32;

function row(left: string, text: string): string[] {
  const [first = '', ...more] = text.split('\n');
  const head = left.length < COLUMN ? left.padEnd(COLUMN) : `${left}  `;
  return [`${head}${first}`, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)];
}

function flagLabel(name: string, flag: FlagSpec): string {
  const value = flag.type === 'string' ? ` ${flag.value}` : '';
  return `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${name}${value}`;
}

/** The usage forms after `buddy `: the declared ones, or one made from the name, args and flags. */
export function usageForms(spec: CommandSpec): readonly string[] {
  if (spec.usage) return spec.usage;
  const flags = Object.entries(spec.flags).map(([name, flag]) => `[--${name}${flag.type === 'string' ? ` ${flag.value}` : ''}]`);
  return [[spec.name, spec.args, ...flags].filter((part) => part !== undefined && part !== '').join(' ')];
}

/** `buddy COMMAND --help`. */
export function commandHelp(spec: CommandSpec): string {
  const forms = usageForms(spec).map((form) => `buddy ${form}`.trimEnd());
  const lines = [`Usage: ${forms[0] ?? 'buddy'}`, ...forms.slice(1).map((form) => `       ${form}`)];
  for (const line of spec.about.split('\n')) lines.push(`  ${line}`);
  for (const [name, flag] of Object.entries(spec.flags)) lines.push(...row(`  ${flagLabel(name, flag)}`, flag.help));
  return lines.join('\n');
}

/** `buddy --help`: one line for each command, then the options. */
export function overviewHelp(specs: readonly CommandSpec[]): string {
  const commands = specs
    .filter((spec) => !spec.hidden)
    .flatMap((spec) => row(`  ${['buddy', spec.name, spec.args].filter((part) => part !== undefined && part !== '').join(' ')}`, spec.summary));
  const options = [
    ...Object.entries(OPEN_PET.flags).flatMap(([name, flag]) => row(`  ${flagLabel(name, flag)}`, flag.help)),
    ...row('  -h, --help', 'this help; buddy COMMAND --help (or buddy help COMMAND): one command'),
    ...row('  -V, --version', 'the version'),
    ...row('  -V, --version --verbose', 'the version, where this copy runs from, and its Node'),
  ];
  return [
    'buddy — a small companion that lives in your terminal',
    '',
    'Usage: buddy [COMMAND] [ARGUMENTS] [OPTIONS]',
    '',
    ...commands,
    '',
    "Options (each command's own are in buddy COMMAND --help):",
    ...options,
    '',
  ].join('\n');
}

/** True when a command's arguments ask for its help (before any '--'). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
