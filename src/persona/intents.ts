// What a message to the buddy is about, for its offline replies: one intent, found by plain patterns in a
// fixed order (a question about the buddy itself first, a bare question last), and a word worth picking up.
// Pure and deterministic: the same message always reads the same way.
import type { TalkIntent } from '../species/voice.js';

const INTENT_PATTERNS: ReadonlyArray<readonly [TalkIntent, RegExp]> = [
  ['askName', /\b(?:what(?:'s| is) your name|who are you|what (?:should|do|can) i call you|your name)\b/],
  ['askStats', /\b(?:your stats?|stats|statistics|how strong|what are you good at|your (?:best|worst|strengths?|weakness(?:es)?)|good at debugging|your (?:patience|chaos|wisdom|snark|debugging))\b/],
  ['askSpecies', /\b(?:what are you|what kind of (?:creature|animal|thing|buddy|critter)|what species|which species|your species|what is a \w+|are you an? (?:cat|dog|crab|frog|bird|owl|fox|mouse|mole|otter|dragon|drake|moth|bunny|rabbit|ferret|deer|stag|whale|lynx|animal|creature|robot|bot))\b/],
  ['askMood', /\b(?:how are you|how(?:'s| is) it going|how do you feel|how are you feeling|are you (?:ok|okay|alright|happy|sad|tired|bored|awake)|you ok|your mood|in a good mood)\b/],
  ['insults', /\b(?:stupid|dumb|useless|idiot|hate you|shut up|annoying|ugly|go away|pointless|lame|worthless|bad buddy)\b/],
  ['praise', /\b(?:good (?:job|work|buddy|boy|girl|one|pet)|well done|great job|nice work|you(?:'re| are) (?:great|awesome|the best|cute|smart|clever|amazing|adorable|lovely|brilliant)|love you|best buddy|cutie)\b/],
  ['thanks', /\b(?:thanks|thank you|thank u|thx|ty|cheers|much appreciated)\b/],
  ['tests', /\b(?:tests?|testing|tested|specs?|ci|pipeline|flaky|coverage|assertions?|asserts?|vitest|jest|pytest|red build|green build)\b/],
  ['bugs', /\b(?:bugs?|buggy|glitch(?:es|y)?|broken|off[- ]by[- ]one|regression|race condition|debug(?:ging)?)\b/],
  ['errors', /\b(?:\w*errors?|\w*exceptions?|stack ?traces?|crash(?:ed|es|ing)?|panic(?:ked|s)?|segfaults?|traceback|fail(?:ed|s|ing|ure)?|null pointer|undefined is not)\b/],
  ['deploys', /\b(?:deploy(?:s|ed|ing|ment)?|ship(?:s|ped|ping)?|release[sd]?|releasing|production|prod|launch(?:ed|ing)?|rollout|roll(?:ing)? out|go(?:ing)? live)\b/],
  ['refactors', /\b(?:refactor(?:s|ed|ing)?|clean(?:ing)? up|cleanup|rewrit(?:e|ing)|renam(?:e|ing)|restructur(?:e|ing)|tech debt|legacy)\b/],
  ['coffee', /\b(?:coffee|espresso|latte|tea|caffeine|cappuccino|mocha|brew)\b/],
  ['lateHours', /\b(?:late|midnight|tonight|tired|sleepy|exhausted|can'?t sleep|insomnia|bedtime|up all night|yawn(?:ing)?|[1-4] ?am)\b/],
  ['breaks', /\b(?:break|rest|lunch|walk|nap|stretch|pause|vacation|holiday|weekend|snack)\b/],
  ['greeting', /\b(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|greetings|yo|morning|evening)\b/],
];

const YES_NO_START = /^(?:is|are|am|was|were|do|does|did|can|could|should|shall|will|would|have|has|had|may|might|must|isn'?t|aren'?t|don'?t|doesn'?t|won'?t|can'?t)\b/;
const OPEN_START = /^(?:what|why|how|when|where|who|which|whose)\b/;

/** Words never picked up: too common to mean anything, or the topic word itself. */
const STOPWORDS = new Set(
  (
    'about above after again against also always another anything around because been before being below between both ' +
    'came cannot could does doing done down during each else even ever every from further gets getting going gonna ' +
    'good have having here hers herself himself into itself just know like looks made make makes many maybe more most ' +
    'much must myself need needs never nothing once only other ours ourselves over please quite really right same ' +
    'seems should since some something soon still such sure take than that thats their theirs them themselves then ' +
    'there these they thing things think this those though through today together tomorrow very want wants wanna ' +
    'were what whats when where which while whom whose will with would yeah your yours yourself yourselves ' +
    'again already anyone anybody everything everyone somebody someone okay alright little lots kind sort stuff ' +
    'working worked works work trying tried tries keep keeps kept feel feels felt told tell tells said says ' +
    'found find finding fixed fixing fixes seeing seen went came started starting running wrote writing reading ' +
    'added adding removed removing changed changing broke happening happened again right left'
  ).split(' '),
);

export interface ReadMessage {
  readonly intent: TalkIntent;
  /** A word from the message worth saying back, when there is one. */
  readonly word: string | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message without the buddy's name (or @name) and the punctuation around it, in lower case. */
function withoutName(message: string, name: string): string {
  const trimmed = name.trim();
  const named = trimmed === '' ? message : message.replace(new RegExp(`@?${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])`, 'giu'), ' ');
  return named
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[\s,;:.!-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a word itself names an intent ("tests", "coffee"): saying it back would only echo the topic. */
function isTopicWord(word: string): boolean {
  return INTENT_PATTERNS.some(([, pattern]) => pattern.test(word));
}

function candidateWords(text: string, name: string): string[] {
  const words = text.match(/[\p{L}][\p{L}\p{N}_-]*[\p{L}\p{N}]/gu) ?? [];
  return words.filter((word) => {
    const lower = word.toLowerCase();
    return word.length >= 4 && word.length <= 16 && !STOPWORDS.has(lower) && lower !== name.trim().toLowerCase() && !isTopicWord(lower);
  });
}

/**
 * A word that starts a sentence loses its capital; any other word keeps its case: a name (Berlin), a name
 * in code (TypeError, useEffect, API).
 */
function asSaid(word: string, text: string): string {
  const startsSentence = new RegExp(`(?:^|[.!?]\\s+)${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, 'u').test(text.trim());
  return startsSentence && /^\p{Lu}\p{Ll}*$/u.test(word) ? word.toLowerCase() : word;
}

/** Words of the topic's neighbourhood are tried after the word just before it. */
const AFTER_TOPIC = 4;

/**
 * The word to pick up: the one just before the topic word when it qualifies ("the parser tests", "a login
 * bug"), else the first one soon after it ("a bug in the login form"), else the longest (the first of equals).
 */
function pickWord(original: string, name: string, topic: RegExp | undefined): string | undefined {
  const text = original.replace(/[’‘]/g, "'");
  const trimmedName = name.trim();
  // Where sentences start, once the name and the punctuation after it are gone.
  const unnamed = trimmedName === '' ? text : text.replace(new RegExp(`@?${escapeRegExp(trimmedName)}(?![\\p{L}\\p{N}_])[\\s,;:!-]*`, 'giu'), '');
  const words = candidateWords(text, name);
  if (words.length === 0) return undefined;
  if (topic) {
    const tokens = text.split(/[^\p{L}\p{N}_'-]+/u).filter(Boolean);
    const at = tokens.findIndex((token) => topic.test(token.toLowerCase()));
    if (at >= 0) {
      const before = at > 0 ? tokens[at - 1] : undefined;
      if (before && words.includes(before)) return asSaid(before, unnamed);
      const after = tokens.slice(at + 1, at + 1 + AFTER_TOPIC).find((token) => words.includes(token));
      if (after) return asSaid(after, unnamed);
    }
  }
  return asSaid(words.reduce((best, word) => (word.length > best.length ? word : best)), unnamed);
}

export function readMessage(message: string, name: string): ReadMessage {
  const text = withoutName(message, name);
  const found = INTENT_PATTERNS.find(([, pattern]) => pattern.test(text));
  if (found) return { intent: found[0], word: pickWord(message, name, found[1]) };
  const asks = text.endsWith('?');
  if (asks && YES_NO_START.test(text)) return { intent: 'yesNo', word: undefined };
  if (asks || OPEN_START.test(text)) return { intent: 'question', word: pickWord(message, name, undefined) };
  return { intent: 'chat', word: pickWord(message, name, undefined) };
}
