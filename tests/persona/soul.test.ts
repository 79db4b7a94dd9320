// The rules every soul must pass, and the offline writer that turns a roll into a name and a personality:
// deterministic, always within the rules, and shaped by the buddy's stats.
import { describe, expect, it } from 'vitest';
import { STATS } from '../../src/engine/constants.js';
import { rollFromUserId, type Bones } from '../../src/engine/roll.js';
import { offlineName, writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { checkName, checkSoul, MAX_NAME_LENGTH, MAX_PERSONALITY_LENGTH } from '../../src/persona/prompt/soul.js';
import { HATCH_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import { PEAK_TEMPLATES } from '../../src/persona/words.js';

const IDS = Array.from({ length: 300 }, (_, i) => `buddy-${i}`);
const ROLLS = IDS.map((id) => rollFromUserId(id));
const SOULS = ROLLS.map((bones) => writeOfflineSoul(bones));

describe('checkName', () => {
  it.each(['Pip', 'Zoë', "O'Malley", 'Mary-Jo', 'R2d2', 'a', 'x'.repeat(MAX_NAME_LENGTH), 'Ёжик'])('accepts %j', (name) => {
    expect(checkName(name)).toBeUndefined();
  });

  const NOT_A_WORD = 'name must be one word of letters';
  it.each([
    ['an empty name', '', 'name is empty'],
    ['two words', 'Pip Squeak', NOT_A_WORD],
    ['a word after a good one', 'Pip 2', NOT_A_WORD],
    ['a name that is too long', 'x'.repeat(MAX_NAME_LENGTH + 1), `name is longer than ${MAX_NAME_LENGTH} characters`],
    ['a leading digit', '2Pip', NOT_A_WORD],
    ['a leading apostrophe', "'Pip", NOT_A_WORD],
    ['punctuation', 'Pip!', NOT_A_WORD],
    ['markup', '<b>Pip</b>', NOT_A_WORD],
    ['a control character', 'Pip\u001b[31m', NOT_A_WORD],
    ['an emoji', 'Pip😀', NOT_A_WORD],
    ['surrounding spaces', ' Pip', NOT_A_WORD],
  ])('rejects %s, saying why', (_label, name, reason) => {
    expect(checkName(name)).toBe(reason);
  });

  it('allows 14 characters and rejects 15, the limit the hatch prompt gives the model', () => {
    expect(checkName('Abcdefghijklmn')).toBeUndefined();
    expect(checkName('Abcdefghijklmno')).toBe('name is longer than 14 characters');
    expect(HATCH_STATIC_PROMPT).toContain('name: one word, at most 14 characters');
  });
});

describe('checkSoul', () => {
  it('accepts a good soul and tidies its whitespace', () => {
    expect(checkSoul({ name: '  Pip ', personality: '  Calm,\n  kind   and\tcurious. ' })).toEqual({
      ok: true,
      soul: { name: 'Pip', personality: 'Calm, kind and curious.' },
    });
  });

  const NOT_STRINGS = 'name and personality must be strings';
  it.each([
    ['null', null, 'not an object'],
    ['a string', 'Pip', 'not an object'],
    ['a number', 42, 'not an object'],
    ['an empty object', {}, NOT_STRINGS],
    ['a missing personality', { name: 'Pip' }, NOT_STRINGS],
    ['a missing name', { personality: 'Calm.' }, NOT_STRINGS],
    ['a numeric name', { name: 7, personality: 'Calm.' }, NOT_STRINGS],
    ['a two-word name', { name: 'Pip Squeak', personality: 'Calm.' }, 'name must be one word of letters'],
    ['a blank name', { name: '   ', personality: 'Calm.' }, 'name is empty'],
    ['a blank personality', { name: 'Pip', personality: ' \n\t ' }, 'personality is empty'],
    ['a personality that is too long', { name: 'Pip', personality: 'x'.repeat(MAX_PERSONALITY_LENGTH + 1) }, `personality is longer than ${MAX_PERSONALITY_LENGTH} characters`],
  ])('rejects %s, saying why', (_label, candidate, reason) => {
    expect(checkSoul(candidate)).toEqual({ ok: false, reason });
  });

  it(`allows a personality of exactly ${MAX_PERSONALITY_LENGTH} characters, counted after tidying`, () => {
    expect(checkSoul({ name: 'Pip', personality: 'x'.repeat(MAX_PERSONALITY_LENGTH) }).ok).toBe(true);
    expect(checkSoul({ name: 'Pip', personality: `   ${'x'.repeat(MAX_PERSONALITY_LENGTH)}   ` }).ok).toBe(true);
  });

  it('ignores extra fields', () => {
    expect(checkSoul({ name: 'Pip', personality: 'Calm.', mood: 'happy' })).toEqual({ ok: true, soul: { name: 'Pip', personality: 'Calm.' } });
  });
});

/**
 * Whether the text starts with the template filled in for these bones. The inspiration word ({word}) may be
 * any lowercase word; every other placeholder must carry this buddy's own value.
 */
function startsWithFilledTemplate(text: string, template: string, bones: Bones, name: string): boolean {
  const filled = template.replace(/\{name\}/g, name).replace(/\{species\}/g, bones.species).replace(/\{dump\}/g, bones.dump.toLowerCase());
  const parts = filled.split('{word}');
  let position = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) {
      const wordStart = position;
      while (position < text.length && /[a-z]/.test(text[position]!)) position++;
      if (position === wordStart) return false;
    }
    if (!text.startsWith(part, position)) return false;
    position += part.length;
  }
  return true;
}

