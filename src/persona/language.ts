// The language the buddy speaks with a model: a BCP 47 tag, set with `buddy config language` or taken
// from the locale (LC_ALL, then LC_MESSAGES, then LANG; C and POSIX mean English). Offline, the buddy's own
// lines are English whatever this says.

export const ENGLISH = 'en';
/** Long enough for any real tag (language, script, region, variants), short enough to show on one line. */
const MAX_TAG_LENGTH = 35;
/** The shape of a tag as stored in the config; the full check (Intl) runs when a tag is set. */
export const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$/;

export type LanguageOrigin = 'setting' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'default';

export interface Language {
  /** A canonical BCP 47 tag, e.g. `de`, `pt-BR`. */
  readonly tag: string;
  readonly origin: LanguageOrigin;
}

// Locale names cost about 15 ms to load the first time: only `buddy config` and model calls ask for them,
// never the statusline or the pet's first frame.
function knownLanguage(primary: string): boolean {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primary) !== undefined;
  } catch {
    // A Node built without locale names: a well-formed tag is the best check there is.
    return true;
  }
}

/**
 * The canonical form of a tag (`pt_br` becomes `pt-BR`), or undefined for one that is not well-formed BCP 47
 * (`x-private`, `english`). `known` also refuses languages without a name (`zz`, `und`, `qaa`): what a
 * person types is checked that far; a locale from the environment only for its form.
 */
export function canonicalLanguage(text: string, known = true): string | undefined {
  const candidate = text.trim().replace(/_/g, '-');
  if (candidate.length === 0 || candidate.length > MAX_TAG_LENGTH || !LANGUAGE_TAG_PATTERN.test(candidate)) return undefined;
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(candidate)[0];
  } catch {
    return undefined;
  }
  if (tag === undefined) return undefined;
  const primary = tag.split('-')[0] ?? '';
  if (primary === 'und' || /^q[a-t][a-z]$/.test(primary)) return undefined;
  return known && !knownLanguage(primary) ? undefined : tag;
}

/** `de_DE.UTF-8` or `sr_RS@latin` as a tag (`de-DE`, `sr-RS`); C and POSIX are English. */
export function languageOfLocale(locale: string): string | undefined {
  const base = locale.trim().split('@')[0]?.split('.')[0] ?? '';
  if (base === '') return undefined;
  if (base === 'C' || base === 'POSIX') return ENGLISH;
  return canonicalLanguage(base, false);
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** The English name of a tag: `German`, `Brazilian Portuguese`; the tag itself when there is none. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The language in use: the setting when there is one, else the first locale variable that is set (an
 * unreadable one counts as English, as the C library treats it), else English.
 */
export function effectiveLanguage(setting: string | undefined, env: NodeJS.ProcessEnv): Language {
  // The setting was checked in full when it was set, and its form again when the config was read.
  const valid = setting === undefined ? undefined : canonicalLanguage(setting, false);
  if (valid) return { tag: valid, origin: 'setting' };
  for (const variable of LOCALE_VARIABLES) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') continue;
    return { tag: languageOfLocale(value) ?? ENGLISH, origin: variable };
  }
  return { tag: ENGLISH, origin: 'default' };
}

/** The language line's facts for a prompt: the tag and its English name. */
export function promptLanguage(language: Language): { readonly tag: string; readonly name: string } {
  return { tag: language.tag, name: languageName(language.tag) };
}

/** English in any region is English: en-GB does not need a soul rewritten from en. */
export function isEnglish(tag: string): boolean {
  return tag.split('-')[0]?.toLowerCase() === ENGLISH;
}

/** Whether a soul written in `written` reads right for someone who chose `wanted`. */
export function sameLanguage(written: string, wanted: string): boolean {
  return (isEnglish(written) && isEnglish(wanted)) || written.toLowerCase() === wanted.toLowerCase();
}
