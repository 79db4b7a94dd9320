// The roll checker's commands in isolated homes: every roll printed is compared with a literal record (the
// spec's vectors, the golden and boundary fixtures), never with the source's own roll function: these
// tests pin what users get, not just the plumbing. Each command runs in process, through the dispatcher the
// built bin hands it to; tests/e2e/roll-cli.test.ts runs the built bin for a roll, the worker threads of a
// large batch and of `buddy hunt` (which load files of the bundle), and a wrong invocation.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashUserId } from '../../src/engine/hash.js';
import { runInProcess } from '../helpers/in-process.js';
import { BUDDY_0_LINE, expectOneLineError, RECORDED, sandboxesPerTest } from '../helpers/recorded-rolls.js';

const sandbox = sandboxesPerTest();

// The spec's other test vector (docs/roll-v1.md), as the bin must print it.
const BUDDY_93_HASH = 'e02601b550f3cf510efe597b16f999d7d36b68486c5429428e6dc0d9f17cfce7';
const BUDDY_93_LINE_WITHOUT_ID =
  '{"version":1,"idHash":"e02601b550f3cf510efe597b16f999d7d36b68486c5429428e6dc0d9f17cfce7","salt":"friend-2026-401","rarity":"legendary","species":"Nebulynx","shiny":false,"peak":"CHAOS","dump":"SNARK","stats":{"DEBUGGING":81,"PATIENCE":72,"CHAOS":100,"WISDOM":72,"SNARK":51},"eye":"×","hat":"halo","inspirationSeed":685835816}';

