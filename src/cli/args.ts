// Thin wrapper over node:util parseArgs that turns its exceptions into one-line usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
  maxPositionals: number,
) {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > maxPositionals) {
      throw new UsageError(`${command}: unexpected argument '${parsed.positionals[maxPositionals]}'`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const ambiguous = /^Option '(-[^']*)' argument is ambiguous/.exec(error instanceof Error ? error.message : '');
    if (ambiguous) {
      throw new UsageError(`${command}: ${ambiguous[1]} needs a value (one that starts with '-' is written ${ambiguous[1]}=VALUE)`);
    }
    // parseArgs messages are long and mention internals; keep the useful first sentence.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0] : String(error);
    throw new UsageError(`${command}: ${message?.replace(/^Unknown option/, 'unknown option')}`);
  }
}

export function parseCount(command: string, flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${command}: ${flag} must be a whole number`);
  const number = Number(value);
  if (number < 1 || number > max) throw new UsageError(`${command}: ${flag} must be between 1 and ${max}`);
  return number;
}
