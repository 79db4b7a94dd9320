// What `buddy config language` adds after a change: whether the soul is in another language now (and
// how to rewrite it), and that offline the buddy keeps speaking English.
import { isEnglish, languageName, sameLanguage, type Language } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import type { StoredBuddy } from '../store/schema.js';

/** The language a stored soul was written in (souls from before languages are English). */
export function soulLanguageOf(buddy: StoredBuddy): string {
  return buddy.soulLanguage ?? 'en';
}

export function languageNotes(buddy: StoredBuddy | undefined, language: Language, env: NodeJS.ProcessEnv): string[] {
  if (!buddy) return [];
  const keyed = hasApiKey(env);
  const notes: string[] = [];
  const written = soulLanguageOf(buddy);
  if (keyed && !sameLanguage(written, language.tag)) {
    notes.push(`${buddy.name}'s soul is in ${languageName(written)}: buddy hatch --again offers to rewrite it in ${languageName(language.tag)}.`);
  }
  if (!keyed && !isEnglish(language.tag)) {
    notes.push(`Offline, ${buddy.name} speaks English; with ANTHROPIC_API_KEY set it answers in ${languageName(language.tag)}.`);
  }
  return notes;
}
