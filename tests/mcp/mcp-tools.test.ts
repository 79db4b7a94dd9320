// `buddy mcp`'s tools, spoken to by the MCP SDK's own client as a host speaks to them, with the real Anthropic
// SDK inside pointed at a local fake Messages API: every tool is called; bad input comes back as tool
// errors; only a message that calls the buddy by name reaches the API; a reaction shows in the next
// statusline line; feeding goes through the care path; what the buddy said is journaled. The server runs
// in process, through the dispatcher the built bin hands `buddy mcp` to, on pipes in memory
// (tests/helpers/mcp-in-process.ts), and so do the commands beside it; tests/e2e/mcp-cli.test.ts runs the
// built server as a process, and a reaction through the installed light statusline of a Claude Code session.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyBonesToJson } from '../../src/engine/bones.js';
import { REACTION_MIN_GAP_MS } from '../../src/statusline/reactions.js';
import { readJournalTail } from '../../src/journal/read-back.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import type { ConfigData } from '../../src/store/schema.js';
import { middayTimeZone, type Sandbox } from '../helpers/cli.js';
import { expectBuddyOffer } from '../helpers/mcp-offer.js';
import { hatchedInProcess } from '../helpers/hatched-in-process.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { runInProcess } from '../helpers/in-process.js';
import { InProcessMcp } from '../helpers/mcp-in-process.js';
import { BIDI_CHARS, CONTROL_CHARS, TEST_KEY } from '../persona/support.js';

const USER_ID = 'buddy-93';

let sandbox: Sandbox;
let fake: FakeMessagesApi;
let server: InProcessMcp | undefined;

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
const buddy = (): NonNullable<ConfigData['buddy']> => readConfig().buddy!;

function envFor(withKey: boolean): NodeJS.ProcessEnv {
  return { ...sandbox.env, BUDDY_USER_ID: USER_ID, ANTHROPIC_BASE_URL: fake.url, ...(withKey ? { ANTHROPIC_API_KEY: TEST_KEY } : {}) };
}

function connect(withKey = false): Promise<Client> {
  server = new InProcessMcp(envFor(withKey));
  return server.connect();
}

/** `buddy ARGS` in process, as the same person runs it beside the server. */
const buddyRun = (args: readonly string[], env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: USER_ID }) => runInProcess(args, { env });

type ToolCall = Awaited<ReturnType<Client['callTool']>>;
const textOf = (result: ToolCall): string => (result.content as { type: string; text: string }[]).map((part) => part.text).join('\n');
const structured = (result: ToolCall): Record<string, unknown> => result.structuredContent as Record<string, unknown>;

const hatchedSandbox = hatchedInProcess(USER_ID);

// At about midday, in this process as the server and the commands read the local time from it: the
// journal test expects the achievements of a talk and a petting, not Night owl's.
const zone = process.env.TZ;

beforeEach(async () => {
  sandbox = hatchedSandbox();
  fake = await startFakeMessagesApi();
  process.env.TZ = middayTimeZone();
});

afterEach(async () => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  await server?.close();
  server = undefined;
  await fake.close();
  sandbox.cleanup();
});

