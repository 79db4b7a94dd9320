// The buddy's memory end to end with the built CLI: `buddy say "NAME, remember that …"` keeps a fact that
// `buddy memory` lists (byte for byte, as text and JSON), a question about it is answered from it offline,
// two says at once both keep theirs, `buddy forget` lets facts go (and refuses bad input with one line),
// and the last days' reactions in the journal come back as highlights.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { sessionKey } from '../../src/statusline/payload.js';
import { readHookState } from '../../src/statusline/session-state.js';
import type { ConfigData } from '../../src/store/schema.js';
import { runBuddy } from '../helpers/cli.js';
import { useHatchedHome } from '../helpers/hatched-home.js';

// No key: every answer is the buddy's own.
const home = useHatchedHome({ ANTHROPIC_API_KEY: '' });
const configFile = (): string => path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(configFile(), 'utf8')) as ConfigData;
const say = (message: string) => runBuddy(['say', message], { env: home.env });

/** Facts written straight into the stored buddy, with fixed dates. */
function storeFacts(facts: readonly { text: string; at: string }[]): void {
  const config = readConfig() as unknown as { buddy: Record<string, unknown> };
  fs.writeFileSync(configFile(), JSON.stringify({ ...config, buddy: { ...config.buddy, facts } }, null, 2));
}

const FACTS = [
  { text: 'I deploy on Fridays', at: '2026-12-01T10:00:00.000Z' },
  { text: 'standup moved to 10am', at: '2026-12-02T10:00:00.000Z' },
  { text: 'Bob owns billing', at: '2026-12-03T10:00:00.000Z' },
];

