// The wardrobe end to end with the built bin: a fresh buddy's items are locked, a pet earns the bow
// (announced once), it is worn on the card, the roll keeps the rolled hat, and wrong items fail in one line.
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';

const home = useGrowthHome(runBuddy);
const { hatched } = home;

describe('buddy wardrobe and buddy wear', () => {
  it('lists, unlocks by care, wears, shows on the card, and takes off', async () => {
    const name = await hatched();
    const fresh = await runBuddy(['wardrobe', '--json'], { env: home.env });
    expect(fresh.code, fresh.stderr).toBe(0);
    const listed = JSON.parse(fresh.stdout) as { hatched: boolean; earned: unknown[]; locked: { id: string; hint: string; progress?: number[] }[]; worn: object };
    expect(listed.hatched).toBe(true);
    expect(listed.earned).toEqual([]);
    expect(listed.worn).toEqual({});
    expect(listed.locked.length).toBeGreaterThanOrEqual(30);
    expect(listed.locked.find((item) => item.id === 'gamepad')).toEqual({ id: 'gamepad', name: 'Gamepad', slot: 'head', hint: 'play 10 rounds of the mini-game', progress: [0, 10] });

    const locked = await runBuddy(['wear', 'bow'], { env: home.env });
    expect(locked.code).toBe(1);
    expect(locked.stderr.trim().split('\n')).toHaveLength(1);
    expect(locked.stderr).toContain('Bow is still locked; to unlock it, earn "First pet"');

    const pet = await runBuddy(['pet'], { env: home.env });
    expect(pet.stdout).toContain('★ Unlocked: Bow. Wear it: buddy wear bow');
    const list = await runBuddy(['wardrobe'], { env: home.env });
    expect(list.stdout).toContain(`${name}: 1 of 33 items`);
    expect(list.stdout).not.toContain('Unlocked: Bow');

    const wear = await runBuddy(['wear', 'bow'], { env: home.env });
    expect(wear.code, wear.stderr).toBe(0);
    expect(wear.stdout.trim()).toBe(`${name} is wearing the Bow.`);
    const card = await runBuddy(['card'], { env: home.env });
    expect(card.stdout).toContain('>o<');
    expect(card.stdout).toContain('wearing: Bow');
    expect((await runBuddy(['card', '--svg'], { env: home.env })).stdout).toContain('Wearing: Bow');
    const roll = await runBuddy(['roll'], { env: home.env });
    expect(roll.stdout).not.toContain('>o<');
    const worn = JSON.parse((await runBuddy(['wardrobe', '--json'], { env: home.env })).stdout) as { worn: object; earned: { id: string; worn: boolean }[] };
    expect(worn.worn).toEqual({ head: 'bow' });
    expect(worn.earned).toMatchObject([{ id: 'bow', worn: true }]);

    const unknown = await runBuddy(['wear', 'crown'], { env: home.env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("buddy: wear: there is no item 'crown'; buddy wardrobe lists them all");

    const off = await runBuddy(['wear', '--none'], { env: home.env });
    expect(off.stdout.trim()).toBe(`${name} took everything off.`);
    expect((await runBuddy(['card'], { env: home.env })).stdout).not.toContain('>o<');
  });
});
