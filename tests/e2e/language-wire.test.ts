// The language end to end: the built bin, in a real process whose own environment says LANG=de_DE.UTF-8,
// hatches a soul in German and answers in German, the real SDK inside it pointed at a local fake Messages
// API. The static block on the wire, the setting, the offline answers and `hatch --again` run in process:
// tests/persona/language-wire.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { runBuddy } from '../helpers/cli.js';
import { soulReply, textReply } from '../helpers/fake-messages-api.js';
import { useFakeApiHome } from '../helpers/fake-api-home.js';
import { systemOf, TEST_KEY } from '../persona/support.js';

const home = useFakeApiHome();

describe('the language through the built CLI', () => {
  it('hatches and answers in the language from LANG, and records the language of the soul', async () => {
    const env: NodeJS.ProcessEnv = { ...home.sandbox.env, BUDDY_USER_ID: 'buddy-0', ANTHROPIC_BASE_URL: home.fake.url, ANTHROPIC_API_KEY: TEST_KEY, LANG: 'de_DE.UTF-8' };
    home.fake.script(soulReply({ name: 'Pemberton', personality: 'Pemberton summt.' }), textReply('Hallo!'));
    const hatched = await runBuddy(['hatch'], { env });
    expect(hatched.code, hatched.stderr).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(home.sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
    expect(config.buddy).toMatchObject({ name: 'Pemberton', soulLanguage: 'de-DE' });
    const said = await runBuddy(['say', 'Pemberton, hi'], { env });
    expect(said.stdout).toBe('Pemberton: Hallo!\n');
    expect(systemOf(home.fake.requests[0]!)[1]!.text).toContain('\nLanguage: write the personality in German (Germany) (de-DE). The name stays one word.');
    expect(systemOf(home.fake.requests[1]!)[1]!.text).toContain('\nLanguage: answer in German (Germany) (de-DE), whatever language the message is in.');
  });
});
