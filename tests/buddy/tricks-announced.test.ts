// A trick a level-up teaches, from the command line: announced once, right after the level-up, by the face
// that folds it (here `buddy pet`), kept in the journal beside the level-up, and known by `buddy tricks`
// from then on. Each command runs in process, through the dispatcher the built bin hands it to.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGrowthHome } from '../helpers/growth-home.js';
import { runInProcess } from '../helpers/in-process.js';

const home = useGrowthHome(runInProcess);

/** Sets the hatched buddy's XP by hand. */
function setXp(xp: number): void {
  const file = path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  config.buddy.growth.xp = xp;
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}

describe('a trick learned', () => {
  it('is announced once after the level-up that taught it, and kept in the journal as part of it', async () => {
    const name = await home.hatched();
    setXp(38);
    const pet = await runInProcess(['pet'], { env: home.env });
    expect(pet.code, pet.stderr).toBe(0);
    const announced = pet.stdout.split('\n').filter((line) => line.startsWith('★'));
    const level = announced.indexOf(`★ Level up! ${name} is level 2.`);
    expect(level).toBeGreaterThanOrEqual(0);
    expect(announced[level + 1]).toBe(`★ ${name} learned a trick: Spin! Press k in the pet, or run buddy trick spin`);
    const again = await runInProcess(['status'], { env: home.env });
    expect(again.stdout).not.toContain('learned a trick');
    const log = await runInProcess(['log', '--json', '-n', '100'], { env: home.env });
    const records = log.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; text: string });
    expect(records.filter((record) => record.text.includes('learned a trick'))).toEqual([
      expect.objectContaining({ source: 'level-up', text: `${name} learned a trick: Spin! Press k in the pet, or run buddy trick spin` }),
    ]);
    const tricks = await runInProcess(['tricks', '--json'], { env: home.env });
    expect(JSON.parse(tricks.stdout).learned.map((trick: { id: string }) => trick.id)).toEqual(['spin']);
  });
});
