// Care and growth from the command line: buddy pet and feed, buddy status
// (text and --json), buddy achievements (earned with dates, locked with hints), the printed card with its
// progress, seeing a shiny with buddy roll, and `buddy config care off` (no needs, nothing announced,
// levels and achievements still earned). What is announced is kept in the journal; the share card shows
// the level and the achievements earned. Each command runs in process, through the dispatcher the built bin
// hands it to, with its output piped; tests/e2e/growth-cli.test.ts pets and feeds through the built bin.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENTS } from '../../src/game/achievements.js';
import { useGrowthHome } from '../helpers/growth-home.js';
import { runInProcess } from '../helpers/in-process.js';

const SHINY_ID = 'shiny-245';

const home = useGrowthHome(runInProcess);
const { readGrowth, hatched } = home;

describe('before the hatch', () => {
  it.each([['pet'], ['feed']])('buddy %s says to hatch first, in one line, exit 1', async (command) => {
    const result = await runInProcess([command], { env: home.env });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([`buddy: ${command}: your buddy has not hatched yet; run buddy (or buddy hatch) first`]);
  });

  // Looking is not acting: "none yet" is the answer, and looking never hatches it.
  it.each([['status'], ['achievements']])('buddy %s answers that there is none yet, exit 0, and hatches nothing', async (command) => {
    const result = await runInProcess([command], { env: home.env });
    expect(result).toMatchObject({ code: 0, stdout: 'No buddy has hatched yet: run `buddy` in a terminal, or `buddy hatch`.\n', stderr: '' });
    const json = await runInProcess([command, '--json'], { env: home.env });
    expect(json).toMatchObject({ code: 0, stdout: '{"hatched":false}\n', stderr: '' });
    const config = path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');
    expect(fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, 'utf8')).buddy : undefined).toBeUndefined();
  });
});

