// Which kept fact a question is about: rough stems meet ("Fridays"/"Friday", "deploying"/"deploy"), the
// memory words and pronouns count for nothing, and under half the question's words in a fact is no match.
import { describe, expect, it } from 'vitest';
import { bestFact, contentStems, MATCH_THRESHOLD, stem } from '../../src/persona/fact-match.js';

const at = (day: number): string => `2026-12-0${day}T10:00:00.000Z`;
const facts = [
  { text: 'I deploy on Fridays', at: at(1) },
  { text: 'standup moved to 10am', at: at(2) },
  { text: 'my sister is called Ada', at: at(3) },
];

describe('stem', () => {
  it.each([
    ['Fridays', 'friday'],
    ['deploys', 'deploy'],
    ['deployed', 'deploy'],
    ['deploying', 'deploy'],
    ['likes', 'lik'],
    ['like', 'lik'],
    ['liked', 'lik'],
    ['liking', 'lik'],
    ['berries', 'berry'],
    ['class', 'class'],
    ["Ada's", 'ada'],
    ['bus', 'bus'],
    ['ties', 'tie'],
    ['sing', 'sing'],
    ['used', 'used'],
    ['red', 'red'],
    ['use', 'use'],
    ['tree', 'tre'],
    ['axe', 'axe'],
    ['is', 'is'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('contentStems', () => {
  it('keeps the words that carry meaning, stemmed, once each', () => {
    expect([...contentStems('When do I deploy? Do you remember my deploys, Fridays or not?')]).toEqual(['deploy', 'friday']);
  });

  it('reads curly apostrophes and ignores single letters', () => {
    expect([...contentStems('What’s Ada’s cat called? x')]).toEqual(['ada', 'cat', 'call']);
  });

  it('is empty for a question of function words only', () => {
    expect(contentStems('what do you remember about me?').size).toBe(0);
  });
});

describe('bestFact', () => {
  it('finds the fact a question is about', () => {
    expect(bestFact('when do I deploy?', facts)).toEqual({ index: 0, fact: facts[0], score: 1 });
    expect(bestFact('when is standup now?', facts)).toEqual({ index: 1, fact: facts[1], score: 1 });
    expect(bestFact("what's my sister called?", facts)).toEqual({ index: 2, fact: facts[2], score: 1 });
  });

  it('takes half the words as enough, and less as no match', () => {
    expect(MATCH_THRESHOLD).toBe(0.5);
    expect(bestFact('do we deploy on weekends?', facts)).toEqual({ index: 0, fact: facts[0], score: 0.5 });
    expect(bestFact('should we deploy the mobile app?', facts)).toBeUndefined();
  });

  it('gives nothing for a question about something else, or with no words of meaning', () => {
    expect(bestFact("what's the weather like?", facts)).toBeUndefined();
    expect(bestFact('what do you remember?', facts)).toBeUndefined();
    expect(bestFact('when do I deploy?', [])).toBeUndefined();
  });

  it('prefers the better match, then the later of equal ones', () => {
    const more = [...facts, { text: 'we deploy on Fridays after lunch', at: at(4) }];
    expect(bestFact('deploy Fridays?', more)?.index).toBe(3);
    expect(bestFact('deploy after lunch?', more)?.index).toBe(3);
    expect(bestFact('deploy after lunch?', more)?.score).toBe(1);
    const better = [{ text: 'deploy on Fridays after lunch', at: at(1) }, { text: 'deploy on Fridays', at: at(2) }];
    expect(bestFact('deploy after lunch?', better)?.index).toBe(0);
  });

  it('leaves out the words it is told to ignore (the buddy\'s name)', () => {
    const named = [{ text: 'Pip likes Fridays', at: at(1) }];
    expect(bestFact('Pip, what about cheese?', named)?.index).toBe(0);
    expect(bestFact('Pip, what about cheese?', named, ['Pip'])).toBeUndefined();
  });
});
