// The topic of a message: what a reply may say back ("the *parser* tests", "a bug in the *login form*"): one
// word, or two when they name one thing after the keyword. It must be noun-ish words of English: never a
// verb ("follow test"), a common word, a word of another language, the buddy's name or a keyword the message
// was recognised by. With no dictionary, a word the lexicon does not rule out still needs evidence that it
// names a thing: its place (after "the", "my" or "in"; before "is"; just before the keyword), its shape in
// code (useEffect, API, config.ts) or a capital in mid-sentence (Berlin). Anything else is left alone: a
// reply without the word is better than one built around the wrong word. Pure and deterministic.
import { isDescribingWord, isForeignFunctionWord, isNeverTopic } from './lexicon.js';

export interface Token {
  /** As written, without a possessive 's. */
  readonly text: string;
  readonly lower: string;
  /** Whether it starts a sentence (after the buddy's name, or after . ! ?). */
  readonly startsSentence: boolean;
  /** Whether it had an apostrophe other than a possessive 's (don't, it's, j'ai). */
  readonly contracted: boolean;
  /** Whether punctuation stands between it and the word before (a comma, a dash, the end of a sentence). */
  readonly breaksClause: boolean;
  /** Where it stands in the text: its first character, and the one after its last. */
  readonly start: number;
  readonly end: number;
}

/** Where the keyword a message was recognised by stands, in words ("tech debt" is two). */
export interface KeywordSpan {
  readonly first: number;
  readonly last: number;
}

/** Words that open a noun phrase: a word soon after one of them names a thing. */
const NOUN_OPENERS = new Set(
  (
    'the a an my your our their his her its this that these those some every each any another of in on at for ' +
    'from with about into under over behind inside near by via without around'
  ).split(' '),
);

/** Words that follow the subject of a sentence: "Berlin is far", "the cache keeps growing". */
const SUBJECT_FOLLOWERS = new Set(
  (
    'is are was were has have had keeps kept seems seemed looks looked just still will would wont won\'t ' +
    'doesn\'t isn\'t wasn\'t can\'t broke fails failed crashed crashes works worked passes passed died went needs got'
  ).split(' '),
);

/** Longest a topic word may be; anything longer is a path or a paste, not a word to say back. */
const MAX_TOPIC_LENGTH = 24;
/** Words of the keyword's neighbourhood are tried after the word just before it. */
const AFTER_KEYWORD = 4;
/** How many describing words may stand between an opener and the word ("the big red button"). */
const OPENER_REACH = 3;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The words of a text with where each stands; the text has the buddy's name taken out already. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/’/g, "'");
    const between = text.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    const possessive = /^(.+)'s$/i.exec(raw);
    const word = possessive?.[1] ?? raw;
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      startsSentence: tokens.length === 0 || /[.!?]/.test(between),
      contracted: word.includes("'"),
      breaksClause: /[,;:.!?()\u2013\u2014]|\s-+\s/.test(between),
      start: match.index,
      end: previousEnd,
    });
  }
  return tokens;
}

/** Shaped like a name in code: useEffect, TypeScript, API, config.ts, user_id, v2. */
function codeLike(word: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(word) || /^\p{Lu}{2,}$/u.test(word) || (/[_.\d]/.test(word) && /\p{L}/u.test(word) && !/^\d/.test(word));
}

/** Forms that are almost never nouns: -ly adverbs, -ed participles, -ous/-ful/-less adjectives. */
function describingShape(lower: string): boolean {
  return /ly$/.test(lower) || /(?<!e)ed$/.test(lower) || /(?:ous|ful|less|ish)$/.test(lower);
}

/** Whether the word could be a topic at all, whatever its place. */
function couldBeTopic(token: Token, name: string, isKeyword: (lower: string) => boolean): boolean {
  const { text, lower } = token;
  if (token.contracted || /[^\x20-\x7e]/.test(text) || /^\d/.test(text)) return false;
  if (text.length > MAX_TOPIC_LENGTH || text.length < (codeLike(text) ? 2 : 4)) return false;
  if (lower === name || isNeverTopic(lower) || isForeignFunctionWord(lower) || isKeyword(lower)) return false;
  return codeLike(text) || !describingShape(lower);
}

