// `buddy config [KEY [VALUE]]`: show or change settings (animation, statusline layout, model, muted,
// language, care, and what the buddy does with a coding session: watch and the model remarks' budget). Only the known keys exist (not `toString` or `__proto__`); `default` or `--unset` returns
// one to its default.
import { canonicalLanguage, effectiveLanguage, languageName } from '../../persona/language.js';
import { isModelName, modelName } from '../../persona/model-client.js';
import { asciiOnly } from '../../render/terminal.js';
import { openConfigStore } from '../../store/config-store.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import {
  DEFAULT_SETTINGS,
  MAX_REMARK_TOKENS_PER_DAY,
  MAX_REMARKS_PER_HOUR,
  SETTING_KEYS,
  STATUSLINE_LAYOUTS,
  WATCH_MODES,
  type SettingKey,
  type Settings,
} from '../../store/schema.js';
import { CONFIG } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';

/** A whole number from 0 to `max`, written in digits only. */
const wholeUpTo = (value: string, max: number): number | undefined => {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const parsed = Number(value);
  return parsed <= max ? parsed : undefined;
};

const onOff = (value: string): boolean | undefined => (value === 'on' || value === 'true' ? true : value === 'off' || value === 'false' ? false : undefined);

/** Each key's parser gives the new settings, or undefined for a value it refuses. */
const PARSERS: Readonly<Record<SettingKey, (value: string, settings: Settings) => Settings | undefined>> = {
  animation: (value, settings) => {
    const parsed = onOff(value);
    return parsed === undefined ? undefined : { ...settings, animation: parsed };
  },
  muted: (value, settings) => {
    const parsed = onOff(value);
    return parsed === undefined ? undefined : { ...settings, muted: parsed };
  },
  statuslineLayout: (value, settings) => {
    const layout = STATUSLINE_LAYOUTS.find((option) => option === value);
    return layout === undefined ? undefined : { ...settings, statuslineLayout: layout };
  },
  model: (value, settings) => (isModelName(value) ? { ...settings, model: value } : undefined),
  care: (value, settings) => {
    const parsed = onOff(value);
    return parsed === undefined ? undefined : { ...settings, care: parsed };
  },
  language: (value, settings) => {
    const tag = canonicalLanguage(value);
    return tag === undefined ? undefined : { ...settings, language: tag };
  },
  watch: (value, settings) => {
    const mode = WATCH_MODES.find((option) => option === value);
    return mode === undefined ? undefined : { ...settings, watch: mode };
  },
  remarksPerHour: (value, settings) => {
    const parsed = wholeUpTo(value, MAX_REMARKS_PER_HOUR);
    return parsed === undefined ? undefined : { ...settings, remarksPerHour: parsed };
  },
  remarkTokensPerDay: (value, settings) => {
    const parsed = wholeUpTo(value, MAX_REMARK_TOKENS_PER_DAY);
    return parsed === undefined ? undefined : { ...settings, remarkTokensPerDay: parsed };
  },
};

const HINTS: Readonly<Record<SettingKey, string>> = {
  animation: 'on or off',
  muted: 'on or off',
  statuslineLayout: STATUSLINE_LAYOUTS.join(' or '),
  model: 'a model name such as claude-haiku-4-5',
  care: 'on or off',
  language: 'a BCP 47 language tag such as de, pt-BR or ja',
  watch: WATCH_MODES.join(', ').replace(/, (?=[^,]*$)/, ' or '),
  remarksPerHour: `a whole number from 0 to ${MAX_REMARKS_PER_HOUR}`,
  remarkTokensPerDay: `a whole number from 0 to ${MAX_REMARK_TOKENS_PER_DAY}`,
};

function show(value: unknown): string {
  if (value === true) return 'on';
  if (value === false) return 'off';
  return value === undefined ? '(default)' : String(value);
}

/**
 * A setting's value as shown. Without a setting, the language says which locale it came from and the model
 * which it is (and when BUDDY_MODEL chose it).
 */
function shown(key: SettingKey, settings: Settings, env: NodeJS.ProcessEnv): string {
  if (key === 'language' && settings.language === undefined) {
    const language = effectiveLanguage(undefined, env);
    return `(default: ${language.tag}${language.origin === 'default' ? '' : `, from ${language.origin}`})`;
  }
  if (key === 'model' && settings.model === undefined) {
    const model = modelName(env, undefined);
    return `(default: ${model}${model === env.BUDDY_MODEL ? ', from BUDDY_MODEL' : ''})`;
  }
  return show(settings[key]);
}

/** A key the user typed, if it is one of ours (own keys only: `toString` is not a setting). */
function settingKey(name: string): SettingKey | undefined {
  return SETTING_KEYS.find((key) => key === name);
}

function withDefault(settings: Settings, key: SettingKey): Settings {
  const { [key]: _old, ...rest } = settings;
  return { ...DEFAULT_SETTINGS, ...rest, ...(DEFAULT_SETTINGS[key] === undefined ? {} : { [key]: DEFAULT_SETTINGS[key] }) };
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(CONFIG, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  const [name, value] = positionals;
  const settings = readConfigSnapshot(io.env).settings;
  if (name === undefined) {
    if (values.unset) throw new UsageError('config: --unset needs a key', 'e.g. buddy config model --unset');
    const width = Math.max(...SETTING_KEYS.map((key) => key.length));
    for (const key of SETTING_KEYS) writeLine(io.stdout, `${key.padEnd(width)} ${shown(key, settings, io.env)}`);
    return 0;
  }
  const key = settingKey(name);
  if (!key) throw new UsageError(`config: unknown setting '${name}'`, `one of ${SETTING_KEYS.join(', ')}`);
  if (values.unset && value !== undefined) throw new UsageError('config: give a value or --unset, not both');
  if (value === undefined && !values.unset) {
    writeLine(io.stdout, shown(key, settings, io.env));
    return 0;
  }
  const reset = values.unset || value === 'default';
  const stored = openConfigStore(io.env).update((config) => {
    const next = reset ? withDefault(config.settings, key) : PARSERS[key](value ?? '', config.settings);
    if (!next) throw new UsageError(`config: ${key} must be ${HINTS[key]}, or default`);
    config.settings = next;
  });
  if (key !== 'language') {
    // A setting without a value already says it is the default; one with a value says so once.
    const isSet = stored.settings[key] !== undefined;
    writeLine(io.stdout, `${key} = ${shown(key, stored.settings, io.env)}${reset && isSet ? ' (default)' : ''}`);
    return 0;
  }
  const { languageNotes } = await import('../language-notes.js');
  const language = effectiveLanguage(stored.settings.language, io.env);
  writeLine(io.stdout, `language = ${language.tag} (${languageName(language.tag)}${reset ? `, the default${language.origin === 'default' ? '' : ` from ${language.origin}`}` : ''})`);
  for (const note of languageNotes(stored.buddy, language, io.env)) writeLine(io.stdout, note);
  return 0;
}
