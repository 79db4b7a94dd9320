// The request for a remark, built without IO: the rules and the buddy are the stable system part, both
// prompt-cache breakpoints; the event's facts, the session's last lines and the hour's temperament are the
// user message, every text scrubbed of credentials and cut to size. Expected texts are written out in full.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import {
  contextLines,
  factLines,
  MAX_CONTEXT_LINE_LENGTH,
  MAX_CONTEXT_LINES,
  MAX_REMEMBERED,
  REMARK_BUDDY_HEADING,
  remarkMessages,
  remarkSystem,
  sendable,
  SESSION_DATA_END,
  SESSION_DATA_START,
} from '../../src/persona/prompt/remark-prompt.js';
import { MAX_REMARK_LENGTH, REMARK_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import type { RemarkFacts } from '../../src/species/remark-facts.js';

const CACHED = { type: 'ephemeral' };
// buddy-12: a shiny common Pebblecrab; buddy-93: a legendary Nebulynx.
const SHINY_PEBBLECRAB = rollFromUserId('buddy-12');
const NEBULYNX = rollFromUserId('buddy-93');
const PEBBLECRAB_LORE = 'Pebblecrabs wear whichever stone fits best and trade up once a year at the great Shell Swap. They walk sideways to keep one eye on the bugs.';
const FAKE_KEY = `sk-ant-api03-${'Zq3xR8vT1wLp9sKd2mN7'.repeat(2)}`;

const failed: RemarkFacts = {
  kind: 'testsFailed',
  tests: ['refuses an expired session', 'keeps the cookie'],
  file: 'tests/auth/login.test.ts',
  error: 'AssertionError: expected 401 to be 200',
  command: 'npm test',
  failed: 2,
  passed: 14,
  timesToday: 3,
};

describe('remarkSystem', () => {
  it('sends the same cached rules for every buddy, then this buddy, cached too', () => {
    const system = remarkSystem({ bones: SHINY_PEBBLECRAB, name: 'Pim', personality: 'Pim hoards shiny semicolons.' });
    expect(system).toEqual([
      { type: 'text', text: REMARK_STATIC_PROMPT, cache_control: CACHED },
      {
        type: 'text',
        text: [
          REMARK_BUDDY_HEADING,
          'Your name: Pim. You are a common shiny Pebblecrab.',
          `Your kind: ${PEBBLECRAB_LORE}`,
          'Your personality: Pim hoards shiny semicolons.',
          'Your stats: DEBUGGING 7, PATIENCE 28, CHAOS 44, WISDOM 56, SNARK 14 (strongest WISDOM, weakest DEBUGGING).',
        ].join('\n'),
        cache_control: CACHED,
      },
    ]);
    expect(remarkSystem({ bones: NEBULYNX, name: 'Vex', personality: 'Vex.' })[0]).toEqual(system[0]);
  });

  it('names the language, and says "an" before a vowel', () => {
    const [, buddy] = remarkSystem({ bones: { ...NEBULYNX, rarity: 'uncommon', shiny: false }, name: 'Vex', personality: 'Vex.', language: { tag: 'de', name: 'German' } });
    expect(buddy!.text.split('\n')[1]).toBe('Your name: Vex. You are an uncommon Nebulynx.');
    expect(buddy!.text.split('\n').at(-1)).toBe('Language: remark in German (de).');
  });

  it('still describes a species it has no lore for, without empty lines', () => {
    const [, block] = remarkSystem({ bones: { ...NEBULYNX, species: 'Mystery' as never }, name: 'Vex', personality: 'Vex.' });
    expect(block!.text.split('\n').slice(1, 3)).toEqual(['Your name: Vex. You are a legendary Mystery.', 'Your personality: Vex.']);
  });

  it('tells the model what it is and is not, and the length of its one line', () => {
    expect(MAX_REMARK_LENGTH).toBe(120);
    expect(REMARK_STATIC_PROMPT).toContain('a small watcher beside the user\'s work, NOT the assistant');
    expect(REMARK_STATIC_PROMPT).toContain(`at most ${MAX_REMARK_LENGTH} characters`);
    expect(REMARK_STATIC_PROMPT).toContain('Name the specific thing: the failing test, the file, the error');
    expect(REMARK_STATIC_PROMPT).toContain('no advice essays');
    expect(REMARK_STATIC_PROMPT).toContain('No quotes around the line, no markdown');
  });
});

describe('remarkMessages', () => {
  it('sends the facts, the last lines and the hour, between markers, in one user turn', () => {
    const messages = remarkMessages({
      facts: failed,
      context: ['> vitest run', ' FAIL  tests/auth/login.test.ts > refuses an expired session', '', '   expected 401 to be 200'],
      remembered: ['works on an auth service'],
      temperament: 'wry, still waking up',
      mood: 'cheerful',
    });
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          SESSION_DATA_START,
          'Event: a test run failed (2 failed, 14 passed), the 3rd time today.',
          'Failing tests: refuses an expired session; keeps the cookie',
          'File: tests/auth/login.test.ts',
          'Error: AssertionError: expected 401 to be 200',
          'Command: npm test',
          'Last lines of the session:',
          '| > vitest run',
          '| FAIL tests/auth/login.test.ts > refuses an expired session',
          '| expected 401 to be 200',
          SESSION_DATA_END,
          'You remember: works on an auth service',
          'Your temperament now: wry, still waking up.',
          'Your mood now: cheerful.',
          'Say your one line now.',
        ].join('\n'),
      },
    ]);
  });

  it('says only what it was given', () => {
    expect(remarkMessages({ facts: { kind: 'turnEnd', timesToday: 1 } })[0]!.content).toBe(
      [SESSION_DATA_START, 'Event: the agent finished its turn.', SESSION_DATA_END, 'Say your one line now.'].join('\n'),
    );
  });

  it('hides every planted credential, in the facts, the context and what it remembers', () => {
    const content = remarkMessages({
      facts: { kind: 'error', error: `401 for key ${FAKE_KEY}`, command: 'API_KEY=hunter2 npm run deploy', timesToday: 1 },
      context: ['export DB_PASSWORD=correct-horse', `Authorization: Bearer ${FAKE_KEY}`, 'https://ann:pa55word@db.test/app'],
      remembered: [`the key is ${FAKE_KEY}`],
    })[0]!.content;
    for (const secret of [FAKE_KEY, 'hunter2', 'correct-horse', 'pa55word']) expect(content).not.toContain(secret);
    expect(content).toContain('Error: 401 for key ***');
    expect(content).toContain('Command: API_KEY=*** npm run deploy');
    expect(content).toContain('| export DB_PASSWORD=***\n| Authorization: ***\n| https://ann:***@db.test/app');
  });
});

