// Tricks from the command line, end to end with the built bin: `buddy tricks` (and --json) lists the
// learned ones and the ones to come, `buddy trick NAME` piped prints every frame of it once, and a trick
// not learned yet, an unknown one, a missing name and a buddy not hatched each fail with one line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';
import { xpForLevel } from '../../src/game/levels.js';
import { choreographyOf } from '../../src/sprites/tricks.js';

const home = useGrowthHome(runBuddy);

/** Sets the hatched buddy's XP by hand (no level-up is announced for it: the tricks are simply known). */
function grownTo(level: number): void {
  const file = path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  config.buddy.growth.xp = xpForLevel(level);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}

describe('buddy tricks', () => {
  it('lists the learned tricks with their level and the ones to come with theirs', async () => {
    const name = await home.hatched();
    grownTo(12);
    const result = await runBuddy(['tricks'], { env: home.env });
    expect(result.code, result.stderr).toBe(0);
    // It folds first, so what the new level earned is announced above the list.
    expect(result.stdout).toMatch(/^★ Achievement: Growing\./);
    const lines = result.stdout.trimEnd().split('\n').filter((line) => !line.startsWith('★'));
    expect(lines[0]).toBe(`${name} knows 4 of 10 tricks (level 12)`);
    expect(lines).toContain('  ✓ Dance      level 10  dances from side to side to a little tune');
    expect(lines).toContain('  · Bow        at level 14');
    expect(lines).toContain('  · Encore     at level 40');
    expect(lines.indexOf('Learned')).toBeLessThan(lines.indexOf('Still to learn'));
    expect(lines.at(-1)).toBe('Press k in the pet, or run buddy trick NAME (buddy trick spin).');
  });

  it('says which comes first before any is learned, and prints one object with --json', async () => {
    const name = await home.hatched();
    const plain = await runBuddy(['tricks'], { env: home.env });
    expect(plain.stdout).toContain(`${name} knows 0 of 10 tricks (level 1)`);
    expect(plain.stdout).not.toContain('Learned');
    expect(plain.stdout.trimEnd().split('\n').at(-1)).toBe('The first comes at level 2.');
    grownTo(4);
    const json = await runBuddy(['tricks', '--json'], { env: home.env });
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ hatched: true, level: 4 });
    expect(parsed.learned).toEqual([
      { id: 'spin', name: 'Spin', level: 2, description: 'turns right round on the spot' },
      { id: 'hop', name: 'Hop', level: 4, description: 'hops up and down, as high as it can' },
    ]);
    expect(parsed.toLearn.map((trick: { id: string }) => trick.id)).toEqual(['nap', 'dance', 'bow', 'fetch', 'juggle', 'roll', 'moonwalk', 'encore']);
  });

  it('before the hatch, says there is no buddy yet', async () => {
    const result = await runBuddy(['tricks', '--json'], { env: home.env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ hatched: false });
  });
});

describe('buddy trick NAME', () => {
  it('piped, prints each frame of the trick once under a header, all of one size', async () => {
    const name = await home.hatched();
    grownTo(25);
    const result = await runBuddy(['trick', 'Juggle'], { env: home.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${name} performs Juggle: juggles three balls over its head.`);
    const steps = choreographyOf('juggle')!.steps.length;
    const headers = lines.map((line, index) => [line, index] as const).filter(([line]) => /^-- Juggle \d+\/\d+ --$/.test(line));
    expect(headers.map(([line]) => line)).toEqual(Array.from({ length: steps }, (_, index) => `-- Juggle ${index + 1}/${steps} --`));
    const frames = headers.map(([, index]) => lines.slice(index + 1, index + 7));
    expect(new Set(frames.map((frame) => frame.join('\n'))).size).toBeGreaterThan(2);
    expect(frames.join('')).toContain('o');
  });

  it('draws in ASCII only with --ascii, the dance\'s notes too', async () => {
    await home.hatched();
    grownTo(10);
    const result = await runBuddy(['trick', 'dance', '--ascii'], { env: home.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(result.stdout).toContain('-- Dance 8/8 --');
  });

  it('fails with one line for a trick not learned yet, naming the level it comes at', async () => {
    const name = await home.hatched();
    grownTo(12);
    const result = await runBuddy(['trick', 'juggle'], { env: home.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`buddy: trick: ${name} has not learned Juggle yet: it comes at level 25 (${name} is level 12).\n`);
  });

  it('fails with one line for a trick that does not exist, pointing at buddy tricks, and for a missing name', async () => {
    await home.hatched();
    const unknown = await runBuddy(['trick', 'cartwheel'], { env: home.env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("buddy: trick: there is no trick called 'cartwheel'; buddy tricks lists them\n");
    const missing = await runBuddy(['trick'], { env: home.env });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('buddy tricks lists them');
  });

  it('fails with one line before the hatch', async () => {
    const result = await runBuddy(['trick', 'spin'], { env: home.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('buddy: trick: your buddy has not hatched yet; run buddy (or buddy hatch) first\n');
  });
});
