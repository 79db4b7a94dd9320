// Care from the command line, end to end with the built bin: buddy pet and feed say the level and needs,
// and announce what was earned once. Every other growth case (status, achievements, the card, the journal,
// care off) runs in process, in tests/buddy/growth-commands.test.ts.
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';

const home = useGrowthHome(runBuddy);
const { readGrowth, hatched } = home;

describe('care from the command line', () => {
  it('pets and feeds, saying the level and needs, and announces what it earned once', async () => {
    const name = await hatched();
    const pet = await runBuddy(['pet'], { env: home.env });
    expect(pet.code, pet.stderr).toBe(0);
    const lines = pet.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${name}: .+ ♥$`));
    expect(lines[1]).toBe('level 1 hatchling · 12/40 XP to level 2');
    expect(lines[2]).toMatch(/^fullness 80% · energy \d+% · cheerful$/);
    expect(lines).toContain('★ Achievement: First pet. You pet it for the first time.');

    const feed = await runBuddy(['feed'], { env: home.env });
    expect(feed.stdout).toContain(`${name} munches the snack`);
    expect(feed.stdout).toContain('level 1 hatchling · 17/40 XP to level 2');
    expect(feed.stdout).toMatch(/fullness 100%/);
    expect(feed.stdout).toContain('★ Achievement: First snack. You fed it a snack.');
    expect(feed.stdout).not.toContain('First pet');
    expect(readGrowth().counts).toMatchObject({ pets: 1, feeds: 1 });
  });
});
