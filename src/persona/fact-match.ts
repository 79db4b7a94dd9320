// Which kept fact a question is about ("when do I deploy?" after "remember that I deploy on Fridays"): the
// words that carry meaning on both sides, reduced to a rough stem, and a threshold, so that a question
// about something else gets no fact at all rather than a random one. Pure.
import type { RememberedFact } from './prompt/remembered.js';

/** Words that carry no meaning of their own here: asking, pronouns, helpers, and the memory words. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but so of to in on at by for with from about into over as is am are was were be been being do does did done ' +
    'have has had having can could will would shall should may might must i me my mine myself you your yours we us our they them ' +
    'their he him his she her it its this that these those there here what when where which who whom whose why how whats ' +
    'remember remembers remembered recall know knew tell told said say again please not no yes any some all just really ' +
    'hey hi ok okay oh well then than too very also still ever usually always often now'
  ).split(' '),
);

/** A rough stem: "Fridays" and "Friday", "deploys", "deployed" and "deploying", "likes" and "like" meet. */
export function stem(word: string): string {
  let base = word.toLowerCase().replace(/'s$/u, '');
  if (base.length > 4 && base.endsWith('ies')) base = `${base.slice(0, -3)}y`;
  else if (base.length > 5 && base.endsWith('ing')) base = base.slice(0, -3);
  else if (base.length > 4 && base.endsWith('ed')) base = base.slice(0, -2);
  else if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss')) base = base.slice(0, -1);
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** The meaningful stems of a text, each once. */
export function contentStems(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word.replace(/'/g, '')) && !STOP_WORDS.has(word)).map(stem).filter((word) => word.length > 1));
}

/** At least this share of the question's meaningful words must be in the fact. */
export const MATCH_THRESHOLD = 0.5;

export interface FactMatch {
  /** Its place among the facts, from 0. */
  readonly index: number;
  readonly fact: RememberedFact;
  /** The share of the question's meaningful words found in it, 0 to 1. */
  readonly score: number;
}

/**
 * The fact a question is most about, when at least half of its meaningful words are in it; the latest of
 * equally good ones (a fact told again later is the one that holds). `ignore` names words that are not
 * part of the question (the buddy's name).
 */
export function bestFact(question: string, facts: readonly RememberedFact[], ignore: readonly string[] = []): FactMatch | undefined {
  const ignored = new Set(ignore.map(stem));
  const wanted = [...contentStems(question)].filter((word) => !ignored.has(word));
  if (wanted.length === 0) return undefined;
  let best: FactMatch | undefined;
  facts.forEach((fact, index) => {
    const have = contentStems(fact.text);
    const score = wanted.filter((word) => have.has(word)).length / wanted.length;
    if (score >= MATCH_THRESHOLD && (best === undefined || score >= best.score)) best = { index, fact, score };
  });
  return best;
}