describe('buddy say keeps a fact, buddy memory lists it', () => {
  it('keeps what it was asked to, with the moment it was told', async () => {
    const said = await say(`${home.name}, remember that I deploy on Fridays`);
    expect(said.code, said.stderr).toBe(0);
    expect(said.stderr).toBe('');
    expect(said.stdout).toMatch(new RegExp(`^${home.name}: .*"I deploy on Fridays"`));
    const facts = readConfig().buddy?.facts ?? [];
    expect(facts.map((fact) => fact.text)).toEqual(['I deploy on Fridays']);
    const at = facts[0]!.at;
    const json = await runBuddy(['memory', '--json'], { env: home.env });
    expect(json).toEqual({ code: 0, stderr: '', stdout: `{"name":"${home.name}","facts":[{"n":1,"text":"I deploy on Fridays","at":"${at}"}],"highlights":[]}\n` });
    const text = await runBuddy(['memory'], { env: home.env });
    expect(text.stdout).toBe(`${home.name} keeps 1 fact:\n  1. ${at.slice(0, 10)}  I deploy on Fridays\nLately: nothing from its sessions in the journal yet.\n`);
  });

  it('answers a question about it offline, by quoting it', async () => {
    await say(`${home.name} remember: I deploy on Fridays.`);
    const asked = await say(`${home.name}, when do I deploy?`);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('"I deploy on Fridays"');
    const unrelated = await say(`${home.name}, what is the weather like?`);
    expect(unrelated.stdout).not.toContain('I deploy on Fridays');
  });

  it('does not keep what only mentions remembering', async () => {
    await say(`${home.name}, do you remember me?`);
    await say('remember that I deploy on Fridays');
    expect(readConfig().buddy?.facts).toBeUndefined();
  });

  it('lists them when asked in talk', async () => {
    storeFacts(FACTS.slice(0, 2));
    const listed = await say(`${home.name}, what do you remember?`);
    expect(listed.stdout).toMatch(/I keep 2 things: 1\. I deploy on Fridays \(2026-12-01\); 2\. standup moved to 10am \(2026-12-02\)\.\n$/);
  });

  it('keeps both facts when two says remember at once', { timeout: 30_000 }, async () => {
    const results = await Promise.all([
      say(`${home.name}, remember that the VPN drops at noon`),
      say(`${home.name}, remember that Ada owns the parser`),
      say(`${home.name}, don't forget that prod is eu-west-1`),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const buddy = readConfig().buddy;
    expect((buddy?.facts ?? []).map((fact) => fact.text).sort()).toEqual(['Ada owns the parser', 'prod is eu-west-1', 'the VPN drops at noon']);
    expect(buddy?.memory).toHaveLength(3);
  });
});

describe('Claude Code keeps a fact too', () => {
  it('through the prompt hook and its reply job', { timeout: 30_000 }, async () => {
    const prompt = JSON.stringify({ session_id: 'memory-hook-1', prompt: `${home.name}, remember that the VPN drops at noon` });
    const hooked = await runBuddy(['hook', 'prompt'], { env: home.env, input: prompt });
    expect(hooked.code, hooked.stderr).toBe(0);
    await vi.waitFor(() => expect(readConfig().buddy?.facts?.map((fact) => fact.text)).toEqual(['the VPN drops at noon']), { timeout: 20_000, interval: 100 });
    // The job's last write is the reply in the session state: wait for it before the sandbox goes.
    await vi.waitFor(() => expect(readHookState(home.env, sessionKey('memory-hook-1')).reply?.text).toContain('"the VPN drops at noon"'), { timeout: 20_000, interval: 100 });
  });
});

describe('buddy memory', () => {
  it('lists the facts numbered and dated, oldest first', async () => {
    storeFacts(FACTS);
    const result = await runBuddy(['memory'], { env: home.env });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `${home.name} keeps 3 facts:\n  1. 2026-12-01  I deploy on Fridays\n  2. 2026-12-02  standup moved to 10am\n  3. 2026-12-03  Bob owns billing\nLately: nothing from its sessions in the journal yet.\n`,
    });
  });

  it('says how to keep one when it keeps none', async () => {
    expect((await runBuddy(['memory'], { env: home.env })).stdout).toBe(
      `${home.name} keeps no facts yet. Tell it one: buddy say "${home.name}, remember that ..."\nLately: nothing from its sessions in the journal yet.\n`,
    );
  });

  it('shows the last days of reactions from the journal', async () => {
    const species = (readConfig().buddy?.bones.species ?? 'Emberfox') as keyof typeof SPECIES_LINES;
    const lines = SPECIES_LINES[species];
    const reaction = (at: string, text: string): string => `${JSON.stringify({ at, source: 'reaction', session: 's1', text })}\n`;
    fs.writeFileSync(
      path.join(home.env.BUDDY_CONFIG_DIR as string, 'journal.jsonl'),
      [
        reaction('2026-12-01T12:00:00.000Z', lines.testsFailed[0]!),
        reaction('2026-12-01T12:05:00.000Z', lines.testsFailed[1]!),
        reaction('2026-12-01T12:10:00.000Z', lines.testsFailed[2]!),
        reaction('2026-12-01T12:30:00.000Z', lines.recovered[0]!),
        reaction('2026-12-02T12:00:00.000Z', lines.error[0]!),
        `${JSON.stringify({ at: '2026-12-02T12:01:00.000Z', source: 'say', text: lines.error[0] })}\n`,
      ].join(''),
    );
    const text = await runBuddy(['memory'], { env: home.env });
    expect(text.stdout).toBe(`${home.name} keeps no facts yet. Tell it one: buddy say "${home.name}, remember that ..."\nLately:\n  Tue 2026-12-01  tests failed 3×, then green\n  Wed 2026-12-02  an error\n`);
    const json = await runBuddy(['memory', '--json'], { env: home.env });
    expect(json.stdout).toBe(
      `{"name":"${home.name}","facts":[],"highlights":[{"day":"2026-12-01","weekday":"Tue","text":"tests failed 3×, then green"},{"day":"2026-12-02","weekday":"Wed","text":"an error"}]}\n`,
    );
    const ascii = await runBuddy(['memory', '--ascii'], { env: home.env });
    expect(ascii.stdout).toContain('  Tue 2026-12-01  tests failed 3x, then green\n');
  });

  it('answers {"hatched":false} before the hatch', async () => {
    fs.rmSync(configFile());
    expect(await runBuddy(['memory', '--json'], { env: home.env })).toEqual({ code: 0, stderr: '', stdout: '{"hatched":false}\n' });
  });
});

