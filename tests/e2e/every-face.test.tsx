// One buddy, every face: for generated buddies of every kind (roll v1, classic with either seed function,
// shiny or not, at every stage and in every mood, care on or off, muted, any language, archived and switched
// back), every face that shows its name, species, rarity, shine, eye, hat, level, stage, mood and
// achievements shows the same ones. Each buddy is written into a throwaway home through the store's schema,
// with its growth already folded (so no face's fold changes it), at a moment and in a time zone chosen so
// its mood holds for the whole case. The faces run in-process where a command composes them (status, card,
// share card, list, the statusline and its prepared frames, the pet and its card, the MCP card and resource,
// the journal), and for a sample through the commands and the official MCP SDK client: one case through the
// built CLI and its MCP server, the others in process, through the dispatcher the built bin hands each
// command to and the same server on pipes in memory.
import { claimDay } from '../../src/files/day-marker.js';
import { dailyDir, offsetAt } from '../../src/buddy/daily.js';
import { localDate } from '../../src/game/clock.js';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeGrowthHost } from '../../src/buddy/store-growth-host.js';
import { sayToBuddy } from '../../src/buddy/say.js';
import { loadSession, soulNote } from '../../src/buddy/session.js';
import { run as runCard } from '../../src/cli/commands/card.js';
import { run as runHook } from '../../src/cli/commands/hook.js';
import { run as runList } from '../../src/cli/commands/list.js';
import { run as runStatus } from '../../src/cli/commands/status.js';
import type { CliIo } from '../../src/cli/io.js';
import { toolsFor } from '../../src/cli/mcp-tools.js';
import type { BuddyBones } from '../../src/engine/bones.js';
import { rollClassic } from '../../src/engine/classic.js';
import type { HashFn } from '../../src/engine/classic-constants.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { ACHIEVEMENTS } from '../../src/game/achievements.js';
import type { WitnessedKind } from '../../src/game/events.js';
import { foldGrowth, takeAnnouncements } from '../../src/game/fold.js';
import { MOOD_MARK } from '../../src/sprites/mood-art.js';
import { initialGrowth, type GrowthState, type Mood } from '../../src/game/state.js';
import { drawStatusline } from '../../src/statusline/statusline.js';
import { readJournalTail } from '../../src/journal/read-back.js';
import { TOOLS } from '../../src/mcp/tools.js';
import { makePalette } from '../../src/render/ansi.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { makeStoredBuddy, switchBuddy } from '../../src/store/buddy-store.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import { assertWritable, checkConfig, type ArchivedBuddy, type ConfigData, type StoredBuddy } from '../../src/store/schema.js';
import { PetScreen } from '../../src/ui/PetScreen.js';
import { BIN, makeSandbox, runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { InProcessMcp } from '../helpers/mcp-in-process.js';

// The pet renders on real timers here, its growth folding in the store as it does on a terminal: not an act() test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------------------------------------------------
// The buddies

type RollSpec = { readonly kind: 'v1'; readonly id: string } | { readonly kind: 'classic'; readonly id: string; readonly hashFn: HashFn };

function bonesOf(roll: RollSpec): BuddyBones {
  return roll.kind === 'v1' ? rollFromUserId(roll.id) : rollClassic(roll.id, undefined, roll.hashFn);
}

/** The first few identities whose roll is shiny, found by looking (about one roll in a hundred is). */
function shinyRolls(make: (id: string) => RollSpec, count: number): RollSpec[] {
  const found: RollSpec[] = [];
  for (let index = 0; found.length < count && index < 5_000; index++) {
    const roll = make(`shiny-${index}`);
    if (bonesOf(roll).shiny) found.push(roll);
  }
  return found;
}

const SHINY_ROLLS: readonly RollSpec[] = [
  ...shinyRolls((id) => ({ kind: 'v1', id }), 2),
  ...shinyRolls((id) => ({ kind: 'classic', id, hashFn: 'fnv1a' }), 2),
  ...shinyRolls((id) => ({ kind: 'classic', id, hashFn: 'wyhash' }), 2),
];

const arbRoll: fc.Arbitrary<RollSpec> = fc.oneof(
  fc.nat(100_000).map((n): RollSpec => ({ kind: 'v1', id: `user-${n}` })),
  fc.record({ id: fc.nat(100_000).map((n) => `classic-${n}`), hashFn: fc.constantFrom<HashFn>('fnv1a', 'wyhash') }).map((roll): RollSpec => ({ kind: 'classic', ...roll })),
  fc.constantFrom(...SHINY_ROLLS),
);

const MOODS_WITH_CARE: readonly Mood[] = ['cheerful', 'content', 'hungry', 'sleepy', 'worried'];
/** With care off there are no needs: never hungry, and sleepy only from a long silence. */
const MOODS_WITHOUT_CARE: readonly Mood[] = ['cheerful', 'content', 'sleepy', 'worried'];

interface Case {
  readonly roll: RollSpec;
  readonly name: string;
  readonly level: number;
  /** How far into its level, 0 to 1. */
  readonly into: number;
  readonly careOn: boolean;
  readonly mood: Mood;
  /** Sleepy from the hour (care on) or from a long silence. */
  readonly sleepyBy: 'night' | 'silence';
  readonly muted: boolean;
  readonly language: string | undefined;
  /** Achievements it earned before (the fold adds the ones its level and shine earn). */
  readonly earned: readonly string[];
  /** An achievement of a newer version: kept, but neither shown nor counted by any face. */
  readonly unknownAchievement: boolean;
  readonly hatchedDaysAgo: number;
  /** Put away for another identity's buddy, then brought back with `buddy switch`. */
  readonly archivedThenBack: boolean;
  /** Its last care stamped half an hour ahead, by a run whose clock ran ahead: every face reads it as now. */
  readonly clockRanAhead: boolean;
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    roll: arbRoll,
    name: fc.constantFrom('Pim', 'Wisp', 'Ormovan', 'Zoë', 'Quill', 'Bartholomewxyz'),
    level: fc.integer({ min: 1, max: 50 }),
    into: fc.double({ min: 0, max: 0.99, noNaN: true }),
    careOn: fc.boolean(),
    moodPick: fc.nat(99),
    sleepyBy: fc.constantFrom<'night' | 'silence'>('night', 'silence'),
    muted: fc.boolean(),
    language: fc.constantFrom(undefined, 'en', 'fr', 'de', 'ja', 'pt-BR'),
    earned: fc.subarray(ACHIEVEMENTS.map((achievement) => achievement.id)),
    unknownAchievement: fc.boolean(),
    hatchedDaysAgo: fc.integer({ min: 1, max: 300 }),
    archivedThenBack: fc.boolean(),
    clockRanAhead: fc.boolean(),
  })
  .map(({ moodPick, ...rest }) => {
    const moods = rest.careOn ? MOODS_WITH_CARE : MOODS_WITHOUT_CARE;
    const mood = moods[moodPick % moods.length]!;
    return { ...rest, mood, sleepyBy: rest.careOn ? rest.sleepyBy : 'silence' };
  });

