// `buddy rescue` from fixture Claude Code configs: the original's name, personality and hatch date on the
// classic bones of either seed function, no companion record, damaged files. Claude Code's config is read
// only: it is compared byte for byte before and after every run. Each command runs in process, through the
// dispatcher the built bin hands it to; tests/e2e/rescue.test.ts runs the built bin for a muted companion, and for
// ~/.claude.json found from the process's own home.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollClassic } from '../../src/engine/classic.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { useRescueHome } from '../helpers/rescue-home.js';
import { runInProcess } from '../helpers/in-process.js';

const ACCOUNT = '29c6aedc-5463-411c-991c-a386d9a93570';
const NO_COMPANION_USER = '7a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const PERSONALITY = 'A dapper little creature who insists on formal code reviews and keeps a tiny bow tie for release days.';
const HATCHED_AT = '2026-04-02T11:40:00.000Z';
const home = useRescueHome(runInProcess);
const { configFile, readConfig, useClaudeConfig, buddy } = home;

describe('buddy rescue with a companion record', () => {
  it('brings back the wyhash buddy under its own name, archives the one hatched before, and changes nothing the second time', async () => {
    useClaudeConfig('companion.json');
    expect((await buddy(['hatch'])).code).toBe(0);
    const hatched = readConfig().buddy!;

    const rescued = await buddy(['rescue']);
    expect(rescued.code, rescued.stderr).toBe(0);
    // Non-interactive: the wyhash candidate, and it says so (naming the other one).
    expect(rescued.stderr).toMatch(/^buddy: not a terminal, so the wyhash one .* was taken; if yours was the legendary dragon, run buddy rescue --hash-fn fnv1a$/m);
    expect(rescued.stdout).toContain('companion  Waddles, hatched 2026-04-02');
    expect(rescued.stdout).toContain('Waddles the penguin is back');
    expect(rescued.stdout).toContain(`${hatched.name} the ${hatched.bones.species} is archived`);

    const bones = rollClassic(ACCOUNT, 'friend-2026-401', 'wyhash');
    const config = readConfig();
    expect(config.buddy).toMatchObject({
      rollVersion: 'classic',
      hashFn: 'wyhash',
      idHash: bones.idHash,
      bones,
      name: 'Waddles',
      personality: PERSONALITY,
      hatchedAt: HATCHED_AT,
      soulSource: 'claude-code',
    });
    const { archivedAt: _at, ...archived } = config.archive![0]!;
    expect(archived).toEqual(hatched);
    expect(config.settings.muted).toBe(false);

    await home.rescueChangesNothing('Waddles the penguin is already your buddy; nothing changed.\n');

    // First-class: the card, the list, the statusline and talk by name, with no warning on the way.
    const pet = await buddy([]);
    expect(pet.stderr).toBe('');
    expect(pet.stdout).toContain('Waddles the penguin');
    expect(pet.stdout).toContain('soul kept from Claude Code · hatched 2026-04-02');
    expect(pet.stdout).toContain('roll classic (wyhash)');
    expect((await buddy(['list'])).stdout).toMatch(/^\* [0-9a-f]{7} {2}Waddles the penguin .*this identity \(current\)/m);
    expect((await buddy(['statusline', '--format', 'plain'])).stdout).toContain('Waddles');
    const said = await buddy(['say', 'Waddles, how are you?', '--json']);
    expect(JSON.parse(said.stdout)).toMatchObject({ name: 'Waddles', addressed: true, source: 'offline' });
    expect((await buddy(['doctor'])).stdout).toContain('Waddles belongs to this identity (claude-code)');

    // The hooks introduce it to the agent, and its greeting is the penguin's own.
    const session = JSON.stringify({ session_id: 'rescued', transcript_path: path.join(home.sandbox.dir, 'rescued.jsonl'), cwd: home.sandbox.dir, hook_event_name: 'SessionStart', source: 'startup' });
    const hook = await buddy(['hook', 'session-start'], session);
    expect(JSON.parse(hook.stdout).hookSpecificOutput.additionalContext).toContain('named Waddles (a common penguin)');
    const line = (await buddy(['statusline', '--format', 'plain', '--width', '200'], JSON.stringify({ session_id: 'rescued' }))).stdout.trimEnd();
    expect(SPECIES_LINES.penguin.greeting).toContain(line.slice(line.indexOf('Waddles  ') + 'Waddles  '.length));
  });

  it('takes the fnv1a buddy with --hash-fn, and re-checks its bones against the classic roll on every start', async () => {
    useClaudeConfig('companion.json');
    const rescued = await buddy(['rescue', '--hash-fn', 'fnv1a']);
    expect(rescued.code, rescued.stderr).toBe(0);
    expect(rescued.stderr).toBe('');
    expect(rescued.stdout).not.toContain('this account had one of these');
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', name: 'Waddles', bones: { species: 'dragon', rarity: 'legendary', shiny: true, hat: 'tophat', eye: '◉' } });
    expect(Object.values(readConfig().buddy!.bones.stats)).toEqual([45, 100, 87, 56, 74]);

    // Bones that no longer match the classic roll are kept (the stored buddy wins) and reported.
    const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
    config.buddy.bones.stats.SNARK = 75;
    fs.writeFileSync(configFile(), JSON.stringify(config));
    const pet = await buddy([]);
    expect(pet.stderr).toContain("keeping Waddles the dragon: today's roll gives different bones (roll classic (fnv1a) at hatch)");

    // Rescuing the other seed function's buddy archives this one; neither is ever lost.
    expect((await buddy(['rescue', '--hash-fn', 'wyhash'])).stdout).toContain('Waddles the dragon is archived');
    expect(readConfig().archive!.map((kept) => kept.bones.species)).toEqual(['dragon']);
  });
});

