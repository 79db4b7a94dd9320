// The requests Buddy sends the model, built without IO: the static (cached) half is the same bytes for
// every buddy, the dynamic half says exactly who this buddy is. Expected texts are written out in full.
import { describe, expect, it } from 'vitest';
import { ALL_SPECIES, type Species } from '../../src/engine/constants.js';
import { rollFromUserId, type Bones } from '../../src/engine/roll.js';
import { HATCH_RETRY_MESSAGE, HATCH_USER_MESSAGE, hatchSystem, SOUL_TOOL } from '../../src/persona/prompt/hatch-prompt.js';
import { HATCH_STATIC_PROMPT, TALK_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import { DANGEROUS_uncachedStaticSection, dynamicSection, staticSection } from '../../src/persona/prompt/system-sections.js';
import { PROMPT_MEMORY_SIZE, STAY_IN_CHARACTER_REMINDER, talkMessages, talkSystem, type TalkContext } from '../../src/persona/prompt/talk-prompt.js';

const BOUNDARY = '=== BUDDY-SPECIFIC CONTEXT BELOW (not cached) ===';
const CACHED = { type: 'ephemeral' };
// buddy-12: a shiny common Pebblecrab; buddy-93: a legendary Nebulynx; buddy-0: an uncommon Emberfox.
const SHINY_PEBBLECRAB = rollFromUserId('buddy-12');
const NEBULYNX = rollFromUserId('buddy-93');
const EMBERFOX = rollFromUserId('buddy-0');
const PEBBLECRAB_LORE = 'Pebblecrabs wear whichever stone fits best and trade up once a year at the great Shell Swap. They walk sideways to keep one eye on the bugs.';

const talkContext = (bones: Bones, memory: TalkContext['memory'] = []): TalkContext => ({ bones, name: 'Pim', personality: 'Pim hoards.', temperament: 'thoughtful', mood: 'sleepy', memory });

describe('system sections', () => {
  it('marks the static section for the prompt cache and starts the dynamic one with the boundary', () => {
    expect(staticSection('rules')).toEqual({ type: 'text', text: 'rules', cache_control: CACHED });
    expect(dynamicSection(['one', 'two'])).toEqual({ type: 'text', text: `${BOUNDARY}\none\ntwo` });
    expect(dynamicSection([])).toEqual({ type: 'text', text: BOUNDARY });
  });

  it('builds an uncached static section only with a stated reason', () => {
    expect(DANGEROUS_uncachedStaticSection('varies', 'an experiment')).toEqual({ type: 'text', text: 'varies' });
    for (const reason of ['', '  \t']) {
      expect(() => DANGEROUS_uncachedStaticSection('varies', reason)).toThrow('DANGEROUS_uncachedStaticSection needs a reason');
    }
  });
});

describe('hatchSystem', () => {
  it('sends the same cached rules for every buddy, and this buddy after the boundary', () => {
    const [rules, facts] = hatchSystem(SHINY_PEBBLECRAB, ['moss', 'lantern', 'tea', 'pebble']);
    expect(rules).toEqual({ type: 'text', text: HATCH_STATIC_PROMPT, cache_control: CACHED });
    expect(hatchSystem(NEBULYNX, ['a'])[0]).toEqual(rules);
    expect(facts).toEqual({
      type: 'text',
      text: [
        BOUNDARY,
        `Species: Pebblecrab. ${PEBBLECRAB_LORE}`,
        'Species temperament: steadfast, clicky, stubborn, sideways-thinking.',
        'Rarity: common (homely and familiar, the kind of creature you might find under a desk).',
        'Stats: DEBUGGING 7, PATIENCE 28, CHAOS 44, WISDOM 56, SNARK 14. Peak: WISDOM. Dump: DEBUGGING.',
        'It is SHINY: a rare shimmering variant; let that show.',
        'Inspiration words: moss, lantern, tea, pebble.',
      ].join('\n'),
    });
  });

  it('says when a buddy is not shiny, and how strange each rarity is', () => {
    const text = (bones: Bones): string => hatchSystem(bones, ['a'])[1]!.text;
    expect(text(NEBULYNX)).toContain('\nNot shiny.\n');
    const rarityLine = (rarity: Bones['rarity']): string | undefined => text({ ...NEBULYNX, rarity }).split('\n').find((line) => line.startsWith('Rarity: '));
    expect(rarityLine('common')).toBe('Rarity: common (homely and familiar, the kind of creature you might find under a desk).');
    expect(rarityLine('uncommon')).toBe('Rarity: uncommon (a little unusual, with one surprising habit).');
    expect(rarityLine('rare')).toBe('Rarity: rare (notably strange, with a touch of the uncanny).');
    expect(rarityLine('epic')).toBe('Rarity: epic (very strange, half-legend, with habits that bend the rules of the terminal).');
    expect(rarityLine('legendary')).toBe('Rarity: legendary (mythic and deeply strange, as if it wandered in from another cosmos).');
  });

  it('still describes a species it has no lore for, without empty lines', () => {
    const unknown = { ...EMBERFOX, species: 'Mystery' as Species };
    expect(hatchSystem(unknown, ['a'])[1]!.text.split('\n').slice(1, 3)).toEqual(['Species: Mystery.', 'Rarity: uncommon (a little unusual, with one surprising habit).']);
  });

  it('forces the write_soul tool, whose schema states the soul rules', () => {
    expect(SOUL_TOOL).toEqual({
      name: 'write_soul',
      description: "Record the buddy's name and personality.",
      input_schema: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'One word, at most 14 characters.' },
          personality: { type: 'string', description: 'One or two sentences, at most 240 characters.' },
        },
        required: ['name', 'personality'],
      },
    });
    expect(HATCH_USER_MESSAGE).toBe("Write this buddy's soul now.");
    expect(HATCH_RETRY_MESSAGE('name is empty')).toBe('That soul did not fit the rules (name is empty). Write it again with the write_soul tool, following every rule.');
  });
});