const xpForLevel = (level: number): number => 20 * (level - 1) * level;
const stageOf = (level: number): string => (level < 10 ? 'hatchling' : level < 25 ? 'young' : level < 40 ? 'adult' : 'elder');

/**
 * The time zone in which it is `hour` o'clock now: its energy is then low (3 a.m., sleepy with care on) or
 * high (noon), an hour or more from any threshold. Etc/GMT-N is N hours ahead of UTC, without summer time.
 */
function zoneAt(hour: number, now: number): { readonly tz: string; readonly offsetMinutes: number } {
  let ahead = (hour - new Date(now).getUTCHours() + 24) % 24;
  if (ahead > 14) ahead -= 24;
  return { tz: ahead === 0 ? 'Etc/GMT' : `Etc/GMT${ahead > 0 ? '-' : '+'}${Math.abs(ahead)}`, offsetMinutes: ahead * 60 };
}

interface Written {
  readonly env: NodeJS.ProcessEnv;
  readonly userId: string;
  readonly bones: BuddyBones;
  readonly buddy: StoredBuddy;
  /** The other identity's buddy, archived, when the case switched back. */
  readonly other: StoredBuddy | undefined;
  readonly expected: { readonly level: number; readonly stage: string; readonly mood: Mood; readonly achievements: readonly string[] };
  readonly offsetMinutes: number;
}

