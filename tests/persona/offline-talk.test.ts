// Offline talk that listens: what a message says (its intent, bad or good news, a topic) is read before a
// line is chosen; a reply never builds on a word that is not a topic; every species answers in its own
// voice; asked its name, it says its name, every time; twenty replies in a row are never the same line; with
// another language set, it says once that offline it speaks only English. Literal examples first, then
// properties over random messages and every kind of buddy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES, type BuddyBones, type BuddySpecies } from '../../src/engine/bones.js';
import { rollClassic } from '../../src/engine/classic.js';
import { CLASSIC_SPECIES, HASH_FNS, isClassicSpecies } from '../../src/engine/classic-constants.js';
import { ALL_SPECIES } from '../../src/engine/constants.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { readMessage, type News } from '../../src/persona/intents.js';
import { englishOnlyNote, NO_REPEAT_WINDOW, offlineReply, repliesFor, type OfflineSpeaker } from '../../src/persona/offline-talk.js';
import { MEMORY_SIZE } from '../../src/store/buddy-store.js';
import { SPECIES_VOICES, TALK_INTENTS, type TalkIntent } from '../../src/species/voice.js';

// buddy-0: an uncommon Emberfox whose peak is SNARK (93) and dump DEBUGGING (6).
const EMBERFOX = rollFromUserId('buddy-0');
const speaker = (bones: BuddyBones = EMBERFOX, memory: readonly string[] = [], name = 'Pip'): OfflineSpeaker => ({
  bones,
  name,
  memory: memory.map((buddy) => ({ buddy })),
});
/** The Emberfox's bones under another species; a classic species gets the classic roll's version too. */
const asSpecies = (species: BuddySpecies): BuddyBones =>
  isClassicSpecies(species) ? { ...EMBERFOX, version: 'classic', hashFn: 'wyhash', species } : { ...EMBERFOX, species };

/** What a buddy says to the messages, turn after turn, remembering the last replies as the store does. */
function conversation(bones: BuddyBones, messages: readonly string[], name = 'Pip', language?: string): string[] {
  const said: string[] = [];
  for (const message of messages) said.push(offlineReply(speaker(bones, said.slice(-MEMORY_SIZE), name), message, language));
  return said;
}
const times = (count: number, message: string): string[] => Array.from({ length: count }, () => message);

