// The pet from the built bin without a terminal: it prints the card once and exits 0 (no raw-mode errors).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';

const sandboxes: Array<{ cleanup: () => void }> = [];
afterEach(() => sandboxes.splice(0).forEach((sandbox) => sandbox.cleanup()));
function sandbox() {
  const created = makeSandbox();
  sandboxes.push(created);
  return created;
}

describe('buddy without a TTY', () => {
  it('prints the card once, says it has not hatched, and exits 0', async () => {
    const { env } = sandbox();
    const result = await runBuddy([], { env: { ...env, BUDDY_USER_ID: 'buddy-93' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Nebulynx');
    expect(result.stdout).toContain('×'); // its eyes
    expect(result.stdout).toContain('Not hatched yet');
    expect(result.stdout).not.toMatch(/raw mode/i);
  });

  it('shows the hatched name and personality, and who wrote the soul', async () => {
    const { env } = sandbox();
    const withUser = { ...env, BUDDY_USER_ID: 'buddy-0' };
    const hatched = await runBuddy(['hatch'], { env: withUser });
    expect(hatched.code).toBe(0);
    const name = /^(\S+) hatched!/m.exec(hatched.stdout)?.[1];
    expect(name).toBeTruthy();
    const card = await runBuddy([], { env: withUser });
    expect(card.stdout).toContain(`${name} the Emberfox`);
    expect(card.stdout).toContain('soul written offline');
  });

  it('keeps the hatched buddy, with a one-line warning, when the identity changes', async () => {
    const { env } = sandbox();
    await runBuddy(['hatch'], { env: { ...env, BUDDY_USER_ID: 'buddy-0' } });
    const other = await runBuddy([], { env: { ...env, BUDDY_USER_ID: 'buddy-93' } });
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('Emberfox');
    expect(other.stdout).not.toContain('Nebulynx');
    expect(other.stderr.trim().split('\n')).toHaveLength(1);
    expect(other.stderr).toMatch(/keeping .* another identity/);
  });

  it('renames, and refuses names that are not one word', async () => {
    const { env } = sandbox();
    const withUser = { ...env, BUDDY_USER_ID: 'buddy-0' };
    await runBuddy(['hatch'], { env: withUser });
    const renamed = await runBuddy(['rename', 'Sprocket'], { env: withUser });
    expect(renamed.code).toBe(0);
    expect((await runBuddy([], { env: withUser })).stdout).toContain('Sprocket the Emberfox');
    const bad = await runBuddy(['rename', 'two words'], { env: withUser });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^buddy: rename: /);
  });

  it('asks before hatching again and refuses without a terminal unless --yes', async () => {
    const { env } = sandbox();
    const withUser = { ...env, BUDDY_USER_ID: 'buddy-0' };
    await runBuddy(['hatch'], { env: withUser });
    const refused = await runBuddy(['hatch', '--again'], { env: withUser });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not confirmed');
    const again = await runBuddy(['hatch', '--again', '--yes'], { env: withUser });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('hatched!');
  });

  it('shows the dex of every species, and one species with variants', async () => {
    const all = await runBuddy(['dex'], { env: sandbox().env });
    for (const species of ['Pebblecrab', 'Gustowl', 'Lanternmoth', 'Voidcat', 'Cosmoshale']) expect(all.stdout).toContain(species);
    const one = await runBuddy(['dex', '--species', 'voidcat', '--eye', '◉', '--hat', 'crown', '--frame', 'happy', '--shiny'], { env: sandbox().env });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('◉');
    expect(one.stdout).toContain('✧');
    const bad = await runBuddy(['dex', '--frame', 'dancing', '--species', 'voidcat'], { env: sandbox().env });
    expect(bad.code).toBe(2);
  });

  it('brings the hatched buddy back from the backup when the config file is truncated', async () => {
    const { env } = sandbox();
    const withUser = { ...env, BUDDY_USER_ID: 'buddy-0' };
    const hatched = await runBuddy(['hatch'], { env: withUser });
    const name = /^(\S+) hatched!/m.exec(hatched.stdout)?.[1] as string;
    const file = path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 60));
    const after = await runBuddy([], { env: withUser });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`${name} the Emberfox`);
    expect(after.stderr).toMatch(/moved it aside/);
    expect(after.stderr).toMatch(/restored your buddy/);
    expect(after.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(env.BUDDY_CONFIG_DIR as string).some((entry) => entry.startsWith('config.json.corrupt-'))).toBe(true);
  });
});
