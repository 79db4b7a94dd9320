// talk() and the buddy's memory, against the real SDK and a local fake Messages API: a request to keep,
// list or let go of a fact is answered before any model call (with a client or without one), and the turn
// says what to store; with a model the prompt names the facts; offline a question about one quotes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { talk } from '../../src/persona/conversation.js';
import { answerMemoryRequest, recallReply } from '../../src/persona/memory-talk.js';
import { offlineReply } from '../../src/persona/offline-talk.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import type { StoredBuddy } from '../../src/store/schema.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { realClient, systemOf, requestAt, TEST_MODEL } from './support.js';

const bones = rollFromUserId('buddy-0');
const soul = writeOfflineSoul(bones);
const facts = [
  { text: 'I deploy on Fridays', at: '2026-12-01T10:00:00.000Z' },
  { text: 'standup moved to 10am', at: '2026-12-02T10:00:00.000Z' },
];
const pip: StoredBuddy = { ...makeStoredBuddy(bones, { name: 'Pip', personality: soul.personality.split(soul.name).join('Pip') }, 'model', new Date('2026-11-01T00:00:00.000Z'), TEST_MODEL), facts };
const now = new Date('2026-12-06T12:00:00.000Z');
const speaker = { bones, name: 'Pip', facts };

let fake: FakeMessagesApi;
beforeEach(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(async () => {
  await fake.close();
});

describe('talk: memory requests never reach the model', () => {
  it.each([
    ['Pip, remember that Bob owns billing', { kind: 'remember', text: 'Bob owns billing' }],
    ['Pip, what do you remember?', { kind: 'recall' }],
    ['Pip, forget that standup moved', { kind: 'forget', text: 'standup moved' }],
  ] as const)('answers %j itself, with a client and without', async (message, request) => {
    const expected = answerMemoryRequest(speaker, request, now);
    for (const client of [realClient(fake), undefined]) {
      const turn = await talk({ buddy: pip, message, client, now });
      expect(turn).toEqual({ heard: message, text: expected.text, pose: 'talking', addressed: true, source: 'offline', ...(expected.change ? { factChange: expected.change } : {}) });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('says what to store: the fact, dated at the talk', async () => {
    const turn = await talk({ buddy: pip, message: 'Pip remember I take my coffee black', client: undefined, now });
    expect(turn.factChange).toEqual({ kind: 'remember', fact: { text: 'I take my coffee black', at: '2026-12-06T12:00:00.000Z' } });
  });

  it('is no request when the buddy is not called by name', async () => {
    const turn = await talk({ buddy: pip, message: 'remember that Bob owns billing', client: undefined, now });
    expect(turn.source).toBe('emote');
    expect(turn.factChange).toBeUndefined();
  });

  it('keeps for a buddy stored before facts', async () => {
    const { facts: _none, ...older } = pip;
    const turn = await talk({ buddy: older, message: 'Pip, remember that Bob owns billing', client: undefined, now });
    expect(turn.factChange).toEqual({ kind: 'remember', fact: { text: 'Bob owns billing', at: now.toISOString() } });
    expect(turn.text).toBe(answerMemoryRequest({ ...speaker, facts: [] }, { kind: 'remember', text: 'Bob owns billing' }, now).text);
  });
});

describe('talk: a question about a kept fact', () => {
  it('offline, quotes the fact', async () => {
    const turn = await talk({ buddy: pip, message: 'Pip, when do I deploy?', client: undefined, now });
    expect(turn).toEqual({ heard: 'Pip, when do I deploy?', text: recallReply(speaker, 'when do I deploy?'), pose: 'talking', addressed: true, source: 'offline' });
    expect(turn.text).toContain('"I deploy on Fridays"');
  });

  it.each(['Pip, do we deploy on Fridays', 'when do I deploy, Pip?', 'is standup at 10am, Pip'])('offline, %j is a question too', async (message) => {
    const turn = await talk({ buddy: pip, message, client: undefined, now });
    expect(turn.text).toMatch(/"(?:I deploy on Fridays|standup moved to 10am)"/);
  });

  it.each([
    'Pip, what is the weather like?',
    'Pip, I deploy on Fridays',
    "Pip, what's your name?",
    'Pip, how are you?',
    'Pip, deploying on Fridays is scary',
  ])('offline, %j is answered as ever', async (message) => {
    const turn = await talk({ buddy: pip, message, client: undefined, now });
    expect(turn.text).toBe(offlineReply(pip, message));
  });

  it('with a model, the prompt names the facts and the model answers', async () => {
    fake.script(textReply('Fridays, of course.'));
    const turn = await talk({ buddy: pip, message: 'Pip, when do I deploy?', client: realClient(fake), now });
    expect(turn).toMatchObject({ text: 'Fridays, of course.', source: 'model' });
    const dynamic = systemOf(requestAt(fake, 0))[1]!.text;
    expect(dynamic).toContain('- 2026-12-01, 5 days ago: I deploy on Fridays\n- 2026-12-02, 4 days ago: standup moved to 10am');
  });

  it('with a model and no facts, the prompt has no memory block', async () => {
    fake.script(textReply('Hello.'));
    await talk({ buddy: { ...pip, facts: [] }, message: 'Pip, hi', client: realClient(fake), now });
    expect(systemOf(requestAt(fake, 0))[1]!.text).not.toContain('What you remember');
  });
});