describe('the offline writer', () => {
  it('writes the same soul for the same bones, every time', () => {
    for (const id of IDS.slice(0, 30)) {
      const soul = writeOfflineSoul(rollFromUserId(id));
      expect(writeOfflineSoul(rollFromUserId(id))).toEqual(soul);
      expect(offlineName(rollFromUserId(id))).toBe(soul.name);
    }
  });

  it('writes souls that pass the rules, for 300 different buddies', () => {
    const failures = SOULS.map((soul, i) => ({ id: IDS[i], soul }))
      .map(({ id, soul }) => ({ id, soul, check: checkSoul(soul) }))
      .filter(({ soul, check }) => !check.ok || check.soul.name !== soul.name || check.soul.personality !== soul.personality);
    expect(failures).toEqual([]);
  });

  it(`gives one-word names of at most ${MAX_NAME_LENGTH} characters`, () => {
    for (const bones of ROLLS) {
      const name = offlineName(bones);
      expect(checkName(name), name).toBeUndefined();
      expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
      expect(name).toMatch(/^\p{Lu}/u);
    }
  });

  it(`keeps every personality within ${MAX_PERSONALITY_LENGTH} characters and mentions the name`, () => {
    for (const soul of SOULS) {
      expect(soul.personality.length).toBeLessThanOrEqual(MAX_PERSONALITY_LENGTH);
      expect(soul.personality).toContain(soul.name);
      expect(soul.personality).not.toMatch(/[{}]/);
    }
  });

  it('describes the buddy by its stats: the peak sets the character, and the weakest stat gets a mention', () => {
    const mismatched: string[] = [];
    let mentionsDump = 0;
    for (const [i, bones] of ROLLS.entries()) {
      const { name, personality } = SOULS[i]!;
      const fitsPeak = PEAK_TEMPLATES[bones.peak].some((template) => startsWithFilledTemplate(personality, template, bones, name));
      const fitsOtherPeak = STATS.filter((stat) => stat !== bones.peak).some((stat) =>
        PEAK_TEMPLATES[stat].some((template) => startsWithFilledTemplate(personality, template, bones, name)),
      );
      if (!fitsPeak || fitsOtherPeak) mismatched.push(`${bones.peak}: ${personality}`);
      if (personality.toLowerCase().includes(bones.dump.toLowerCase())) mentionsDump++;
    }
    expect(mismatched).toEqual([]);
    expect(mentionsDump).toBeGreaterThan(ROLLS.length / 2);
  });

  it('gives buddies with different peaks different characters', () => {
    const peaks = new Set(ROLLS.map((bones) => bones.peak));
    expect(peaks).toEqual(new Set(STATS));
  });

  it('mostly gives different buddies different names and personalities', () => {
    expect(new Set(SOULS.map((soul) => soul.name)).size).toBeGreaterThan(ROLLS.length * 0.9);
    expect(new Set(SOULS.map((soul) => soul.personality)).size).toBeGreaterThan(ROLLS.length * 0.95);
  });

  it('depends on the bones, not on the call: the salt changes the buddy and so the soul', () => {
    const a = writeOfflineSoul(rollFromUserId('buddy-0', 'salt-a'));
    const b = writeOfflineSoul(rollFromUserId('buddy-0', 'salt-b'));
    expect(a).not.toEqual(b);
  });
});