describe('readMessage: what a message is', () => {
  const cases: ReadonlyArray<readonly [string, TalkIntent]> = [
    ['Pip, hi!', 'greeting'],
    ['hello @pip', 'greeting'],
    ['Good morning, Pip', 'greeting'],
    ['Pip, bonjour', 'greeting'],
    ['Hola Pip', 'greeting'],
    ['thanks Pip', 'thanks'],
    ['Pip, thank you so much', 'thanks'],
    ['Pip, merci beaucoup', 'thanks'],
    ['Danke, Pip', 'thanks'],
    ['Pip, is this a good idea?', 'yesNo'],
    ['Pip, should I merge now?', 'yesNo'],
    ['Pip, where does the config live?', 'question'],
    ['Pip, why does this happen', 'question'],
    ['Pip, what are you doing?', 'question'],
    ['Pip, tell me a joke', 'joke'],
    ['Pip, knock knock', 'joke'],
    ['Pip, joke?', 'joke'],
    ['Pip, can you review my PR?', 'request'],
    ['Pip, please check the logs', 'request'],
    ['Pip, write my commit message', 'request'],
    ['Pip, do a dance', 'request'],
    ['Pip, do you like rain?', 'yesNo'],
    ['Pip, fix the parser tests', 'tests'],
    ['Pip, make it faster', 'request'],
    ['Pip, can you order pizza?', 'request'],
    ['Pip, merge conflicts everywhere', 'chat'],
    ['Pip, make sense of this', 'chat'],
    ['Pip, the parser tests are failing again', 'tests'],
    ['CI is flaky again, Pip', 'tests'],
    ['Pip, follow test', 'tests'],
    ['Pip, found a bug in the login form', 'bugs'],
    ['Pip, this bug is annoying', 'bugs'],
    ['Pip, TypeError in checkout', 'errors'],
    ['Pip, it crashed with a stack trace', 'errors'],
    ['Pip, deploying the billing service now', 'deploys'],
    ['Pip, we ship to production today', 'deploys'],
    ['Pip, refactoring the router', 'refactors'],
    ['Pip, so much tech debt here', 'refactors'],
    ['Pip, coffee time', 'coffee'],
    ['Pip, one more espresso', 'coffee'],
    ['Pip, taking a break', 'breaks'],
    ['Pip, going for lunch', 'breaks'],
    ["Pip, it's 2am and I can't sleep", 'lateHours'],
    ['Pip, so tired', 'lateHours'],
    ['Pip, good job!', 'praise'],
    ["Pip, you're awesome", 'praise'],
    ['Pip, you are useless', 'insults'],
    ['Pip, you are annoying', 'insults'],
    ['shut up Pip', 'insults'],
    ["Pip, what's your name?", 'askName'],
    ['Pip, what is your name?', 'askName'],
    ['Pip, who are you?', 'askName'],
    ["Pip, comment tu t'appelles ?", 'askName'],
    ['Pip, wie heißt du?', 'askName'],
    ['Pip, what are you?', 'askSpecies'],
    ['Pip, what kind of creature are you', 'askSpecies'],
    ['Pip, what are your stats?', 'askStats'],
    ['Pip, what are you good at?', 'askStats'],
    ['Pip, how are you?', 'askMood'],
    ['Pip, are you ok', 'askMood'],
    ['Pip, comment ça va ?', 'askMood'],
    ["Pip, wie geht's?", 'askMood'],
    ['Pip, the build is broken', 'badNews'],
    ['Pip, my cat died', 'badNews'],
    ['Pip, why is everything so slow?', 'badNews'],
    ['Pip, I got promoted!', 'goodNews'],
    ['Pip, it works now', 'goodNews'],
    ['Pip, the weather is lovely', 'chat'],
    ['Pip, le parser est cassé', 'chat'],
    ['Pip', 'chat'],
    // Recognised since the evaluation set (offline-eval.cases.ts) showed them missed.
    ["Pip, I'm back", 'greeting'],
    ['Pip, long time no see', 'greeting'],
    ['Pip, you good?', 'askMood'],
    ['Pip, are you hungry?', 'askMood'],
    ['Pip, nobody asked you', 'insults'],
    ['Pip, I am starving', 'breaks'],
    ['Pip, pizza?', 'breaks'],
    ['Pip, going to bed', 'lateHours'],
    ['Pip, good night', 'lateHours'],
    ['Pip, I give up', 'badNews'],
    ['Pip, I hate this codebase', 'badNews'],
    ['Pip, I feel like an idiot', 'badNews'],
    ['Pip, everything is on fire', 'badNews'],
    ['Pip, dumb question: where is the config?', 'question'],
  ];

  it.each(cases)('reads %j as %s', (message, intent) => {
    expect(readMessage(message, 'Pip').intent).toBe(intent);
  });

  it('recognises every intent the buddy has lines for', () => {
    expect(new Set(cases.map(([, intent]) => intent))).toEqual(new Set(TALK_INTENTS));
  });

  it.each<readonly [string, News | undefined]>([
    ['Pip, the parser tests are failing again', 'bad'],
    ['Pip, the deploy failed', 'bad'],
    ['Pip, the tests are not passing', 'bad'],
    ["Pip, it doesn't work", 'bad'],
    ['Pip, why are the tests failing?', 'bad'],
    ['Pip, tests pass now!', 'good'],
    ['Pip, finally fixed the failing test', 'good'],
    ['Pip, shipped it!', 'good'],
    ['Pip, the tests are not failing anymore', 'good'],
    ['Pip, it is no longer crashing', 'good'],
    ['Pip, the tests are not failing', undefined],
    ["Pip, I didn't break it", undefined],
    ['Pip, not bad at all', 'good'],
    ['Pip, not too bad', 'good'],
    ['Pip, coverage dropped', 'bad'],
    ['Pip, this bug is driving me crazy', 'bad'],
    ['Pip, we had to roll back', 'bad'],
    ['Pip, squashed the bug', 'good'],
    ['Pip, the exception is gone', 'good'],
    ['Pip, no problem', undefined],
    ['Pip, are the tests passing?', undefined],
    ['Pip, did the deploy fail?', undefined],
    ['Pip, taking a break', undefined],
    ['Pip, refactoring the router', undefined],
  ])('hears the news in %j: %s', (message, news) => {
    expect(readMessage(message, 'Pip').news).toBe(news);
  });

  it.each([
    ['Pip, the parser tests are failing', 'parser'],
    ['Pip, found a bug in the login form', 'login form'],
    ['Pip, TypeError in checkout', 'checkout'],
    ['Pip, deploying the billing service now', 'billing service'],
    ['Pip, refactoring the router', 'router'],
    ['Pip, the useEffect bug again', 'useEffect'],
    ['Pip, the API tests fail', 'API'],
    ['Pip, config.ts has an error', 'config.ts'],
    ['Pip, the weather is lovely', 'weather'],
    ['Pip, you know Pippin', 'Pippin'],
    ['Pip, I moved to Berlin', 'Berlin'],
    ['Pip, Berlin is far', 'berlin'],
    ['Pip. Weather is nice', 'weather'],
    ['Pip, where do the invoices go?', 'invoices'],
    ['Pip, so much tech debt in the billing module', 'billing module'],
    ['Pip, the Kubernetes cluster crashed', 'cluster'],
  ])('takes the topic of %j: %j', (message, topic) => {
    expect(readMessage(message, 'Pip').topic).toBe(topic);
  });

  it.each([
    'Pip, follow test',
    'Pip, follow the tests',
    'Pip, running the tests',
    'Pip, testing the following',
    'Pip, comment ça va ?',
    'Pip, le parser est cassé, pourquoi ?',
    'Pip, das ist nicht gut',
    'Pip, 日本語で話して',
    'Pip, hi!',
    '@Pip tests tests tests',
    'Pip, this is really something',
    'Pip, is this a good idea?',
    'Pip, hmm',
    'Pip, tests are failing badly',
    'Pip, found the bug, it was a typo',
    'Pip, bug report from a customer',
    'Pip, the tests keep timing out',
  ])('takes no topic from %j: no noun of English to say back, or none bound to the topic', (message) => {
    expect(readMessage(message, 'Pip').topic).toBeUndefined();
  });
});

