// Which messages ask the buddy's memory for something, and which merely mention it: a request to keep a
// fact, in its natural forms, gives exactly the fact; a question, a reminiscence or a reminder does not.
import { describe, expect, it } from 'vitest';
import { readMemoryRequest, withoutCall } from '../../src/persona/memory-requests.js';
import { MAX_FACT_LENGTH } from '../../src/persona/prompt/remembered.js';

const read = (message: string): ReturnType<typeof readMemoryRequest> => readMemoryRequest(message, 'Pip');

describe('withoutCall: the name that calls the buddy, at either end', () => {
  it.each([
    ['Pip, remember that x', 'remember that x'],
    ['@Pip remember x', 'remember x'],
    ['hey Pip: remember x', 'remember x'],
    ['ok, so Pip - remember x', 'remember x'],
    ['remember x, Pip.', 'remember x'],
    ['what do you remember, Pip?', 'what do you remember?'],
    ['remember that Pip’s bowl is blue', "remember that Pip's bowl is blue"],
    ['Pipkin, remember x', 'Pipkin, remember x'],
    ['  Pip   remember   x  ', 'remember x'],
  ])('%j reads %j', (message, expected) => {
    expect(withoutCall(message, 'Pip')).toBe(expected);
  });

  it('leaves a message alone when the name is blank', () => {
    expect(withoutCall(' Pip, hi ', '  ')).toBe('Pip, hi');
  });
});

describe('readMemoryRequest: keeping a fact', () => {
  it.each([
    ['Pip, remember that I deploy on Fridays', 'I deploy on Fridays'],
    ['Pip, remember: I deploy on Fridays.', 'I deploy on Fridays'],
    ['Pip remember I deploy on Fridays', 'I deploy on Fridays'],
    ["Pip, don't forget that standup moved to 10", 'standup moved to 10'],
    ['Pip, don’t forget: standup moved to 10!', 'standup moved to 10'],
    ['Pip, do not forget the demo is on Monday', 'the demo is on Monday'],
    ['Pip, never forget - prod is eu-west-1', 'prod is eu-west-1'],
    ['Pip, please remember my sister is called Ada', 'my sister is called Ada'],
    ['Pip, keep in mind that the API key rotates monthly', 'the API key rotates monthly'],
    ['Pip, make a note that Bob owns billing', 'Bob owns billing'],
    ['Pip, remember this: the VPN drops at noon', 'the VPN drops at noon'],
    ['Pip, can you remember that I take my coffee black?', 'I take my coffee black'],
    ['Pip, could you please remember I am on call next week?', 'I am on call next week'],
    ['Pip, remember "port 8080 is the admin panel"', 'port 8080 is the admin panel'],
    ['remember that I deploy on Fridays, Pip.', 'I deploy on Fridays'],
    ['REMEMBER THAT THE BUILD IS SLOW', 'THE BUILD IS SLOW'],
  ])('%j keeps %j', (message, text) => {
    expect(read(message)).toEqual({ kind: 'remember', text });
  });

  it('cuts a long fact to the limit', () => {
    const request = read(`Pip, remember that ${'a'.repeat(400)}`);
    expect(request).toEqual({ kind: 'remember', text: 'a'.repeat(MAX_FACT_LENGTH) });
  });

  it('keeps a fact as one clean line, whatever the message held', () => {
    expect(read('Pip, remember that the \u001b[31mred\u001b[0m build\nfails\u202e on Mondays.')).toEqual({ kind: 'remember', text: 'the red build fails on Mondays' });
  });

  it.each([
    'Pip, do you remember me?',
    'Pip, remember me?',
    'Pip, remember me',
    'Pip, remember that?',
    'Pip, remember that bug we had?',
    'Pip, remember when we shipped v2',
    'Pip, remember to drink water',
    "Pip, don't forget to feed me",
    'Pip, I remember that bug',
    'Pip, I will never forget that demo',
    'Pip, what do you remember about deploys?',
    'Pip, remember',
    'Pip, remember:',
    'Pip, remember it',
    'Pip, remembering is hard',
    'Pip, rememberthat x',
    'Pip, how do you remember things?',
  ])('%j asks nothing of its memory', (message) => {
    expect(read(message)).toBeUndefined();
  });
});

describe('readMemoryRequest: listing what it keeps', () => {
  it.each([
    'Pip, what do you remember?',
    'what do you remember, Pip?',
    'Pip what do you know about me',
    'Pip, what else do you remember?',
    'Pip, what have I told you?',
    'Pip, what did I tell you to remember?',
    "Pip, what's in your memory?",
    'Pip, list your memories',
    'Pip, show me what you remember',
    'Pip, do you remember anything?',
    'Pip, what do you remember so far?',
    'so Pip, what do you remember about me?',
  ])('%j lists', (message) => {
    expect(read(message)).toEqual({ kind: 'recall' });
  });

  it.each(['Pip, what do you remember about deploys?', 'Pip, what do you think?', 'Pip, your memory is great'])('%j does not', (message) => {
    expect(read(message)?.kind).not.toBe('recall');
  });
});

describe('readMemoryRequest: letting go', () => {
  it.each([
    ['Pip, forget that I deploy on Fridays', 'I deploy on Fridays'],
    ['Pip, forget about the standup.', 'the standup'],
    ['Pip, please forget: Bob owns billing', 'Bob owns billing'],
    ['Pip, stop remembering my coffee order', 'my coffee order'],
    ['Pip, can you forget the VPN thing?', 'the VPN thing'],
  ])('%j lets %j go', (message, text) => {
    expect(read(message)).toEqual({ kind: 'forget', text });
  });

  it.each(['Pip, forget everything', 'Pip, forget it all.', 'Pip, forget all your facts'])('%j asks to let everything go', (message) => {
    expect(read(message)).toEqual({ kind: 'forgetAll' });
  });

  it.each(['Pip, forget it', 'Pip, forget that', 'Pip, forget about it!', 'Pip, I forget things', 'Pip, forget', 'Pip, forgetful today'])('%j asks nothing', (message) => {
    expect(read(message)).toBeUndefined();
  });
});
