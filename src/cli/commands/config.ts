// `buddy config [KEY [VALUE]]`: show or change settings (animation, statusline layout, model, muted).
import { openConfigStore } from '../../store/config-store.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import type { Settings } from '../../store/schema.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';

type Key = keyof Settings;

const PARSERS: Readonly<Record<Key, (value: string) => Settings[Key] | undefined>> = {
  animation: (value) => (value === 'on' || value === 'true' ? true : value === 'off' || value === 'false' ? false : undefined),
  muted: (value) => (value === 'on' || value === 'true' ? true : value === 'off' || value === 'false' ? false : undefined),
  statuslineLayout: (value) => (value === 'compact' || value === 'full' ? value : undefined),
  model: (value) => (/^[\w.:-]{1,100}$/.test(value) ? value : undefined),
};

const HINTS: Readonly<Record<Key, string>> = {
  animation: 'on or off',
  muted: 'on or off',
  statuslineLayout: 'compact or full',
  model: 'a model name such as claude-haiku-4-5',
};

function show(value: unknown): string {
  if (value === true) return 'on';
  if (value === false) return 'off';
  return value === undefined ? '(default)' : String(value);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('config', argv, {}, 2);
  const [key, value] = positionals;
  const settings = readConfigSnapshot(io.env).settings;
  if (key === undefined) {
    for (const name of Object.keys(PARSERS) as Key[]) writeLine(io.stdout, `${name.padEnd(17)} ${show(settings[name])}`);
    return 0;
  }
  if (!(key in PARSERS)) throw new UsageError(`config: unknown setting '${key}' (one of ${Object.keys(PARSERS).join(', ')})`);
  const name = key as Key;
  if (value === undefined) {
    writeLine(io.stdout, show(settings[name]));
    return 0;
  }
  const parsed = PARSERS[name](value);
  if (parsed === undefined) throw new UsageError(`config: ${name} must be ${HINTS[name]}`);
  openConfigStore(io.env).update((config) => {
    config.settings = { ...config.settings, [name]: parsed };
  });
  writeLine(io.stdout, `${name} = ${show(parsed)}`);
  return 0;
}