/** The growth that shows the case's mood at `now`, with every margin at least a few minutes wide. */
function growthFor(spec: Case, now: number): GrowthState {
  const startedAt = now - spec.hatchedDaysAgo * DAY;
  const xp = xpForLevel(spec.level) + (spec.level < 50 ? Math.floor(spec.into * 40 * spec.level) : 0);
  const known = new Set(ACHIEVEMENTS.map((achievement) => achievement.id));
  const earlier = now - 2 * DAY;
  const achievements: Record<string, number> = Object.fromEntries(spec.earned.filter((id) => known.has(id)).map((id) => [id, earlier]));
  if (spec.unknownAchievement) achievements['from-a-newer-version'] = earlier;
  const witnessed = (kind: WitnessedKind, ago: number) => ({ kind, at: now - ago });
  const base: GrowthState = { ...initialGrowth(startedAt, now - MINUTE), xp, fullness: 60, achievements, lastCareAt: now - 3 * 60 * MINUTE };
  switch (spec.mood) {
    case 'cheerful':
      return { ...base, lastCareAt: now - 2 * MINUTE };
    case 'worried':
      return { ...base, lastWitnessed: witnessed(spec.level % 2 === 0 ? 'testsFailed' : 'error', 3 * MINUTE) };
    case 'hungry':
      return { ...base, fullness: 10 };
    case 'sleepy':
      return spec.sleepyBy === 'silence' ? { ...base, lastWitnessed: witnessed('longSilence', 10 * MINUTE) } : base;
    case 'content':
      return base;
  }
}

/** Writes the case into a fresh home, through the store's schema; its growth is folded as a fold would store it. */
function writeCase(spec: Case, home: ReturnType<typeof makeSandbox>, now: number): Written {
  const bones = bonesOf(spec.roll);
  const hour = spec.mood === 'sleepy' && spec.sleepyBy === 'night' ? 3 : 12;
  const zone = zoneAt(hour, now);
  // This process's clock too: the in-process faces ask it for the local time.
  process.env.TZ = zone.tz;
  const clock = { now, offsetMinutes: zone.offsetMinutes };
  const folded = takeAnnouncements(foldGrowth(growthFor(spec, now), [], clock, { careOn: spec.careOn, shiny: bones.shiny }).state).state;
  // Cared for "half an hour from now": a fold takes it as now, and every face must read it so before one.
  const settled = spec.clockRanAhead && spec.mood === 'cheerful' ? { ...folded, lastCareAt: now + 30 * MINUTE } : folded;
  const hatchedAt = new Date(now - spec.hatchedDaysAgo * DAY);
  const soul = { name: spec.name, personality: `${spec.name} keeps an eye on the build.` };
  const buddy: StoredBuddy = { ...makeStoredBuddy(bones, soul, spec.roll.kind === 'classic' ? 'claude-code' : 'offline', hatchedAt), growth: toStoredGrowth(settled) };
  const userId = spec.roll.id;
  const env: NodeJS.ProcessEnv = { ...home.env, BUDDY_USER_ID: userId, TZ: zone.tz, LANG: 'en_US.UTF-8' };
  const settings = { care: spec.careOn, muted: spec.muted, ...(spec.language ? { language: spec.language } : {}) };
  let other: StoredBuddy | undefined;
  let data: ConfigData = { settings: { ...checkConfig({}).data.settings, ...settings }, buddy };
  if (spec.archivedThenBack) {
    other = makeStoredBuddy(rollFromUserId(`other-${userId}`), { name: 'Otto', personality: 'Otto minds the other account.' }, 'offline', new Date(now - 3 * DAY));
    const away: ArchivedBuddy = { ...buddy, archivedAt: new Date(now - DAY).toISOString() };
    data = { ...data, buddy: other, archive: [away] };
  }
  assertWritable(data);
  const dir = env.BUDDY_CONFIG_DIR as string;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(data));
  if (spec.archivedThenBack) switchBuddy(data.archive![0]!, env, new Date(now));
  const names = new Set(ACHIEVEMENTS.filter((achievement) => settled.achievements[achievement.id] !== undefined).map((achievement) => achievement.name));
  return {
    env,
    userId,
    bones,
    buddy,
    other,
    expected: { level: spec.level, stage: stageOf(spec.level), mood: spec.mood, achievements: ACHIEVEMENTS.map((achievement) => achievement.name).filter((name) => names.has(name)) },
    offsetMinutes: zone.offsetMinutes,
  };
}

// ---------------------------------------------------------------------------------------------------------
// What each face shows, read back from its text

