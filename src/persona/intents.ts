// What a message to the buddy says, for its offline replies, read before any line is chosen: one intent
// (a question about the buddy itself, praise or an insult, thanks, talk about a topic, bad or good news, a
// greeting, a question, or just chat), whether it brings bad or good news, and its topic, what a reply
// may say back (topic.ts). Greetings, thanks and the questions about the buddy are known in a few other
// languages too; a message in another language never lends a word to a reply. Pure and deterministic.
import type { TalkIntent } from '../species/voice.js';
import { isEnglishMarker, isForeignFunctionWord } from './lexicon.js';
import { findTopic, tokenize, type KeywordSpan, type Token } from './topic.js';

export type News = 'bad' | 'good';

export interface Reading {
  readonly intent: TalkIntent;
  /** Bad or good news, when the message brings some. */
  readonly news: News | undefined;
  /** What of the message a reply may say back (a noun, or two), for talk about a topic, questions and chat. */
  readonly topic: string | undefined;
}

/** Whole words and phrases in any script: a letter or digit on either side breaks a match. */
function phrases(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'u');
}

const ASK_NAME = phrases(
  [
    "what(?:'s| is| was) (?:your|ur) name|who are (?:you|u)|what (?:should|do|can|shall|may) i call you|what are you called",
    '(?:tell me|say) your name|(?:your|ur) name|^name\\W*$',
    "comment (?:tu t'appelles|t'appelles[- ]tu|vous appelez[- ]vous|vous vous appelez)|tu t'appelles comment|quel est ton nom",
    "c'est quoi ton nom|qui es[- ]tu|ton nom|wie hei(?:ß|ss)t du|wie ist dein name|wer bist du|dein name",
    'c[oó]mo te llamas|cu[aá]l es tu nombre|qui[eé]n eres|come ti chiami|qual [eè] il tuo nome|chi sei',
    'como (?:voc[eê] se chama|te chamas|se chama)|qual [eé] o (?:seu|teu) nome|quem [eé] voc[eê]|hoe heet je|wie ben jij|wat is je naam',
  ].join('|'),
);
const ASK_SPECIES = phrases(
  [
    'what are (?:you|u)(?: exactly| really)?(?=\\W*$)|what kind of (?:creature|animal|thing|buddy|critter) are you|what species|which species',
    'your species|are you an? (?:cat|dog|crab|frog|bird|owl|fox|mouse|mole|otter|dragon|drake|moth|bunny|rabbit|ferret|deer|stag|whale|lynx|animal|creature|robot|bot)',
    "qu'est[- ]ce que tu es|tu es quoi|was bist du|qu[eé] eres|cosa sei|o que [eé] voc[eê]",
  ].join('|'),
);
const ASK_STATS = phrases(
  'your stats?|stats|statistics|how strong|what are you good at|your (?:best|worst|strengths?|weakness(?:es)?)|good at debugging|your (?:patience|chaos|wisdom|snark|debugging)',
);
const ASK_MOOD = phrases(
  [
    "how are (?:you|u)|how(?:'s| is) it going|how do you feel|how are you feeling|how have you been|how you doing",
    'are you (?:ok|okay|alright|happy|sad|tired|bored|awake|hungry|sleepy|lonely|grumpy|well)|you (?:ok|okay|good|alright)(?=\\W*$)|your mood|in a good mood',
    "comment (?:ça|ca) va|(?:ça|ca) va\\W*\\?|comment vas[- ]tu|comment allez[- ]vous|tu vas bien|wie geht(?:'s| es)?|wie gehts",
    'c[oó]mo est[aá]s|c[oó]mo va|qu[eé] tal|come stai|come va|como (?:vai|est[aá]s?)|tudo bem|hoe gaat het|hoe is het',
  ].join('|'),
);
// Only words said about the buddy are an insult; "this bug is annoying" is bad news.
const INSULTS = phrases(
  [
    "(?:you(?:'re| are)?|ur|what an?) (?:(?:so|such an?|really|a|an|the|very|totally|just) )*(?:stupid|dumb|useless|idiot|idiotic|annoying|ugly|pointless|lame|worthless|rubbish|trash|garbage|the worst)",
    '(?:you|u) suck|shut up|go away|hate you|nobody likes you|(?:nobody|no one) asked(?: you)?|bad (?:buddy|pet|bot)',
    '(?:stupid|dumb|useless|annoying|ugly|worthless|lame) (?:buddy|pet|bot|thing|creature|critter|animal)|^(?:stupid|dumb|useless|idiot|lame|ugly|annoying|worthless)\\W*$',
  ].join('|'),
);
const PRAISE = phrases(
  [
    'good (?:job|work|buddy|boy|girl|one|pet)|well done|great (?:job|work)|nice (?:work|job|one)|love you|best buddy|cutie|bravo|kudos|proud of you',
    "you(?:'re| are) (?:(?:so|such an?|really|the|very|a|an) )*(?:great|awesome|the best|cute|smart|clever|amazing|adorable|lovely|brilliant|wonderful|helpful|sweet|funny|cool|a star|a genius)",
  ].join('|'),
);
const THANKS = phrases(
  'thanks|thank you|thank u|thx|ty|cheers|much appreciated|appreciate (?:it|you|that)|merci|danke|gracias|grazie|obrigad[oa]|dank je|dank u|bedankt|arigato|спасибо|ありがとう|谢谢|감사합니다',
);
const GREETING = phrases(
  [
    'hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|greetings|yo|morning|evening|(?:i\'m|im|i am) back|long time no see',
    'bonjour|bonsoir|salut|coucou|hallo|guten (?:morgen|tag|abend)|servus|moin|hola|buen(?:os|as) (?:d[ií]as|tardes|noches)',
    'ciao|buongiorno|buonasera|ol[aá]|bom dia|boa (?:tarde|noite)|hoi|goedemorgen|hej|привет|こんにちは|你好|안녕',
  ].join('|'),
);

