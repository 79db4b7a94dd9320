// The buddy's language: tags people type are checked and made canonical, the locale gives the default
// (LC_ALL, then LC_MESSAGES, then LANG; C and POSIX are English), and the card says when offline means English.
import { describe, expect, it } from 'vitest';
import { offlineLanguageNote } from '../../src/buddy/language-note.js';
import { canonicalLanguage, effectiveLanguage, isEnglish, languageName, languageOfLocale, sameLanguage } from '../../src/persona/language.js';

describe('canonicalLanguage', () => {
  it.each([
    ['de', 'de'],
    ['pt-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['JA', 'ja'],
    ['zh-hant', 'zh-Hant'],
    ['sr-latn-rs', 'sr-Latn-RS'],
    [' es-419 ', 'es-419'],
    ['en-US', 'en-US'],
  ])('takes %j as %j', (typed, canonical) => {
    expect(canonicalLanguage(typed)).toBe(canonical);
  });

  it.each(['', 'english', 'x-private', 'zz', 'und', 'qaa', 'de--DE', 'de DE', 'de-DE-', '1de', 'a'.repeat(36), 'de;rm -rf', 'i-klingon'])(
    'refuses %j',
    (typed) => {
      expect(canonicalLanguage(typed)).toBeUndefined();
    },
  );

  it('takes a well-formed tag of an unnamed language only when not asked to know it', () => {
    expect(canonicalLanguage('zz', false)).toBe('zz');
    expect(canonicalLanguage('zz', true)).toBeUndefined();
  });
});

describe('languageOfLocale', () => {
  it.each([
    ['de_DE.UTF-8', 'de-DE'],
    ['pt_BR', 'pt-BR'],
    ['sr_RS@latin', 'sr-RS'],
    ['ja_JP.eucJP', 'ja-JP'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['fr', 'fr'],
  ])('reads %j as %j', (locale, tag) => {
    expect(languageOfLocale(locale)).toBe(tag);
  });

  it('has nothing to say about an empty or unreadable locale', () => {
    expect(languageOfLocale('')).toBeUndefined();
    expect(languageOfLocale('not a locale!')).toBeUndefined();
  });
});

describe('effectiveLanguage', () => {
  it('uses the setting first', () => {
    expect(effectiveLanguage('ja', { LC_ALL: 'de_DE.UTF-8' })).toEqual({ tag: 'ja', origin: 'setting' });
  });

  it('then LC_ALL, LC_MESSAGES and LANG, in that order, skipping empty ones', () => {
    const all = { LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'es_ES.UTF-8' };
    expect(effectiveLanguage(undefined, all)).toEqual({ tag: 'fr-FR', origin: 'LC_ALL' });
    expect(effectiveLanguage(undefined, { ...all, LC_ALL: '' })).toEqual({ tag: 'de-DE', origin: 'LC_MESSAGES' });
    expect(effectiveLanguage(undefined, { LANG: 'es_ES.UTF-8' })).toEqual({ tag: 'es-ES', origin: 'LANG' });
  });

  it('reads C and POSIX, and a locale it cannot read, as English from that variable', () => {
    expect(effectiveLanguage(undefined, { LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).toEqual({ tag: 'en', origin: 'LC_ALL' });
    expect(effectiveLanguage(undefined, { LC_MESSAGES: 'POSIX', LANG: 'de_DE' })).toEqual({ tag: 'en', origin: 'LC_MESSAGES' });
    expect(effectiveLanguage(undefined, { LANG: '!!' })).toEqual({ tag: 'en', origin: 'LANG' });
  });

  it('is English when nothing says otherwise', () => {
    expect(effectiveLanguage(undefined, {})).toEqual({ tag: 'en', origin: 'default' });
  });
});

describe('language names and sameness', () => {
  it('names a language in English', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
    expect(languageName('ja')).toBe('Japanese');
  });

  it('counts every English as English, and other tags as themselves', () => {
    expect(isEnglish('en')).toBe(true);
    expect(isEnglish('en-GB')).toBe(true);
    expect(isEnglish('de')).toBe(false);
    expect(sameLanguage('en', 'en-US')).toBe(true);
    expect(sameLanguage('de', 'de')).toBe(true);
    expect(sameLanguage('pt-BR', 'pt-PT')).toBe(false);
    expect(sameLanguage('en', 'de')).toBe(false);
  });
});

describe('offlineLanguageNote', () => {
  it('says in one short line that the buddy speaks English offline, only when another language is set and there is no key', () => {
    expect(offlineLanguageNote({ language: 'de' }, {})).toBe('speaks English offline (de needs an API key)');
    expect(offlineLanguageNote({}, { LANG: 'ja_JP.UTF-8' })).toBe('speaks English offline (ja-JP needs an API key)');
    expect(offlineLanguageNote({ language: 'de' }, { ANTHROPIC_API_KEY: 'k' })).toBeUndefined();
    expect(offlineLanguageNote({ language: 'en-GB' }, {})).toBeUndefined();
    expect(offlineLanguageNote({}, {})).toBeUndefined();
  });
});