describe('buddy mcp: what it offers', () => {
  it('introduces itself and lists its five tools, each telling the model the buddy is a separate character', async () => {
    await expectBuddyOffer(await connect());
  });

  it('shows the card as text and the roll as structured content, and as the buddy://card resource', async () => {
    const mcp = await connect();
    const { name, personality, bones } = buddy();
    const card = await mcp.callTool({ name: 'buddy_card', arguments: {} });
    expect(card.isError).toBeFalsy();
    expect(textOf(card)).toContain(`${name} the ${bones.species}`);
    expect(textOf(card)).toContain('DEBUGGING');
    for (const line of textOf(card).split('\n')) expect(line).not.toMatch(CONTROL_CHARS);
    const { inspirationSeed: _seed, ...roll } = JSON.parse(buddyBonesToJson(bones)) as Record<string, unknown>;
    expect(structured(card)).toEqual({ hatched: true, name, personality, roll });

    const { resources } = await mcp.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(['buddy://card']);
    const read = await mcp.readResource({ uri: 'buddy://card' });
    expect(read.contents[0]).toMatchObject({ uri: 'buddy://card', mimeType: 'text/plain', text: textOf(card) });
    await expect(mcp.readResource({ uri: 'buddy://elsewhere' })).rejects.toMatchObject({ code: -32602, message: expect.not.stringContaining('elsewhere') });
    expect(await mcp.listResourceTemplates()).toEqual({ resourceTemplates: [] });
  });

  it('pets the buddy through the care path of `buddy pet`: one line in its voice, its level, what it earned', async () => {
    const mcp = await connect();
    const { name, bones } = buddy();
    const petted = await mcp.callTool({ name: 'buddy_pet', arguments: {} });
    expect(petted.isError).toBeFalsy();
    const said = structured(petted);
    expect(said.name).toBe(name);
    expect(SPECIES_LINES[bones.species]!.petted).toContain(said.text);
    expect(said).toMatchObject({ level: 1, stage: 'hatchling', announcements: ['Achievement: First pet. You pet it for the first time.', 'Unlocked: Bow. Wear it: buddy wear bow'] });
    expect(textOf(petted).split('\n')).toEqual([
      `♥ ${name}: ${String(said.text)}`,
      // A petting and the first care of the day.
      expect.stringMatching(/^level 1 hatchling · \d+\/40 XP to level 2$/),
      '★ Achievement: First pet. You pet it for the first time.',
      '★ Unlocked: Bow. Wear it: buddy wear bow',
    ]);
    expect(buddy().growth?.counts).toMatchObject({ pets: 1 });
    // Counted once, with `buddy pet` counting on from there.
    const again = await mcp.callTool({ name: 'buddy_pet', arguments: {} });
    expect(structured(again)).toMatchObject({ announcements: [] });
    const cli = await buddyRun(['pet']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(buddy().growth?.counts).toMatchObject({ pets: 3 });
  });
});

describe('buddy mcp: talk', () => {
  it('answers a message that calls the buddy by name through the Messages API, and remembers it', async () => {
    const mcp = await connect(true);
    const { name } = buddy();
    fake.script(textReply('*puffs up* Hello to you too.'));
    const answer = await mcp.callTool({ name: 'buddy_talk', arguments: { message: `${name}, how are the tests?` } });
    expect(answer.isError).toBeFalsy();
    expect(structured(answer)).toEqual({ name, text: '*puffs up* Hello to you too.', addressed: true, source: 'model' });
    expect(textOf(answer)).toBe(`${name}: *puffs up* Hello to you too.`);
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(fake.requests[0]!.body.messages)).toContain('how are the tests?');
    expect(buddy().memory.at(-1)).toMatchObject({ user: `${name}, how are the tests?`, buddy: '*puffs up* Hello to you too.' });
  });

  it('sends nothing anywhere for a message that does not call it by name: it emotes', async () => {
    const mcp = await connect(true);
    const { name, bones } = buddy();
    const answer = await mcp.callTool({ name: 'buddy_talk', arguments: { message: 'The build is green, deploying now with the secret plan.' } });
    expect(answer.isError).toBeFalsy();
    const said = structured(answer);
    expect(said).toMatchObject({ name, addressed: false, source: 'emote' });
    expect(SPECIES_LINES[bones.species]!.ignored).toContain(said.text);
    expect(textOf(answer)).toContain(`(${name} answers when called by name)`);
    expect(fake.requests).toHaveLength(0);
    expect(buddy().memory).toEqual([]);
  });

  it('answers offline without a key, in character', async () => {
    const mcp = await connect(false);
    const { name } = buddy();
    const answer = await mcp.callTool({ name: 'buddy_talk', arguments: { message: `hey ${name}` } });
    expect(answer.isError).toBeFalsy();
    expect(structured(answer)).toMatchObject({ name, addressed: true, source: 'offline' });
    expect(String(structured(answer).text).length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('strips terminal control sequences from what the model says', async () => {
    const mcp = await connect(true);
    const { name } = buddy();
    fake.script(textReply('Hi \u001b]0;pwned\u0007there \u001b[31mfriend\u202e!'));
    const answer = await mcp.callTool({ name: 'buddy_talk', arguments: { message: `${name}?` } });
    expect(answer.isError).toBeFalsy();
    for (const text of [textOf(answer), String(structured(answer).text)]) {
      expect(text).not.toMatch(CONTROL_CHARS);
      expect(text).not.toMatch(BIDI_CHARS);
    }
  });
});

describe('buddy mcp: react', () => {
  it('answers each event with one line, shown in the next statusline line, under the statusline rate limit', async () => {
    const mcp = await connect();
    const { name, bones } = buddy();
    const failed = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'tests_failed' } });
    expect(failed.isError).toBeFalsy();
    const said = structured(failed);
    expect(said).toMatchObject({ name, event: 'tests_failed', shownInStatusline: true });
    expect(SPECIES_LINES[bones.species]!.testsFailed).toContain(said.text);
    expect(textOf(failed)).toBe(`${name}: ${String(said.text)}`);

    const line = await buddyRun(['statusline', '--format', 'plain', '--width', '200']);
    expect(line.code, line.stderr).toBe(0);
    expect(line.stdout).toContain(`${name}  ${String(said.text)}`);

    // Within REACTION_MIN_GAP_MS the buddy still answers, but the statusline keeps what it showed.
    expect(REACTION_MIN_GAP_MS).toBeGreaterThan(10_000);
    for (const event of ['tests_passed', 'error', 'big_diff', 'done'] as const) {
      const next = await mcp.callTool({ name: 'buddy_react', arguments: { event } });
      expect(next.isError).toBeFalsy();
      expect(structured(next)).toMatchObject({ name, event, shownInStatusline: false });
      expect(String(structured(next).text).length).toBeGreaterThan(0);
    }
    const again = await buddyRun(['statusline', '--format', 'plain', '--width', '200']);
    expect(again.stdout).toContain(String(said.text));
  });

  it('names what the agent tells of it (the test, the file, the error), cleaned, and shows that in the statusline', async () => {
    const mcp = await connect();
    const { name } = buddy();
    const failed = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'tests_failed', test: 'orders > rejects an empty cart', file: 'src/routes/orders.test.ts' } });
    expect(failed.isError).toBeFalsy();
    const said = structured(failed);
    expect(said).toMatchObject({ name, event: 'tests_failed', shownInStatusline: true });
    expect(String(said.text)).toContain('"rejects an empty cart"');
    expect(textOf(failed)).toBe(`${name}: ${String(said.text)}`);
    const line = await buddyRun(['statusline', '--format', 'plain', '--width', '200']);
    expect(line.stdout).toContain(`${name}  ${String(said.text)}`);

    // Escapes and line breaks never reach the remark; a blank detail is no detail (the species' own line).
    const broke = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'error', detail: '\u001b[31mTypeError: x is undefined\u001b[0m\n    at run (a.js:1:1)' } });
    const text = String(structured(broke).text);
    expect(text).toContain('TypeError: x is undefined at run (a.js:1:1)');
    expect(text).not.toMatch(CONTROL_CHARS);
    const blank = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'big_diff', file: '  ', detail: '' } });
    expect(SPECIES_LINES[buddy().bones.species]!.bigDiff).toContain(structured(blank).text);
  });

  it('keeps the statusline quiet when muted, and still answers', async () => {
    const env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
    expect((await buddyRun(['mute'], env)).code).toBe(0);
    const mcp = await connect();
    const reacted = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'error' } });
    expect(structured(reacted)).toMatchObject({ event: 'error', shownInStatusline: false });
    const line = await buddyRun(['statusline', '--format', 'plain', '--width', '200'], env);
    expect(line.stdout).not.toContain(String(structured(reacted).text));
  });
});