describe('the misreads of issue 21', () => {
  const BAD_TESTS = 'Pip, the parser tests are failing again';

  it('answers "the parser tests are failing again" as bad news, in every species\' own way', () => {
    expect(offlineReply(speaker(), BAD_TESTS)).toBe('*flicks its glowing tail* Red or green, I am watching the parser tests with you.');
    const replies = EVERY_SPECIES.map((species) => offlineReply(speaker(asSpecies(species)), BAD_TESTS));
    expect(new Set(replies).size).toBe(EVERY_SPECIES.length);
    for (const [index, species] of EVERY_SPECIES.entries()) {
      const reply = replies[index] as string;
      expect(repliesFor(speaker(asSpecies(species)), 'tests', 'parser', 'bad'), species).toContain(reply);
      expect(repliesFor(speaker(asSpecies(species)), 'tests', 'parser', 'good'), species).not.toContain(reply);
      expect(reply, species).not.toMatch(/\bGood\b|Tests for parser/);
    }
  });

  it('says no line around "follow" in "follow test", for any species', () => {
    expect(offlineReply(speaker(), 'Pip, follow test')).toBe('I like a quiet suite. Dots, dots, dots, done.');
    for (const species of EVERY_SPECIES) expect(offlineReply(speaker(asSpecies(species)), 'Pip, follow test'), species).not.toMatch(/follow/i);
  });

  it('with `language fr`, answers "comment ça va" about its mood, never about "comment", and says once that it speaks only English', () => {
    const said = conversation(EMBERFOX, times(3, 'Pip, comment ça va ?'), 'Pip', 'fr');
    expect(said[0]).toBe('*flicks its glowing tail* I feel content. Thank you for asking. (Offline I speak only English, not French.)');
    expect(said.filter((reply) => reply.includes('Offline I speak only English'))).toHaveLength(1);
    for (const reply of said) {
      expect(reply).toMatch(/\bcontent\b/);
      expect(reply).not.toMatch(/comment/i);
    }
    for (const species of EVERY_SPECIES) {
      const [first, second] = conversation(asSpecies(species), times(2, 'Pip, comment ça va ?'), 'Pip', 'fr');
      expect(first, species).toMatch(/ \(Offline I speak only English, not French\.\)$/);
      expect(second, species).not.toContain('Offline');
    }
  });

  it('says its name the sixth time it is asked, and the fortieth, for every species', () => {
    for (const species of EVERY_SPECIES) {
      const said = conversation(asSpecies(species), times(40, 'Pip, what is your name?'));
      for (const reply of said) expect(reply, species).toContain('Pip');
      expect(said[5], species).not.toBe('Another TODO? Adding it to the museum.');
    }
  });
});

