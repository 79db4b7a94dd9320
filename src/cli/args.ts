// Parses a command's arguments with the flags its spec declares (command-specs.ts), over node:util
// parseArgs, and turns parseArgs' exceptions into one-line usage errors.
import { parseArgs } from 'node:util';
import type { CommandSpec, Flags } from './command-specs.js';
import { UsageError } from './command-errors.js';

/** What a message about this command starts with: `roll: `, nothing for the pet (`buddy` alone). */
function prefixOf(spec: CommandSpec): string {
  return spec.name === '' ? '' : `${spec.name}: `;
}

/** Of a flag parseArgs names as `-n, --lines`, the form that was typed. */
function typedForm(argv: readonly string[], label: string): string {
  const forms = label.split(', ');
  return forms.find((form) => argv.includes(form)) ?? forms[forms.length - 1] ?? label;
}

/** parseArgs' messages are long and name its internals; say the same in Buddy's words. */
function usageErrorOf(spec: CommandSpec, argv: readonly string[], message: string): UsageError {
  const prefix = prefixOf(spec);
  const ambiguous = /^Option '(-[^']*)' argument is ambiguous/.exec(message);
  if (ambiguous) return new UsageError(`${prefix}${ambiguous[1]} needs a value`, `one that starts with '-' is written ${ambiguous[1]}=VALUE`);
  const missing = /^Option '([^ ']+(?:, --[^ ']+)?) <value>' argument missing/.exec(message);
  if (missing) return new UsageError(`${prefix}${typedForm(argv, missing[1]!)} needs a value`);
  const valued = /^Option '([^ ']+(?:, --[^ ']+)?)' does not take an argument/.exec(message);
  if (valued) return new UsageError(`${prefix}${typedForm(argv, valued[1]!)} takes no value`);
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (unknown) return new UsageError(`${prefix}unknown option '${unknown[1]}'`);
  return new UsageError(`${prefix}${message.split(/\.\s/)[0]}`);
}

export function parseCommandArgs<const F extends Flags>(spec: CommandSpec<F>, argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: spec.flags, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(spec, argv, error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > spec.positionals) {
    throw new UsageError(`${prefixOf(spec)}unexpected argument '${parsed.positionals[spec.positionals]}'`);
  }
  return parsed;
}

export function parseCount(command: string, flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${command}: ${flag} must be a whole number`);
  const number = Number(value);
  if (number < 1 || number > max) throw new UsageError(`${command}: ${flag} must be between 1 and ${max}`);
  return number;
}
