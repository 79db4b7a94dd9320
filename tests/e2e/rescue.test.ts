// `buddy rescue` end to end, the built bin in a throwaway home with a fixture Claude Code config: a companion
// muted in Claude Code comes back muted, and a new soul is never written over the original without saying
// so first; without CLAUDE_CONFIG_DIR, ~/.claude.json is found from the process's home, and switching back
// and forth loses nothing. Claude Code's config is read only: it is compared byte for byte before and after every run.
// The other rescues and refusals run in process: tests/cli/rescue.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRescueHome } from '../helpers/rescue-home.js';
import { runBuddy } from '../helpers/cli.js';

const home = useRescueHome(runBuddy);
const { readConfig, useClaudeConfig, buddy } = home;

describe('buddy rescue with a companion record', () => {
  it('mutes Buddy when Claude Code had its companion muted', async () => {
    useClaudeConfig('companion-muted.json');
    const rescued = await buddy(['rescue', '--hash-fn', 'wyhash']);
    expect(rescued.code, rescued.stderr).toBe(0);
    expect(rescued.stdout).toContain('  muted      yes');
    expect(rescued.stdout).toContain('Buddy is muted too');
    expect(readConfig().settings.muted).toBe(true);
    // A new soul is never written over the original without saying so first.
    const again = await buddy(['hatch', '--again']);
    expect(again.stdout).toContain("Waddles's name and personality came from Claude Code: the new soul replaces them too.");
    expect(readConfig().buddy!.name).toBe('Waddles');
  });

  it('reads ~/.claude.json when CLAUDE_CONFIG_DIR is not set, and switching back and forth loses nothing', async () => {
    delete home.env.CLAUDE_CONFIG_DIR;
    useClaudeConfig('companion.json', path.join(home.env.HOME as string, '.claude.json'));
    expect((await buddy(['hatch'])).code).toBe(0);
    const v1 = readConfig().buddy!;
    expect((await buddy(['rescue'])).code).toBe(0);
    // `buddy switch` brings back this identity's roll v1 buddy; the rescued one goes to the archive.
    expect((await buddy(['switch'])).stdout).toContain(`${v1.name} the ${v1.bones.species} is back`);
    expect(readConfig().buddy).toEqual(v1);
    expect(readConfig().archive!.map((kept) => kept.name)).toEqual(['Waddles']);
    // A rescue again takes it out of the archive, memory and all.
    expect((await buddy(['rescue'])).stdout).toContain('Waddles the penguin is back from the archive');
    expect(readConfig().archive!.map((kept) => kept.name)).toEqual([v1.name]);
  });
});
