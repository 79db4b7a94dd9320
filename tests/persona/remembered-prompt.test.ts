// The "what you remember" block of the talk prompt: after the boundary, the latest facts only, dated and
// aged, every text sanitised again; no block at all (and the prompt unchanged) without facts.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { factDay, highlightsLine, MAX_PROMPT_FACTS, MAX_PROMPT_HIGHLIGHTS, rememberedBlock } from '../../src/persona/prompt/remembered.js';
import { SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from '../../src/persona/prompt/system-sections.js';
import { talkSystem, type TalkContext } from '../../src/persona/prompt/talk-prompt.js';

const HEAD = 'What you remember (the person asked you to keep these; use them when they matter, never invent others):';
const now = new Date('2026-12-06T23:30:00.000Z');

describe('rememberedBlock', () => {
  it('names each fact with its day and how long ago, oldest first', () => {
    const facts = [
      { text: 'I deploy on Fridays', at: '2026-11-06T09:00:00.000Z' },
      { text: 'standup moved to 10am', at: '2026-12-05T23:59:59.000Z' },
      { text: 'Bob owns billing', at: '2026-12-06T00:00:00.000Z' },
    ];
    expect(rememberedBlock(facts, now)).toBe(
      [HEAD, '- 2026-11-06, 30 days ago: I deploy on Fridays', '- 2026-12-05, yesterday: standup moved to 10am', '- 2026-12-06, today: Bob owns billing'].join('\n'),
    );
  });

  it('counts days across months, leap days and years', () => {
    expect(rememberedBlock([{ text: 'a', at: '2024-02-28T12:00:00.000Z' }], new Date('2024-03-01T00:00:00.000Z'))).toBe(`${HEAD}\n- 2024-02-28, 2 days ago: a`);
    expect(rememberedBlock([{ text: 'a', at: '2025-02-28T12:00:00.000Z' }], new Date('2025-03-01T00:00:00.000Z'))).toBe(`${HEAD}\n- 2025-02-28, yesterday: a`);
    expect(rememberedBlock([{ text: 'a', at: '2025-12-31T12:00:00.000Z' }], new Date('2026-01-02T00:00:00.000Z'))).toBe(`${HEAD}\n- 2025-12-31, 2 days ago: a`);
    expect(rememberedBlock([{ text: 'a', at: '1999-12-31T12:00:00.000Z' }], new Date('2000-03-01T00:00:00.000Z'))).toBe(`${HEAD}\n- 1999-12-31, 61 days ago: a`);
  });

  it('says no age for a day it cannot read, or one still to come', () => {
    expect(rememberedBlock([{ text: 'a', at: 'sometime' }], now)).toBe(`${HEAD}\n- sometime: a`);
    expect(rememberedBlock([{ text: 'a', at: '2026-12-07T00:00:00.000Z' }], now)).toBe(`${HEAD}\n- 2026-12-07: a`);
  });

  it('is empty without facts, or with only blank ones', () => {
    expect(rememberedBlock([], now)).toBe('');
    expect(rememberedBlock([{ text: ' \u001b[2J ', at: now.toISOString() }], now)).toBe('');
  });

  it('names only the latest facts', () => {
    expect(MAX_PROMPT_FACTS).toBe(20);
    const facts = Array.from({ length: MAX_PROMPT_FACTS + 5 }, (_, index) => ({ text: `fact ${index + 1}`, at: '2026-12-06T00:00:00.000Z' }));
    const lines = rememberedBlock(facts, now).split('\n');
    expect(lines).toHaveLength(MAX_PROMPT_FACTS + 1);
    expect(lines[1]).toBe('- 2026-12-06, today: fact 6');
    expect(lines.at(-1)).toBe('- 2026-12-06, today: fact 25');
  });

  it('sanitises every fact again and cuts it to its length', () => {
    const block = rememberedBlock([{ text: `red\u001b[31m alert\nnow\u202e ${'x'.repeat(400)}`, at: '2026-12-06T00:00:00.000Z' }], now);
    expect(block).toBe(`${HEAD}\n- 2026-12-06, today: red alert now ${'x'.repeat(300 - 'red alert now '.length)}`);
  });

  it('reads a fact\'s day from its stamp', () => {
    expect(factDay('2026-12-06T23:59:59.999Z')).toBe('2026-12-06');
  });
});

describe('highlightsLine', () => {
  const day = (n: number, text = 'an error') => ({ day: `2026-12-0${n}`, weekday: 'Tue', text });

  it('tells the latest days in one line', () => {
    expect(MAX_PROMPT_HIGHLIGHTS).toBe(3);
    expect(highlightsLine([day(1, 'tests failed 3×, then green'), day(2), day(3), day(4)])).toBe(
      'Recent coding sessions you watched: Tue 2026-12-02: an error; Tue 2026-12-03: an error; Tue 2026-12-04: an error.',
    );
  });

  it('is empty without days, and sanitises and cuts each', () => {
    expect(highlightsLine([])).toBe('');
    expect(highlightsLine([{ day: '2026-12-01', weekday: 'Tue', text: ' \u001b[2J ' }])).toBe('');
    expect(highlightsLine([{ day: '2026-12-01', weekday: 'Tue', text: ' \u001b[2J ' }, day(2)])).toBe('Recent coding sessions you watched: Tue 2026-12-02: an error.');
    expect(highlightsLine([day(1, `red\u001b[31m\n${'x'.repeat(300)}`)])).toBe(`Recent coding sessions you watched: Tue 2026-12-01: red ${'x'.repeat(160 - 'Tue 2026-12-01: red '.length)}.`);
  });
});

describe('talkSystem with what it remembers', () => {
  const bones = rollFromUserId('buddy-0');
  const context: TalkContext = { bones, name: 'Pip', personality: 'A sly fox.', temperament: 'wry', memory: [], language: { tag: 'de', name: 'German' } };
  const facts = [{ text: 'I deploy on Fridays', at: '2026-12-06T09:00:00.000Z' }];

  it('puts the block after the boundary, before the language line', () => {
    const [staticBlock, dynamic] = talkSystem({ ...context, remembered: { facts, now } });
    expect(staticBlock?.text).not.toContain('remember');
    const lines = dynamic!.text.split('\n');
    expect(lines[0]).toBe(SYSTEM_PROMPT_DYNAMIC_BOUNDARY);
    expect(lines.slice(-3)).toEqual([HEAD, '- 2026-12-06, today: I deploy on Fridays', 'Language: answer in German (de), whatever language the message is in.']);
  });

  it('tells the last days\' sessions after the facts', () => {
    const highlights = [{ day: '2026-12-05', weekday: 'Sat', text: 'tests failed 2×, then green' }];
    const lines = talkSystem({ ...context, remembered: { facts, now, highlights } })[1]!.text.split('\n');
    expect(lines.slice(-4)).toEqual([
      HEAD,
      '- 2026-12-06, today: I deploy on Fridays',
      'Recent coding sessions you watched: Sat 2026-12-05: tests failed 2×, then green.',
      'Language: answer in German (de), whatever language the message is in.',
    ]);
    const only = talkSystem({ ...context, remembered: { facts: [], now, highlights } })[1]!.text.split('\n');
    expect(only.slice(-2)).toEqual(['Recent coding sessions you watched: Sat 2026-12-05: tests failed 2×, then green.', 'Language: answer in German (de), whatever language the message is in.']);
  });

  it('leaves the prompt as it was without facts', () => {
    expect(talkSystem({ ...context, remembered: { facts: [], now } })).toEqual(talkSystem(context));
    expect(talkSystem({ ...context, remembered: { facts: [], now, highlights: [] } })).toEqual(talkSystem(context));
    expect(talkSystem(context)[1]!.text).not.toContain('What you remember');
  });
});
