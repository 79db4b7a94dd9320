// The language on the wire: the real SDK against the local fake Messages API. The cached static block
// goes out as the same bytes whatever the language and whoever the buddy; the language is named only
// after the boundary, for the soul and for every answer. Then the same through the commands: the
// setting, hatching in it, answering in it, and `hatch --again` rewriting the soul in a new language, each
// in process through the dispatcher the built bin hands it to; tests/e2e/language-wire.test.ts runs the
// built bin for a hatch and an answer in the language of the process's own LANG.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { talk } from '../../src/persona/conversation.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { HATCH_STATIC_PROMPT, TALK_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import { rewriteSoul, writeSoul } from '../../src/persona/soul-writer.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox } from '../helpers/cli.js';
import { soulReply, startFakeMessagesApi, textReply, type FakeMessagesApi, type RecordedRequest } from '../helpers/fake-messages-api.js';
import { runInProcess } from '../helpers/in-process.js';
import { realClient, systemOf, TEST_KEY } from './support.js';

const BOUNDARY = '=== BUDDY-SPECIFIC CONTEXT BELOW (not cached) ===';
const GERMAN = { tag: 'de', name: 'German' };
const JAPANESE = { tag: 'ja', name: 'Japanese' };
const BRAZILIAN = { tag: 'pt-BR', name: 'Brazilian Portuguese' };
const ENGLISH = { tag: 'en', name: 'English' };
// buddy-0: an uncommon Emberfox; buddy-93: a legendary Nebulynx; buddy-12: a shiny common Pebblecrab.
const BUDDIES = ['buddy-0', 'buddy-93', 'buddy-12'].map((id) => rollFromUserId(id));

