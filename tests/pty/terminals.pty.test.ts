// Every terminal, on a real pseudo-terminal: small panes where talking must still show the reply, a
// terminal that cannot move the cursor (TERM=dumb), and a locale without UTF-8. Screens are read back
// through xterm.js and must be ones the app's own composer draws for that moment.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { afterCare, key, petScreens, screenText, seedGrowth, type BuddyOnScreen, type Size } from '../helpers/pet-screens.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';

const SHIFTED_CLOCK = fileURLToPath(new URL('../helpers/shifted-clock.mjs', import.meta.url));
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

function open(size: Size, env: NodeJS.ProcessEnv = {}, args: string[] = []): TerminalSession {
  buddy = seedGrowth(sandbox.env, { xp: 300 });
  session = new TerminalSession({ args, env: { ...sandbox.env, ...env }, ...size, nodeArgs: ['--import', SHIFTED_CLOCK] });
  return session;
}

const isAmong = (allowed: Set<string>) => (screen: Screen) => allowed.has(screenText(screen));
const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((set) => [...set]));
/** The screen's words with the bubble's borders and line breaks taken out. */
const words = (screen: Screen): string => screenText(screen).replace(/[│|\s]+/g, ' ');

describe('talking in a small pane', () => {
  it.each([
    [50, 12],
    [40, 12],
    [30, 12],
  ])('shows the reply at %i×%i', async (columns, rows) => {
    const size = { columns, rows };
    const term = open(size, { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url });
    await term.waitFor(isAmong(petScreens(buddy, size)), 'the idle pet');
    api.script(textReply(REPLY));
    const message = `${buddy.name}, how are the tests?`;
    const sent = (at: number) => [key('t', at), key(message, at), key('', at, { return: true })];
    const reply = { events: (at: number) => [...sent(at), { type: 'thinking', now: at } as const, { type: 'say', text: REPLY, now: at } as const], windowMs: 4_000 };
    const answered = union(petScreens(buddy, size, reply), petScreens(afterCare(buddy, ['talk']).buddy, size, reply));
    term.type('t');
    term.type(message);
    term.type('\r');
    const shown = await term.waitFor(isAmong(answered), 'the reply');
    expect(words(shown)).toContain(REPLY);
  });
});

describe('a terminal that cannot move the cursor', () => {
  // (No TERM at all is a printed card too, outside Windows: node-pty always sets one, so the unit tests
  // of canRedraw pin that.)
  it('TERM=dumb gets the printed card and not one escape sequence', async () => {
    const shown = open({ columns: 80, rows: 24 }, { TERM: 'dumb' });
    expect(await shown.exited).toBe(0);
    expect(shown.output).not.toContain('\u001b');
    expect(shown.output).toContain(`${buddy.name} the ${buddy.bones.species}`);
    expect(shown.output).toMatch(/DEBUGGING +█+░* +\d+/);
  });

  it('still colours the card when FORCE_COLOR asks for it, and moves nothing', async () => {
    const shown = open({ columns: 80, rows: 24 }, { TERM: 'dumb', FORCE_COLOR: '1', NO_COLOR: '' });
    expect(await shown.exited).toBe(0);
    // Colour (SGR) only: no cursor movement, hiding, erasing or synchronized output.
    // eslint-disable-next-line no-control-regex
    const sequences = shown.output.match(/\u001b\[[0-?]*[ -/]*[@-~]/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex
    for (const sequence of sequences) expect(sequence).toMatch(/^\u001b\[[0-9;]*m$/);
    expect(shown.output.split('\u001b').length - 1).toBe(sequences.length);
  });
});

describe('a locale without UTF-8', () => {
  it.each([
    ['LANG=C', { LANG: 'C' }, []],
    ['--ascii', { LANG: 'en_US.UTF-8' }, ['--ascii']],
  ] as const)('%s: the live pet draws in ASCII only, its card and bubble too', async (_what, env, args) => {
    const size = { columns: 100, rows: 30 };
    const term = open(size, env, [...args]);
    await term.waitFor(isAmong(petScreens(buddy, size, { ascii: true })), 'the idle pet in ASCII');
    term.type('c');
    await term.waitFor(isAmong(petScreens(buddy, size, { ascii: true, events: (at) => [key('c', at)] })), 'the card in ASCII');
    expect(screenText(term.screens.at(-1)!)).toMatch(/\+-{20,}\+/);
    term.type('q');
    expect(await term.exited).toBe(0);
    expect([...term.output].filter((character) => (character.codePointAt(0) as number) > 0x7f)).toEqual([]);
  });
});
