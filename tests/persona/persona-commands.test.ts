// `buddy hatch` and `buddy say` in isolated homes, the real SDK pointed at a local fake Messages API (through
// ANTHROPIC_BASE_URL in the command's environment). The key is used, never stored or printed. Each command
// runs in process, through the dispatcher the built bin hands it to; tests/e2e/persona-cli.test.ts runs the
// built bin for a hatch with the model and for two says at once in two processes.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { silentAnswer } from '../../src/persona/conversation.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { errorReply, soulReply, textReply } from '../helpers/fake-messages-api.js';
import { PERSONALITY, USER_ID, useFakeApiHome } from '../helpers/fake-api-home.js';
import { runInProcess } from '../helpers/in-process.js';
import { CONTROL_CHARS } from './support.js';

const bones = rollFromUserId(USER_ID);
const offlineSoul = writeOfflineSoul(bones);
const home = useFakeApiHome(runInProcess);
const { envFor, readConfig, expectKeyNowhere, hatchWithModel } = home;

describe('buddy hatch with a model', () => {
  it('stores a clean soul when the model sends escape codes', async () => {
    home.fake.script(soulReply({ name: 'Zib\u001b[31m', personality: 'Zib hums\u001b]0;pwned\u0007 quietly\u001b[2J by the \u202ebuild.' }));
    const result = await runInProcess(['hatch'], { env: envFor() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Zib hatched!');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).not.toContain('\u0007');
    const buddy = readConfig().buddy;
    expect(buddy?.name).toBe('Zib');
    expect(buddy?.personality).not.toMatch(CONTROL_CHARS);
    expect(buddy?.personality).not.toContain('\u202e');
  });

  it('hatches offline with one warning line when the API keeps failing', async () => {
    const broken = errorReply(500, { 'retry-after-ms': '10' });
    home.fake.script(broken, broken, broken);
    const result = await runInProcess(['hatch'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${offlineSoul.name} hatched!`);
    expect(result.stderr).toBe('buddy: the model API had a problem (500); wrote the soul offline\n');
    expect(readConfig().buddy?.soulSource).toBe('offline');
    expect(home.fake.requests).toHaveLength(3);
    expectKeyNowhere(result);
  });
});

describe('buddy hatch without a key', () => {
  it('writes the soul offline and makes no request', async () => {
    const result = await runInProcess(['hatch'], { env: envFor(false) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${offlineSoul.name} hatched!`);
    expect(result.stdout).toContain('soul written offline');
    expect(result.stderr).toBe('');
    const buddy = readConfig().buddy;
    expect(buddy).toMatchObject({ name: offlineSoul.name, personality: offlineSoul.personality, soulSource: 'offline' });
    expect(buddy && 'model' in buddy).toBe(false);
    expect(home.fake.requests).toHaveLength(0);
  });

  it('treats a blank key as no key', async () => {
    const result = await runInProcess(['hatch'], { env: { ...envFor(false), ANTHROPIC_API_KEY: '   ' } });
    expect(result.code).toBe(0);
    expect(readConfig().buddy?.soulSource).toBe('offline');
    expect(home.fake.requests).toHaveLength(0);
  });
});

describe('buddy say', () => {
  it('answers by name through the model, remembers it, and emotes without a request otherwise', async () => {
    const hatch = await hatchWithModel();
    home.fake.script(textReply('Toasty, thank you. The laptop is warm.'));
    const asked = await runInProcess(['say', 'Pemberton, how are you?'], { env: envFor() });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toBe('Pemberton: Toasty, thank you. The laptop is warm.\n');
    expect(asked.stderr).toBe('');
    expect(home.fake.requests).toHaveLength(2);
    const request = home.fake.requests[1];
    expect(request?.body.messages).toEqual([{ role: 'user', content: 'Pemberton, how are you?' }]);
    expect(request?.body.system[1].text).toContain(PERSONALITY);
    // Its mood comes from its growth (fed, level 1), in the dynamic part.
    expect(request?.body.system[1].text).toMatch(/Your mood right now: \w+[^.]*\(fullness 80%, energy \d+%\); level 1, a hatchling\./);
    expect(readConfig().buddy?.memory).toMatchObject([{ user: 'Pemberton, how are you?', buddy: 'Toasty, thank you. The laptop is warm.' }]);
    // A conversation is care: counted, and what it earned waits for a face that announces it.
    expect(readConfig().buddy?.growth).toMatchObject({ counts: { talks: 1 }, pending: expect.arrayContaining([{ kind: 'achievement', id: 'first-words' }]) });

    const ignored = await runInProcess(['say', 'nice weather'], { env: envFor() });
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toMatch(/^Pemberton: .+\n\(Pemberton answers when you call it by name\)\n$/);
    expect(home.fake.requests).toHaveLength(2);
    expect(readConfig().buddy?.memory).toHaveLength(1);

    home.fake.script(textReply('Still toasty.'));
    const again = await runInProcess(['say', '@pemberton still warm?', '--json'], { env: envFor() });
    expect(JSON.parse(again.stdout)).toEqual({ name: 'Pemberton', text: 'Still toasty.', addressed: true, source: 'model' });
    expect(home.fake.requests[2]?.body.messages).toEqual([
      { role: 'user', content: 'Pemberton, how are you?' },
      { role: 'assistant', content: 'Toasty, thank you. The laptop is warm.' },
      { role: 'user', content: '@pemberton still warm?' },
    ]);
    expect(readConfig().buddy?.memory).toHaveLength(2);
    expectKeyNowhere(hatch, asked, ignored, again);
  });

  it('prints no escape codes from the model', async () => {
    await hatchWithModel();
    home.fake.script(textReply('\u001b[2JHello\u001b]8;;http://x\u001b\\link'));
    const result = await runInProcess(['say', 'Pemberton, hi'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Pemberton: Hellolink\n');
    expect(readConfig().buddy?.memory.at(-1)?.buddy).toBe('Hellolink');
  });

  it('answers offline by name without a key, and makes no request', async () => {
    await runInProcess(['hatch'], { env: envFor(false) });
    const result = await runInProcess(['say', `${offlineSoul.name}, hi`], { env: envFor(false) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${offlineSoul.name}: .+\\n$`));
    expect(result.stderr).toBe('');
    expect(home.fake.requests).toHaveLength(0);
    expect(readConfig().buddy?.memory).toHaveLength(1);
  });

  it('still answers after a 401, with one stderr line about ANTHROPIC_API_KEY and never the key', async () => {
    await runInProcess(['hatch'], { env: envFor(false) });
    const name = offlineSoul.name;
    home.fake.script(errorReply(401));
    const result = await runInProcess(['say', `${name}, hi`], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name}: ${silentAnswer(name)}\n`);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^buddy: .*ANTHROPIC_API_KEY/);
    expect(home.fake.requests).toHaveLength(1);
    expectKeyNowhere(result);
  });

  it('hatches first when there is no buddy yet, then answers', async () => {
    home.fake.script(soulReply({ name: 'Pemberton', personality: PERSONALITY }), textReply('Hello, new friend.'));
    const result = await runInProcess(['say', 'Pemberton, hello'], { env: envFor() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Pemberton the ${bones.species} just hatched`);
    expect(result.stdout).toBe('Pemberton: Hello, new friend.\n');
    expect(readConfig().buddy).toMatchObject({ name: 'Pemberton', soulSource: 'model', memory: [{ user: 'Pemberton, hello', buddy: 'Hello, new friend.' }] });
  });
});