/** The fields a face shows; each face fills in those it has. */
interface Shown {
  name?: string;
  species?: string;
  rarity?: string;
  shiny?: boolean;
  eye?: string;
  hat?: string;
  level?: number;
  stage?: string;
  mood?: string;
  /** How many achievements it has earned. */
  earned?: number;
  /** Their names, where a face lists them. */
  achievements?: readonly string[];
}

const STARS = '[★☆]{5}';

/** The printed card (`buddy card`, the piped pet, the pet's card panel, the MCP card and resource). */
function fromCard(text: string): Shown {
  const lines = text.split('\n').map((line) => line.trim());
  const shown: Shown = { shiny: lines.includes('✧ ✦ SHINY ✦ ✧') };
  const title = new RegExp(`^${STARS} {1,2}(\\S+) the (\\S+) {2}([A-Z]+)$`).exec(lines[0] ?? '');
  if (title) Object.assign(shown, { name: title[1], species: title[2], rarity: title[3]!.toLowerCase() });
  for (const line of lines) {
    const looks = /^eye (\S+) {3}hat (\S+)$/.exec(line);
    if (looks) Object.assign(shown, { eye: looks[1], hat: looks[2] });
    const level = /^Lv (\d+) (\w+)\b/.exec(line);
    if (level) Object.assign(shown, { level: Number(level[1]), stage: level[2] });
    const mood = /(?:^| · )mood (\w+)/.exec(line);
    if (mood) shown.mood = mood[1];
    const earned = /(?:^| · )(\d+)\/(\d+) achievements/.exec(line);
    if (earned) shown.earned = Number(earned[1]);
  }
  return shown;
}

/** The share card: every <text>, in order. */
function fromSvg(svg: string): Shown {
  const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
  const shown: Shown = { name: texts[0], shiny: texts.includes('SHINY') };
  const kind = texts.find((text) => text.startsWith('the '));
  if (kind) shown.species = kind.slice(4);
  shown.rarity = texts.find((text) => /^[A-Z]{3,}$/.test(text) && text !== 'SHINY' && text !== 'DEBUGGING' && text !== 'PATIENCE' && text !== 'CHAOS' && text !== 'WISDOM' && text !== 'SNARK')?.toLowerCase();
  const eye = texts.indexOf('eye');
  const hat = texts.indexOf('hat');
  if (eye >= 0) shown.eye = texts[eye + 1];
  if (hat >= 0) shown.hat = texts[hat + 1];
  const level = texts.map((text) => /^Level (\d+) (\w+) · (\w+)$/.exec(text)).find(Boolean);
  if (level) Object.assign(shown, { level: Number(level[1]), stage: level[2], mood: level[3] });
  const start = texts.findIndex((text) => text.startsWith('Achievements: '));
  if (start >= 0) {
    // Wrapped over as many lines as it takes, up to the soul note.
    const end = texts.findIndex((text, index) => index > start && /^(?:soul |hash )/.test(text));
    shown.achievements = texts.slice(start, end).join(' ').slice('Achievements: '.length).split(' · ');
  } else shown.achievements = [];
  return shown;
}

function fromStatusText(text: string): Shown {
  const head = /^(\S+) the (\S+) · level (\d+) (\w+)$/m.exec(text);
  return {
    ...(head ? { name: head[1], species: head[2], level: Number(head[3]), stage: head[4] } : {}),
    mood: /^mood +(\w+)$/m.exec(text)?.[1],
    earned: Number(/^achievements +(\d+) of \d+/m.exec(text)?.[1]),
  };
}

function fromStatusJson(json: Record<string, unknown>): Shown {
  return {
    name: json.name as string,
    species: json.species as string,
    rarity: json.rarity as string,
    shiny: json.shiny as boolean,
    eye: json.eye as string,
    hat: json.hat as string,
    level: json.level as number,
    stage: json.stage as string,
    mood: json.mood as string,
    earned: (json.achievements as { earned: number }).earned,
  };
}

/** `buddy list`: the row of a buddy by name. */
function fromList(text: string, name: string): Shown {
  const row = new RegExp(`^[* ] [0-9a-f]+ {2}(${name}) the (\\S+) +(\\w+)( ✧)? +Lv (\\d+) (\\w+) +hatched `, 'mu').exec(text);
  if (!row) return { name: `(no row for ${name} in ${JSON.stringify(text)})` };
  return { name: row[1], species: row[2], rarity: row[3], shiny: row[4] !== undefined, level: Number(row[5]), stage: row[6] };
}