describe('no repeats', () => {
  const MESSAGES = ['Pip, hi', 'Pip, what is your name?', 'Pip, the parser tests are failing again', 'Pip, thanks', 'Pip, my cat died', 'Pip, it works now', 'Pip, hmm', 'Pip, what are your stats?'];

  it('never says one of its last twenty replies: twenty-one replies in a row to the same message are all different, for every species', () => {
    expect(NO_REPEAT_WINDOW).toBe(20);
    for (const species of EVERY_SPECIES) {
      for (const message of MESSAGES) {
        const said = conversation(asSpecies(species), times(21, message));
        expect(new Set(said).size, `${species}: ${message}`).toBe(21);
      }
    }
  });

  it('never picks a line among its last twenty replies, even when the twenty are the lines it would choose first', () => {
    // Memory whose last twenty replies are candidates for this very message, the twenty-first-newest being
    // one too: the reply must come from outside the last twenty (literal 20, not the source's constant).
    let checked = 0;
    for (const species of EVERY_SPECIES) {
      const bones = asSpecies(species);
      for (const message of MESSAGES) {
        const { intent, news, topic } = readMessage(message, 'Pip');
        const pool = repliesFor(speaker(bones), intent, topic, news);
        for (const shift of [0, 1]) {
          const lastTwenty = pool.slice(shift, shift + 20);
          const reply = offlineReply(speaker(bones, ['older words', ...lastTwenty]), message);
          expect(lastTwenty, `${species}: ${message}`).not.toContain(reply);
          expect(pool, `${species}: ${message}`).toContain(reply);
          checked++;
        }
      }
    }
    expect(checked).toBe(EVERY_SPECIES.length * MESSAGES.length * 2);
  });

  it('stays on the subject when told the same thing forty times: lines come back rather than wander off', () => {
    for (const species of ['Emberfox', 'duck'] as const) {
      const bones = asSpecies(species);
      const said = conversation(bones, times(40, 'Pip, hi'));
      const greetings = repliesFor(speaker(bones), 'greeting', undefined);
      for (const reply of said) expect(greetings, species).toContain(reply);
      expect(new Set(said).size, species).toBeLessThan(40);
    }
  });

  it('gives thirty different messages many different replies', () => {
    const messages = [
      'hi', 'thanks', 'is it done?', 'why is it slow?', 'tests are failing', 'flaky CI', 'found a bug', 'the bug is back',
      'TypeError again', 'it crashed', 'deploying now', 'shipping friday', 'refactoring', 'cleaning up', 'coffee', 'more tea',
      'lunch break', 'going for a walk', "it's midnight", 'so tired', 'good job', 'you are great', 'you are useless', 'shut up',
      "what's your name?", 'what are you?', 'your stats?', 'how are you?', 'nice weather', 'hmm',
    ].map((text) => `Pip, ${text}`);
    expect(new Set(conversation(EMBERFOX, messages)).size).toBeGreaterThanOrEqual(28);
  });

  it('once its memory is full, still answers the same message in a new order after each different last reply', () => {
    // Twenty remembered replies that are none of its greetings: only the last one differs between the memories.
    const replies = new Set(
      Array.from({ length: 10 }, (_, last) => {
        const memory = [...Array.from({ length: 19 }, (_, index) => `older ${index}`), `last ${last}`];
        return offlineReply(speaker(EMBERFOX, memory), 'Pip, hi');
      }),
    );
    expect(replies.size).toBeGreaterThan(3);
  });

  it('answers with the same line for the same buddy, memory, message and language', () => {
    for (let turn = 0; turn < 5; turn++) {
      const memory = Array.from({ length: turn }, (_, index) => `line ${index}`);
      expect(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi')).toBe(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi'));
      expect(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi', 'de')).toBe(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi', 'de'));
    }
  });
});

