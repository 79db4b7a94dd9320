// `buddy rescue` run again, and the archive it leaves: the seed function is decided once and kept with the
// buddy, so a second rescue (on a terminal or not) changes nothing and says so in one line; two kept buddies
// of one name are told apart by the short hash `buddy list` shows and `buddy switch` takes. Each command
// runs in process, through the dispatcher the built bin hands it to, with no terminal on stdin (as a piped
// run of the bin); tests/cli/rescue.test.ts holds the first rescues, and tests/e2e/rescue.test.ts runs
// `buddy rescue` through the built bin.
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { useRescueHome } from '../helpers/rescue-home.js';

// The short hashes of the fixture account's two rescues: the first seven hex characters of SHA-256 over
// `classic|<seed function>|<SHA-256 of the account ID>|friend-2026-401` (worked out with sha256sum).
const PENGUIN = '07430f2';
const DRAGON = '1913263';
const ALREADY_DRAGON = 'Waddles the dragon is already your buddy; nothing changed.\n';

const home = useRescueHome(runInProcess);
const { configFile, readConfig, buddy, rescueChangesNothing } = home;
beforeEach(() => home.useClaudeConfig('companion.json'));

/** What a person sees of their buddies: the list and the growth, exactly. */
async function seen(): Promise<{ list: string; status: string }> {
  const list = await buddy(['list']);
  const status = await buddy(['status', '--json']);
  expect(list.code, list.stderr).toBe(0);
  expect(status.code, status.stderr).toBe(0);
  return { list: list.stdout, status: status.stdout };
}

describe('buddy rescue a second time', () => {
  it('says in one line that nothing changed, and the list, the status and the config stay byte for byte', async () => {
    expect((await buddy(['hatch'])).code).toBe(0);
    expect((await buddy(['rescue'])).code).toBe(0);
    // Growth is folded by the first look; from then on the two looks are what a person compares.
    await seen();
    const before = await seen();
    await rescueChangesNothing('Waddles the penguin is already your buddy; nothing changed.\n');
    expect(await seen()).toEqual(before);
  });

  it('keeps the seed function chosen before when run without a terminal', async () => {
    const chosen = await buddy(['rescue', '--hash-fn', 'fnv1a']);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', hashFnChosen: true, bones: { species: 'dragon' } });
    await seen();
    const before = await seen();
    await rescueChangesNothing(ALREADY_DRAGON);
    expect(await seen()).toEqual(before);
    expect(readConfig().archive).toBeUndefined();
  });

  it('brings the chosen one back from the archive without a terminal, never the other seed function', async () => {
    expect((await buddy(['rescue', '--hash-fn', 'fnv1a'])).code).toBe(0);
    expect((await buddy(['switch'])).code).toBe(0);
    expect(readConfig().buddy!.rollVersion).toBe(1);

    const back = await buddy(['rescue']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toBe('');
    expect(back.stdout).toContain('Waddles the dragon is back from the archive');
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', bones: { species: 'dragon' } });
    expect(readConfig().archive!.map((kept) => kept.name)).not.toContain('Waddles');
  });

  it('without a terminal and without a choice, never swaps a buddy already rescued', async () => {
    // A buddy rescued before choices were kept: the fnv1a one, with no mark of a choice.
    expect((await buddy(['rescue', '--hash-fn', 'fnv1a'])).code).toBe(0);
    const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
    delete config.buddy.hashFnChosen;
    fs.writeFileSync(configFile(), JSON.stringify(config));
    await rescueChangesNothing(ALREADY_DRAGON);
  });

  it('without a terminal and with nothing rescued, takes the documented default, says how to take the other, and keeps no choice', async () => {
    const first = await buddy(['rescue']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^buddy: not a terminal, so the wyhash one .* was taken; if yours was the legendary dragon, run buddy rescue --hash-fn fnv1a\n$/);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'wyhash', bones: { species: 'penguin' } });
    expect(readConfig().buddy).not.toHaveProperty('hashFnChosen');
  });
});

describe('two buddies of one name', () => {
  it('are told apart by short hash in the list, and switch takes the hash; the name alone is one line, exit 2', async () => {
    expect((await buddy(['rescue', '--hash-fn', 'fnv1a'])).code).toBe(0);
    // Asked for by name, the other seed function's buddy is rescued too: both are Waddles now.
    const other = await buddy(['rescue', '--hash-fn', 'wyhash']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toContain(`Waddles the dragon is archived (buddy list shows it, buddy switch ${DRAGON} brings it back).`);

    const list = (await buddy(['list'])).stdout.split('\n').filter(Boolean);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(new RegExp(`^\\* ${PENGUIN}  Waddles the penguin +common .*\\(current\\)$`));
    expect(list[1]).toMatch(new RegExp(`^  ${DRAGON}  Waddles the dragon +legendary .*archived`));

    const ambiguous = await buddy(['switch', 'waddles']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr.split('\n')).toHaveLength(2);
    expect(ambiguous.stderr).toMatch(new RegExp(`^buddy: switch: 2 buddies are called Waddles: ${PENGUIN} \\(the penguin, current\\), ${DRAGON} \\(the dragon\\) \\(run buddy switch with one of these\\)\\n$`));
    expect(readConfig().buddy!.bones.species).toBe('penguin');

    const switched = await buddy(['switch', DRAGON]);
    expect(switched.code, switched.stderr).toBe(0);
    expect(switched.stdout).toBe(`Waddles the dragon is back.\nWaddles the penguin is archived (buddy list shows it, buddy switch ${PENGUIN} brings it back).\n`);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', bones: { species: 'dragon' } });
    expect(readConfig().archive!.map((kept) => kept.bones.species)).toEqual(['penguin']);
    // The current one's hash changes nothing; a longer prefix of a hash works, a shorter one is no hash.
    expect((await buddy(['switch', DRAGON])).stdout).toBe('Waddles is already the current buddy; nothing changed.\n');
    const short = await buddy(['switch', PENGUIN.slice(0, 6)]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^buddy: switch: no buddy here has the name or short hash '07430f'/);
    expect((await buddy(['switch', `${PENGUIN}96fab`.toUpperCase()])).code).toBe(0);
    expect(readConfig().buddy!.bones.species).toBe('penguin');
  });
});
