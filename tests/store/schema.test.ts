// The config file's schema: what each read keeps, which keys it names as failed, the one short phrase that
// says what is wrong with a stored buddy (the path and the rule, never the value from the file), and the
// one line a write that breaks the schema throws.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { initialGrowth } from '../../src/game/state.js';
import { archived, makeStoredBuddy } from '../../src/store/buddy-store.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import { assertWritable, checkConfig, LanguageTagSchema, recordOf, type ConfigData } from '../../src/store/schema.js';

const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');
const DEFAULTS = { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 };
const pimble = () => makeStoredBuddy(rollFromUserId('buddy-0'), { name: 'Pimble', personality: 'Pimble is calm.' }, 'offline', HATCHED_AT);
const OTHER_HASH = 'f'.repeat(64);

/** The problem checkConfig names for a copy of Pimble changed by `change`. */
function problemWith(change: (buddy: any) => void): string | undefined {
  const buddy = JSON.parse(JSON.stringify(pimble()));
  change(buddy);
  return checkConfig({ buddy }).invalidBuddy?.problem;
}

describe('what a read keeps', () => {
  it('fills every setting in with its default, and lets each bad one fall back on its own', () => {
    expect(checkConfig({}).data).toEqual({ settings: DEFAULTS });
    expect(checkConfig({ settings: {} }).data.settings).toEqual(DEFAULTS);
    const bad = { animation: 'yes', statuslineLayout: 'sideways', muted: 'no', model: '!!', language: 'de DE', care: 3, watch: 'loud', remarksPerHour: 61, remarkTokensPerDay: 1.5 };
    expect(checkConfig({ settings: bad }).data.settings).toEqual(DEFAULTS);
    const set = { animation: false, statuslineLayout: 'full', muted: true, model: 'claude-haiku-4-5', language: 'de', care: false, watch: 'local', remarksPerHour: 0, remarkTokensPerDay: 1_000_000 };
    expect(checkConfig({ settings: set }).data.settings).toEqual(set);
  });

  it('names each setting that failed, in the order of the settings, and nothing for one that passed', () => {
    const bad = { remarkTokensPerDay: -1, remarksPerHour: '6', watch: 'ON', care: 3, language: 'de DE', model: '!!', muted: 'no', statuslineLayout: 'sideways', animation: 'yes' };
    expect(checkConfig({ settings: bad }).invalidKeys).toEqual([
      'settings.animation',
      'settings.statuslineLayout',
      'settings.muted',
      'settings.model',
      'settings.language',
      'settings.care',
      'settings.watch',
      'settings.remarksPerHour',
      'settings.remarkTokensPerDay',
    ]);
    expect(checkConfig({ settings: { watch: 'off', remarksPerHour: 60, remarkTokensPerDay: 1_000_001 } }).invalidKeys).toEqual(['settings.remarkTokensPerDay']);
    expect(checkConfig({ settings: { muted: true, care: 'x' } }).invalidKeys).toEqual(['settings.care']);
    expect(checkConfig({ settings: { unknown: 'kept' } }).invalidKeys).toEqual([]);
  });

  it('names the settings whole when they are not an object', () => {
    expect(checkConfig({ settings: 'loud' }).invalidKeys).toEqual(['settings']);
    expect(checkConfig({ settings: ['muted'] }).invalidKeys).toEqual(['settings']);
    expect(checkConfig({ settings: null }).invalidKeys).toEqual(['settings']);
  });

  it('keeps a local ID that is a non-empty string, and names one that is not', () => {
    expect(checkConfig({ localUserId: 'me' })).toEqual({ data: { localUserId: 'me', settings: DEFAULTS }, invalidKeys: [] });
    expect(checkConfig({ localUserId: '' })).toEqual({ data: { settings: DEFAULTS }, invalidKeys: ['localUserId'] });
    expect(checkConfig({ localUserId: 5 })).toEqual({ data: { settings: DEFAULTS }, invalidKeys: ['localUserId'] });
  });

  it('keeps the event log position when it passes, and names it when not', () => {
    expect(checkConfig({ events: { offset: 3 } })).toEqual({ data: { settings: DEFAULTS, events: { offset: 3 } }, invalidKeys: [] });
    expect(checkConfig({ events: { offset: -3 } })).toEqual({ data: { settings: DEFAULTS }, invalidKeys: ['events'] });
  });

  it('names a buddy\'s growth that fails, keeping the buddy', () => {
    const growth = { ...toStoredGrowth(initialGrowth(HATCHED_AT.getTime())), xp: -1 };
    const checked = checkConfig({ buddy: { ...pimble(), growth } });
    expect(checked.invalidKeys).toEqual(['buddy.growth']);
    expect(checked.data.buddy?.name).toBe('Pimble');
  });

  it('keeps archived buddies that pass (with their archive date), drops the rest, and skips them all when asked', () => {
    const kept = archived(pimble(), HATCHED_AT);
    const withoutDate = makeStoredBuddy(rollFromUserId('buddy-1'), { name: 'Fennet', personality: 'Calm.' }, 'offline', HATCHED_AT);
    const raw = { archive: [kept, withoutDate, 'text'] };
    expect(checkConfig(raw).data.archive).toEqual([kept]);
    expect(checkConfig(raw, { archive: true }).data.archive).toEqual([kept]);
    expect(checkConfig(raw, { archive: false }).data.archive).toBeUndefined();
    expect(checkConfig({ archive: [withoutDate] }).data).toEqual({ settings: DEFAULTS });
  });

  it('reads a file that is not a JSON object as empty', () => {
    expect(recordOf([1, 2])).toEqual({});
    expect(recordOf('text')).toEqual({});
    expect(recordOf({ a: 1 })).toEqual({ a: 1 });
    expect(checkConfig([{ localUserId: 'me' }]).data).toEqual({ settings: DEFAULTS });
  });
});

