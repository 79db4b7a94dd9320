// Switching identity is explicit and loses nothing: the warning names the command, `buddy switch` archives
// the old buddy with its soul, memory and dates, `buddy list` shows them all, `doctor` reports the mismatch,
// and `hatch --again` writes a different soul each time, offline too. An ID that changes while the person does
// not (Claude Code's identity appearing after a hatch) is said once, and doctor notes it every time.
// Every command runs in process, through the dispatcher the built bin hands it to, in a sandbox of its own;
// tests/e2e/switch-identity.test.ts runs the built bin where a real process matters (the MCP server, the
// statusline's own bundle).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const FIRST = 'buddy-93';
const SECOND = 'buddy-12';
let sandbox: ReturnType<typeof makeSandbox>;
const envFor = (userId: string): NodeJS.ProcessEnv => ({ ...sandbox.env, BUDDY_USER_ID: userId });
const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));

beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe('switching identity', () => {
  it('warns with the exact command, archives the old buddy whole, and switches back and forth', async () => {
    const firstName = writeOfflineSoul(rollFromUserId(FIRST)).name;
    const secondName = writeOfflineSoul(rollFromUserId(SECOND)).name;
    expect(firstName).not.toBe(secondName);
    expect((await runInProcess(['hatch'], { env: envFor(FIRST) })).code).toBe(0);
    expect((await runInProcess(['say', `${firstName}, remember the lighthouse`], { env: envFor(FIRST) })).code).toBe(0);
    expect(readConfig().buddy!.memory.length).toBeGreaterThan(0);

    // Another identity: the stored buddy wins, and the warning says how to switch.
    const pet = await runInProcess([], { env: envFor(SECOND) });
    expect(pet.code).toBe(0);
    expect(pet.stdout).toContain(firstName);
    expect(pet.stderr).toContain('`buddy switch`');
    const doctor = await runInProcess(['doctor'], { env: envFor(SECOND) });
    expect(doctor.stdout).toMatch(/^! identity mismatch: /m);
    expect(doctor.stdout).toContain('buddy switch');

    // The buddy as stored when it is switched away: the commands above may have folded its growth (a talk in
    // the small hours is a claim on an achievement until the next command folds it).
    const original = readConfig().buddy!;
    expect(original.memory.length).toBeGreaterThan(0);
    const switched = await runInProcess(['switch'], { env: envFor(SECOND) });
    expect(switched.code, switched.stderr).toBe(0);
    expect(switched.stdout).toContain(`${secondName} the ${rollFromUserId(SECOND).species} hatched`);
    const after = readConfig();
    expect(after.buddy!.name).toBe(secondName);
    expect(after.archive).toHaveLength(1);
    const { archivedAt, ...archived } = after.archive![0]!;
    expect(archived).toEqual(original);
    expect(Number.isNaN(Date.parse(archivedAt))).toBe(false);
    expect((await runInProcess([], { env: envFor(SECOND) })).stderr).toBe('');

    const list = await runInProcess(['list'], { env: envFor(SECOND) });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^\\* [0-9a-f]{7}  ${secondName} .*this identity \\(current\\)`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^  [0-9a-f]{7}  ${firstName} .*archived`, 'm'));

    // Back to the first by name: the second goes to the archive, the first comes back exactly.
    const back = await runInProcess(['switch', firstName.toLowerCase()], { env: envFor(SECOND) });
    expect(back.code, back.stderr).toBe(0);
    expect(readConfig().buddy).toEqual(original);
    expect(readConfig().archive!.map((buddy) => buddy.name)).toEqual([secondName]);

    // And `buddy switch` as the second identity brings its own buddy back rather than hatching again.
    const secondHatchedAt = readConfig().archive![0]!.hatchedAt;
    expect((await runInProcess(['switch'], { env: envFor(SECOND) })).stdout).toContain('is back');
    expect(readConfig().buddy!.hatchedAt).toBe(secondHatchedAt);
    expect((await runInProcess(['switch', 'Nobody'], { env: envFor(SECOND) })).code).toBe(2);
  });
});

const CLAUDE_USER_ID = '5f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const ACCOUNT_UUID = '29c6aedc-5463-411c-991c-a386d9a93570';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function writeClaudeConfig(config: object): void {
  const dir = sandbox.env.CLAUDE_CONFIG_DIR as string;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.claude.json'), JSON.stringify(config));
}

/** Runs each command as a person would in a row; returns everything they printed, in order. */
async function runAll(commands: readonly (readonly string[])[]): Promise<string> {
  let said = '';
  for (const args of commands) {
    const result = await runInProcess(args, { env: sandbox.env });
    said += result.stdout + result.stderr;
  }
  return said;
}