// Asked for a joke, or for something funny.
const JOKE = phrases(
  "(?:tell|know|got|have|say|hear)(?: me)?(?: a| any| another| one more| some)?(?: good| bad| funny| dad| programming)? jokes?|knock,? knock|make me (?:laugh|smile)|something funny|cheer me up|^(?:a )?jokes?\\W*$",
);
/** Doing words a request names: what it is asked to do (some only with what follows: "merge conflicts" is no request). */
const WHAT = 'a|an|the|my|me|us|it|this|that|some';
const DOING = [
  'fix|write|find|check|review|run|debug|explain|remind|watch|help (?:me|with)|look at|send|get me|bring|google|search|read|dance|sing',
  `(?:do|make|build|commit|push|merge|type|book) (?:${WHAT})|order (?:${WHAT}|food|pizza|lunch|dinner)`,
].join('|');
// Asked to do something ("can you review my PR?", "please check the logs", "explain closures"): told after
// the topics, so "fix the tests" is about the tests.
const REQUEST = phrases(`(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:${DOING})|^(?:please |pls )?(?:${DOING})|please (?:${DOING})`);

/** The topics it knows, each with its keywords; the order settles a message about two of them. */
const WORK_TOPICS: ReadonlyArray<readonly [TalkIntent, RegExp]> = [
  ['tests', phrases('tests?|testing|tested|specs?|ci|pipeline|flaky|coverage|assertions?|asserts?|vitest|jest|pytest|test suite|red build|green build')],
  ['bugs', phrases('bugs?|buggy|glitch(?:es|y)?|off[- ]by[- ]one|regression|race condition|debug(?:ging)?')],
  ['errors', phrases('[\\p{L}\\p{N}_]*errors?|[\\p{L}\\p{N}_]*exceptions?|stack ?traces?|crash(?:ed|es|ing)?|panic(?:ked|s)?|segfaults?|traceback|null pointer|undefined is not')],
  ['deploys', phrases('deploy(?:s|ed|ing|ment)?|ship(?:s|ped|ping)?|release[sd]?|releasing|production|prod|launch(?:ed|ing)?|rollout|roll(?:ing)? out|go(?:ing)? live')],
  ['refactors', phrases('refactor(?:s|ed|ing)?|clean(?:ing)? up|cleanup|rewrit(?:e|ing)|renam(?:e|ing)|restructur(?:e|ing)|tech debt|legacy')],
];

/** Topics of the day rather than of the work: news about them is just news. */
const DAY_TOPICS: ReadonlyArray<readonly [TalkIntent, RegExp]> = [
  ['coffee', phrases('coffee|espresso|latte|tea|caffeine|cappuccino|mocha|brew')],
  ['lateHours', phrases("late|midnight|tonight|tired|sleepy|exhausted|can'?t sleep|insomnia|bed|bedtime|good ?night|up all night|yawn(?:ing)?|[1-4] ?am")],
  [
    'breaks',
    phrases(
      [
        '(?:take|taking|took|need|needs|have|having|a|my|on|lunch|coffee|short|quick|tea) (?:a )?break|break time|(?:some|get|getting|need) rest|lunch|(?:a|for a) walk|nap|stretch(?:ing)?|vacation|holiday|weekend|snack',
        // Food is a break too: whoever is hungry should go and eat.
        'starving|hungry|breakfast|dinner|food|pizza|sandwich',
      ].join('|'),
    ),
  ],
];