/** The full statusline: the name and stars on the first row, level, stage and mood on the second. */
function fromStatusline(lines: readonly string[]): Shown {
  const head = new RegExp(` {2}(\\S+) (${STARS})$`).exec(lines[0] ?? '');
  const growth = / {2}Lv (\d+) (\w+) · (\w+)$/.exec(lines[1] ?? '');
  return {
    ...(head ? { name: head[1], rarity: ['common', 'uncommon', 'rare', 'epic', 'legendary'][(head[2]!.match(/★/g) ?? []).length - 1] } : {}),
    ...(growth ? { level: Number(growth[1]), stage: growth[2], mood: growth[3] } : {}),
  };
}

type Field = keyof Shown;
const WHO: readonly Field[] = ['name', 'species', 'rarity', 'shiny', 'eye', 'hat'];
const GROWTH: readonly Field[] = ['level', 'stage', 'mood'];
const CARD: readonly Field[] = [...WHO, ...GROWTH, 'earned'];

/** The fields a face shows, as it shows them, must be the buddy's: each face names the fields it must show. */
function agree(face: string, shown: Shown, truth: Shown, fields: readonly Field[]): void {
  const pick = (from: Shown) => Object.fromEntries(fields.map((field) => [field, from[field]]));
  expect(pick(shown), face).toEqual(pick(truth));
}

// ---------------------------------------------------------------------------------------------------------
// In-process faces

interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
}

function capture(env: NodeJS.ProcessEnv): Captured {
  let out = '';
  const sink = (write: (text: string) => void) => ({ write: (chunk: string | Uint8Array) => (write(String(chunk)), true), isTTY: false, columns: 0 }) as unknown as NodeJS.WriteStream;
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  return { io: { env, stdout: sink((text) => (out += text)), stderr: sink(() => undefined), stdin }, out: () => out };
}

async function command(run: (argv: readonly string[], io: CliIo) => Promise<number>, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { io, out } = capture(env);
  expect(await run(argv, io), argv.join(' ')).toBe(0);
  return out();
}

const validator = new AjvJsonSchemaValidator();
function outputSchemaCheck(tool: string, structured: unknown): void {
  const schema = TOOLS.find((definition) => definition.name === tool)!.outputSchema;
  const checked = validator.getValidator(schema as never)(structured);
  expect(checked.valid, `${tool}: ${checked.valid ? '' : checked.errorMessage}`).toBe(true);
}

/** The pet on a terminal (Ink), with its growth kept in the store as `buddy` keeps it: name line, card panel, and the one-line face of a narrow window. */
async function petFaces(written: Written, careOn: boolean): Promise<{ readonly wide: string; readonly card: string; readonly narrow: string }> {
  const { buddy, env } = written;
  const stored = (await loadSession(env, undefined)).stored!;
  const instance = render(
      <PetScreen
        bones={stored.bones}
        name={stored.name}
        personality={stored.personality}
        soulNote={soulNote(stored)}
        sprite={spriteFor(stored.bones.species)}
        hats={hatTable()}
        animate={false}
        palette={makePalette(false)}
        respond={() => ({ thinking: false, reply: Promise.resolve({ text: '…' }) })}
        now={Date.now}
        growth={makeGrowthHost(env, stored, careOn)}
      />,
  );
  void buddy;
  try {
    const frame = (): string => instance.lastFrame() ?? '';
    await vi.waitFor(() => expect(frame()).toMatch(/ Lv \d+/));
    const wide = frame();
    instance.stdin.write('c');
    await vi.waitFor(() => expect(frame()).toContain('eye '));
    const card = frame()
      .split('\n')
      .map((line) => line.replace(/^\s*│ ?/, '').replace(/ ?│\s*$/, ''))
      .filter((line) => !/^\s*[╭╰]/.test(line));
    const cardStart = card.findIndex((line) => new RegExp(`^${STARS} `).test(line));
    instance.stdin.write('c');
    Object.defineProperty(instance.stdout, 'columns', { configurable: true, get: () => 29 });
    (instance.stdout as unknown as { emit: (event: string) => void }).emit('resize');
    await vi.waitFor(() => expect(frame().split('\n')[0]).toContain(stored.name));
    return { wide, card: card.slice(cardStart).join('\n'), narrow: frame() };
  } finally {
    instance.unmount();
  }
}

// ---------------------------------------------------------------------------------------------------------