describe('sixty replies in a row, for every kind of talk the reader hears', () => {
  /** A message for every intent and news the reader can hear, with a topic or without. */
  const KINDS: ReadonlyArray<readonly [string, TalkIntent, News | undefined]> = [
    ['Pip, hi', 'greeting', undefined],
    ['Pip, thanks', 'thanks', undefined],
    ['Pip, thanks, it works now', 'thanks', 'good'],
    ['Pip, is this a good idea?', 'yesNo', undefined],
    ['Pip, why?', 'question', undefined],
    ['Pip, tell me a joke', 'joke', undefined],
    ['Pip, please check the logs', 'request', undefined],
    ['Pip, where do the invoices go?', 'question', undefined],
    ['Pip, running the tests', 'tests', undefined],
    ['Pip, the tests are failing', 'tests', 'bad'],
    ['Pip, the parser tests are failing again', 'tests', 'bad'],
    ['Pip, the tests pass now', 'tests', 'good'],
    ['Pip, found a bug', 'bugs', undefined],
    ['Pip, this bug is driving me crazy', 'bugs', 'bad'],
    ['Pip, squashed the bug', 'bugs', 'good'],
    ['Pip, segfault', 'errors', undefined],
    ['Pip, it crashed again', 'errors', 'bad'],
    ['Pip, the exception is gone', 'errors', 'good'],
    ['Pip, deploying now', 'deploys', undefined],
    ['Pip, production is down', 'deploys', 'bad'],
    ['Pip, shipped it!', 'deploys', 'good'],
    ['Pip, refactoring', 'refactors', undefined],
    ['Pip, the rewrite is a mess', 'refactors', 'bad'],
    ['Pip, the refactor went well', 'refactors', 'good'],
    ['Pip, coffee time', 'coffee', undefined],
    ['Pip, taking a break', 'breaks', undefined],
    ['Pip, so tired', 'lateHours', undefined],
    ['Pip, good job!', 'praise', undefined],
    ['Pip, shut up', 'insults', undefined],
    ['Pip, you are useless, everything is broken', 'insults', 'bad'],
    ["Pip, what's your name?", 'askName', undefined],
    ['Pip, what are you?', 'askSpecies', undefined],
    ['Pip, what are your stats?', 'askStats', undefined],
    ['Pip, how are you?', 'askMood', undefined],
    ['Pip, my laptop died', 'badNews', 'bad'],
    ['Pip, I got promoted!', 'goodNews', 'good'],
    ['Pip, hmm', 'chat', undefined],
    ['Pip, the weather is lovely', 'chat', undefined],
  ];

  it('has a message for every intent, and for every work topic with each news', () => {
    const heard = new Set(
      KINDS.map(([message]) => {
        const { intent, news } = readMessage(message, 'Pip');
        return `${intent} ${news}`;
      }),
    );
    for (const intent of TALK_INTENTS) expect([...heard].some((kind) => kind.startsWith(`${intent} `)), intent).toBe(true);
    for (const intent of ['tests', 'bugs', 'errors', 'deploys', 'refactors']) for (const news of [undefined, 'bad', 'good']) expect(heard, `${intent} ${news}`).toContain(`${intent} ${news}`);
  });

  it.each(KINDS)('%j: no reply twice within twenty, every one a finished line of its kind, in every species', (message, intent, news) => {
    const reading = readMessage(message, 'Pip');
    expect([reading.intent, reading.news]).toEqual([intent, news]);
    for (const species of EVERY_SPECIES) {
      const bones = asSpecies(species);
      const said = conversation(bones, times(60, message));
      const lines = new Set(repliesFor(speaker(bones), intent, reading.topic, news));
      for (const [turn, reply] of said.entries()) {
        const where = `${species} turn ${turn}: ${reply}`;
        expect(said.slice(Math.max(0, turn - 19), turn), where).not.toContain(reply);
        expect(lines.has(reply), where).toBe(true);
        expect(reply, where).not.toMatch(/[{}]|\bundefined\b|\s{2}|""|^\s|\s$/);
      }
    }
  });
});

describe('the language note', () => {
  it('is said in English with the first reply, then not while a remembered reply has it', () => {
    expect(englishOnlyNote('de')).toBe('(Offline I speak only English, not German.)');
    expect(englishOnlyNote('pt-BR')).toBe('(Offline I speak only English, not Brazilian Portuguese.)');
    const first = offlineReply(speaker(), 'Pip, hi', 'de');
    expect(first.endsWith(' (Offline I speak only English, not German.)')).toBe(true);
    expect(offlineReply(speaker(EMBERFOX, ['Hello.', first]), 'Pip, hi', 'de')).not.toContain('Offline');
    // Another language is another note.
    expect(offlineReply(speaker(EMBERFOX, [first]), 'Pip, hi', 'ja')).toMatch(/ \(Offline I speak only English, not Japanese\.\)$/);
  });

  it('is never said for English, in any region, or without a language', () => {
    for (const language of [undefined, 'en', 'en-GB', 'EN-us']) expect(offlineReply(speaker(), 'Pip, hi', language)).not.toContain('Offline');
  });

  it('does not count as part of the line: a noted reply is not said again within the window', () => {
    const said = conversation(EMBERFOX, times(21, 'Pip, hi'), 'Pip', 'de');
    expect(new Set(said.map((reply) => reply.replace(/ \(Offline.*\)$/, ''))).size).toBe(21);
  });
});