describe('buddy mcp: feed', () => {
  const env = (): NodeJS.ProcessEnv => ({ ...sandbox.env, BUDDY_USER_ID: USER_ID });

  it('feeds through the care path of `buddy feed`: its line, level and needs, and what it earned, once', async () => {
    const mcp = await connect();
    const { name } = buddy();
    const fed = await mcp.callTool({ name: 'buddy_feed', arguments: {} });
    expect(fed.isError).toBeFalsy();
    // A hatchling starts at 80 %; a snack fills half, up to full.
    expect(structured(fed)).toEqual({
      name,
      text: 'munches the snack, crumbs everywhere. nom!',
      outcome: 'fed',
      fullness: 100,
      mood: 'cheerful',
      level: 1,
      stage: 'hatchling',
      announcements: [
        'Achievement: First snack. You fed it a snack.',
        'Achievement: Full belly. Fed right up to full.',
        'Unlocked: Cherry. Wear it: buddy wear cherry',
        'Unlocked: Peach card. Wear it: buddy wear peach',
      ],
    });
    const lines = textOf(fed).split('\n');
    expect(lines[0]).toBe(`${name} munches the snack, crumbs everywhere. nom!`);
    // A snack and the first care of the day.
    expect(lines[1]).toBe('level 1 hatchling · 15/40 XP to level 2');
    expect(lines[2]).toMatch(/^fullness 100% · energy \d+% · cheerful$/);
    expect(lines.slice(3)).toEqual([
      '★ Achievement: First snack. You fed it a snack.',
      '★ Achievement: Full belly. Fed right up to full.',
      '★ Unlocked: Cherry. Wear it: buddy wear cherry',
      '★ Unlocked: Peach card. Wear it: buddy wear peach',
    ]);
    expect(buddy().growth?.counts).toMatchObject({ feeds: 1 });

    // Already full: it turns the snack down, as `buddy feed` does, and says so; nothing eaten, earned or announced.
    const again = await mcp.callTool({ name: 'buddy_feed', arguments: {} });
    expect(structured(again)).toMatchObject({ outcome: 'already_full', text: 'is full and turns the snack down. Maybe later!', fullness: 100, announcements: [] });
    expect(textOf(again).split('\n').slice(0, 2)).toEqual([`${name} is full and turns the snack down. Maybe later!`, 'level 1 hatchling · 15/40 XP to level 2']);
    expect(textOf(again)).not.toContain('★');
    expect(buddy().growth?.counts).toMatchObject({ feeds: 1 });

    // The same care `buddy feed` gives: still full, it turns this one down with the same line.
    const cli = await buddyRun(['feed'], env());
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.split('\n')[0]).toBe(textOf(again).split('\n')[0]);
    expect(buddy().growth?.counts).toMatchObject({ feeds: 1 });
    const kept = readJournalTail(sandbox.env, 10).filter((record) => record.source === 'achievement');
    expect(kept.map((record) => record.text)).toEqual([
      'Achievement: First snack. You fed it a snack.',
      'Achievement: Full belly. Fed right up to full.',
      'Unlocked: Cherry. Wear it: buddy wear cherry',
      'Unlocked: Peach card. Wear it: buddy wear peach',
    ]);
    for (const record of kept) expect(record).toMatchObject({ name, session: expect.stringMatching(/^mcp-\d+$/) });
  });

  it('respects `config care off` as `buddy feed` does: eaten, no needs, nothing announced', async () => {
    const off = await buddyRun(['config', 'care', 'off'], env());
    expect(off.code, off.stderr).toBe(0);
    const mcp = await connect();
    const fed = await mcp.callTool({ name: 'buddy_feed', arguments: {} });
    expect(fed.isError).toBeFalsy();
    expect(structured(fed)).toMatchObject({ outcome: 'care_off', level: 1, announcements: [] });
    expect(structured(fed)).not.toHaveProperty('fullness');
    expect(textOf(fed).split('\n')).toEqual([`${buddy().name} munches the snack, crumbs everywhere. nom!`, 'level 1 hatchling · 15/40 XP to level 2']);
    // Earned silently, as with care off everywhere.
    expect(buddy().growth?.counts).toMatchObject({ feeds: 1 });
    expect(Object.keys(buddy().growth?.achievements ?? {})).toContain('first-snack');
  });

  it('is a tool error before the hatch, and feeds nothing', async () => {
    fs.rmSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'));
    const mcp = await connect();
    const result = await mcp.callTool({ name: 'buddy_feed', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('buddy: buddy_feed: the buddy has not hatched yet; talking to it (buddy_talk) hatches it');
    expect(fs.existsSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'events.log'))).toBe(false);
  });
});