let home: ReturnType<typeof makeSandbox>;
const zone = process.env.TZ;

beforeEach(() => {
  home = makeSandbox();
});
afterEach(() => home.cleanup());
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** What the case says it must be, and what `buddy status --json` says it is: the same. */
function truthOf(written: Written, status: Shown): Shown {
  const { bones, buddy, expected } = written;
  const truth: Shown = {
    name: buddy.name,
    species: bones.species,
    rarity: bones.rarity,
    shiny: bones.shiny,
    eye: bones.eye,
    hat: bones.hat,
    level: expected.level,
    stage: expected.stage,
    mood: expected.mood,
    earned: expected.achievements.length,
    achievements: expected.achievements,
  };
  agree('status --json', status, truth, CARD);
  return truth;
}

describe('every face agrees on the buddy', () => {
  it('in-process: status, card, share card, list, statusline and its frames, the pet, the MCP card, the journal', async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async (spec) => {
        home.cleanup();
        home = makeSandbox();
        const now = Date.now();
        const written = writeCase(spec, home, now);
        const { env } = written;

        // First the faces that never fold (the statusline and its prepared frames, the session greeting), while
        // the growth is exactly as stored.
        // Greeted today already (the daily greeting has its own tests): the faces show the buddy at rest.
        claimDay(dailyDir(env), localDate(Date.now(), offsetAt(Date.now())));
        const request = { payloadText: '{"session_id":"every-face"}', env, now: Date.now(), width: 100, format: 'plain' as const };
        const full = drawStatusline({ ...request, layout: 'full' });
        const frames: (readonly string[])[] = [];
        for (let moment = full.scene.at; moment < Math.min(full.scene.until, full.scene.at + 60_000); moment += 1_000) frames.push(full.scene.draw(moment));
        const compact = drawStatusline({ ...request, layout: 'compact' });
        const greeted = capture(env);
        (greeted.io.stdin as unknown as PassThrough).end(JSON.stringify({ session_id: 'every-face-hook' }));
        expect(await runHook(['session-start'], greeted.io)).toBe(0);

        const truth = truthOf(written, fromStatusJson(JSON.parse(await command(runStatus, ['--json'], env))));
        agree('statusline', fromStatusline(full.lines), truth, ['name', 'rarity', ...GROWTH]);
        for (const frame of frames) agree('statusline frame', fromStatusline(frame), truth, ['name', 'rarity', ...GROWTH]);
        expect(compact.lines[0], 'compact statusline').toMatch(new RegExp(` ${spec.name}$`, 'u'));
        const greeting = readJournalTail(env, 5).find((record) => record.source === 'greeting');
        if (spec.muted) expect(greeting).toBeUndefined();
        else agree('journal (greeting)', { name: greeting?.name, mood: greeting?.mood }, truth, ['name', 'mood']);

        agree('status', fromStatusText(await command(runStatus, [], env)), truth, ['name', 'species', ...GROWTH, 'earned']);
        agree('card', fromCard(await command(runCard, [], env)), truth, CARD);
        agree('card --svg', fromSvg(await command(runCard, ['--svg'], env)), truth, [...WHO, ...GROWTH, 'achievements']);
        const list = await command(runList, [], env);
        agree('list', fromList(list, spec.name), truth, ['name', 'species', 'rarity', 'shiny', 'level', 'stage']);
        if (written.other) {
          const other = written.other;
          agree('list (archived)', fromList(list, other.name), { name: other.name, species: other.bones.species, rarity: other.bones.rarity, shiny: other.bones.shiny, level: 1, stage: 'hatchling' }, ['name', 'species', 'rarity', 'shiny', 'level', 'stage']);
        }

        // The MCP card, its structured content checked against the tool's output schema as the SDK client checks it.
        const tools = toolsFor(env);
        const card = await tools.callTool('buddy_card', {});
        expect(card.isError, card.content[0]?.text).toBeFalsy();
        outputSchemaCheck('buddy_card', card.structuredContent);
        const roll = card.structuredContent!.roll as Record<string, unknown>;
        agree('buddy_card (structured)', { name: card.structuredContent!.name as string, species: roll.species as string, rarity: roll.rarity as string, shiny: roll.shiny as boolean, eye: roll.eye as string, hat: roll.hat as string }, truth, WHO);
        agree('buddy_card', fromCard(card.content[0]!.text), truth, CARD);
        agree('buddy://card', fromCard(await tools.cardText()), truth, CARD);

        // The pet: its name line, its card panel, and the mood's mark on the one-line face.
        const pet = await petFaces(written, spec.careOn);
        const nameLine = new RegExp(`^(\\S+) (${STARS}) Lv (\\d+)$`, 'mu').exec(pet.wide);
        agree('pet', { name: nameLine?.[1] ?? '(no name line)', level: Number(nameLine?.[3]) }, truth, ['name', 'level']);
        agree('pet card', fromCard(pet.card), truth, CARD);
        const mark = MOOD_MARK[spec.mood];
        expect(pet.narrow.split('\n')[0], 'pet face line').toContain(mark ? ` ${mark} ${spec.name}` : ` ${spec.name}`);

        // The journal: a line said now carries its name and the mood status shows.
        const session = await loadSession(env, undefined);
        await sayToBuddy(session, 'hello there', env, { journalSession: 'every-face' });
        const said = readJournalTail(env, 5).filter((record) => record.source === 'say').at(-1);
        agree('journal', { name: said?.name, mood: said?.mood }, truth, ['name', 'mood']);

        // What an agent CLI reports through MCP shows in the statusline, but the buddy did not see it happen:
        // it is no event of its growth, so the mood stays the one status shows.
        await tools.callTool('buddy_react', { event: 'tests_failed' });
        agree('statusline after buddy_react', fromStatusline(drawStatusline({ ...request, now: Date.now(), layout: 'full' }).lines), truth, ['name', 'mood']);

        // Care through MCP: what buddy_feed says of it is what status says right after, and the journal keeps it.
        const fed = await tools.callTool('buddy_feed', {});
        outputSchemaCheck('buddy_feed', fed.structuredContent);
        const after = fromStatusJson(JSON.parse(await command(runStatus, ['--json'], env)));
        expect(after.mood).toBe('cheerful');
        agree('buddy_feed', { name: fed.structuredContent!.name as string, level: fed.structuredContent!.level as number, stage: fed.structuredContent!.stage as string, mood: fed.structuredContent!.mood as string }, after, ['name', ...GROWTH]);
        const cared = readJournalTail(env, 10).filter((record) => record.source === 'care').at(-1);
        agree('journal (care)', { name: cared?.name, mood: cared?.mood }, after, ['name', 'mood']);
      }),
      { numRuns: Number(process.env.EVERY_FACE_RUNS ?? 20), seed: Number(process.env.EVERY_FACE_SEED ?? 20_261_205), endOnFailure: true },
    );
  }, 120_000);
});