/** After an opener, with only describing or unknown words between ("in the cache layer", "a big red button"). */
function afterOpener(tokens: readonly Token[], at: number): boolean {
  for (let back = at - 1; back >= 0 && back >= at - 1 - OPENER_REACH; back--) {
    const before = tokens[back] as Token;
    if (NOUN_OPENERS.has(before.lower)) return true;
    const insidePhrase = isDescribingWord(before.lower) || !isNeverTopic(before.lower);
    if (!insidePhrase || before.startsSentence) return false;
  }
  return false;
}

/** Evidence from its place or shape that the word names a thing. */
function namesAThing(tokens: readonly Token[], at: number, keywordAt: number | undefined): boolean {
  const token = tokens[at] as Token;
  if (codeLike(token.text)) return true;
  if (!token.startsSentence && /^\p{Lu}\p{Ll}+$/u.test(token.text)) return true;
  if (keywordAt === at + 1) return true;
  const next = tokens[at + 1];
  if (next && SUBJECT_FOLLOWERS.has(next.lower)) return true;
  return afterOpener(tokens, at);
}

/** A word that starts a sentence loses its capital; any other keeps its case (Berlin, TypeError, API). */
function asSaid(token: Token): string {
  return token.startsSentence && /^\p{Lu}\p{Ll}*$/u.test(token.text) ? token.lower : token.text;
}

/** Which words make the topic: the first and the last (the same word, or two: "login form"). */
interface Span {
  readonly first: number;
  readonly last: number;
}

/** The topic of talk about a work topic: words bound to the keyword, or a name from code anywhere. */
function boundToKeyword(tokens: readonly Token[], keyword: KeywordSpan | undefined, qualifies: (at: number) => boolean): Span | undefined {
  if (keyword) {
    const { first, last } = keyword;
    // Just before it, in the same clause: "the parser tests", "the useEffect bug".
    if (first > 0 && !(tokens[first] as Token).breaksClause && qualifies(first - 1)) return { first: first - 1, last: first - 1 };
    // The noun phrase right after it, in the same clause, of one or two nouns: "a bug in the login form",
    // "refactoring the router".
    for (let at = last + 1; at <= last + AFTER_KEYWORD && at < tokens.length; at++) {
      const token = tokens[at] as Token;
      if (token.breaksClause) break;
      if (qualifies(at)) return { first: at, last: tokens[at + 1]?.breaksClause === false && qualifies(at + 1) ? at + 1 : at };
      if (!NOUN_OPENERS.has(token.lower) && !isDescribingWord(token.lower)) break;
    }
  }
  // "config.ts has an error": a name from code is what the message is about, wherever it stands.
  const named = tokens.findIndex((token, at) => codeLike(token.text) && qualifies(at));
  return named >= 0 ? { first: named, last: named } : undefined;
}

/**
 * The topic. About a work topic (`keyword` is where its keyword stands, when it is in words of its own),
 * only a word bound to the keyword: a line will say it back as "the {word} tests", so any other word would be
 * misplaced. Otherwise (questions, chat: `about` is false) the longest word that names a thing, the first of
 * equals: lines say it back in quotes.
 */
export function findTopic(tokens: readonly Token[], name: string, about: { readonly keyword: KeywordSpan | undefined } | false, isKeyword: (lower: string) => boolean): string | undefined {
  const lowerName = name.trim().toLowerCase();
  const keyword = about ? about.keyword : undefined;
  const qualifies = (at: number): boolean => {
    const token = tokens[at];
    return token !== undefined && couldBeTopic(token, lowerName, isKeyword) && namesAThing(tokens, at, keyword?.first);
  };
  if (about) {
    const span = boundToKeyword(tokens, keyword, qualifies);
    return span && tokens.slice(span.first, span.last + 1).map(asSaid).join(' ');
  }
  let best: number | undefined;
  for (let at = 0; at < tokens.length; at++) {
    if (qualifies(at) && (best === undefined || (tokens[at] as Token).text.length > (tokens[best] as Token).text.length)) best = at;
  }
  return best === undefined ? undefined : asSaid(tokens[best] as Token);
}
