// The live pet on a real pseudo-terminal, read back through xterm.js: every whole screen the terminal
// shows must be one the app's own composer draws for that moment, with nothing above, below or left over.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { afterCare, key, petScreens, screenText, seedGrowth, type BuddyOnScreen, type Size } from '../helpers/pet-screens.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';
import { readJournalTail } from '../../src/journal/read-back.js';

const SHIFTED_CLOCK = fileURLToPath(new URL('../helpers/shifted-clock.mjs', import.meta.url));
const WIDE: Size = { columns: 100, rows: 30 };
const NARROW: Size = { columns: 40, rows: 20 };
const TINY: Size = { columns: 20, rows: 8 };
const REPLY = 'Tests pass when you believe in them.';

let sandbox: ReturnType<typeof makeSandbox>;
let buddy: BuddyOnScreen;
let api: FakeMessagesApi;
let session: TerminalSession | undefined;

beforeAll(async () => {
  sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = 'pty-screen-1';
  const hatched = await runBuddy(['hatch'], { env: sandbox.env });
  expect(hatched.code).toBe(0);
  api = await startFakeMessagesApi();
});

afterAll(async () => {
  await api.close();
  sandbox.cleanup();
});

afterEach(() => {
  session?.kill();
  session = undefined;
});

/**
 * Opens the pet on a buddy with settled growth (level 4, everything but the level achievements earned),
 * so the care these tests give earns XP and a cheerful mood and announces nothing.
 */
function open(size: Size = WIDE, extra: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): TerminalSession {
  buddy = seedGrowth(sandbox.env, { xp: 300 });
  session = new TerminalSession({
    args: extra.args ?? [],
    env: { ...sandbox.env, ...extra.env },
    ...size,
    nodeArgs: ['--import', SHIFTED_CLOCK],
  });
  return session;
}

function expectAllAmong(screens: readonly Screen[], allowed: Set<string>, what: string): void {
  expect(screens.length).toBeGreaterThan(0);
  for (const screen of screens) {
    const text = screenText(screen);
    if (!allowed.has(text)) expect.fail(`a screen that is not ${what}:\n${text}`);
  }
}

const isAmong = (allowed: Set<string>) => (screen: Screen) => allowed.has(screenText(screen));
const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((set) => [...set]));