const BAD_NEWS = phrases(
  [
    'fail(?:s|ed|ing|ure|ures)?|broke|broken|crash(?:ed|es|ing)?|outage|flaky|regression|lost|died|dead|dying|stuck|wrong|awful|terrible|horrible',
    'worst|sucks?|rejected|reverted|roll(?:ed|ing)? back|rollback|blocked|tim(?:es|ed|ing) out|timeouts?|hangs|hanging|hung|froze|frozen|freezes|slow|ugh|argh|damn|sad|upset',
    'stressed|nightmare|disaster|mess|oops|bad|problems?|no luck|not again|frustrat\\w*|annoy(?:ed|ing)|dropped|on fire|driving me (?:crazy|nuts|mad)',
    // Said of themselves or their work (said of the buddy, they are insults, read first).
    'hate[sd]?|idiot|(?:stupid|dumb)(?! questions?)|useless|g(?:ive|iving|ave) up',
    '(?<!(?:take|taking|took|need|needs|more|short|quick|lunch|coffee|tea) )break(?:s|ing)|(?:is|are|went|goes|was|were|still|all) down|down again',
    "(?:is|are|went|turned|still|all|stays?) red|red again|(?:doesn't|does not|don't|do not|won't|will not|isn't|is not|not|never|stopped|nothing) work(?:s|ing|ed)?",
  ].join('|'),
);
// Resolution words first: "finally fixed the failing test" is good news.
const RESOLVED = 'fixed|solved|resolved|squashed|(?:bugs?|errors?|exceptions?|crash(?:es)?|warnings?) (?:is|are) gone|figured (?:it )?out|found (?:it|the (?:bug|problem|cause))|(?:works|working) (?:now|again)|green again|back up';
const GOOD_NEWS = phrases(
  [
    RESOLVED,
    "pass(?:es|ed|ing)?|(?:is|are|went|turned|all|now) green|green now|(?:it|that|everything|this) works|(?:is|it's|its) working",
    "shipped|merged|released|launched|deployed|went live|is live|(?:we're|we are) live|finished|succeeded|success(?:ful|fully)?|approved",
    'not (?:too |so |that |half )?bad|nailed it|yay|woo+hoo+|hooray|hurray|finally|good news|great news|got it working|all good|looks? good|went (?:well|smoothly|fine|great)|promoted|got the job',
  ].join('|'),
);
const RESOLVED_NEWS = phrases(RESOLVED);
/** Trouble denied with these is over, which is good news: "the tests are not failing anymore". */
const NO_LONGER = phrases('anymore|any more|no longer');

