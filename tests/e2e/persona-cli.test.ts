// `buddy hatch` and `buddy say` end to end: the built bin in real processes with isolated homes, the real
// SDK inside it pointed at a local fake Messages API. The key is used, never stored or printed. The other
// hatch and say cases run in process, in tests/persona/persona-commands.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import type { ConfigData } from '../../src/store/schema.js';
import { runBuddy } from '../helpers/cli.js';
import { textReply } from '../helpers/fake-messages-api.js';
import { PERSONALITY, USER_ID, useFakeApiHome } from '../helpers/fake-api-home.js';
import { TEST_KEY, TEST_MODEL } from '../persona/support.js';

const bones = rollFromUserId(USER_ID);
const home = useFakeApiHome(runBuddy);
const { envFor, configPath, readConfig, expectKeyNowhere, hatchWithModel } = home;
const backupPath = (): string => path.join(home.sandbox.env.BUDDY_CONFIG_DIR as string, 'config.backup.json');

describe('buddy hatch with a model', () => {
  it('shows the model-written name and stores the soul with a backup, never the key', async () => {
    const result = await hatchWithModel();
    expect(result.stdout).toContain('Pemberton hatched!');
    expect(result.stdout).toContain(`soul written by ${TEST_MODEL}`);
    expect(result.stderr).toBe('');
    expect(home.fake.requests).toHaveLength(1);
    expect(home.fake.requests[0]?.body.tool_choice).toEqual({ type: 'tool', name: 'write_soul' });

    const config = readConfig();
    expect(config.buddy).toMatchObject({ name: 'Pemberton', personality: PERSONALITY, soulSource: 'model', model: TEST_MODEL, memory: [], idHash: bones.idHash });
    expect(fs.existsSync(backupPath())).toBe(true);
    expect((JSON.parse(fs.readFileSync(backupPath(), 'utf8')) as ConfigData).buddy?.name).toBe('Pemberton');
    expect(fs.readFileSync(configPath(), 'utf8')).not.toContain(TEST_KEY);
    expectKeyNowhere(result);
  });
});

describe('buddy say', () => {
  it('keeps the name and both exchanges when two says run at once', async () => {
    await hatchWithModel();
    home.fake.script(textReply('First crumb.'), textReply('Second crumb.'));
    const [one, two] = await Promise.all([
      runBuddy(['say', 'Pemberton, hi'], { env: envFor() }),
      runBuddy(['say', 'Pemberton, hi'], { env: envFor() }),
    ]);
    expect(one?.code, one?.stderr).toBe(0);
    expect(two?.code, two?.stderr).toBe(0);
    expect([one?.stdout, two?.stdout].sort()).toEqual(['Pemberton: First crumb.\n', 'Pemberton: Second crumb.\n']);
    expect(home.fake.requests).toHaveLength(3);
    const buddy = readConfig().buddy;
    expect(buddy?.name).toBe('Pemberton');
    expect(buddy?.personality).toBe(PERSONALITY);
    expect(buddy?.soulSource).toBe('model');
    expect(buddy?.memory).toHaveLength(2);
    expect(buddy?.memory.map((exchange) => exchange.buddy).sort()).toEqual(['First crumb.', 'Second crumb.']);
    expect(buddy?.memory.every((exchange) => exchange.user === 'Pemberton, hi')).toBe(true);
  });
});