describe('the pet on a real terminal', () => {
  it('draws only whole idle frames for eight seconds', async () => {
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    // The idle loop changes the picture about six times in 7.5 s (fidgets, blink and back).
    await term.waitFor(() => term.screens.length >= 8, 'eight seconds of idle frames', 15_000);
    expectAllAmong(term.screens, idle, 'an idle frame');
  });

  it('floats hearts when petted, then rests again', async () => {
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    const cheered = afterCare(buddy, ['pet']).buddy;
    term.type('p');
    await term.waitFor((screen) => screenText(screen).includes('♥'), 'hearts');
    // The hearts come at once; the cheerful mood as soon as the care is folded into its growth.
    const moment = { events: (at: number) => [key('p', at)], windowMs: 4_000 };
    const petted = union(petScreens(buddy, WIDE, moment), petScreens(cheered, WIDE, moment));
    await term.waitFor((screen) => !screenText(screen).includes('♥'), 'the hearts gone');
    expectAllAmong(term.screensSince(from), union(petted, idle, petScreens(cheered, WIDE)), 'a petted or idle frame');
  });

  it('opens the card with c and closes it with c', async () => {
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    const card = petScreens(buddy, WIDE, { events: (at) => [key('c', at)] });
    term.type('c');
    await term.waitFor(isAmong(card), 'the card');
    term.type('c');
    await term.waitFor(isAmong(idle), 'the card closed');
    expectAllAmong(term.screensSince(from), new Set([...card, ...idle]), 'a frame with or without the card');
  });

  it('talks: the talk line, the message named for the buddy, Enter, and the answer in a bubble', async () => {
    const term = open(WIDE, { env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url } });
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    api.script(textReply(REPLY));
    const message = `${buddy.name}, how are the tests?`;
    const sent = (at: number) => [key('t', at), key(message, at), key('', at, { return: true })];
    const typing = petScreens(buddy, WIDE, { events: (at) => [key('t', at), key(message, at)] });
    const thinking = { events: (at: number) => [...sent(at), { type: 'thinking', now: at } as const], windowMs: 2_000 };
    const reply = { events: (at: number) => [...sent(at), { type: 'thinking', now: at } as const, { type: 'say', text: REPLY, now: at } as const], windowMs: 4_000 };
    // A conversation is care: once folded, the buddy is cheerful. The fold may land before the answer
    // does (a slow machine's answer takes longer), so while it still thinks too.
    const cared = afterCare(buddy, ['talk']).buddy;
    const thinkingScreens = union(petScreens(buddy, WIDE, thinking), petScreens(cared, WIDE, thinking));
    const answered = union(petScreens(buddy, WIDE, reply), petScreens(cared, WIDE, reply));
    const from = term.screens.length;
    term.type('t');
    term.type(message);
    await term.waitFor(isAmong(typing), 'the talk line with the message');
    term.type('\r');
    await term.waitFor(isAmong(answered), 'the reply in a bubble');
    expectAllAmong(term.screensSince(from), new Set([...idle, ...partialDrafts(message), ...typing, ...thinkingScreens, ...answered]), 'a talk frame');
  });

  it('shows the journal with l: the lines said lately, each under its time', async () => {
    for (const message of [`${buddy.name}, hello`, `${buddy.name}, the tests are red`, 'nice weather']) {
      expect((await runBuddy(['say', message], { env: sandbox.env })).code).toBe(0);
    }
    // The panel shows local times: the pet runs in UTC, so they are the times as written.
    const journal = readJournalTail(sandbox.env, 12).map((record) => ({ time: record.at.slice(11, 16), text: record.text }));
    expect(journal.length).toBeGreaterThanOrEqual(3);
    const term = open(WIDE, { env: { TZ: 'UTC' } });
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    const shown = petScreens(buddy, WIDE, { events: (at) => [key('l', at)], journal });
    term.type('l');
    await term.waitFor(isAmong(shown), 'the journal');
    expect(screenText(term.screens.at(-1)!)).toContain(`${journal.at(-1)!.time} ${journal.at(-1)!.text}`);
    term.type('l');
    await term.waitFor(isAmong(idle), 'the journal closed');
    expectAllAmong(term.screensSince(from), new Set([...shown, ...idle]), 'a frame with or without the journal');
  });

  it('shows help with ? and closes it with Esc', async () => {
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    const help = petScreens(buddy, WIDE, { events: (at) => [key('?', at)] });
    term.type('?');
    await term.waitFor(isAmong(help), 'help');
    term.type('\u001b');
    await term.waitFor(isAmong(idle), 'help closed');
    expectAllAmong(term.screensSince(from), new Set([...help, ...idle]), 'a frame with or without help');
  });

  it('falls asleep after three quiet minutes and wakes on a key', async () => {
    const term = open();
    await term.waitFor(isAmong(petScreens(buddy, WIDE)), 'the idle pet');
    const asleep = petScreens(buddy, WIDE, { after: 180_000, windowMs: 2_000 });
    term.signal('SIGUSR2');
    await term.waitFor(isAmong(asleep), 'the sleeping pet');
    const from = term.screens.length;
    term.type('x');
    const awake = petScreens(buddy, WIDE, { after: 180_000, events: (at) => [key('x', at)], windowMs: 1_000 });
    await term.waitFor(isAmong(awake), 'the pet awake again');
    expectAllAmong(term.screensSince(from), new Set([...asleep, ...awake]), 'a sleeping or waking frame');
  });

  it('redraws cleanly on resize, wide to narrow to wide, and fits a 20×8 window', async () => {
    const term = open(WIDE);
    await term.waitFor(isAmong(petScreens(buddy, WIDE)), 'the wide pet');
    term.resize(NARROW.columns, NARROW.rows);
    await term.waitFor(isAmong(petScreens(buddy, NARROW)), 'the pet at 40×20');
    term.type('c');
    await term.waitFor(isAmong(petScreens(buddy, NARROW, { events: (at) => [key('c', at)] })), 'the card at 40×20');
    term.resize(WIDE.columns, WIDE.rows);
    await term.waitFor(isAmong(petScreens(buddy, WIDE, { events: (at) => [key('c', at)] })), 'the card at 100×30');
    term.resize(TINY.columns, TINY.rows);
    const tinyCard = petScreens(buddy, TINY, { events: (at) => [key('c', at)] });
    await term.waitFor(isAmong(tinyCard), 'the card at 20×8');
    term.type('?');
    const tinyHelp = petScreens(buddy, TINY, { events: (at) => [key('?', at)] });
    await term.waitFor(isAmong(tinyHelp), 'help at 20×8');
    for (const screen of [...tinyCard, ...tinyHelp]) {
      const lines = screen.split('\n');
      expect(lines.length).toBeLessThanOrEqual(TINY.rows - 1);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(TINY.columns);
    }
  });

  it.each([
    ['q', 'q'],
    ['Ctrl-C', '\u0003'],
  ])('quits on %s with the last frame kept, the cursor shown and a clean line below', async (_name, keys) => {
    const term = open(WIDE, { args: ['--no-anim'] });
    const still = petScreens(buddy, WIDE, { animate: false });
    const shown = await term.waitFor(isAmong(still), 'the still pet');
    term.type(keys);
    expect(await term.exited).toBe(0);
    const last = term.snapshot();
    expect(screenText(last)).toBe(screenText(shown));
    expect(last.cursor).toEqual({ x: 0, y: screenText(shown).split('\n').length });
    expect(term.cursorShown()).toBe(true);
  });
});

/** The talk line while the message is being typed: it may arrive in several reads. */
function partialDrafts(message: string): Set<string> {
  const screens = new Set<string>();
  for (let length = 0; length <= message.length; length++) {
    for (const screen of petScreens(buddy, WIDE, { events: (at) => [key('t', at), ...(length ? [key(message.slice(0, length), at)] : [])] })) screens.add(screen);
  }
  return screens;
}