describe('hatchSystem in a language', () => {
  it('names the language after the boundary and leaves the cached rules as they are', () => {
    const [rules, facts] = hatchSystem(NEBULYNX, ['a'], { language: { tag: 'pt-BR', name: 'Brazilian Portuguese' } });
    expect(rules).toEqual({ type: 'text', text: HATCH_STATIC_PROMPT, cache_control: CACHED });
    expect(facts!.text.split('\n').at(-1)).toBe('Language: write the personality in Brazilian Portuguese (pt-BR). The name stays one word.');
    expect(hatchSystem(NEBULYNX, ['a'])[1]!.text).not.toContain('Language');
  });

  it('asks for the same soul again in the language, under the same name, for a rewrite', () => {
    const facts = hatchSystem(EMBERFOX, ['a'], { language: { tag: 'ja', name: 'Japanese' }, rewrite: { name: 'Pim', personality: 'Pim hoards.' } })[1]!.text;
    expect(facts.split('\n').slice(-3)).toEqual([
      'Language: write the personality in Japanese (ja). The name stays one word.',
      'This buddy already has a soul. Keep its name exactly: Pim.',
      'Write its personality again in Japanese, saying the same things: Pim hoards.',
    ]);
  });
});

describe('the static prompts', () => {
  it('give the model the same limits the soul checker enforces', () => {
    expect(HATCH_STATIC_PROMPT).toContain('name: one word, at most 14 characters');
    expect(HATCH_STATIC_PROMPT).toContain('personality: one or two sentences, at most 240 characters');
    expect(HATCH_STATIC_PROMPT).toContain('Output only through the write_soul tool.');
  });

  it('keep the talking buddy a small creature in two short sentences', () => {
    expect(TALK_STATIC_PROMPT).toContain('You are NOT an assistant');
    expect(TALK_STATIC_PROMPT).toContain('at most two short sentences (under 200 characters in all)');
    expect(STAY_IN_CHARACTER_REMINDER).toBe('Stay in character as the small creature, not an assistant: answer again in at most two short sentences.');
  });

  it('name no species, so they stay the same bytes for everyone', () => {
    for (const prompt of [HATCH_STATIC_PROMPT, TALK_STATIC_PROMPT]) {
      for (const species of ALL_SPECIES) expect(prompt).not.toContain(species);
      expect(prompt).not.toContain(BOUNDARY);
    }
  });
});

