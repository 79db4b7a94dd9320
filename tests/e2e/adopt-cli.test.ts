// Adopting a hunted salt, end to end with the built bin: the hunt prints the command that adopts what it
// found, adopting archives the current buddy (never deletes it) without a warning on every command after,
// and `buddy switch` undoes it both ways, with names and growth kept.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';

const home = useGrowthHome(runBuddy);

const config = (): any => JSON.parse(fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));

describe('buddy hunt ends with the adopt command', () => {
  it('prints the adopt line, and --json holds it', async () => {
    const hunt = await runBuddy(['hunt', '--rarity', 'common'], { env: home.env });
    expect(hunt.code, hunt.stderr).toBe(0);
    const salt = /^found salt (\S+) /.exec(hunt.stdout)![1]!;
    expect(hunt.stdout.trimEnd().split('\n').at(-1)).toBe(`adopt it: buddy adopt --salt ${salt}`);
    const json = await runBuddy(['hunt', '--rarity', 'common', '--json'], { env: home.env });
    const parsed = JSON.parse(json.stdout) as { salt: string; adopt: string };
    expect(parsed.adopt).toBe(`buddy adopt --salt ${parsed.salt}`);
    const classic = await runBuddy(['hunt', '--classic', '--rarity', 'common', '--user', 'someone-else', '--json'], { env: home.env });
    const found = JSON.parse(classic.stdout) as { salt: string; adopt: string };
    expect(found.adopt).toBe(`buddy adopt --classic --hash-fn wyhash --salt ${found.salt} --user "someone-else"`);
  });
});

describe('buddy adopt', () => {
  it('archives the current buddy, warns about nothing after, and buddy switch undoes it both ways', async () => {
    const original = await home.hatched();
    expect((await runBuddy(['pet'], { env: home.env })).code).toBe(0);
    const hunt = JSON.parse((await runBuddy(['hunt', '--rarity', 'common', '--json'], { env: home.env })).stdout) as { salt: string; roll: { species: string } };

    const adopt = await runBuddy(['adopt', '--salt', hunt.salt, '--yes'], { env: home.env });
    expect(adopt.code, adopt.stderr).toBe(0);
    const adopted = config().buddy;
    expect(adopted).toMatchObject({ salt: hunt.salt, adopted: true, bones: { species: hunt.roll.species } });
    expect(adopt.stdout).toContain(`${adopted.name} the ${hunt.roll.species} hatched, and is your buddy now.`);
    expect(adopt.stdout).toContain(`${original} the `);
    expect(config().archive.map((buddy: { name: string }) => buddy.name)).toEqual([original]);

    const status = await runBuddy(['status'], { env: home.env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe('');
    const list = await runBuddy(['list'], { env: home.env });
    expect(list.stdout).toContain(original);
    expect(list.stdout).toContain(adopted.name);

    const again = await runBuddy(['adopt', '--salt', hunt.salt, '--yes'], { env: home.env });
    expect(again.stdout.trim()).toBe(`${adopted.name} the ${hunt.roll.species} is already your buddy; nothing changed.`);

    const back = await runBuddy(['switch'], { env: home.env });
    expect(back.code, back.stderr).toBe(0);
    expect(config().buddy.name).toBe(original);
    expect(config().buddy.growth.counts).toMatchObject({ pets: 1 });
    expect(config().archive.map((buddy: { name: string }) => buddy.name)).toEqual([adopted.name]);

    const handle = adopted.name === original ? adopted.idHash : adopted.name;
    const returned = await runBuddy(['switch', handle], { env: home.env });
    expect(returned.code, returned.stderr).toBe(0);
    expect(config().buddy).toMatchObject({ name: adopted.name, salt: hunt.salt, adopted: true, hatchedAt: adopted.hatchedAt });
    expect((await runBuddy(['status'], { env: home.env })).stderr).toBe('');
  });

  it('adopts a classic roll with its seed function, and warns about nothing after', async () => {
    const original = await home.hatched();
    const adopt = await runBuddy(['adopt', '--classic', '--hash-fn', 'fnv1a', '--salt', 'hunt-7', '--yes'], { env: home.env });
    expect(adopt.code, adopt.stderr).toBe(0);
    expect(config().buddy).toMatchObject({ rollVersion: 'classic', hashFn: 'fnv1a', salt: 'hunt-7', adopted: true });
    expect(config().archive.map((buddy: { name: string }) => buddy.name)).toEqual([original]);
    const status = await runBuddy(['status'], { env: home.env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe('');
    const hashFnAlone = await runBuddy(['adopt', '--hash-fn', 'fnv1a', '--salt', 'hunt-7', '--yes'], { env: home.env });
    expect(hashFnAlone.code).toBe(2);
    expect(hashFnAlone.stderr).toMatch(/^buddy: adopt: --hash-fn goes with --classic/);
  });

  it('refuses a bad salt, a missing one, and going ahead without a terminal or --yes, each in one line', async () => {
    await home.hatched();
    const before = fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8');
    for (const args of [['--salt', 'bad\u0007salt', '--yes'], ['--salt', 'x'.repeat(2000), '--yes'], ['--yes'], ['--salt', 'hunt-1']]) {
      const result = await runBuddy(['adopt', ...args], { env: home.env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toMatch(/^buddy: adopt: /);
    }
    expect(fs.readFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')).toBe(before);
  });
});