describe('buddy mcp: the journal', () => {
  it('keeps what the agent CLI heard: talk as say, reactions as reaction, a petting once as care, all under the server run', async () => {
    const mcp = await connect(false);
    const { name } = buddy();
    const talked = await mcp.callTool({ name: 'buddy_talk', arguments: { message: `hey ${name}` } });
    const reacted = await mcp.callTool({ name: 'buddy_react', arguments: { event: 'tests_failed' } });
    const petted = await mcp.callTool({ name: 'buddy_pet', arguments: {} });
    const records = readJournalTail(sandbox.env, 10);
    expect(records.map(({ source, name: who, text }) => ({ source, name: who, text }))).toEqual([
      { source: 'say', name, text: structured(talked).text },
      { source: 'reaction', name, text: structured(reacted).text },
      // The petting was care and folded the log: the talk's achievement and its own, shown by the host.
      { source: 'achievement', name, text: 'Achievement: First words. Your first conversation.' },
      { source: 'achievement', name, text: 'Unlocked: Speech bubble. Wear it: buddy wear speech-bubble' },
      { source: 'achievement', name, text: 'Achievement: First pet. You pet it for the first time.' },
      { source: 'achievement', name, text: 'Unlocked: Bow. Wear it: buddy wear bow' },
      // And the care path kept the petting once, as every face keeps it (buddy pet, the pet's p), with
      // the very line the host showed.
      { source: 'care', name, text: structured(petted).text },
    ]);
    const sessions = new Set(records.map((record) => record.session));
    expect(sessions.size).toBe(1);
    expect([...sessions][0]).toMatch(/^mcp-\d+$/);
    // Every line carries its mood: the one `buddy status` shows (cheerful, after the talk; the talk's own line
    // has the mood it answered in).
    for (const record of records) expect(record.mood, record.source).toBeTruthy();
    for (const record of records.filter(({ source }) => source !== 'say')) expect(record.mood, record.source).toBe('cheerful');
  });
});

