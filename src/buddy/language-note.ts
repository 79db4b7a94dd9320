// What the card says about language: offline, the buddy's own lines are English, whatever the language
// setting asks for; one short line says so, only when it matters.
import { effectiveLanguage, isEnglish } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import type { Settings } from '../store/schema.js';

export function offlineLanguageNote(settings: Pick<Settings, 'language'>, env: NodeJS.ProcessEnv): string | undefined {
  const language = effectiveLanguage(settings.language, env);
  if (isEnglish(language.tag) || hasApiKey(env)) return undefined;
  return `speaks English offline (${language.tag} needs an API key)`;
}