describe('the species voice', () => {
  it('answers questions about itself with its own facts', () => {
    for (const species of EVERY_SPECIES) {
      const bones = asSpecies(species);
      expect(offlineReply(speaker(bones, [], 'Quill'), "Quill, what's your name?")).toContain('Quill');
      expect(offlineReply(speaker(bones, [], 'Quill'), 'Quill, what are you?')).toContain(species);
      const stats = offlineReply(speaker(bones, [], 'Quill'), 'Quill, what are your stats?');
      if (!(SPECIES_VOICES[species].lines.askStats ?? []).includes(stats)) expect(stats, species).toMatch(/snark/);
    }
    expect(offlineReply(speaker(), 'Pip, how are you?')).toMatch(/\bcontent\b/);
  });

  it('says its mood (the one every face shows) when asked how it is, and its temperament only as such', () => {
    for (const mood of ['cheerful', 'content', 'hungry', 'sleepy', 'worried'] as const) {
      const replies = repliesFor({ ...speaker(), mood }, 'askMood', undefined);
      expect(replies.length).toBeGreaterThanOrEqual(9);
      for (const reply of replies) {
        if ((SPECIES_VOICES.Emberfox.lines.askMood ?? []).includes(reply)) continue;
        expect(reply, mood).toMatch(new RegExp(`\\b${mood}\\b`));
        // The Emberfox is wry by temperament (its peak is SNARK): never said as how it feels.
        expect(reply, mood).not.toMatch(/\b(?:feel|feeling|am|very) wry\b/i);
      }
    }
    const both = repliesFor({ ...speaker(), mood: 'hungry' }, 'askMood', undefined);
    expect(both).toContain('Mostly hungry, and wry as ever.');
  });

  it('has lines of its own for bad and good news in every species, and says them', () => {
    for (const species of EVERY_SPECIES) {
      const { badNews = [], goodNews = [] } = SPECIES_VOICES[species].lines;
      expect(badNews.length, species).toBeGreaterThanOrEqual(2);
      expect(goodNews.length, species).toBeGreaterThanOrEqual(2);
      for (const line of badNews) expect(repliesFor(speaker(asSpecies(species)), 'badNews', undefined, 'bad'), species).toContain(line);
      for (const line of goodNews) expect(repliesFor(speaker(asSpecies(species)), 'tests', 'parser', 'good'), species).toContain(line);
    }
  });

  it('answers the same bad news differently in every species, with lines no other species says, never good-news lines', () => {
    const replies = EVERY_SPECIES.map((species) => offlineReply(speaker(asSpecies(species)), 'Pip, my cat died'));
    expect(new Set(replies).size).toBe(EVERY_SPECIES.length);
    for (const species of EVERY_SPECIES) {
      const bad = repliesFor(speaker(asSpecies(species)), 'badNews', undefined, 'bad');
      const others = new Set(EVERY_SPECIES.filter((other) => other !== species).flatMap((other) => repliesFor(speaker(asSpecies(other)), 'badNews', undefined, 'bad')));
      for (const line of SPECIES_VOICES[species].lines.badNews ?? []) expect(others.has(line), `${species}: ${line}`).toBe(false);
      // Most of its bad-news lines are its own: the shared ones carry its sounds, its refuge, its kin.
      expect(bad.filter((line) => !others.has(line)).length, species).toBeGreaterThanOrEqual(bad.length - 1);
      const good = new Set(repliesFor(speaker(asSpecies(species)), 'goodNews', undefined, 'good'));
      for (const line of bad) expect(good.has(line), `${species}: ${line}`).toBe(false);
    }
  });

  it('speaks in its species voice: own lines, its sounds, and a greeting bank of its own', () => {
    for (const species of EVERY_SPECIES) {
      const voice = SPECIES_VOICES[species];
      const all = TALK_INTENTS.flatMap((intent) => [...repliesFor(speaker(asSpecies(species)), intent, 'parser'), ...repliesFor(speaker(asSpecies(species)), intent, 'parser', 'bad')]);
      for (const line of Object.values(voice.lines).flat()) expect(all, species).toContain(line);
      for (const sound of voice.sounds) expect(all.some((line) => line.includes(sound)), `${species} ${sound}`).toBe(true);
    }
    const greetings = new Set(EVERY_SPECIES.map((species) => repliesFor(speaker(asSpecies(species)), 'greeting', undefined).join('|')));
    expect(greetings.size).toBe(EVERY_SPECIES.length);
  });

  it('has a voice for every species of both rolls, the classic family included', () => {
    expect(EVERY_SPECIES).toHaveLength(ALL_SPECIES.length + CLASSIC_SPECIES.length);
    for (const species of EVERY_SPECIES) expect(Object.keys(SPECIES_VOICES), species).toContain(species);
    expect(offlineReply(speaker(asSpecies('duck'), [], 'Quill'), 'Quill, what are you?')).toContain('duck');
  });
});