describe('what is wrong with a stored buddy, in one phrase', () => {
  it('names a rule with its own message: the idHash, the salt, the name, the model, another roll\'s bones', () => {
    expect(problemWith((b) => (b.idHash = `x${b.idHash}`))).toBe('idHash: idHash must be 64 lowercase hex characters');
    expect(problemWith((b) => (b.idHash = `${b.idHash}x`))).toBe('idHash: idHash must be 64 lowercase hex characters');
    expect(problemWith((b) => (b.salt = 'a\u0007b'))).toBe('salt: salt has control characters');
    expect(problemWith((b) => (b.name = 'two words'))).toBe('name: name must be one word of letters, at most 14');
    expect(problemWith((b) => (b.model = 'not a model!'))).toBe('model: not a model name');
    expect(problemWith((b) => (b.bones.idHash = OTHER_HASH))).toBe('the buddy: bones belong to another roll');
    expect(problemWith((b) => (b.bones.salt = 'another-salt'))).toBe('the buddy: bones belong to another roll');
  });

  it('names any other rule by its kind', () => {
    expect(problemWith((b) => (b.bones.stats.CHAOS = 101))).toBe('bones.stats.CHAOS breaks its max_value rule');
    expect(problemWith((b) => (b.hatchedAt = 'yesterday'))).toBe('hatchedAt breaks its iso_timestamp rule');
    expect(problemWith((b) => (b.personality = ''))).toBe('personality breaks its min_length rule');
  });

  it('says what is missing, what is not one of the allowed values, and what is of the wrong type', () => {
    expect(problemWith((b) => delete b.name)).toBe('name is missing');
    expect(problemWith((b) => (b.soulSource = 'dream'))).toBe('soulSource is not one of the allowed values');
    expect(problemWith((b) => (b.rollVersion = 7))).toBe('rollVersion is not one of the allowed values');
    expect(problemWith((b) => (b.name = 42))).toBe('name is not a string');
    expect(problemWith((b) => (b.memory = 'lots'))).toBe('memory is not an array');
    expect(problemWith((b) => (b.bones = 'bones'))).toBe('bones is not an object');
    expect(checkConfig({ buddy: 'a buddy' }).invalidBuddy).toEqual({ raw: 'a buddy', problem: 'the buddy is not one of the allowed values' });
  });

  it('never quotes the value the file held', () => {
    expect(problemWith((b) => (b.name = 'Evil\u001b[2Jname'))).not.toContain('Evil');
  });
});

describe('a language tag', () => {
  it('says what is wrong with one that is not', () => {
    expect(v.safeParse(LanguageTagSchema, 'de DE').issues?.[0]?.message).toBe('not a language tag');
    expect(v.is(LanguageTagSchema, 'pt-BR')).toBe(true);
  });
});

describe('a write that breaks the schema', () => {
  const valid = (): ConfigData => ({ settings: DEFAULTS as ConfigData['settings'], buddy: pimble() });

  it('passes when everything is valid', () => {
    expect(() => assertWritable({ ...valid(), archive: [archived(pimble(), HATCHED_AT)], events: { offset: 0 } })).not.toThrow();
  });

  it('names the setting', () => {
    expect(() => assertWritable({ ...valid(), settings: { ...DEFAULTS, care: 'yes' } as never })).toThrow(new Error('config: settings.care is not valid'));
    expect(() => assertWritable({ ...valid(), settings: { ...DEFAULTS, statuslineLayout: 'wide' } as never })).toThrow(new Error('config: settings.statuslineLayout is not valid'));
  });

  it('says what is wrong with the buddy', () => {
    expect(() => assertWritable({ ...valid(), buddy: { ...pimble(), name: 'two words' } })).toThrow(
      new Error('config: the buddy is not valid (name: name must be one word of letters, at most 14)'),
    );
  });

  it('refuses a growth that a read would repair', () => {
    const growth = { ...toStoredGrowth(initialGrowth(HATCHED_AT.getTime())), xp: -1 };
    expect(() => assertWritable({ ...valid(), buddy: { ...pimble(), growth } })).toThrow(new Error("config: the buddy's growth is not valid"));
  });

  it('refuses a bad log position and a bad archived buddy', () => {
    expect(() => assertWritable({ ...valid(), events: { offset: -1 } })).toThrow(new Error('config: the event log position is not valid'));
    expect(() => assertWritable({ ...valid(), archive: [pimble() as never] })).toThrow(new Error('config: an archived buddy is not valid'));
  });
});