let fake: FakeMessagesApi;
beforeEach(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(async () => {
  await fake.close();
});

/** The first system block exactly as it was sent: the bytes of the body from `"system":[` to the second block. */
function staticBytes(request: RecordedRequest): string {
  const start = request.raw.indexOf('"system":[');
  const end = request.raw.indexOf(`{"type":"text","text":"${BOUNDARY}`, start);
  expect(start, 'a system array').toBeGreaterThan(-1);
  expect(end, 'a dynamic block after the static one').toBeGreaterThan(start);
  return request.raw.slice(start, end);
}

describe('the static block on the wire', () => {
  it('is byte-identical for every soul, whatever the language and the buddy, and the language comes after the boundary', async () => {
    const languages = [GERMAN, JAPANESE, BRAZILIAN, ENGLISH];
    for (const [index, language] of languages.entries()) {
      fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton hums.' }));
      const written = await writeSoul(BUDDIES[index % BUDDIES.length]!, realClient(fake), Date.now, 0, { language });
      expect(written.language).toBe(language.tag);
    }
    expect(fake.requests).toHaveLength(4);
    const first = staticBytes(fake.requests[0]!);
    expect(JSON.parse(`{${first.replace(/,$/, '')}]}`).system[0]).toEqual({ type: 'text', text: HATCH_STATIC_PROMPT, cache_control: { type: 'ephemeral' } });
    for (const request of fake.requests) expect(staticBytes(request)).toBe(first);
    for (const [index, language] of languages.entries()) {
      const [rules, facts] = systemOf(fake.requests[index]!);
      expect(rules!.text).not.toContain(language.name);
      expect(facts!.text.split('\n')).toContain(`Language: write the personality in ${language.name} (${language.tag}). The name stays one word.`);
    }
  });

  it('is byte-identical for every answer, whatever the language and the buddy, and the language comes after the boundary', async () => {
    const languages = [JAPANESE, GERMAN, ENGLISH];
    for (const [index, language] of languages.entries()) {
      const bones = BUDDIES[index]!;
      const buddy = { ...makeStoredBuddy(bones, { name: 'Pemberton', personality: 'Pemberton hums.' }, 'model', new Date(0)), memory: [] };
      fake.script(textReply('Guten Tag.'));
      const turn = await talk({ buddy, message: 'Pemberton, hello', client: realClient(fake), now: new Date(), language });
      expect(turn.source).toBe('model');
    }
    const first = staticBytes(fake.requests[0]!);
    for (const request of fake.requests) expect(staticBytes(request)).toBe(first);
    for (const [index, language] of languages.entries()) {
      const [rules, self] = systemOf(fake.requests[index]!);
      expect(rules!.text).toBe(TALK_STATIC_PROMPT);
      expect(self!.text.split('\n').at(-1)).toBe(`Language: answer in ${language.name} (${language.tag}), whatever language the message is in.`);
    }
  });

  it('sends the same static bytes for a rewrite, which keeps the name and gives the old personality after the boundary', async () => {
    const bones = BUDDIES[0]!;
    fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton hums.' }), soulReply({ name: 'Andersname', personality: 'Pemberton summt leise vor sich hin.' }));
    await writeSoul(bones, realClient(fake), Date.now, 0, { language: ENGLISH });
    const rewritten = await rewriteSoul(bones, realClient(fake), { name: 'Pemberton', personality: 'Pemberton hums.' }, GERMAN);
    expect(rewritten).toEqual({ ok: true, written: { soul: { name: 'Pemberton', personality: 'Pemberton summt leise vor sich hin.' }, source: 'model', model: 'claude-haiku-4-5', language: 'de' } });
    expect(staticBytes(fake.requests[1]!)).toBe(staticBytes(fake.requests[0]!));
    const facts = systemOf(fake.requests[1]!)[1]!.text.split('\n');
    expect(facts.slice(-3)).toEqual([
      'Language: write the personality in German (de). The name stays one word.',
      'This buddy already has a soul. Keep its name exactly: Pemberton.',
      'Write its personality again in German, saying the same things: Pemberton hums.',
    ]);
  });

  it('leaves the soul as it was when the model cannot rewrite it', async () => {
    const rewritten = await rewriteSoul(BUDDIES[0]!, realClient(fake), { name: 'Pemberton', personality: 'Pemberton hums.' }, GERMAN);
    expect(rewritten.ok).toBe(false);
    expect(rewritten.ok ? '' : rewritten.warning).toMatch(/the soul stays as it was$/);
  });
});

describe('the language through the commands', () => {
  let sandbox: ReturnType<typeof makeSandbox>;
  beforeEach(() => {
    sandbox = makeSandbox();
  });
  afterEach(() => sandbox.cleanup());

  const env = (withKey: boolean, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...sandbox.env,
    BUDDY_USER_ID: 'buddy-0',
    ANTHROPIC_BASE_URL: fake.url,
    ...(withKey ? { ANTHROPIC_API_KEY: TEST_KEY } : {}),
    ...extra,
  });
  const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;

  it('hatches and answers in the language from LANG, and records the language of the soul', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton summt.' }), textReply('Hallo!'));
    const hatched = await runInProcess(['hatch'], { env: env(true, { LANG: 'de_DE.UTF-8' }) });
    expect(hatched.code, hatched.stderr).toBe(0);
    expect(readConfig().buddy).toMatchObject({ name: 'Pemberton', soulLanguage: 'de-DE' });
    const said = await runInProcess(['say', 'Pemberton, hi'], { env: env(true, { LANG: 'de_DE.UTF-8' }) });
    expect(said.stdout).toBe('Pemberton: Hallo!\n');
    expect(systemOf(fake.requests[0]!)[1]!.text).toContain('\nLanguage: write the personality in German (Germany) (de-DE). The name stays one word.');
    expect(systemOf(fake.requests[1]!)[1]!.text).toContain('\nLanguage: answer in German (Germany) (de-DE), whatever language the message is in.');
  });

  it('sets, shows and resets the language, refusing what is not a language tag', async () => {
    const set = await runInProcess(['config', 'language', 'pt_br'], { env: env(false) });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('language = pt-BR (Brazilian Portuguese)\n');
    expect(readConfig().settings.language).toBe('pt-BR');
    expect((await runInProcess(['config', 'language'], { env: env(false) })).stdout).toBe('pt-BR\n');

    const before = fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'));
    for (const bad of ['klingon!', 'zz', 'x-private', '']) {
      const refused = await runInProcess(['config', 'language', bad], { env: env(false) });
      expect(refused.code, bad).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain('language must be a BCP 47 language tag such as de, pt-BR or ja');
    }
    expect(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json')).equals(before)).toBe(true);

    const reset = await runInProcess(['config', 'language', 'default'], { env: env(false, { LC_ALL: 'ja_JP.UTF-8' }) });
    expect(reset.stdout).toBe('language = ja-JP (Japanese (Japan), the default from LC_ALL)\n');
    expect(readConfig().settings.language).toBeUndefined();
    expect((await runInProcess(['config', 'language'], { env: env(false, { LC_ALL: 'C', LANG: 'de_DE' }) })).stdout).toBe('(default: en, from LC_ALL)\n');
    expect((await runInProcess(['config', 'language'], { env: env(false) })).stdout).toBe('(default: en)\n');
  });

  it('says on the card, in one short line, that offline the buddy speaks English', async () => {
    await runInProcess(['hatch'], { env: env(false) });
    await runInProcess(['config', 'language', 'de'], { env: env(false) });
    // `buddy` without a terminal prints the card.
    const card = await runInProcess([], { env: env(false) });
    expect(card.stdout.split('\n').filter((line) => line.includes('English'))).toEqual(['speaks English offline (de needs an API key)']);
    const withKey = await runInProcess([], { env: env(true) });
    expect(withKey.stdout).not.toContain('English');
    const offlineSay = await runInProcess(['say', `${writeOfflineSoul(BUDDIES[0]!).name}, hello`], { env: env(false) });
    expect(offlineSay.stdout).toMatch(/^\w+: [\x20-\x7e]+\n$/);
  });

  it('without a key, answers in English and says so once, then remembers it said so', async () => {
    await runInProcess(['hatch'], { env: env(false) });
    await runInProcess(['config', 'language', 'fr'], { env: env(false) });
    const name = writeOfflineSoul(BUDDIES[0]!).name;
    const first = await runInProcess(['say', `${name}, comment ça va ?`], { env: env(false) });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^${name}: [\\x20-\\x7e]+ \\(Offline I speak only English, not French\\.\\)\\n$`));
    expect(first.stdout).not.toMatch(/comment/i);
    const second = await runInProcess(['say', `${name}, comment ça va ?`], { env: env(false) });
    expect(second.stdout).toMatch(new RegExp(`^${name}: [\\x20-\\x7e]+\\n$`));
    expect(second.stdout).not.toContain('Offline');
    expect(second.stdout).not.toBe(first.stdout);
    expect(fake.requests).toHaveLength(0);
  });

  it('offers to rewrite the soul in the new language after the language changes, keeping the name', async () => {
    fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton hums at the build.' }));
    expect((await runInProcess(['hatch'], { env: env(true) })).code).toBe(0);
    const changed = await runInProcess(['config', 'language', 'de'], { env: env(true) });
    expect(changed.stdout).toBe("language = de (German)\nPemberton's soul is in English: buddy hatch --again offers to rewrite it in German.\n");

    fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton summt den Build an.' }));
    const again = await runInProcess(['hatch', '--again', '--yes'], { env: env(true) });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Pemberton's soul is in English, and your language is now German (de).");
    expect(again.stdout).toContain("Pemberton's soul, in German:");
    expect(readConfig().buddy).toMatchObject({ name: 'Pemberton', personality: 'Pemberton summt den Build an.', soulLanguage: 'de', soulSource: 'model' });
    expect(systemOf(fake.requests[1]!)[1]!.text).toContain('Write its personality again in German, saying the same things: Pemberton hums at the build.');

    // Written in German now: no offer for German, a new soul instead (still in German).
    fake.script(soulReply({ name: 'Quendel', personality: 'Quendel zählt Klammern.' }));
    const next = await runInProcess(['hatch', '--again', '--yes'], { env: env(true) });
    expect(next.stdout).not.toContain('your language is now');
    expect(next.stdout).toContain('Quendel hatched!');
    expect(readConfig().buddy).toMatchObject({ name: 'Quendel', soulLanguage: 'de' });
  });

  it('without a key, says that souls are written in English and writes a new one offline', async () => {
    await runInProcess(['hatch'], { env: env(false) });
    await runInProcess(['config', 'language', 'ja'], { env: env(false) });
    const again = await runInProcess(['hatch', '--again', '--yes'], { env: env(false) });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Your language is Japanese, but without an API key souls are written offline, in English.');
    expect(again.stdout).toContain('hatched!');
    expect(again.stdout).toContain('speaks English offline (ja needs an API key)');
    expect(readConfig().buddy?.soulLanguage).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });
});