describe('care from the command line', () => {
  it('buddy status prints the growth, and --json one object for scripts', async () => {
    const name = await hatched();
    await runInProcess(['pet'], { env: home.env });
    const text = await runInProcess(['status'], { env: home.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${name} the `);
    expect(text.stdout).toMatch(/^XP +█+░+ 12\/40 to level 2 \(12 in all\)$/m);
    expect(text.stdout).toMatch(/^fullness +█+░+ 80%$/m);
    expect(text.stdout).toMatch(/^mood +cheerful$/m);
    expect(text.stdout).toMatch(/^streak +1 day \(best 1\)$/m);
    expect(text.stdout).toMatch(new RegExp(`^achievements +1 of ${ACHIEVEMENTS.length} \\(buddy achievements lists them\\)$`, 'm'));
    const json = await runInProcess(['status', '--json'], { env: home.env });
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ hatched: true, name, level: 1, stage: 'hatchling', xp: 12, xpIntoLevel: 12, xpForNextLevel: 40, mood: 'cheerful', streak: 1, bestStreak: 1, care: true, announcements: [] });
    expect(status.needs.fullness).toBe(80);
    expect(status.achievements).toEqual({ earned: 1, total: ACHIEVEMENTS.length });
    expect(json.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('buddy achievements lists the earned ones with the date and the locked ones with hints', async () => {
    await hatched();
    await runInProcess(['pet'], { env: home.env });
    const result = await runInProcess(['achievements'], { env: home.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ {2}✓ First pet +\d{4}-\d{2}-\d{2} {2}You pet it for the first time\.$/m);
    expect(result.stdout).toMatch(/^ {2}· Well loved +pet it 100 times \(1 of 100\)$/m);
    expect(result.stdout).toMatch(/^ {2}· Night owl +talk with it between midnight and 4 a\.m\.$/m);
    const json = JSON.parse((await runInProcess(['achievements', '--json'], { env: home.env })).stdout);
    expect(json.hatched).toBe(true);
    expect(json.earned.length + json.locked.length).toBe(ACHIEVEMENTS.length);
    expect(json.earned[0]).toMatchObject({ id: 'first-pet', name: 'First pet' });
    expect(json.locked.find((item: { id: string }) => item.id === 'pets-100')).toMatchObject({ hint: 'pet it 100 times', progress: [1, 100] });
  });

  it('prints its card with level, XP, stage, needs, mood, streak and achievements when piped', async () => {
    await hatched();
    const card = await runInProcess([], { env: home.env });
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toMatch(/^Lv 1 hatchling █*░+ 0\/40 XP$/m);
    expect(card.stdout).toMatch(/^fullness +█+░+ 80%$/m);
    expect(card.stdout).toMatch(new RegExp(`^mood \\w+ · streak 0 days · 0/${ACHIEVEMENTS.length} achievements$`, 'm'));
  });

  it('keeps each announcement in the journal once, as level-up or achievement', async () => {
    const name = await hatched();
    expect((await runInProcess(['pet'], { env: home.env })).code).toBe(0);
    expect((await runInProcess(['status'], { env: home.env })).code).toBe(0);
    const log = await runInProcess(['log', '--json', '-n', '100'], { env: home.env });
    expect(log.code, log.stderr).toBe(0);
    const records = log.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; text: string; name?: string });
    const kept = records.filter((record) => record.source === 'achievement' || record.source === 'level-up');
    expect(kept).toEqual([
      { ...kept[0], source: 'achievement', text: 'Achievement: First pet. You pet it for the first time.', name },
      { ...kept[1], source: 'achievement', text: 'Unlocked: Bow. Wear it: buddy wear bow', name },
    ]);
  });

  it('shows the level, stage, mood and the earned achievements on the share card', async () => {
    const unhatched = await runInProcess(['card', '--svg'], { env: home.env });
    expect(unhatched.code, unhatched.stderr).toBe(0);
    expect(unhatched.stdout).not.toContain('>Level ');
    await hatched();
    const before = await runInProcess(['card', '--svg'], { env: home.env });
    const mood = JSON.parse((await runInProcess(['status', '--json'], { env: home.env })).stdout).mood;
    expect(before.stdout).toContain(`>Level 1 hatchling · ${mood}<`);
    expect(before.stdout).not.toContain('Achievements:');
    expect((await runInProcess(['pet'], { env: home.env })).code).toBe(0);
    const after = await runInProcess(['card', '--svg'], { env: home.env });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('Achievements: First pet');
    // Just petted: cheerful, as `buddy status` says.
    expect(after.stdout).toContain('>Level 1 hatchling · cheerful<');
  });

  it('counts seeing a shiny with buddy roll', async () => {
    await hatched();
    const roll = await runInProcess(['roll', SHINY_ID], { env: home.env });
    expect(roll.stdout).toContain('SHINY');
    const status = JSON.parse((await runInProcess(['status', '--json'], { env: home.env })).stdout);
    expect(status.announcements).toContain('Achievement: Shiny! Saw a shiny buddy.');
  });
});

describe('care off', () => {
  it('has no needs and announces nothing, yet levels and achievements are still earned', async () => {
    await hatched();
    const off = await runInProcess(['config', 'care', 'off'], { env: home.env });
    expect(off.stdout).toBe('care = off\n');
    const pet = await runInProcess(['pet'], { env: home.env });
    expect(pet.stdout).not.toContain('★');
    expect(pet.stdout).not.toContain('fullness');
    const status = JSON.parse((await runInProcess(['status', '--json'], { env: home.env })).stdout);
    expect(status).toMatchObject({ needs: null, care: false, announcements: [], achievements: { earned: 1 } });
    expect(readGrowth().achievements['first-pet']).toBeGreaterThan(0);
    expect((await runInProcess(['status'], { env: home.env })).stdout).toMatch(/^needs +off \(buddy config care on brings them back\)$/m);
    expect((await runInProcess(['config'], { env: home.env })).stdout).toMatch(/^care +off$/m);
    expect((await runInProcess(['config', 'care', 'default'], { env: home.env })).stdout).toBe('care = on (default)\n');
    expect((await runInProcess(['config', 'care', 'sometimes'], { env: home.env })).code).toBe(2);
  });
});