/** A sample covering every kind, for the built CLI and the MCP server (each run starts processes). */
function cliSample(): Case[] {
  const [base] = fc.sample(arbCase, { seed: 7, numRuns: 1 });
  const v1Shiny = SHINY_ROLLS.find((roll) => roll.kind === 'v1')!;
  const wyhashShiny = SHINY_ROLLS.find((roll) => roll.kind === 'classic' && roll.hashFn === 'wyhash')!;
  const none = { earned: [], unknownAchievement: false, archivedThenBack: false, muted: false, language: undefined, clockRanAhead: false };
  return [
    { ...base!, ...none, roll: v1Shiny, name: 'Pim', level: 12, into: 0.5, careOn: true, mood: 'cheerful', clockRanAhead: true, sleepyBy: 'night', language: 'fr' },
    { ...base!, ...none, roll: { kind: 'classic', id: 'classic-7', hashFn: 'fnv1a' }, name: 'Wisp', level: 30, into: 0.2, careOn: false, mood: 'worried', sleepyBy: 'silence', muted: true, archivedThenBack: true, earned: ['first-pet'] },
    { ...base!, ...none, roll: wyhashShiny, name: 'Zoë', level: 45, into: 0.9, careOn: true, mood: 'sleepy', sleepyBy: 'night', language: 'ja', unknownAchievement: true },
  ];
}

/** How a sample case's commands run: the built bin as a process, or in process through its dispatcher. */
type Through = 'bin' | 'in-process';