describe('factLines', () => {
  it.each([
    [{ kind: 'testsPassed', passed: 20, recovered: true, timesToday: 2 }, ['Event: a test run passed (20 passed), the 2nd time today.', 'It turned green after failing.']],
    [{ kind: 'bigDiff', file: 'src/app.ts', lines: 412, timesToday: 1 }, ['Event: a big edit landed.', 'File: src/app.ts', 'Lines written: 412']],
    [{ kind: 'longSilence', quietMinutes: 25, timesToday: 11 }, ['Event: the session went quiet for a long time, the 11th time today.', 'Quiet for: 25 minutes']],
    [{ kind: 'error', error: '   ', file: '', failed: 0, timesToday: 21 }, ['Event: an error was printed (0 failed), the 21st time today.']],
    [{ kind: 'testsFailed', failed: 1, timesToday: 22 }, ['Event: a test run failed (1 failed), the 22nd time today.']],
    [{ kind: 'testsFailed', failed: 1.5, passed: -1, lines: Number.NaN, timesToday: 13 }, ['Event: a test run failed, the 13th time today.']],
    [{ kind: 'turnEnd', recovered: false, timesToday: 112 }, ['Event: the agent finished its turn, the 112th time today.']],
    [{ kind: 'turnEnd', timesToday: 103 }, ['Event: the agent finished its turn, the 103rd time today.']],
    [{ kind: 'turnEnd', timesToday: 12 }, ['Event: the agent finished its turn, the 12th time today.']],
    [{ kind: 'turnEnd', timesToday: 111 }, ['Event: the agent finished its turn, the 111th time today.']],
    [{ kind: 'turnEnd', timesToday: 4 }, ['Event: the agent finished its turn, the 4th time today.']],
  ] as const)('%j', (facts, lines) => {
    expect(factLines(facts as RemarkFacts)).toEqual(lines);
  });

  it('names at most three tests, each cut to the fact length, none empty', () => {
    const lines = factLines({ kind: 'testsFailed', tests: ['a', '', 'b'.repeat(200), 'c', 'd'], timesToday: 1 });
    expect(lines[1]).toBe(`Failing tests: a; ${'b'.repeat(80)}`);
  });
});

describe('what is sent of the session', () => {
  it('keeps the last lines that say anything, each one line and cut', () => {
    const many = Array.from({ length: 12 }, (_, i) => `line ${i}`);
    expect(contextLines(many)).toEqual(many.slice(-MAX_CONTEXT_LINES));
    expect(MAX_CONTEXT_LINES).toBe(8);
    expect(contextLines(['x'.repeat(500)])).toEqual(['x'.repeat(MAX_CONTEXT_LINE_LENGTH)]);
    expect(contextLines(['a\u001b[31mred\u001b[0m\tb', '  ', '\u0007'])).toEqual(['ared b']);
  });

  it('keeps at most five remembered facts', () => {
    const content = remarkMessages({ facts: { kind: 'turnEnd', timesToday: 1 }, remembered: ['1', '2', '', '3', '4', '5', '6'] })[0]!.content;
    expect(MAX_REMEMBERED).toBe(5);
    expect(content).toContain('You remember: 1; 2; 3; 4; 5\n');
  });

  it('cuts what it remembers, its temperament and its mood', () => {
    const content = remarkMessages({ facts: { kind: 'turnEnd', timesToday: 1 }, remembered: ['r'.repeat(200)], temperament: 't'.repeat(200), mood: 'm'.repeat(200) })[0]!.content;
    expect(content.split('\n').slice(3, 6)).toEqual([`You remember: ${'r'.repeat(120)}`, `Your temperament now: ${'t'.repeat(80)}.`, `Your mood now: ${'m'.repeat(120)}.`]);
  });

  it('sendable scrubs before it cuts, so a cut never leaves part of a key', () => {
    expect(sendable(`key ${FAKE_KEY}`, 20)).toBe('key ***');
    expect(sendable('  a \n b  ', 20)).toBe('a b');
  });
});
