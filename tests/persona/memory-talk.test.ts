// How the buddy answers about its memory, word for word for one buddy (an Emberfox): keeping a fact (and
// saying which it let go when full), a fact kept twice, the list, letting one go, and a fact quoted back.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { answerMemoryRequest, MAX_LISTED_FACTS, recallReply } from '../../src/persona/memory-talk.js';
import { MAX_FACTS } from '../../src/persona/prompt/remembered.js';

const bones = rollFromUserId('buddy-0');
const now = new Date('2026-12-06T12:00:00.000Z');
const facts = [
  { text: 'I deploy on Fridays', at: '2026-12-01T10:00:00.000Z' },
  { text: 'standup moved to 10am', at: '2026-12-02T10:00:00.000Z' },
];
const pip = { bones, name: 'Pip', facts };

describe('answerMemoryRequest', () => {
  it('is an Emberfox speaking', () => {
    expect(bones.species).toBe('Emberfox');
  });

  it('keeps a new fact, dated now, and says so in its voice', () => {
    expect(answerMemoryRequest(pip, { kind: 'remember', text: 'Bob owns billing' }, now)).toEqual({
      text: '*yips* Tucked into my warm den: "Bob owns billing".',
      change: { kind: 'remember', fact: { text: 'Bob owns billing', at: '2026-12-06T12:00:00.000Z' } },
    });
  });

  it('keeps nothing twice (in any case), and says since when it has it', () => {
    expect(answerMemoryRequest(pip, { kind: 'remember', text: 'i deploy on fridays' }, now)).toEqual({
      text: 'Already kept, since 2026-12-01: "I deploy on Fridays". *flicks its glowing tail*',
    });
  });

  it('says which fact it let go when it was full', () => {
    const full = Array.from({ length: MAX_FACTS }, (_, index) => ({ text: `fact ${index + 1}`, at: '2026-12-01T10:00:00.000Z' }));
    const answer = answerMemoryRequest({ ...pip, facts: full }, { kind: 'remember', text: 'Bob owns billing' }, now);
    expect(answer.text).toBe('*yips* Tucked into my warm den: "Bob owns billing". (To make room I let go of the oldest: "fact 1".)');
    expect(answer.change).toEqual({ kind: 'remember', fact: { text: 'Bob owns billing', at: now.toISOString() } });
    const roomLeft = answerMemoryRequest({ ...pip, facts: full.slice(1) }, { kind: 'remember', text: 'Bob owns billing' }, now);
    expect(roomLeft.text).toBe('*yips* Tucked into my warm den: "Bob owns billing".');
  });

  it('quotes a long fact cut short', () => {
    const text = `${'word '.repeat(30)}end`;
    const answer = answerMemoryRequest(pip, { kind: 'remember', text }, now);
    expect(answer.text).toContain(`"${'word '.repeat(16).trimEnd()}…"`);
    expect(answer.change).toEqual({ kind: 'remember', fact: { text, at: now.toISOString() } });
  });

  it('lists what it keeps, numbered and dated', () => {
    expect(answerMemoryRequest(pip, { kind: 'recall' }, now)).toEqual({
      text: '*grins slyly* I keep 2 things: 1. I deploy on Fridays (2026-12-01); 2. standup moved to 10am (2026-12-02).',
    });
    expect(answerMemoryRequest({ ...pip, facts: facts.slice(0, 1) }, { kind: 'recall' }, now).text).toBe('*grins slyly* I keep one thing: 1. I deploy on Fridays (2026-12-01).');
  });

  it('lists only the latest few, with their own numbers, and points to buddy memory for the rest', () => {
    const many = Array.from({ length: MAX_LISTED_FACTS + 2 }, (_, index) => ({ text: `fact ${index + 1}`, at: '2026-12-01T10:00:00.000Z' }));
    expect(MAX_LISTED_FACTS).toBe(5);
    expect(answerMemoryRequest({ ...pip, facts: many }, { kind: 'recall' }, now).text).toBe(
      '*grins slyly* I keep 7 things: 3. fact 3 (2026-12-01); 4. fact 4 (2026-12-01); 5. fact 5 (2026-12-01); 6. fact 6 (2026-12-01); 7. fact 7 (2026-12-01). And 2 older: buddy memory lists them all.',
    );
  });

  it('says how to keep one when it keeps none', () => {
    expect(answerMemoryRequest({ ...pip, facts: [] }, { kind: 'recall' }, now)).toEqual({
      text: '*flicks its glowing tail* You haven\'t asked me to keep anything yet. Say "Pip, remember that …".',
    });
  });

  it('lets go of the fact a request is about, and of nothing when none is', () => {
    expect(answerMemoryRequest(pip, { kind: 'forget', text: 'the standup' }, now)).toEqual({
      text: '*yips* Let go of "standup moved to 10am".',
      change: { kind: 'forget', text: 'standup moved to 10am' },
    });
    expect(answerMemoryRequest(pip, { kind: 'forget', text: 'lunch plans' }, now)).toEqual({ text: 'Nothing like that in my warm den. *grins slyly*' });
    expect(answerMemoryRequest(pip, { kind: 'forget', text: 'Pip' }, now).change).toBeUndefined();
  });

  it('points to buddy forget --all rather than letting everything go on a word', () => {
    expect(answerMemoryRequest(pip, { kind: 'forgetAll' }, now)).toEqual({ text: '*flicks its glowing tail* To let go of everything I keep, run buddy forget --all.' });
  });
});

describe('recallReply', () => {
  it('quotes the fact a question is about, with its day', () => {
    expect(recallReply(pip, 'when do I deploy?')).toBe('*flicks its glowing tail* From my warm den, dated 2026-12-01: "I deploy on Fridays".');
    expect(recallReply(pip, 'what time is standup?')).toBe('I kept it on 2026-12-02: "standup moved to 10am". *yips*');
  });

  it('says nothing for a question about something else', () => {
    expect(recallReply(pip, "what's the weather like?")).toBeUndefined();
    expect(recallReply({ ...pip, facts: [] }, 'when do I deploy?')).toBeUndefined();
  });

  it('never matches on its own name', () => {
    expect(recallReply({ ...pip, facts: [{ text: 'Pip is a fox', at: facts[0]!.at }] }, 'Pip?')).toBeUndefined();
  });
});