describe('buddy forget', () => {
  it('lets fact N go, as listed', async () => {
    storeFacts(FACTS);
    expect(await runBuddy(['forget', '2'], { env: home.env })).toEqual({ code: 0, stderr: '', stdout: `${home.name} let go of fact 2: "standup moved to 10am". 2 facts left.\n` });
    expect(readConfig().buddy?.facts).toEqual([FACTS[0], FACTS[2]]);
    expect((await runBuddy(['forget', '2'], { env: home.env })).stdout).toBe(`${home.name} let go of fact 2: "Bob owns billing". 1 fact left.\n`);
    expect((await runBuddy(['forget', '1'], { env: home.env })).stdout).toBe(`${home.name} let go of fact 1: "I deploy on Fridays". It keeps none now.\n`);
  });

  it.each([
    [['forget'], 2, 'buddy: forget: give the number of a fact (buddy memory lists them), or --all (e.g. buddy forget 2)\n'],
    [['forget', 'x'], 2, "buddy: forget: N is a fact's number, such as 1 (buddy memory lists them) (see buddy forget --help)\n"],
    [['forget', '0'], 2, "buddy: forget: N is a fact's number, such as 1 (buddy memory lists them) (see buddy forget --help)\n"],
    [['forget', '-1'], 2, undefined],
    [['forget', '1', '--all'], 2, 'buddy: forget: give a number or --all, not both (see buddy forget --help)\n'],
    [['forget', '1', '--yes'], 2, 'buddy: forget: --yes goes with --all (see buddy forget --help)\n'],
    [['forget', '4'], 1, `buddy: forget: NAME has no fact 4; it keeps 3 facts (buddy memory lists them)\n`],
  ])('%j fails with one line', async (args, code, stderr) => {
    storeFacts(FACTS);
    const result = await runBuddy(args, { env: home.env });
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    if (stderr !== undefined) expect(result.stderr).toBe(stderr.replace('NAME', home.name));
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readConfig().buddy?.facts).toEqual(FACTS);
  });

  it('says so when it keeps none, and before the hatch', async () => {
    expect(await runBuddy(['forget', '1'], { env: home.env })).toEqual({ code: 1, stdout: '', stderr: `buddy: forget: ${home.name} has no fact 1; it keeps none\n` });
    fs.rmSync(configFile());
    expect(await runBuddy(['forget', '1'], { env: home.env })).toEqual({ code: 1, stdout: '', stderr: 'buddy: forget: your buddy has not hatched yet; run buddy (or buddy hatch) first\n' });
  });

  it('--all asks first: off a terminal it needs --yes', async () => {
    storeFacts(FACTS);
    expect(await runBuddy(['forget', '--all'], { env: home.env })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'buddy: forget --all: there is no terminal to ask on; pass --yes to go ahead. Nothing was forgotten.\n',
    });
    expect(readConfig().buddy?.facts).toEqual(FACTS);
    expect(await runBuddy(['forget', '--all', '--yes'], { env: home.env })).toEqual({ code: 0, stderr: '', stdout: `${home.name} let go of all 3 facts.\n` });
    expect(readConfig().buddy?.facts).toEqual([]);
    expect(await runBuddy(['forget', '--all', '-y'], { env: home.env })).toEqual({ code: 0, stderr: '', stdout: `${home.name} keeps no facts: nothing to forget.\n` });
  });

  it('--all says "its only fact" for one', async () => {
    storeFacts(FACTS.slice(0, 1));
    expect((await runBuddy(['forget', '--all', '--yes'], { env: home.env })).stdout).toBe(`${home.name} let go of its only fact.\n`);
  });
});