/** What is wrong with a reply as a finished line (a slot, blank, placeholder or stray space), if anything. */
function flaw(line: string): string | undefined {
  if (/[{}]|\bundefined\b|\bnull\b|\bNaN\b|""|\(\s*\)/.test(line)) return 'a slot, placeholder or blank';
  if (/\s{2}|\s[,!?;:]|\s\.(?!\.)|^\s|\s$/.test(line)) return 'a stray space';
  if (!/^[A-Z*"']/.test(line)) return 'no capital or emote first';
  if (/\ba [AEIOUaeiou]\w/.test(line)) return '"a" before a vowel';
  return undefined;
}

function expectWellFormed(line: string, context: string): void {
  expect(flaw(line), `${context}: ${line}`).toBeUndefined();
}

describe('every line', () => {
  it('is well formed, for every species, intent, news and topic', () => {
    const flaws: string[] = [];
    for (const species of EVERY_SPECIES) {
      for (const intent of TALK_INTENTS) {
        for (const news of [undefined, 'bad', 'good'] as const) {
          for (const word of [undefined, 'parser', 'Berlin', 'useEffect', 'login form']) {
            for (const line of repliesFor(speaker(asSpecies(species)), intent, word, news)) {
              const found = flaw(line);
              if (found) flaws.push(`${species} ${intent} ${news}: ${found}: ${line}`);
            }
          }
        }
      }
    }
    expect(flaws).toEqual([]);
  });

  it('has at least sixty distinct replies for every species across the intents', () => {
    for (const species of EVERY_SPECIES) {
      const distinct = new Set(TALK_INTENTS.flatMap((intent) => repliesFor(speaker(asSpecies(species)), intent, 'parser')));
      expect(distinct.size, species).toBeGreaterThanOrEqual(60);
    }
  });

  it('leaves at least twenty-one replies without a topic for every species, intent and news: room to never repeat within twenty', () => {
    for (const species of EVERY_SPECIES) {
      for (const intent of TALK_INTENTS) {
        for (const news of [undefined, 'bad', 'good'] as const) {
          expect(repliesFor(speaker(asSpecies(species)), intent, undefined, news).length, `${species} ${intent} ${news}`).toBeGreaterThanOrEqual(21);
        }
      }
    }
  });
});

// Properties: random messages, random buddies of both rolls and every species.
const NOUNS = ['parser', 'router', 'invoices', 'widget', 'scheduler', 'checkout', 'Berlin', 'useEffect', 'API', 'database'];
const NOT_TOPICS = [
  // verbs in every form, common words, adjectives and noises, words of other languages, keywords
  'follow', 'following', 'followed', 'run', 'running', 'make', 'check', 'fix', 'please', 'just', 'really', 'the', 'this', 'again',
  'lovely', 'weird', 'hmm', 'ugh', 'comment', 'ça', 'va', 'pourquoi', 'nicht', 'warum', 'gracias', 'qué', 'tests', 'bug',
  'failing', 'broken', 'coffee', 'deploy', 'refactor', 'error', 'crashed', 'passes', 'fixed', 'is', 'are', 'not', 'why',
];
const PUNCTUATION = ['', ',', '.', '!', '?', ' -', '…'];

const buddyArbitrary = fc
  .record({ id: fc.string({ maxLength: 12 }), species: fc.constantFrom(...EVERY_SPECIES), hashFn: fc.constantFrom(...HASH_FNS) })
  .map(({ id, species, hashFn }): BuddyBones => (isClassicSpecies(species) ? { ...rollClassic(id, undefined, hashFn), species } : { ...rollFromUserId(id), species }));
const nameArbitrary = fc.constantFrom('Pip', 'Quill', 'Zorblatt', 'Ember');
const phrase = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...PUNCTUATION)), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([word, mark]) => `${word}${mark}`).join(' '));
const memoryArbitrary = fc.array(fc.string({ maxLength: 40 }), { maxLength: MEMORY_SIZE });