const NEGATIONS = /^(?:not|no|never|nothing|without|longer|hardly|\w+n't)$/;
const YES_NO_START = /^(?:is|are|am|was|were|do|does|did|can|could|should|shall|will|would|have|has|had|may|might|must|isn'?t|aren'?t|don'?t|doesn'?t|won'?t|can'?t)\b/;
const OPEN_START = /^(?:what|why|how|when|where|who|which|whose)\b/;

/** Every match of a pattern that is not negated by one of the two words before it ("not failing", "isn't passing"). */
function saidPlainly(text: string, pattern: RegExp): { plain: boolean; negated: boolean } {
  const all = new RegExp(pattern.source, 'gu');
  let plain = false;
  let negated = false;
  for (const match of text.matchAll(all)) {
    const before = text.slice(0, match.index).split(/[^\p{L}\p{N}_']+/u).filter(Boolean).slice(-2);
    if (before.some((word) => NEGATIONS.test(word))) negated = true;
    else plain = true;
  }
  return { plain, negated };
}

/**
 * Bad or good news. A good word denied is bad news ("not passing"); a bad word denied is no news ("no
 * problem") unless the trouble is over ("not failing anymore"), and "not bad" is good news. A fix outweighs
 * the trouble it fixed; otherwise trouble outweighs good news told with it.
 */
function newsIn(text: string): News | undefined {
  const bad = saidPlainly(text, BAD_NEWS);
  const good = saidPlainly(text, GOOD_NEWS);
  if (good.plain && saidPlainly(text, RESOLVED_NEWS).plain) return 'good';
  if (bad.plain || good.negated) return 'bad';
  if (bad.negated && NO_LONGER.test(text)) return 'good';
  return good.plain ? 'good' : undefined;
}

/** More function words of another language than of English: the message is not in English. */
function inAnotherLanguage(tokens: readonly Token[], text: string): boolean {
  const foreign = tokens.filter((token) => isForeignFunctionWord(token.lower)).length;
  const english = tokens.filter((token) => isEnglishMarker(token.lower)).length;
  const otherScript = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text);
  return foreign > english || (otherScript && english === 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message without the buddy's name (or @name) and the punctuation after it, with straight quotes. */
function withoutName(message: string, name: string): string {
  const trimmed = name.trim();
  const straight = message.replace(/[’‘]/g, "'");
  const named = trimmed === '' ? straight : straight.replace(new RegExp(`@?${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])[\\s,;:!-]*`, 'giu'), ' ');
  return named.replace(/^[\s,;:.!-]+/, '').replace(/\s+/g, ' ').trim();
}

const KEYWORD_PATTERNS = [ASK_NAME, ASK_SPECIES, ASK_STATS, ASK_MOOD, INSULTS, PRAISE, THANKS, GREETING, BAD_NEWS, GOOD_NEWS, ...[...WORK_TOPICS, ...DAY_TOPICS].map(([, pattern]) => pattern)];

/** True when a word is itself a keyword ("tests", "failing", "coffee"): saying it back would only echo it. */
function isKeyword(lower: string): boolean {
  return KEYWORD_PATTERNS.some((pattern) => pattern.test(lower));
}

/** What the message is, in this order: about the buddy, about the person's feelings for it, then the rest. */
function intentOf(text: string, news: News | undefined): { intent: TalkIntent; keyword?: RegExp } {
  const about: ReadonlyArray<readonly [TalkIntent, RegExp]> = [
    ['askName', ASK_NAME],
    ['askSpecies', ASK_SPECIES],
    ['askStats', ASK_STATS],
    ['askMood', ASK_MOOD],
    ['insults', INSULTS],
    ['praise', PRAISE],
    ['thanks', THANKS],
    ['joke', JOKE],
  ];
  const self = about.find(([, pattern]) => pattern.test(text));
  if (self) return { intent: self[0] };
  const work = WORK_TOPICS.find(([, pattern]) => pattern.test(text));
  if (work) return { intent: work[0], keyword: work[1] };
  if (news) return { intent: news === 'bad' ? 'badNews' : 'goodNews' };
  if (REQUEST.test(text)) return { intent: 'request' };
  const day = DAY_TOPICS.find(([, pattern]) => pattern.test(text));
  if (day) return { intent: day[0] };
  if (GREETING.test(text)) return { intent: 'greeting' };
  const asks = text.endsWith('?');
  if (asks && YES_NO_START.test(text)) return { intent: 'yesNo' };
  return { intent: asks || OPEN_START.test(text) ? 'question' : 'chat' };
}

/** The words the keyword's first match covers ("tech debt" covers two). */
function keywordSpan(tokens: readonly Token[], said: string, keyword: RegExp): KeywordSpan | undefined {
  const match = keyword.exec(said.toLowerCase());
  if (!match) return undefined;
  const end = match.index + match[0].length;
  const first = tokens.findIndex((token) => token.end > match.index);
  const last = tokens.findLastIndex((token) => token.start < end);
  return first >= 0 && last >= first ? { first, last } : undefined;
}

/** Intents whose lines may say the topic back. */
const WITH_TOPIC: ReadonlySet<TalkIntent> = new Set<TalkIntent>(['tests', 'bugs', 'errors', 'deploys', 'refactors', 'question', 'chat']);

export function readMessage(message: string, name: string): Reading {
  const said = withoutName(message, name);
  const text = said.toLowerCase();
  const tokens = tokenize(said);
  // A yes/no question asks rather than tells; an open one can still tell of trouble ("why is it failing?").
  const asks = text.endsWith('?') || OPEN_START.test(text);
  const heard = asks && YES_NO_START.test(text) ? undefined : newsIn(text);
  const news = asks && heard === 'good' ? undefined : heard;
  const { intent, keyword } = intentOf(text, news);
  if (!WITH_TOPIC.has(intent) || inAnotherLanguage(tokens, text)) return { intent, news, topic: undefined };
  return { intent, news, topic: findTopic(tokens, name, keyword ? { keyword: keywordSpan(tokens, said, keyword) } : false, isKeyword) };
}
