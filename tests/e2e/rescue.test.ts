// `buddy rescue` end to end, the built bin in a throwaway home with a fixture Claude Code config: a companion
// muted in Claude Code comes back muted, and a new soul is never written over the original without saying
// so first; without CLAUDE_CONFIG_DIR, ~/.claude.json is found from the process's home, and switching back
// and forth loses nothing. Claude Code's config is read only: it is compared byte for byte before and after every run.
// The other rescues and refusals run in process: tests/cli/rescue.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';

const fixture = (name: string): Buffer => fs.readFileSync(new URL(`../fixtures/claude-code/rescue/${name}`, import.meta.url));

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
let claudeFile: string;
let original: Buffer;
const configFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(configFile(), 'utf8'));

function useClaudeConfig(name: string, file = path.join(env.CLAUDE_CONFIG_DIR as string, '.claude.json')): void {
  claudeFile = file;
  original = fixture(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, original);
}

async function buddy(args: readonly string[], input?: string): Promise<RunResult> {
  const result = await runBuddy(args, { env, ...(input === undefined ? {} : { input }) });
  // Whatever happened, Claude Code's own file is exactly as it was.
  expect(fs.readFileSync(claudeFile).equals(original), `${args.join(' ')} left ~/.claude.json alone`).toBe(true);
  return result;
}

beforeEach(() => {
  sandbox = makeSandbox();
  env = sandbox.env;
});
afterEach(() => sandbox.cleanup());

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
    delete env.CLAUDE_CONFIG_DIR;
    useClaudeConfig('companion.json', path.join(env.HOME as string, '.claude.json'));
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
