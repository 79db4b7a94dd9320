// talk() against the real SDK and a local fake Messages API: only a call by name reaches the model; the
// request is cache-friendly and carries the memory; answers are validated (empty, out of character,
// too long, escape codes) and every model failure becomes a quiet in-character line, never a throw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { MAX_ANSWER_LENGTH, placeholderAnswer } from '../../src/persona/answer.js';
import { MAX_MESSAGE_LENGTH, silentAnswer, talk } from '../../src/persona/conversation.js';
import { temperamentAt } from '../../src/persona/temperament.js';
import { offlineReply } from '../../src/persona/offline-talk.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { TALK_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import { SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from '../../src/persona/prompt/system-sections.js';
import { STAY_IN_CHARACTER_REMINDER } from '../../src/persona/prompt/talk-prompt.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import type { Exchange, StoredBuddy } from '../../src/store/schema.js';
import { errorReply, startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { BIDI_CHARS, CONTROL_CHARS, fastClient, messagesOf, realClient, requestAt, systemOf, TEST_KEY, TEST_MODEL } from './support.js';

const HATCHED_AT = new Date('2025-03-04T05:06:07.000Z');
const bones = rollFromUserId('buddy-0');
const otherBones = rollFromUserId('buddy-93');

function buddyNamed(name: string, from = bones, memory: readonly Exchange[] = []): StoredBuddy {
  const offline = writeOfflineSoul(from);
  const soul = { name, personality: offline.personality.split(offline.name).join(name) };
  return { ...makeStoredBuddy(from, soul, 'model', HATCHED_AT, TEST_MODEL), memory };
}

const pemberton = buddyNamed('Pemberton');
const exchange = (user: string, buddy: string, second: number): Exchange => ({ at: new Date(Date.UTC(2025, 2, 4, 6, 0, second)).toISOString(), user, buddy });

let fake: FakeMessagesApi;
// A fresh server per test, so a response one test left queued never answers the next.
beforeEach(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(async () => {
  await fake.close();
});

describe('talk: only a call by name reaches the model', () => {
  it.each(['nice weather today', 'Pembertonian logic', 'pember ton?', ''])('emotes at %j without any request', async (message) => {
    const turn = await talk({ buddy: pemberton, message, client: realClient(fake), now: new Date() });
    expect(turn.source).toBe('emote');
    expect(turn.addressed).toBe(false);
    expect(turn.warning).toBeUndefined();
    expect(turn.text.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(0);
  });

  it.each(['pemberton, how are you?', '@Pemberton hi', "Pemberton's tail looks warm", 'hey PEMBERTON!'])('asks the model once for %j', async (message) => {
    fake.script(textReply('Warm as toast, thank you.'));
    const turn = await talk({ buddy: pemberton, message, client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: 'Warm as toast, thank you.', source: 'model', addressed: true, pose: 'talking', heard: message.trim() });
    expect(turn.warning).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it('answers offline when called by name without a client', async () => {
    const message = 'Pemberton, any thoughts?';
    const turn = await talk({ buddy: pemberton, message, client: undefined, now: new Date() });
    expect(turn).toMatchObject({ source: 'offline', addressed: true, text: offlineReply(pemberton, message) });
    expect(fake.requests).toHaveLength(0);
  });

  it('offline with another language set, says once, in English, that it speaks only English', async () => {
    const message = 'Pemberton, comment ça va ?';
    const first = await talk({ buddy: pemberton, message, client: undefined, now: new Date(), language: { tag: 'fr' } });
    expect(first.source).toBe('offline');
    expect(first.text).toBe(`${offlineReply(pemberton, message)} (Offline I speak only English, not French.)`);
    const remembered = { ...pemberton, memory: [exchange(message, first.text, 1)] };
    const second = await talk({ buddy: remembered, message, client: undefined, now: new Date(), language: { tag: 'fr' } });
    expect(second.text).toBe(offlineReply(remembered, message));
    expect(second.text).not.toContain('Offline');
    const english = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: undefined, now: new Date(), language: { tag: 'en-GB' } });
    expect(english.text).toBe(offlineReply(pemberton, 'Pemberton, hi'));
    expect(fake.requests).toHaveLength(0);
  });

  it('with a model, names the language to it and adds no note', async () => {
    fake.script(textReply('Très bien, merci.'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, comment ça va ?', client: realClient(fake), now: new Date(), language: { tag: 'fr' } });
    expect(turn).toMatchObject({ source: 'model', text: 'Très bien, merci.' });
    expect(systemOf(requestAt(fake, 0)).at(-1)?.text.split('\n').at(-1)).toBe('Language: answer in French (fr), whatever language the message is in.');
  });
});

describe('talk: the request', () => {
  it('puts the static talk rules first as a cache breakpoint, then the boundary, name, personality and temperament', async () => {
    fake.script(textReply('Crumbs everywhere.'));
    const now = new Date();
    await talk({ buddy: pemberton, message: 'Pemberton, what now?', client: realClient(fake), now });
    const request = requestAt(fake, 0);
    expect(request.path).toBe('/v1/messages');
    expect(request.body.model).toBe(TEST_MODEL);
    expect(request.body.tools).toBeUndefined();
    expect(request.body.tool_choice).toBeUndefined();
    const system = systemOf(request);
    expect(system).toHaveLength(2);
    expect(system[0]).toEqual({ type: 'text', text: TALK_STATIC_PROMPT, cache_control: { type: 'ephemeral' } });
    const dynamic = system[1]?.text ?? '';
    expect(system[1]?.cache_control).toBeUndefined();
    expect(dynamic.startsWith(SYSTEM_PROMPT_DYNAMIC_BOUNDARY)).toBe(true);
    expect(dynamic).toContain('Pemberton');
    expect(dynamic).toContain(pemberton.personality);
    expect(dynamic).toContain(`Your temperament: ${temperamentAt(bones, now.getHours())}.`);
    // Without a feeling from its growth, no mood is made up: the temperament is not its mood.
    expect(dynamic).not.toContain('Your mood');
    expect(dynamic).toContain(bones.species);
    expect(system[0]?.text).not.toContain('Pemberton');
    expect(messagesOf(request)).toEqual([{ role: 'user', content: 'Pemberton, what now?' }]);
  });

  it('carries its growth mood in the dynamic part only, beside its temperament: the cached static rules stay byte-identical', async () => {
    fake.script(textReply('One.'), textReply('Two.'));
    const hungry = 'hungry, and would love a snack (fullness 12%, energy 90%); level 7, a hatchling';
    const cheerful = 'cheerful (fullness 95%, energy 90%); level 7, a hatchling';
    const noon = new Date(2025, 2, 4, 12, 0, 0);
    await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: noon, feeling: { mood: 'hungry', phrase: hungry } });
    await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: noon, feeling: { mood: 'cheerful', phrase: cheerful } });
    const [a, b] = [systemOf(requestAt(fake, 0)), systemOf(requestAt(fake, 1))];
    expect(Buffer.from(a[0]?.text ?? '').equals(Buffer.from(TALK_STATIC_PROMPT))).toBe(true);
    expect(a[0]).toEqual(b[0]);
    expect(a[1]?.text).toContain(`Your mood right now: ${hungry}.`);
    expect(b[1]?.text).toContain(`Your mood right now: ${cheerful}.`);
    // buddy-0 is an Emberfox whose peak is SNARK: wry by temperament, whatever its mood.
    expect(a[1]?.text).toContain('\nYour temperament: wry.\nYour mood right now: hungry');
    expect(a[0]?.text).not.toContain('hungry');
  });

  it('answers "how are you" offline with its growth mood, never its temperament', async () => {
    const asked = await talk({ buddy: pemberton, message: 'Pemberton, how are you?', client: undefined, now: new Date(), feeling: { mood: 'hungry', phrase: 'hungry' } });
    expect(asked.text).toMatch(/\bhungry\b/);
    expect(asked.text).not.toMatch(/\bI (?:am|feel) wry\b|Very wry/);
  });

  it('sends byte-identical static rules for two different buddies, and different dynamic parts', async () => {
    const quillon = buddyNamed('Quillon', otherBones);
    fake.script(textReply('One.'), textReply('Two.'));
    await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    await talk({ buddy: quillon, message: 'Quillon, hi', client: realClient(fake), now: new Date() });
    const [a, b] = [systemOf(requestAt(fake, 0)), systemOf(requestAt(fake, 1))];
    expect(a[0]).toEqual(b[0]);
    expect(Buffer.from(a[0]?.text ?? '').equals(Buffer.from(b[0]?.text ?? ''))).toBe(true);
    expect(a[1]?.text).not.toBe(b[1]?.text);
    expect(b[1]?.text).toContain('Quillon');
    expect(b[1]?.text).toContain(otherBones.species);
  });

  it('replays the remembered exchanges as alternating turns, ending with the new message', async () => {
    const memory = [exchange('Pemberton, hello', 'Hello, you.', 1), exchange('Pemberton, tea?', 'Always tea.', 2)];
    fake.script(textReply('Biscuits, then.'));
    const turn = await talk({ buddy: buddyNamed('Pemberton', bones, memory), message: 'Pemberton, and biscuits?', client: realClient(fake), now: new Date() });
    expect(turn.text).toBe('Biscuits, then.');
    expect(messagesOf(requestAt(fake, 0))).toEqual([
      { role: 'user', content: 'Pemberton, hello' },
      { role: 'assistant', content: 'Hello, you.' },
      { role: 'user', content: 'Pemberton, tea?' },
      { role: 'assistant', content: 'Always tea.' },
      { role: 'user', content: 'Pemberton, and biscuits?' },
    ]);
  });

  it('sends the message sanitised and capped, and reports that as what it heard', async () => {
    fake.script(textReply('Noted.'));
    const message = `Pemberton, \u001b[31mlook\u0007 at \u202ethis ${'z'.repeat(2 * MAX_MESSAGE_LENGTH)}`;
    const turn = await talk({ buddy: pemberton, message, client: realClient(fake), now: new Date() });
    const sent = messagesOf(requestAt(fake, 0)).at(-1)?.content ?? '';
    expect(sent).toBe(turn.heard);
    expect(sent.startsWith('Pemberton, look at this zzz')).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(sent).not.toMatch(CONTROL_CHARS);
    expect(sent).not.toMatch(BIDI_CHARS);
  });
});

describe('talk: checking the answer', () => {
  it('uses the placeholder when the answer is empty', async () => {
    fake.script(textReply(''));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton?', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: placeholderAnswer('Pemberton'), source: 'fallback', addressed: true });
    expect(turn.warning).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['   ', '…', '. . .', '\u001b[2J\u0007'])('treats %j as an empty answer', async (raw) => {
    fake.script(textReply(raw));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton?', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: placeholderAnswer('Pemberton'), source: 'fallback' });
  });

  it('treats a parrot of the message as no answer', async () => {
    fake.script(textReply('pemberton, say something'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, say something', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: placeholderAnswer('Pemberton'), source: 'fallback' });
  });

  it('asks again with the stay-in-character reminder after an assistant-style answer', async () => {
    fake.script(textReply("As an AI language model, I can't have feelings about crumbs."), textReply('Hmm, crumbs.'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, crumbs?', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: 'Hmm, crumbs.', source: 'model', addressed: true });
    expect(fake.requests).toHaveLength(2);
    const retry = messagesOf(requestAt(fake, 1));
    expect(retry).toEqual([
      { role: 'user', content: 'Pemberton, crumbs?' },
      { role: 'assistant', content: "As an AI language model, I can't have feelings about crumbs." },
      { role: 'user', content: STAY_IN_CHARACTER_REMINDER },
    ]);
    expect(systemOf(requestAt(fake, 1))).toEqual(systemOf(requestAt(fake, 0)));
  });

  it.each([
    "I'm Claude, an AI assistant.",
    'How can I help you today?',
    'Made by Anthropic, I am.',
    '```js\nconsole.log(1)\n```',
  ])('catches %j as out of character', async (raw) => {
    fake.script(textReply(raw), textReply('Sniff.'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, who are you?', client: realClient(fake), now: new Date() });
    expect(turn.text).toBe('Sniff.');
    expect(fake.requests).toHaveLength(2);
  });

  it('says something of its own, never the assistant text, when out of character twice', async () => {
    const message = 'Pemberton, crumbs?';
    fake.script(textReply('As an AI language model, I cannot.'), textReply('I am an AI assistant, how can I help you?'));
    const turn = await talk({ buddy: pemberton, message, client: realClient(fake), now: new Date() });
    expect(turn.source).toBe('fallback');
    expect(turn.addressed).toBe(true);
    expect(turn.text).toBe(offlineReply(pemberton, message));
    expect(turn.text).not.toMatch(/\bAI\b|assistant|help you/i);
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps at most two sentences', async () => {
    fake.script(textReply('Crumbs are great. I keep them in a jar! Also I nap. Then I nap again.'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hobbies?', client: realClient(fake), now: new Date() });
    expect(turn.text).toBe('Crumbs are great. I keep them in a jar!');
  });

  it('joins lines and caps a long answer at a word boundary', async () => {
    const long = `I ${'really '.repeat(60)}like\n\nthe warm side of the laptop`;
    fake.script(textReply(long));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, favourite spot?', client: realClient(fake), now: new Date() });
    expect(turn.source).toBe('model');
    expect(turn.text.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
    expect(turn.text.endsWith('…')).toBe(true);
    expect(turn.text.startsWith('I really really')).toBe(true);
    expect(turn.text).not.toMatch(/ …$|\n/);
    expect(turn.text.slice(0, -1).split(' ').every((word) => word === 'I' || word === 'really')).toBe(true);
  });

  it('strips escape sequences and hyperlinks from the answer', async () => {
    fake.script(textReply('\u001b[2JHello\u001b]8;;http://x\u001b\\link'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    expect(turn.source).toBe('model');
    expect(turn.text).not.toMatch(CONTROL_CHARS);
    expect(turn.text).not.toContain('http://x');
    expect(turn.text).toBe('Hellolink');
  });

  it('strips bidi overrides, BEL and 8-bit controls from the answer', async () => {
    fake.script(textReply('\u202eSniff\u2066 sniff\u0007\u009b1m.\u009d0;x\u009c'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    expect(turn.text).toBe('Sniff sniff.');
    expect(turn.text).not.toMatch(BIDI_CHARS);
  });
});

describe('talk: model failures become a quiet line, never a throw', () => {
  it('answers with silence and a warning after three 500s', async () => {
    const broken = errorReply(500, { 'retry-after-ms': '10' });
    fake.script(broken, broken, broken);
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: silentAnswer('Pemberton'), source: 'fallback', addressed: true, pose: 'sleepy' });
    expect(turn.warning).toBe('the model API had a problem (500)');
    expect(fake.requests).toHaveLength(3);
  });

  it('answers with silence and a "took too long" warning when the server hangs, after a bounded number of tries', async () => {
    fake.script({ hang: true }, { hang: true }, { hang: true });
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: fastClient(fake, 300), now: new Date() });
    // One deadline covers the call and its retries: the server is asked once, at most three times.
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
    expect(turn).toMatchObject({ text: silentAnswer('Pemberton'), source: 'fallback', addressed: true });
    expect(turn.warning).toMatch(/took too long/);
  });

  it('looks sad and points at ANTHROPIC_API_KEY after a 401, without leaking the key', async () => {
    fake.script(errorReply(401));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: silentAnswer('Pemberton'), source: 'fallback', pose: 'sad' });
    expect(turn.warning).toMatch(/ANTHROPIC_API_KEY/);
    expect(turn.warning).not.toContain(TEST_KEY);
    expect(fake.requests).toHaveLength(1);
  });

  it('lets the SDK retry a 429 and keeps the answer', async () => {
    fake.script(errorReply(429, { 'retry-after': '0.05' }), textReply('Patience is a crumb.'));
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, hi', client: realClient(fake), now: new Date() });
    expect(turn).toMatchObject({ text: 'Patience is a crumb.', source: 'model' });
    expect(fake.requests).toHaveLength(2);
  });

  // `now` colours the temperament only; the answer's deadline runs on the real clock.
  it('asks the model when `now` is a fixed time of day chosen for the temperament', async () => {
    fake.script(textReply('Zzz… crumbs.'));
    const night = new Date(2025, 2, 4, 3, 0, 0);
    const turn = await talk({ buddy: pemberton, message: 'Pemberton, awake?', client: realClient(fake), now: night });
    expect(fake.requests).toHaveLength(1);
    expect(systemOf(requestAt(fake, 0))[1]?.text).toContain(`Your temperament: ${temperamentAt(bones, 3)}.`);
    expect(turn).toMatchObject({ text: 'Zzz… crumbs.', source: 'model' });
  });
});