const EVERYDAY = [['switch', 'Nobody'], [], ['status'], ['list'], ['say', 'hello there'], ['card'], ['achievements'], []];
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('an identity that changes while the person does not', () => {
  it("Claude Code's identity appearing after a hatch from the local ID: said once across every command, noted by doctor every time", async () => {
    expect((await runInProcess(['hatch'], { env: sandbox.env })).code).toBe(0);
    const hatched = readConfig().buddy!;
    expect(hatched.idHash).toBe(sha256(readConfig().localUserId!));
    writeClaudeConfig({ numStartups: 1, userID: CLAUDE_USER_ID });
    const own = rollFromUserId(CLAUDE_USER_ID).species;
    const title = `${hatched.name} the ${hatched.bones.species}`;
    const notice = `buddy: ${title} was hatched from Buddy's own random local ID, before Claude Code's account appeared; that was you too, so ${hatched.name} stays your buddy. To keep ${hatched.name}, there is nothing to run; to have this identity's own ${own} instead, run \`buddy switch\` (${hatched.name} is archived, never deleted, and \`buddy switch ${hatched.name}\` brings it back). This is said once; \`buddy doctor\` shows it any time\n`;

    const doctorLine = `· identity changed, same person: ${title} was hatched from Buddy's own random local ID`;
    const first = await runInProcess(['doctor'], { env: sandbox.env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(doctorLine);
    expect(first.stdout).not.toMatch(/^! identity mismatch/m);

    const said = await runAll(EVERYDAY);
    expect(count(said, "was hatched from Buddy's own random local ID")).toBe(1);
    expect(said).toContain(notice);
    expect(said).not.toContain('hatched for another identity');
    // Remembered with the buddy, which is the same buddy (it was talked to, so its memory has grown).
    const { name, personality, hatchedAt, idHash, bones } = hatched;
    expect(readConfig().buddy).toMatchObject({ name, personality, hatchedAt, idHash, bones, identityChangeNoted: sha256(CLAUDE_USER_ID) });

    for (let round = 0; round < 2; round++) {
      const again = await runInProcess(['doctor'], { env: sandbox.env });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(doctorLine);
    }
    expect(count(await runAll(EVERYDAY), 'was hatched from')).toBe(0);
  });

  it("Claude Code's userID giving way to accountUuid after a login: said once, noted by doctor every time", async () => {
    writeClaudeConfig({ userID: CLAUDE_USER_ID });
    expect((await runInProcess(['hatch'], { env: sandbox.env })).code).toBe(0);
    const hatched = readConfig().buddy!;
    expect(hatched.idHash).toBe(sha256(CLAUDE_USER_ID));
    writeClaudeConfig({ userID: CLAUDE_USER_ID, oauthAccount: { accountUuid: ACCOUNT_UUID, emailAddress: 'someone@example.com' } });

    const part = "was hatched from Claude Code's userID, before logging in gave the account its accountUuid";
    const said = await runAll([...EVERYDAY, ['doctor'], ...EVERYDAY, ['doctor']]);
    // Once from the commands, twice from doctor.
    expect(count(said, part)).toBe(3);
    expect(count(said, `· identity changed, same person: ${hatched.name} the ${hatched.bones.species} ${part}`)).toBe(2);
    expect(count(said, 'This is said once')).toBe(1);
    expect(readConfig().buddy!.identityChangeNoted).toBe(sha256(ACCOUNT_UUID));

    // `buddy switch` then gives this identity its own buddy, and the old one comes back by name.
    const switched = await runInProcess(['switch'], { env: sandbox.env });
    expect(switched.stdout).toContain(`${rollFromUserId(ACCOUNT_UUID).species} hatched for this identity`);
    expect((await runInProcess(['switch', hatched.name], { env: sandbox.env })).code).toBe(0);
    expect(readConfig().buddy!.name).toBe(hatched.name);
  });

  it('someone else entirely (BUDDY_USER_ID) is still warned about on every command', async () => {
    expect((await runInProcess(['hatch'], { env: envFor(FIRST) })).code).toBe(0);
    for (let round = 0; round < 3; round++) {
      const result = await runInProcess(['status'], { env: envFor(SECOND) });
      expect(result.stderr).toContain('hatched for another identity');
    }
    expect(readConfig().buddy).not.toHaveProperty('identityChangeNoted');
  });
});

describe('hatch --again', () => {
  it('writes a different soul each time offline', async () => {
    const env = envFor(FIRST);
    expect((await runInProcess(['hatch'], { env })).code).toBe(0);
    const souls = [readConfig().buddy!];
    for (let round = 0; round < 3; round++) {
      const again = await runInProcess(['hatch', '--again', '--yes'], { env });
      expect(again.code, again.stderr).toBe(0);
      souls.push(readConfig().buddy!);
    }
    expect(new Set(souls.map((soul) => `${soul.name}|${soul.personality}`)).size).toBe(4);
    expect(souls.map((soul) => soul.generation ?? 0)).toEqual([0, 1, 2, 3]);
    expect(new Set(souls.map((soul) => JSON.stringify(soul.bones))).size).toBe(1);
  });

  it('says before asking that a chosen name will be replaced', async () => {
    const env = envFor(FIRST);
    expect((await runInProcess(['hatch'], { env })).code).toBe(0);
    expect((await runInProcess(['rename', 'Pip'], { env })).code).toBe(0);
    const refused = await runInProcess(['hatch', '--again'], { env });
    expect(refused.stdout).toMatch(/You named it Pip yourself.*will be replaced/);
    expect(readConfig().buddy!.name).toBe('Pip');
  });
});

describe('one answer for one bad ID', () => {
  it('gives the same line from every command', async () => {
    const env = envFor('x'.repeat(1_100));
    const lines = new Set<string>();
    for (const args of [['roll'], ['whoami'], [], ['hatch'], ['say', 'hi'], ['list'], ['switch']]) {
      const result = await runInProcess(args, { env });
      expect(result.code, args.join(' ')).toBe(2);
      lines.add(result.stderr.trim().replace(/^buddy: (roll: )?/, ''));
    }
    expect([...lines]).toEqual(['BUDDY_USER_ID: user ID is longer than 1024 characters']);
  });
});
