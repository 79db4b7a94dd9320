// `buddy say` without a model, end to end: twenty-five greetings, each in a process of its own, with the
// buddy's memory in its config between them. No reply comes back within twenty, because the buddy remembers
// at least that many exchanges from one process to the next; every reply is one of its greetings.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { repliesFor } from '../../src/persona/offline-talk.js';
import type { ConfigData } from '../../src/store/schema.js';
import { hatchedSandboxes, runBuddy } from '../helpers/cli.js';

const USER_ID = 'offline-say-user';
const copyOfHatch = hatchedSandboxes(USER_ID);

describe('buddy say, offline, twenty-five times', () => {
  it('never says a greeting again within twenty replies, and remembers the last twenty', { timeout: 120_000 }, async () => {
    const { env } = copyOfHatch();
    const configPath = path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
    const stored = (): ConfigData['buddy'] => (JSON.parse(fs.readFileSync(configPath, 'utf8')) as ConfigData).buddy;
    const name = stored()?.name as string;
    const said: string[] = [];
    for (let turn = 0; turn < 25; turn++) {
      const result = await runBuddy(['say', `${name}, hi`, '--json'], { env });
      expect(result.code, result.stderr).toBe(0);
      const answer = JSON.parse(result.stdout) as { text: string; source: string; addressed: boolean };
      expect(answer).toMatchObject({ source: 'offline', addressed: true });
      said.push(answer.text);
    }
    const greetings = repliesFor({ bones: rollFromUserId(USER_ID), name, memory: [] }, 'greeting', undefined);
    for (const [turn, reply] of said.entries()) {
      expect(greetings, `turn ${turn}`).toContain(reply);
      expect(said.slice(Math.max(0, turn - 19), turn), `turn ${turn}: ${reply}`).not.toContain(reply);
    }
    expect(stored()?.memory.map((exchange) => exchange.buddy)).toEqual(said.slice(-20));
  });
});
