// Switching identity is explicit and loses nothing: the warning names the command, `buddy switch` archives
// the old buddy with its soul, memory and dates, `buddy list` shows them all, `doctor` reports the mismatch,
// and `hatch --again` writes a different soul each time, offline too.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';

const FIRST = 'buddy-93';
const SECOND = 'buddy-12';
let sandbox: ReturnType<typeof makeSandbox>;
const envFor = (userId: string): NodeJS.ProcessEnv => ({ ...sandbox.env, BUDDY_USER_ID: userId });
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));

beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe('switching identity', () => {
  it('warns with the exact command, archives the old buddy whole, and switches back and forth', async () => {
    const firstName = writeOfflineSoul(rollFromUserId(FIRST)).name;
    const secondName = writeOfflineSoul(rollFromUserId(SECOND)).name;
    expect(firstName).not.toBe(secondName);
    expect((await runBuddy(['hatch'], { env: envFor(FIRST) })).code).toBe(0);
    expect((await runBuddy(['say', `${firstName}, remember the lighthouse`], { env: envFor(FIRST) })).code).toBe(0);
    const original = readConfig().buddy!;
    expect(original.memory.length).toBeGreaterThan(0);

    // Another identity: the stored buddy wins, and the warning says how to switch.
    const pet = await runBuddy([], { env: envFor(SECOND) });
    expect(pet.code).toBe(0);
    expect(pet.stdout).toContain(firstName);
    expect(pet.stderr).toContain('`buddy switch`');
    const doctor = await runBuddy(['doctor'], { env: envFor(SECOND) });
    expect(doctor.stdout).toMatch(/^! identity mismatch: /m);
    expect(doctor.stdout).toContain('buddy switch');

    const switched = await runBuddy(['switch'], { env: envFor(SECOND) });
    expect(switched.code, switched.stderr).toBe(0);
    expect(switched.stdout).toContain(`${secondName} the ${rollFromUserId(SECOND).species} hatched`);
    const after = readConfig();
    expect(after.buddy!.name).toBe(secondName);
    expect(after.archive).toHaveLength(1);
    const { archivedAt, ...archived } = after.archive![0]!;
    expect(archived).toEqual(original);
    expect(Number.isNaN(Date.parse(archivedAt))).toBe(false);
    expect((await runBuddy([], { env: envFor(SECOND) })).stderr).toBe('');

    const list = await runBuddy(['list'], { env: envFor(SECOND) });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^\\* ${secondName} .*this identity \\(current\\)`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^  ${firstName} .*archived`, 'm'));

    // Back to the first by name: the second goes to the archive, the first comes back exactly.
    const back = await runBuddy(['switch', firstName.toLowerCase()], { env: envFor(SECOND) });
    expect(back.code, back.stderr).toBe(0);
    expect(readConfig().buddy).toEqual(original);
    expect(readConfig().archive!.map((buddy) => buddy.name)).toEqual([secondName]);

    // And `buddy switch` as the second identity brings its own buddy back rather than hatching again.
    const secondHatchedAt = readConfig().archive![0]!.hatchedAt;
    expect((await runBuddy(['switch'], { env: envFor(SECOND) })).stdout).toContain('is back');
    expect(readConfig().buddy!.hatchedAt).toBe(secondHatchedAt);
    expect((await runBuddy(['switch', 'Nobody'], { env: envFor(SECOND) })).code).toBe(2);
  });
});

describe('hatch --again', () => {
  it('writes a different soul each time offline', async () => {
    const env = envFor(FIRST);
    expect((await runBuddy(['hatch'], { env })).code).toBe(0);
    const souls = [readConfig().buddy!];
    for (let round = 0; round < 3; round++) {
      const again = await runBuddy(['hatch', '--again', '--yes'], { env });
      expect(again.code, again.stderr).toBe(0);
      souls.push(readConfig().buddy!);
    }
    expect(new Set(souls.map((soul) => `${soul.name}|${soul.personality}`)).size).toBe(4);
    expect(souls.map((soul) => soul.generation ?? 0)).toEqual([0, 1, 2, 3]);
    expect(new Set(souls.map((soul) => JSON.stringify(soul.bones))).size).toBe(1);
  });

  it('says before asking that a chosen name will be replaced', async () => {
    const env = envFor(FIRST);
    expect((await runBuddy(['hatch'], { env })).code).toBe(0);
    expect((await runBuddy(['rename', 'Pip'], { env })).code).toBe(0);
    const refused = await runBuddy(['hatch', '--again'], { env });
    expect(refused.stdout).toMatch(/You named it Pip yourself.*will be replaced/);
    expect(readConfig().buddy!.name).toBe('Pip');
  });
});

describe('one answer for one bad ID', () => {
  it('gives the same line from every command, and the statusline shows it too', async () => {
    const env = envFor('x'.repeat(1_100));
    const lines = new Set<string>();
    for (const args of [['roll'], ['whoami'], [], ['hatch'], ['say', 'hi'], ['list'], ['switch']]) {
      const result = await runBuddy(args, { env });
      expect(result.code, args.join(' ')).toBe(2);
      lines.add(result.stderr.trim().replace(/^buddy: (roll: )?/, ''));
    }
    expect([...lines]).toEqual(['BUDDY_USER_ID: user ID is longer than 1024 characters']);
    const status = await runBuddy(['statusline', '--format', 'plain'], { env, input: '{}' });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('BUDDY_USER_ID: user ID is longer than 1024 characters');
  });
});