describe('buddy rescue without a companion record', () => {
  it('shows the classic bones and hatches them with a new soul only when asked', async () => {
    useClaudeConfig('no-companion.json');
    const offered = await buddy(['rescue', '--hash-fn', 'wyhash']);
    expect(offered.code).toBe(0);
    expect(offered.stdout).toContain('companion  none: Claude Code never hatched one for this account here');
    expect(offered.stdout).toContain('Nothing was hatched (buddy rescue --yes hatches it with a new soul).');
    expect(fs.existsSync(configFile())).toBe(false);

    const bones = rollClassic(NO_COMPANION_USER, 'friend-2026-401', 'wyhash');
    const hatched = await buddy(['rescue', '--hash-fn', 'wyhash', '--yes']);
    expect(hatched.code, hatched.stderr).toBe(0);
    const soul = writeOfflineSoul(bones);
    expect(hatched.stdout).toContain(`${soul.name} the ${bones.species} hatched (classic roll, wyhash)`);
    expect(readConfig().buddy).toMatchObject({ rollVersion: 'classic', hashFn: 'wyhash', bones, name: soul.name, soulSource: 'offline' });

    const again = await buddy(['rescue', '--hash-fn', 'wyhash', '--yes']);
    expect(again.stdout).toContain(`${soul.name} the ${bones.species} is already your buddy; nothing changed.`);
  });
});

describe('buddy rescue refuses what it cannot use, in one line, writing nothing', () => {
  it.each([
    ['damaged.json', /^buddy: Claude Code's config .*\.claude\.json is damaged \(not valid JSON\); nothing was changed\n$/],
    ['wrong-type.json', /^buddy: Claude Code's config .*\.claude\.json has a companion\.personality of the wrong type \(expected string\); nothing was changed\n$/],
  ])('%s', async (name, message) => {
    useClaudeConfig(name);
    const result = await buddy(['rescue']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(home.env.BUDDY_CONFIG_DIR as string)).toBe(false);
  });

  it('says there is nothing to rescue without a Claude Code config', async () => {
    const result = await runInProcess(['rescue'], { env: home.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^buddy: no Claude Code config at .*\.claude\.json: there is no companion to rescue on this machine\n$/);
    expect(fs.existsSync(home.env.BUDDY_CONFIG_DIR as string)).toBe(false);
  });

  it('asks for --name when the original name does not fit, and a bad --hash-fn is a usage error', async () => {
    useClaudeConfig('companion.json');
    const text = home.original.toString('utf8').replace('"name": "Waddles"', '"name": "Sir Waddles III"');
    home.original = Buffer.from(text);
    fs.writeFileSync(home.claudeFile, home.original);
    const refused = await buddy(['rescue']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/give it one with buddy rescue --name NAME; nothing was changed\n$/);
    expect(fs.existsSync(configFile())).toBe(false);
    const named = await buddy(['rescue', '--name', 'Waddles', '--hash-fn', 'wyhash']);
    expect(named.code, named.stderr).toBe(0);
    expect(readConfig().buddy).toMatchObject({ name: 'Waddles', personality: PERSONALITY });
    expect((await buddy(['rescue', '--hash-fn', 'bun'])).code).toBe(2);
  });
});
