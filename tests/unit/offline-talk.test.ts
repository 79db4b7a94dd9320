// Offline talk that listens: what a message is about, the word picked up from it, replies in the species'
// voice (at least sixty distinct ones for every species), never one of its last eight replies again, and
// always the same reply for the same buddy, memory and message.
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES, type BuddyBones, type BuddySpecies } from '../../src/engine/bones.js';
import { CLASSIC_SPECIES, isClassicSpecies } from '../../src/engine/classic-constants.js';
import { ALL_SPECIES } from '../../src/engine/constants.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { readMessage } from '../../src/persona/intents.js';
import { NO_REPEAT_WINDOW, offlineReply, repliesFor, type OfflineSpeaker } from '../../src/persona/offline-talk.js';
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

describe('readMessage: what a message is about', () => {
  const cases: ReadonlyArray<readonly [string, TalkIntent]> = [
    ['Pip, hi!', 'greeting'],
    ['hello @pip', 'greeting'],
    ['Good morning, Pip', 'greeting'],
    ['thanks Pip', 'thanks'],
    ['Pip, thank you so much', 'thanks'],
    ['Pip, is this a good idea?', 'yesNo'],
    ['Pip, should I merge now?', 'yesNo'],
    ['Pip, where does the config live?', 'question'],
    ['Pip, why does this happen', 'question'],
    ['Pip, the parser tests are failing', 'tests'],
    ['CI is flaky again, Pip', 'tests'],
    ['Pip, found a bug in the login form', 'bugs'],
    ['Pip, the build is broken', 'bugs'],
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
    ['shut up Pip', 'insults'],
    ["Pip, what's your name?", 'askName'],
    ['Pip, who are you?', 'askName'],
    ['Pip, what are you?', 'askSpecies'],
    ['Pip, what kind of creature are you', 'askSpecies'],
    ['Pip, what are your stats?', 'askStats'],
    ['Pip, what are you good at?', 'askStats'],
    ['Pip, how are you?', 'askMood'],
    ['Pip, are you ok', 'askMood'],
    ['Pip, the weather is lovely', 'chat'],
    ['Pip', 'chat'],
  ];

  it.each(cases)('reads %j as %s', (message, intent) => {
    expect(readMessage(message, 'Pip').intent).toBe(intent);
  });

  it('recognises every intent the buddy has lines for', () => {
    expect(new Set(cases.map(([, intent]) => intent))).toEqual(new Set(TALK_INTENTS));
  });

  it.each([
    ['Pip, the parser tests are failing', 'parser'],
    ['Pip, found a bug in the login form', 'login'],
    ['Pip, TypeError in checkout', 'checkout'],
    ['Pip, deploying the billing service now', 'billing'],
    ['Pip, refactoring the router', 'router'],
    ['Pip, the useEffect bug again', 'useEffect'],
    ['Pip, the weather is lovely', 'weather'],
    ['Pip, you know Pippin', 'Pippin'],
    ['Pip, I moved to Berlin', 'Berlin'],
    ['Pip, Berlin is far', 'berlin'],
    ['Pip. Weather is nice', 'weather'],
  ])('picks up a word from %j: %j', (message, word) => {
    expect(readMessage(message, 'Pip').word).toBe(word);
  });

  it('picks up no word where none would read naturally: the name, common words, the topic itself', () => {
    expect(readMessage('Pip, hi!', 'Pip').word).toBeUndefined();
    expect(readMessage('@Pip tests tests tests', 'Pip').word).toBeUndefined();
    expect(readMessage('Pip, this is really something', 'Pip').word).toBeUndefined();
    expect(readMessage('Pip, is this a good idea?', 'Pip').word).toBeUndefined();
  });
});