describe('talkSystem', () => {
  it('sends the cached rules, then who this buddy is and how it feels', () => {
    const [rules, self] = talkSystem(talkContext(SHINY_PEBBLECRAB));
    expect(rules).toEqual({ type: 'text', text: TALK_STATIC_PROMPT, cache_control: CACHED });
    expect(self).toEqual({
      type: 'text',
      text: [
        BOUNDARY,
        'Your name: Pim. You are a common shiny Pebblecrab.',
        `Your kind: ${PEBBLECRAB_LORE}`,
        'Your personality: Pim hoards.',
        'Your stats: DEBUGGING 7, PATIENCE 28, CHAOS 44, WISDOM 56, SNARK 14 (strongest WISDOM, weakest DEBUGGING).',
        'Your temperament: thoughtful.',
        'Your mood right now: sleepy.',
      ].join('\n'),
    });
  });

  it('says "an" before a rarity that starts with a vowel, and leaves out lore it does not have', () => {
    expect(talkSystem(talkContext(EMBERFOX))[1]!.text).toContain('\nYour name: Pim. You are an uncommon Emberfox.\n');
    expect(talkSystem(talkContext({ ...EMBERFOX, rarity: 'epic' }))[1]!.text).toContain('You are an epic Emberfox.');
    expect(talkSystem(talkContext(NEBULYNX))[1]!.text).toContain('You are a legendary Nebulynx.');
    const unknown = talkSystem(talkContext({ ...EMBERFOX, species: 'Mystery' as Species }))[1]!.text;
    expect(unknown.split('\n').slice(1, 3)).toEqual(['Your name: Pim. You are an uncommon Mystery.', 'Your personality: Pim hoards.']);
  });
});

describe('talkSystem in a language', () => {
  it('asks for answers in the language, after the boundary only', () => {
    const [rules, self] = talkSystem({ ...talkContext(NEBULYNX), language: { tag: 'de', name: 'German' } });
    expect(rules).toEqual({ type: 'text', text: TALK_STATIC_PROMPT, cache_control: CACHED });
    expect(self!.text.split('\n').at(-1)).toBe('Language: answer in German (de), whatever language the message is in.');
    expect(talkSystem(talkContext(NEBULYNX))[1]!.text).not.toContain('Language');
  });
});

describe('talkMessages', () => {
  it('replays the remembered exchanges as alternating turns and ends with the new message', () => {
    const memory = [
      { user: 'hi Pim', buddy: '*clicks*' },
      { user: 'Pim, tea?', buddy: 'Pebbles first.' },
    ];
    expect(talkMessages(talkContext(NEBULYNX, memory), 'Pim, how are you?')).toEqual([
      { role: 'user', content: 'hi Pim' },
      { role: 'assistant', content: '*clicks*' },
      { role: 'user', content: 'Pim, tea?' },
      { role: 'assistant', content: 'Pebbles first.' },
      { role: 'user', content: 'Pim, how are you?' },
    ]);
    expect(talkMessages(talkContext(NEBULYNX), 'hello')).toEqual([{ role: 'user', content: 'hello' }]);
  });

  it('replays only the last dozen of a longer memory, oldest first', () => {
    const memory = Array.from({ length: 20 }, (_, index) => ({ user: `said ${index}`, buddy: `answer ${index}` }));
    const turns = talkMessages(talkContext(NEBULYNX, memory), 'Pim?');
    expect(PROMPT_MEMORY_SIZE).toBe(12);
    expect(turns).toHaveLength(25);
    expect(turns.slice(0, 2)).toEqual([
      { role: 'user', content: 'said 8' },
      { role: 'assistant', content: 'answer 8' },
    ]);
    expect(turns.at(-2)).toEqual({ role: 'assistant', content: 'answer 19' });
  });
});
