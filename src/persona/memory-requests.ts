// What a message asks of the buddy's memory, read before any model call: keep a fact ("Pip, remember that
// I deploy on Fridays", "don't forget: standup moved to 10"), list what it keeps ("what do you remember?"),
// or let one go ("forget that I deploy on Fridays"). Only a request is read as one: "do you remember me?",
// "I remember that bug" and "remember when we shipped?" ask or tell, and are ordinary talk. Pure.
import { MAX_FACT_LENGTH } from './prompt/remembered.js';
import { sanitizeLine } from '../text/sanitize.js';

export type MemoryRequest =
  | { readonly kind: 'remember'; readonly text: string }
  | { readonly kind: 'recall' }
  | { readonly kind: 'forget'; readonly text: string }
  | { readonly kind: 'forgetAll' };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The message without the name that calls the buddy, at its start ("Pip, …", "hey @Pip …") or its end
 * ("…, Pip."), with straight quotes. A name inside the sentence stays: it may be part of the fact.
 */
export function withoutCall(message: string, name: string): string {
  const straight = message.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const trimmed = escapeRegExp(name.trim());
  if (trimmed === '') return straight;
  const start = new RegExp(`^(?:(?:hey|hi|hello|ok|okay|oh|so|and|please|yo)[\\s,]+)*@?${trimmed}(?![\\p{L}\\p{N}_])[\\s,;:!.-]*`, 'iu');
  const end = new RegExp(`[\\s,;:-]+@?${trimmed}([\\s.!?]*)$`, 'iu');
  return straight
    .replace(start, '')
    .replace(end, (_whole, tail: string) => (tail.includes('?') ? '?' : ''))
    .trim();
}

// "can you remember …?" asks for it politely; any other request ends without a question mark.
const POLITE = "(?:(?:can|could|would|will) you (?:please )?)";
const KEEP = "(?:remember|don't forget|do not forget|never forget|keep in mind|make a note)";
const REMEMBER = new RegExp(`^(?:please )?(${POLITE})?(?:please )?${KEEP}(?: (?:this|that|of|for me))?(?:\\s*[:,-]\\s*|\\s+)(.+)$`, 'iu');
const FORGET = /^(?:please )?(?:(?:can|could|would|will) you (?:please )?)?(?:forget|stop remembering|let go of)(?: (?:about|that))?(?:\s*[:,-]\s*|\s+)(.+)$/iu;
// What would be no fact at all: "remember me", "remember when we…", "remember to…", "forget it".
const NOT_A_FACT = /^(?:(?:me|us|you|him|her|it|this|that|them|anything|something)[\s.!?]*$|(?:when|how|what|where|who|why|to|if|whether)\b)/iu;
const EVERYTHING = /^(?:everything|it all|all of (?:it|that|them)|all (?:the |your )?(?:facts|memories|things))[\s.!]*$/iu;
const RECALL = new RegExp(
  [
    '^(?:so |and |ok |okay )?(?:what (?:do|did|else do|all do) you (?:remember|know about me|keep|have in mind)',
    'what have (?:i|you) (?:told you|told me|kept|remembered)|what did i (?:tell|ask) you(?: to (?:remember|keep))?',
    "what(?:'s| is) (?:in your memory|on your mind)|(?:list|show me|tell me) (?:what you (?:remember|know|keep)|your (?:memories|memory|facts))",
    'do you remember anything|what are your memories|your memories)(?: so far| about me| of me| for me)?[\\s.!?]*$',
  ].join('|'),
  'iu',
);

/** The fact as it will be kept: its words, one clean line, without the full stop or exclamation it was said with. */
function factText(rest: string): string {
  const words = sanitizeLine(rest, MAX_FACT_LENGTH * 2).replace(/[\s.!]+$/u, '').replace(/^["'](.*)["']$/u, '$1').trim();
  return sanitizeLine(words, MAX_FACT_LENGTH).trim();
}

/** What the message asks of the buddy's memory; undefined for anything else. */
export function readMemoryRequest(message: string, name: string): MemoryRequest | undefined {
  const said = withoutCall(message, name);
  if (RECALL.test(said)) return { kind: 'recall' };
  const keep = REMEMBER.exec(said);
  if (keep) {
    const rest = keep[2] ?? '';
    // A question is asked, not told ("remember that bug?"), unless it asks to keep ("can you remember …?").
    const asked = rest.trimEnd().endsWith('?');
    const body = asked && keep[1] ? rest.replace(/[\s?]+$/u, '') : rest;
    if ((asked && !keep[1]) || NOT_A_FACT.test(body)) return undefined;
    const text = factText(body);
    return text === '' ? undefined : { kind: 'remember', text };
  }
  const drop = FORGET.exec(said);
  if (drop) {
    const rest = (drop[1] ?? '').replace(/[\s?]+$/u, '');
    if (EVERYTHING.test(rest)) return { kind: 'forgetAll' };
    if (NOT_A_FACT.test(rest)) return undefined;
    const text = factText(rest);
    return text === '' ? undefined : { kind: 'forget', text };
  }
  return undefined;
}