describe('properties', () => {
  it('a message without a noun gets no reply built around a word: only lines that need none', () => {
    fc.assert(
      fc.property(buddyArbitrary, nameArbitrary, phrase(NOT_TOPICS), memoryArbitrary, (bones, name, text, memory) => {
        const message = `${name}, ${text}`;
        const reading = readMessage(message, name);
        expect(reading.topic).toBeUndefined();
        const reply = offlineReply(speaker(bones, memory, name), message);
        expect(repliesFor(speaker(bones, memory, name), reading.intent, undefined, reading.news)).toContain(reply);
        expectWellFormed(reply, message);
      }),
      { numRuns: 300 },
    );
  });

  it('a topic is always a noun the message said, and the reply says it only where a line has room', () => {
    fc.assert(
      fc.property(buddyArbitrary, nameArbitrary, phrase([...NOT_TOPICS, ...NOUNS, 'the', 'my', 'in']), (bones, name, text) => {
        const message = `${name}, ${text}`;
        const { intent, news, topic } = readMessage(message, name);
        // One noun, or two naming one thing ("login form"): every word of it one of the message's nouns.
        for (const word of topic?.split(' ') ?? []) expect(NOUNS.map((noun) => noun.toLowerCase())).toContain(word.toLowerCase());
        const reply = offlineReply(speaker(bones, [], name), message);
        expect(repliesFor(speaker(bones, [], name), intent, topic, news)).toContain(reply);
        expectWellFormed(reply, message);
      }),
      { numRuns: 300 },
    );
  });

  it('any text at all gets a well-formed reply whose topic, if any, is a plain word of the message', () => {
    fc.assert(
      fc.property(buddyArbitrary, nameArbitrary, fc.string({ unit: 'grapheme', maxLength: 60 }), memoryArbitrary, fc.constantFrom(undefined, 'en', 'fr', 'ja'), (bones, name, text, memory, language) => {
        const message = `${name} ${text}`;
        const { topic } = readMessage(message, name);
        if (topic !== undefined) {
          expect(topic).toMatch(/^[\x21-\x7e]+(?: [\x21-\x7e]+)?$/);
          for (const word of topic.split(' ')) expect(message.toLowerCase()).toContain(word.toLowerCase());
        }
        const reply = offlineReply(speaker(bones, memory, name), message, language);
        expectWellFormed(reply.replace(/ \(Offline I speak only English, not [^)]*\.\)$/, ''), message);
      }),
      { numRuns: 300 },
    );
  });

  it('asked its name in any words, any number of times, any buddy says its name', () => {
    const asks = ["what's your name?", 'what is your name', 'who are you?', 'your name?', "comment tu t'appelles ?", 'wie heißt du', '¿cómo te llamas?'];
    fc.assert(
      fc.property(buddyArbitrary, nameArbitrary, fc.constantFrom(...asks), memoryArbitrary, (bones, name, ask, memory) => {
        expect(offlineReply(speaker(bones, memory, name), `${name}, ${ask}`)).toContain(name);
      }),
      { numRuns: 200 },
    );
  });

  it('with another language set, the note comes exactly when no remembered reply has it', () => {
    fc.assert(
      fc.property(buddyArbitrary, phrase([...NOT_TOPICS, ...NOUNS]), fc.array(fc.boolean(), { maxLength: MEMORY_SIZE }), (bones, text, noted) => {
        const note = englishOnlyNote('fr');
        const memory = noted.map((withNote, index) => `Line ${index}.${withNote ? ` ${note}` : ''}`);
        const reply = offlineReply(speaker(bones, memory), `Pip, ${text}`, 'fr');
        expect(reply.endsWith(` ${note}`)).toBe(!noted.includes(true));
      }),
      { numRuns: 200 },
    );
  });
});