async function cli(through: Through, env: NodeJS.ProcessEnv, args: readonly string[], input?: string): Promise<string> {
  const options = { env, ...(input === undefined ? {} : { input }) };
  const result = through === 'bin' ? await runBuddy(args, options) : await runInProcess(args, options);
  expect(result.code, `buddy ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** The MCP server, as a process of the built bin or in process; the client and a way to close both. */
async function connect(through: Through, env: NodeJS.ProcessEnv): Promise<{ readonly client: Client; readonly close: () => Promise<void> }> {
  let client: Client;
  let close: () => Promise<void>;
  if (through === 'bin') {
    const childEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
    const connected = new Client({ name: 'every-face', version: '1.0.0' });
    await connected.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env: childEnv, stderr: 'pipe' }));
    client = connected;
    close = () => connected.close();
  } else {
    const server = new InProcessMcp(env);
    client = await server.connect('every-face');
    close = () => server.close();
  }
  // Listing the tools is what makes the client check every answer against its tool's output schema.
  await client.listTools();
  return { client, close };
}

type ToolCall = Awaited<ReturnType<Client['callTool']>>;
const structuredOf = (result: ToolCall): Record<string, unknown> => result.structuredContent as Record<string, unknown>;
const textOf = (result: ToolCall): string => (result.content as { text: string }[]).map((part) => part.text).join('\n');
const journalOf = (text: string): Record<string, string>[] => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);

describe('every face agrees on the buddy, as users run them', () => {
  it('the commands (status, card, share card, list, statusline, say and log) and the MCP server through the SDK client, the first case as the built CLI', async () => {
    for (const [index, spec] of cliSample().entries()) {
      const through: Through = index === 0 ? 'bin' : 'in-process';
      home.cleanup();
      home = makeSandbox();
      const written = writeCase(spec, home, Date.now());
      const { env } = written;
      // The statusline first, which never folds, while the growth is exactly as stored.
      const line = await cli(through, env, ['statusline', '--layout', 'full', '--width', '100'], '{"session_id":"every-face-cli"}');
      const mcp = connect(through, env);
      const [json, card, svg, list] = await Promise.all([cli(through, env, ['status', '--json']), cli(through, env, ['card']), cli(through, env, ['card', '--svg']), cli(through, env, ['list'])]);
      const truth = truthOf(written, fromStatusJson(JSON.parse(json)));
      agree('buddy statusline --layout full', fromStatusline(line.trimEnd().split('\n')), truth, ['name', 'rarity', ...GROWTH]);
      agree('buddy card', fromCard(card), truth, CARD);
      agree('buddy card --svg', fromSvg(svg), truth, [...WHO, ...GROWTH, 'achievements']);
      agree('buddy list', fromList(list, spec.name), truth, ['name', 'species', 'rarity', 'shiny', 'level', 'stage']);

      const { client, close } = await mcp;
      try {
        const mcpCard = await client.callTool({ name: 'buddy_card', arguments: {} });
        expect(mcpCard.isError, textOf(mcpCard)).toBeFalsy();
        const roll = structuredOf(mcpCard).roll as Record<string, unknown>;
        agree('buddy_card (structured)', { name: structuredOf(mcpCard).name as string, species: roll.species as string, rarity: roll.rarity as string, shiny: roll.shiny as boolean, eye: roll.eye as string, hat: roll.hat as string }, truth, WHO);
        agree('buddy_card', fromCard(textOf(mcpCard)), truth, CARD);
        const resource = await client.readResource({ uri: 'buddy://card' });
        agree('buddy://card', fromCard(String((resource.contents[0] as { text: string }).text)), truth, CARD);

        await cli(through, env, ['say', 'hello there']);

        const fed = await client.callTool({ name: 'buddy_feed', arguments: {} });
        expect(fed.isError, textOf(fed)).toBeFalsy();
        const [afterJson, log] = await Promise.all([cli(through, env, ['status', '--json']), cli(through, env, ['log', '--json', '-n', '10'])]);
        const after = fromStatusJson(JSON.parse(afterJson));
        agree('buddy_feed', { name: structuredOf(fed).name as string, level: structuredOf(fed).level as number, stage: structuredOf(fed).stage as string, mood: structuredOf(fed).mood as string }, after, ['name', ...GROWTH]);
        const records = journalOf(log);
        const said = records.filter((record) => record.source === 'say').at(-1);
        agree('buddy log (say)', { name: said?.name, mood: said?.mood }, truth, ['name', 'mood']);
        const cared = records.filter((record) => record.source === 'care').at(-1);
        agree('buddy log (care)', { name: cared?.name, mood: cared?.mood }, after, ['name', 'mood']);
      } finally {
        await close();
      }
    }
  }, 90_000);
});
