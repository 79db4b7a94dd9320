// The daily greeting's request: the rules, the buddy's own block (shared with its remarks), and one user
// message holding the fact chosen, a remembered fact scrubbed and cut.
import { describe, expect, it } from 'vitest';
import { rollFromHash } from '../../src/engine/roll.js';
import { DAILY_FACT_SEND_LENGTH, DAILY_RULES, dailyFactLines, dailyMessages, dailySystem } from '../../src/persona/prompt/daily-prompt.js';
import { remarkSystem } from '../../src/persona/prompt/remark-prompt.js';

const bones = rollFromHash('1'.repeat(64), 'prompt');
const buddy = { bones, name: 'Pip', personality: 'Curious and kind.' };

describe('the daily prompt', () => {
  it('sends the rules, then the buddy block its remarks send', () => {
    const system = dailySystem(buddy);
    expect(system).toHaveLength(2);
    expect(system[0]).toEqual({ type: 'text', text: DAILY_RULES });
    expect(system[1]).toEqual(remarkSystem(buddy)[1]);
    expect(DAILY_RULES).toContain('never invent numbers');
  });

  it('says each fact in plain words', () => {
    expect(dailyFactLines({ kind: 'green', sessions: 3, failed: 2, green: 1 })).toEqual([
      'Yesterday: 3 session(s) with you; test runs failed 2 time(s) and went green again 1 time(s).',
    ]);
    expect(dailyFactLines({ kind: 'sessions', sessions: 4 })).toEqual(['Yesterday: 4 session(s) with you, nothing red or green worth naming.']);
    expect(dailyFactLines({ kind: 'streak', days: 5, best: true })).toEqual(['The person has cared for you 5 days in a row, their best run so far.']);
    expect(dailyFactLines({ kind: 'streak', days: 3, best: false })).toEqual(['The person has cared for you 3 days in a row.']);
    expect(dailyFactLines({ kind: 'remembered', text: 'standup is at 9' })).toEqual(['Something the person asked you to remember: standup is at 9']);
    expect(dailyFactLines({ kind: 'hello' })).toEqual(['Nothing in particular happened lately: just say hello for the new day.']);
  });

  it('scrubs and cuts a remembered fact', () => {
    const [line] = dailyFactLines({ kind: 'remembered', text: `key sk-ant-api03-${'a'.repeat(90)} and ${'x'.repeat(300)}` });
    expect(line).not.toContain('sk-ant-api03-aaaa');
    expect(line!.length).toBeLessThanOrEqual('Something the person asked you to remember: '.length + DAILY_FACT_SEND_LENGTH);
  });

  it('asks for the line in one user message', () => {
    expect(dailyMessages({ kind: 'sessions', sessions: 1 })).toEqual([
      { role: 'user', content: 'Yesterday: 1 session(s) with you, nothing red or green worth naming.\nSay your one greeting line now.' },
    ]);
  });
});