describe('buddy mcp: bad input', () => {
  const badCalls: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    ['buddy_react', { event: 'tests_exploded' }, 'buddy_react: event must be one of tests_failed, tests_passed, error, big_diff, done'],
    ['buddy_react', {}, 'buddy_react: event is missing'],
    ['buddy_react', { event: 'error', detail: 'x'.repeat(501) }, 'buddy_react: detail is longer than 500 characters'],
    ['buddy_react', { event: 'tests_failed', test: 7 }, 'buddy_react: test must be text'],
    ['buddy_react', { event: 'done', where: 'here' }, 'buddy_react: an argument it does not take (it takes event, test, file, detail)'],
    ['buddy_talk', {}, 'buddy_talk: message is missing'],
    ['buddy_talk', { message: 42 }, 'buddy_talk: message must be text'],
    ['buddy_talk', { message: '   ' }, 'buddy_talk: message is empty'],
    ['buddy_talk', { message: 'x'.repeat(501) }, 'buddy_talk: message is longer than 500 characters'],
    // maxLength counts code points, as JSON Schema does: 501 emoji are 1002 UTF-16 units.
    ['buddy_talk', { message: '🦆'.repeat(501) }, 'buddy_talk: message is longer than 500 characters'],
    ['buddy_talk', { message: 'hi', ECHO_KEY: 'opus' }, 'buddy_talk: an argument it does not take (it takes message)'],
    ['buddy_card', { ECHO_KEY: true }, 'buddy_card: an argument it does not take (it takes none)'],
    ['buddy_feed', { ECHO_KEY: 2 }, 'buddy_feed: an argument it does not take (it takes none)'],
  ];

  // One server for every bad call: each is answered, and the server carries on to the next.
  it('answers each bad call with a tool error of one line, and the server carries on', async () => {
    const mcp = await connect(true);
    for (const [name, args, message] of badCalls) {
      const result = await mcp.callTool({ name, arguments: args });
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(textOf(result)).toBe(`buddy: ${message}`);
      const card = await mcp.callTool({ name: 'buddy_card', arguments: {} });
      expect(card.isError).toBeFalsy();
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('takes a message of 500 code points, emoji counted once, as its schema says', async () => {
    const mcp = await connect(false);
    const { tools } = await mcp.listTools();
    expect(tools.find((tool) => tool.name === 'buddy_talk')!.inputSchema.properties?.message).toMatchObject({ maxLength: 500 });
    for (const message of ['x'.repeat(500), '🦆'.repeat(500), `${'🦆'.repeat(499)}\ud800`]) {
      const result = await mcp.callTool({ name: 'buddy_talk', arguments: { message } });
      expect(result.isError, textOf(result)).toBeFalsy();
    }
  });

  it('answers a tool it does not have with a protocol error (-32602), without the name it was given', async () => {
    const mcp = await connect(true);
    const refused = mcp.callTool({ name: 'ECHO_TOOL', arguments: {} });
    await expect(refused).rejects.toBeInstanceOf(McpError);
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.InvalidParams, message: expect.not.stringContaining('ECHO') });
    expect((await mcp.callTool({ name: 'buddy_card', arguments: {} })).isError).toBeFalsy();
  });

  it('answers params that do not fit the request with -32602 in one line, for the SDK client too', async () => {
    const mcp = await connect(true);
    const refused = mcp.request({ method: 'tools/call', params: { name: { ECHO_KEY: 1 } as unknown as string } }, CallToolResultSchema);
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.InvalidParams, message: 'MCP error -32602: Invalid params: params.name must be a string' });
    expect((await mcp.callTool({ name: 'buddy_card', arguments: {} })).isError).toBeFalsy();
  });
});