describe('buddy roll', () => {
  it('prints the JSON form of an ID, with the ID', async () => {
    const result = await runInProcess(['roll', 'buddy-0', '--json'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${BUDDY_0_LINE}\n`);
  });

  it('rolls from a bare hash without revealing any ID', async () => {
    const result = await runInProcess(['roll', '--hash', BUDDY_93_HASH, '--json'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${BUDDY_93_LINE_WITHOUT_ID}\n`);
  });

  it('honours --salt', async () => {
    const recorded = RECORDED.find((roll) => roll.userId === 'salted' && roll.salt === 'custom-salt')!;
    const result = await runInProcess(['roll', 'salted', '--salt', 'custom-salt', '--json'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${recorded.line}\n`);
  });

  it('prints a card with stars, species, stat bars, eye and hat', async () => {
    const result = await runInProcess(['roll', 'buddy-93'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('★★★★★');
    expect(result.stdout).toContain('Nebulynx');
    expect(result.stdout).toMatch(/CHAOS\s+█+\s+100/);
    expect(result.stdout).toContain('eye ×   hat halo');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('marks a shiny buddy on its card', async () => {
    const result = await runInProcess(['roll', 'buddy-12'], { env: sandbox().env });
    expect(result.stdout).toContain('SHINY');
  });

  it('rolls my own buddy without an ID, from BUDDY_USER_ID', async () => {
    const { env } = sandbox();
    const result = await runInProcess(['roll', '--json'], { env: { ...env, BUDDY_USER_ID: 'buddy-0' } });
    // Your own roll never prints your raw ID.
    expect(result.stdout).toBe(`${BUDDY_0_LINE.replace(',"userId":"buddy-0"', '')}\n`);
  });
});

describe('buddy roll --batch', () => {
  it('rolls every recorded ID exactly as recorded, for each salt', async () => {
    const salts = [...new Set(RECORDED.map((roll) => roll.salt))];
    expect(salts).toHaveLength(4);
    for (const salt of salts) {
      const rolls = RECORDED.filter((roll) => roll.salt === salt);
      const result = await runInProcess(['roll', '--batch', '--salt', salt], { env: sandbox().env, input: rolls.map((roll) => roll.userId).join('\n') });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(rolls.map((roll) => `${roll.line}\n`).join(''));
    }
  });

  it('writes one JSON line per ID in order and reports bad lines without stopping', async () => {
    const input = ['buddy-0', '', 'buddy-93', `bad\u0007id`, 'x'.repeat(1025), 'buddy-12\r'].join('\n');
    const result = await runInProcess(['roll', '--batch'], { env: sandbox().env, input });
    expect(result.code).toBe(1);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(6);
    expect(result.stdout.split('\n')[0]).toBe(BUDDY_0_LINE);
    expect(rows[1]).toEqual({ line: 2, error: 'user ID is empty' });
    expect(rows[2]).toMatchObject({ userId: 'buddy-93', species: 'Nebulynx' });
    expect(rows[3]).toEqual({ line: 4, error: 'user ID contains control characters' });
    expect(rows[4]).toEqual({ line: 5, error: 'user ID is longer than 1024 characters' });
    expect(rows[5]).toMatchObject({ userId: 'buddy-12', shiny: true });
  });

  it('exits 0 when every line is good, and treats a final newline as the end', async () => {
    const result = await runInProcess(['roll', '--batch'], { env: sandbox().env, input: 'a\nb\n' });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('bad input gets one line and exit 2', () => {
  const cases: Array<[string, string[]]> = [
    ['an unknown flag', ['roll', '--bogus']],
    ['an empty ID', ['roll', '']],
    ['a malformed hash', ['roll', '--hash', 'abc']],
    ['an ID and a hash together', ['roll', 'x', '--hash', hashUserId('x')]],
    ['an unknown species', ['hunt', '--species', 'Dragonite']],
    ['a rarity that contradicts the species', ['hunt', '--species', 'Voidcat', '--rarity', 'common']],
    ['an unknown command', ['frobnicate']],
    ['a bad sample size', ['odds', '--sample', 'many']],
    ['too many arguments', ['roll', 'a', 'b']],
  ];
  // The first also through the built bin: tests/e2e/roll-cli.test.ts.
  it.each(cases)('%s', async (_label, args) => {
    const result = await runInProcess(args, { env: sandbox().env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr);
  });
});

describe('buddy whoami', () => {
  it('prefers BUDDY_USER_ID and hides the raw ID unless --show', async () => {
    const { env } = sandbox();
    const result = await runInProcess(['whoami'], { env: { ...env, BUDDY_USER_ID: 'secret-id' } });
    expect(result.stdout).toContain(hashUserId('secret-id'));
    expect(result.stdout).toContain('source  env');
    expect(result.stdout).not.toContain('secret-id\n');
    const shown = await runInProcess(['whoami', '--show'], { env: { ...env, BUDDY_USER_ID: 'secret-id' } });
    expect(shown.stdout).toContain('userId  secret-id');
  });

  it('uses the Claude Code account from CLAUDE_CONFIG_DIR', async () => {
    const { env } = sandbox();
    mkdirSync(env.CLAUDE_CONFIG_DIR as string, { recursive: true });
    writeFileSync(
      path.join(env.CLAUDE_CONFIG_DIR as string, '.claude.json'),
      JSON.stringify({ userID: 'fallback', oauthAccount: { accountUuid: 'acct-123' } }),
    );
    const result = await runInProcess(['whoami'], { env });
    expect(result.stdout).toContain(hashUserId('acct-123'));
    expect(result.stdout).toContain('claude-code');
  });

  it('creates one random local ID and keeps it', async () => {
    const { env } = sandbox();
    const first = await runInProcess(['whoami'], { env });
    const second = await runInProcess(['whoami'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('source  local');
    expect(second.stdout.split('\n')[0]).toBe(first.stdout.split('\n')[0]);
  });
});

describe('buddy odds', () => {
  it('lists every species with exact odds', async () => {
    const result = await runInProcess(['odds'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Pebblecrab\s+common\s+10\.00%\s+0\.100%/);
    expect(result.stdout).toMatch(/Nebulynx\s+legendary\s+0\.500%\s+0\.00500%\s+20,000/);
  });

  it('adds observed frequencies and a chi-square p-value with --sample', async () => {
    const result = await runInProcess(['odds', '--sample', '3000', '--json'], { env: sandbox().env });
    const report = JSON.parse(result.stdout);
    expect(report.sample.size).toBe(3000);
    expect(report.sample.tests.species.pValue).toBeGreaterThan(0.001);
    expect(report.species.reduce((sum: number, row: { observed: number }) => sum + row.observed, 0)).toBe(3000);
  });
});