describe('offlineReply', () => {
  it('answers with the same line for the same buddy, memory and message', () => {
    expect(offlineReply(speaker(), 'Pip, the parser tests are failing again')).toBe('Tests for parser? Good. Every test is a tiny guard at the door.');
    expect(offlineReply(speaker(), 'Pip, found a bug in the login form')).toBe('A bug in login? *flicks its glowing tail* I can smell it from here.');
    expect(offlineReply(speaker(), "Pip, what's your name?")).toBe('*flicks its glowing tail* Pip. You picked well. Or the stars did.');
    expect(offlineReply(speaker(), 'Pip, what are your stats?')).toBe('Strong in snark, weak in debugging. Like any good Emberfox.');
    for (let turn = 0; turn < 5; turn++) {
      const memory = Array.from({ length: turn }, (_, index) => `line ${index}`);
      expect(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi')).toBe(offlineReply(speaker(EMBERFOX, memory), 'Pip, hi'));
    }
  });

  it('says back the word it picked up, where a line has room for it', () => {
    for (const [message, word] of [
      ['Pip, the parser tests are failing', 'parser'],
      ['Pip, a bug in the cache layer', 'cache'],
      ['Pip, ValueError in ingest', 'ingest'],
      ['Pip, shipping the widgets today', 'widgets'],
      ['Pip, refactoring the scheduler', 'scheduler'],
      ['Pip, where do the invoices go?', 'invoices'],
    ] as const) {
      expect(offlineReply(speaker(), message), message).toContain(word);
    }
  });

  it('answers questions about itself with its own facts', () => {
    for (const species of EVERY_SPECIES) {
      const bones = asSpecies(species);
      expect(offlineReply(speaker(bones, [], 'Quill'), "Quill, what's your name?")).toContain('Quill');
      expect(offlineReply(speaker(bones, [], 'Quill'), 'Quill, what are you?')).toContain(species);
      const stats = offlineReply(speaker(bones, [], 'Quill'), 'Quill, what are your stats?');
      if (!(SPECIES_VOICES[species].lines.askStats ?? []).includes(stats)) expect(stats, species).toMatch(/snark/);
    }
    expect(offlineReply(speaker(), 'Pip, how are you?')).toMatch(/\bwry\b/);
  });

  it('speaks in its species voice: each species has lines of its own, and the same message sounds different per species', () => {
    for (const species of EVERY_SPECIES) {
      const voice = SPECIES_VOICES[species];
      const all = TALK_INTENTS.flatMap((intent) => repliesFor(speaker(asSpecies(species)), intent, 'parser'));
      const own = Object.values(voice.lines).flat();
      expect(own.length, species).toBeGreaterThanOrEqual(4);
      for (const line of own) expect(all, species).toContain(line);
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

  it('has at least sixty distinct replies for every species across the intents', () => {
    for (const species of EVERY_SPECIES) {
      const distinct = new Set(TALK_INTENTS.flatMap((intent) => repliesFor(speaker(asSpecies(species)), intent, 'parser')));
      expect(distinct.size, species).toBeGreaterThanOrEqual(60);
    }
  });

  it('never leaves a slot unfilled, and starts every reply with a capital or an emote', () => {
    for (const species of EVERY_SPECIES) {
      for (const intent of TALK_INTENTS) {
        for (const word of [undefined, 'parser']) {
          for (const line of repliesFor(speaker(asSpecies(species)), intent, word)) {
            expect(line, `${species} ${intent}`).not.toMatch(/[{}]/);
            expect(line, `${species} ${intent}`).toMatch(/^[A-Z*"']/);
            expect(line, `${species} ${intent}`).not.toMatch(/\ba [AEIOUaeiou]\w/);
          }
        }
      }
    }
  });

  it(`never repeats one of its last ${NO_REPEAT_WINDOW} replies, even when told the same thing over and over`, () => {
    const conversations: ReadonlyArray<readonly string[]> = [
      Array.from({ length: 40 }, () => 'Pip, hi'),
      Array.from({ length: 40 }, () => "Pip, what's your name?"),
      Array.from({ length: 40 }, (_, index) => ['Pip, tests are red', 'Pip, thanks', 'Pip, coffee?', 'Pip, hmm'][index % 4]!),
    ];
    for (const species of EVERY_SPECIES) {
      for (const messages of conversations) {
        const said: string[] = [];
        for (const message of messages) {
          // The store keeps the last dozen exchanges; the reply sees what the store would keep.
          const reply = offlineReply(speaker(asSpecies(species), said.slice(-12)), message);
          expect(said.slice(-NO_REPEAT_WINDOW), `${species}: ${message}`).not.toContain(reply);
          said.push(reply);
        }
      }
    }
  });

  it('gives thirty different messages many different replies', () => {
    const messages = [
      'hi', 'thanks', 'is it done?', 'why is it slow?', 'tests are failing', 'flaky CI', 'found a bug', 'the bug is back',
      'TypeError again', 'it crashed', 'deploying now', 'shipping friday', 'refactoring', 'cleaning up', 'coffee', 'more tea',
      'lunch break', 'going for a walk', "it's midnight", 'so tired', 'good job', 'you are great', 'you are useless', 'shut up',
      "what's your name?", 'what are you?', 'your stats?', 'how are you?', 'nice weather', 'hmm',
    ].map((text) => `Pip, ${text}`);
    const said: string[] = [];
    for (const message of messages) said.push(offlineReply(speaker(EMBERFOX, said.slice(-12)), message));
    expect(new Set(said).size).toBeGreaterThanOrEqual(28);
  });
});
