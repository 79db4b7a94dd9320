// The stored buddy survives anything: a buddy that fails the schema comes back from the backup or is rolled
// again from its own idHash and salt; five processes hatching at once store one soul; a dead holder's lock is
// broken at once; `buddy config` knows only its own keys. (Forty writers at once: tests/e2e/forty-writers.test.ts.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import type { ConfigData } from '../../src/store/schema.js';
import { hatchedSandboxes, makeSandbox, runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { soulReply, startFakeMessagesApi } from '../helpers/fake-messages-api.js';

const USER_ID = 'buddy-93';
let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
const configFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
const backupFile = (): string => path.join(env.BUDDY_CONFIG_DIR as string, 'config.backup.json');
const readConfig = (): ConfigData & { buddy: NonNullable<ConfigData['buddy']> } => JSON.parse(fs.readFileSync(configFile(), 'utf8'));

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
});
afterEach(() => sandbox.cleanup());

const hatchedSandbox = hatchedSandboxes(USER_ID);

/** The buddy `buddy hatch` writes, in this test's sandbox (copied from the file's one hatch). */
function hatch(): ReturnType<typeof readConfig>['buddy'] {
  hatchedSandbox(sandbox);
  return readConfig().buddy;
}

function damage(change: (buddy: Record<string, any>) => void): void {
  const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
  change(config.buddy);
  fs.writeFileSync(configFile(), JSON.stringify(config));
}

const damages: Array<[string, (buddy: Record<string, any>) => void]> = [
  ['empty bones', (buddy) => (buddy.bones = {})],
  ['null stats', (buddy) => (buddy.bones.stats = null)],
  ['a rarity that does not exist', (buddy) => (buddy.bones.rarity = 'mythic')],
  ['a species that does not exist', (buddy) => (buddy.bones.species = 'Bogus')],
  ['an escape sequence in the eye', (buddy) => (buddy.bones.eye = '\u001b[31m')],
];

describe('a stored buddy that fails the schema, with no usable backup', () => {
  it.each(damages)('%s: every face works, the bones are rolled again and the soul is kept', async (_label, change) => {
    const before = hatch();
    fs.rmSync(backupFile());
    damage(change);
    const expected = rollFromUserId(USER_ID);

    // The statusline and the hooks read it in memory and never crash, never print a stray escape.
    const status = await runBuddy(['statusline', '--format', 'ansi', '--width', '200'], { env, input: '{"session_id":"s"}' });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(before.name);
    expect(status.stdout).not.toContain('undefined');
    // eslint-disable-next-line no-control-regex
    expect(status.stdout.match(/\u001b\[[0-9;]*m/g)?.every((code) => /^\u001b\[(2|22|39|3[0-7]|9[0-7])m$/.test(code))).toBe(true);
    const intro = await runBuddy(['hook', 'session-start'], { env, input: '{"session_id":"s"}' });
    expect(intro.code).toBe(0);
    expect(intro.stdout).toContain(before.name);

    // The pet repairs the file, with one line saying so.
    const pet = await runBuddy([], { env });
    expect(pet.code, pet.stderr).toBe(0);
    expect(pet.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(pet.stderr).toMatch(/rolled .* bones again/);
    expect(readConfig().buddy).toMatchObject({ name: before.name, personality: before.personality, bones: JSON.parse(JSON.stringify(expected)) });
    const aside = fs.readdirSync(env.BUDDY_CONFIG_DIR as string).filter((name) => name.startsWith('config.json.invalid-'));
    expect(aside).toHaveLength(1);

    const say = await runBuddy(['say', 'hello there'], { env });
    expect(say.code, say.stderr).toBe(0);
    expect(say.stderr).toBe('');
  });
});

describe('a stored buddy that fails the schema, with a good backup', () => {
  it('comes back from the backup, with one line saying so', async () => {
    const before = hatch();
    damage((buddy) => (buddy.bones = {}));
    const say = await runBuddy(['say', 'hello'], { env });
    expect(say.code, say.stderr).toBe(0);
    expect(say.stderr).toMatch(/restored .* from the last good backup/);
    expect(say.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readConfig().buddy.bones).toEqual(before.bones);
  });
});

describe('five processes hatching at once', () => {
  it('store exactly one soul, and every process shows that one', async () => {
    const fake = await startFakeMessagesApi();
    try {
      const names = ['Ambrel', 'Bosk', 'Cindle', 'Dapple', 'Ember'];
      fake.script(...names.map((name) => soulReply({ name, personality: `${name} keeps watch over the terminal.` })));
      const withKey = { ...env, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url };
      const results = await Promise.all(names.map(() => runBuddy(['hatch'], { env: withKey })));
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const stored = readConfig().buddy;
      expect(names).toContain(stored.name);
      // A process that starts after the first has stored its soul says it has already hatched: same soul.
      for (const result of results) {
        expect(result.stdout).toMatch(new RegExp(`^${stored.name} (hatched!|the \\w+ has already hatched)`));
        for (const other of names.filter((name) => name !== stored.name)) expect(result.stdout).not.toContain(other);
      }
    } finally {
      await fake.close();
    }
  });
});

describe('the config lock', () => {
  it('is broken at once when its holder has died', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid as number)));
    const lockDir = path.join(env.BUDDY_CONFIG_DIR as string, 'config.lock');
    fs.mkdirSync(lockDir, { recursive: true });
    fs.writeFileSync(path.join(lockDir, 'owner'), `${pid}\n${(await import('node:os')).hostname()}`);
    const result = await runBuddy(['config', 'muted', 'on'], { env, timeoutMs: 4_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(readConfig().settings.muted).toBe(true);
    expect(fs.existsSync(lockDir)).toBe(false);
  });
});

describe('buddy config', () => {
  // In process, through the dispatcher the bin hands `config` to; `bogus` also through the built bin.
  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'bogus'])('refuses %s as a key with exit 2', async (key) => {
    for (const args of [['config', key], ['config', key, 'on']]) {
      const result = key === 'bogus' ? await runBuddy(args, { env }) : await runInProcess(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('unknown setting');
    }
  });

  it('returns a key to its default with `default` or --unset', async () => {
    expect((await runBuddy(['config', 'model', 'claude-sonnet-4-5'], { env })).code).toBe(0);
    expect((await runBuddy(['config', 'model'], { env })).stdout.trim()).toBe('claude-sonnet-4-5');
    expect((await runBuddy(['config', 'model', 'default'], { env })).code).toBe(0);
    expect((await runBuddy(['config', 'model'], { env })).stdout.trim()).toBe('(default: claude-haiku-4-5)');
    expect((await runBuddy(['config', 'statuslineLayout', 'full'], { env })).code).toBe(0);
    const unset = await runBuddy(['config', 'statuslineLayout', '--unset'], { env });
    expect(unset.code, unset.stderr).toBe(0);
    expect((await runBuddy(['config', 'statuslineLayout'], { env })).stdout.trim()).toBe('compact');
    expect((await runBuddy(['config', 'animation', 'sideways'], { env })).code).toBe(2);
  });
});
