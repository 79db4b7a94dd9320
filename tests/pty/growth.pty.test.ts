// Care and growth on a real terminal: feeding with f (the snack, bite by bite, and the achievement it
// earns), a level-up announced in a bubble, and the card with level, XP, stage, needs, mood, streak and
// achievements. Every screen must be one the app's own composer draws for that moment.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { afterCare, key, petScreens, screenText, seedGrowth, type BuddyOnScreen, type Size } from '../helpers/pet-screens.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import type { PetEvent } from '../../src/pet/pet-state.js';

const SHIFTED_CLOCK = fileURLToPath(new URL('../helpers/shifted-clock.mjs', import.meta.url));
const WIDE: Size = { columns: 100, rows: 30 };
const NARROW: Size = { columns: 40, rows: 20 };

let sandbox: ReturnType<typeof makeSandbox>;
let session: TerminalSession | undefined;

beforeAll(async () => {
  sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = 'pty-growth-1';
  const hatched = await runBuddy(['hatch'], { env: sandbox.env });
  expect(hatched.code).toBe(0);
});

afterAll(() => sandbox.cleanup());

afterEach(() => {
  session?.kill();
  session = undefined;
});

function open(size: Size = WIDE): TerminalSession {
  session = new TerminalSession({ args: [], env: sandbox.env, ...size, nodeArgs: ['--import', SHIFTED_CLOCK] });
  return session;
}

const isAmong = (allowed: Set<string>) => (screen: Screen) => allowed.has(screenText(screen));
const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((set) => [...set]));

function expectAllAmong(screens: readonly Screen[], allowed: Set<string>, what: string): void {
  expect(screens.length).toBeGreaterThan(0);
  for (const screen of screens) {
    const text = screenText(screen);
    if (!allowed.has(text)) expect.fail(`a screen that is not ${what}:\n${text}`);
  }
}

/**
 * Every screen from pressing a care key to the end of what it announces: before the fold lands (the old
 * growth), after it (the new growth), then with its bubbles, which start from the key press.
 */
function caredScreens(before: BuddyOnScreen, after: BuddyOnScreen, size: Size, input: string, announcements: readonly string[], windowMs: number): Set<string> {
  // A snack offered with f is eaten when the buddy has room (the screen then sends `snack`).
  const pressed = (at: number): PetEvent[] => [key(input, at), ...(input === 'f' ? [{ type: 'snack', now: at } as const] : [])];
  const announced = (at: number): PetEvent[] => [...pressed(at), { type: 'announce', texts: announcements, now: at }];
  return union(
    petScreens(before, size, { events: pressed, windowMs: 3_000 }),
    petScreens(after, size, { events: pressed, windowMs: 3_000 }),
    petScreens(after, size, { events: announced, windowMs }),
  );
}

describe('care and growth on a real terminal', () => {
  it('feeds with f: the snack is eaten bite by bite, and its first snack is announced', async () => {
    const buddy = seedGrowth(sandbox.env, { xp: 300, unearned: ['first-snack'], fullness: 30 });
    const { buddy: fed, announcements } = afterCare(buddy, ['feed']);
    // The first snack also unlocks the Cherry (docs/growth.md, Wardrobe), announced after it.
    expect(announcements).toEqual(['Achievement: First snack. You fed it a snack.', 'Unlocked: Cherry. Wear it: buddy wear cherry']);
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    term.type('f');
    await term.waitFor((screen) => screenText(screen).includes('(@)'), 'the snack');
    await term.waitFor((screen) => screenText(screen).includes('nom!'), 'the last bite');
    await term.waitFor((screen) => screenText(screen).includes('First snack'), 'the achievement in a bubble');
    await term.waitFor((screen) => !screenText(screen).includes('First snack'), 'the bubble gone', 20_000);
    expectAllAmong(term.screensSince(from), union(idle, caredScreens(buddy, fed, WIDE, 'f', announcements, 14_000), petScreens(fed, WIDE)), 'a feeding frame');
    const stored = readConfigSnapshot(sandbox.env).buddy?.growth;
    expect(stored?.counts.feeds).toBe(1);
    expect(stored?.achievements['first-snack']).toBeDefined();
    expect(stored?.fullness).toBeGreaterThan(75);
  }, 40_000);

  it('announces a level-up in a bubble, and the name line shows the new level', async () => {
    // Two XP short of level 3 (a level that teaches no trick): one pet brings it there.
    const buddy = seedGrowth(sandbox.env, { xp: 118 });
    const { buddy: grown, announcements } = afterCare(buddy, ['pet']);
    expect(announcements).toEqual([`Level up! ${buddy.name} is level 3.`]);
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet at level 2');
    expect(screenText(term.screens.at(-1)!)).toContain(' Lv 2');
    const from = term.screens.length;
    term.type('p');
    const levelled = await term.waitFor((screen) => screenText(screen).includes('Level up!'), 'the level-up bubble');
    expect(screenText(levelled)).toContain(' Lv 3');
    await term.waitFor((screen) => !screenText(screen).includes('Level up!'), 'the bubble gone', 20_000);
    expectAllAmong(term.screensSince(from), union(idle, caredScreens(buddy, grown, WIDE, 'p', announcements, 14_000), petScreens(grown, WIDE)), 'a level-up frame');
    expect(readConfigSnapshot(sandbox.env).buddy?.growth?.xp).toBe(120);
  }, 40_000);

  it.each([
    ['100×30', WIDE],
    ['40×20', NARROW],
  ])('shows the card with level, XP bar, stage, needs, mood, streak and achievements at %s', async (_name, size) => {
    const buddy = seedGrowth(sandbox.env, { xp: 1_900 });
    const term = open(size);
    await term.waitFor(isAmong(petScreens(buddy, size)), 'the idle pet');
    const from = term.screens.length;
    const card = petScreens(buddy, size, { events: (at) => [key('c', at)] });
    term.type('c');
    const shown = await term.waitFor(isAmong(card), 'the card');
    const text = screenText(shown);
    expect(text).toMatch(/Lv 10 young/);
    expect(text).toMatch(/100\/400 XP/);
    expect(text).toMatch(/fullness/);
    expect(text).toMatch(/streak 5 days/);
    expect(text).toMatch(/achievements/);
    term.type('c');
    await term.waitFor(isAmong(petScreens(buddy, size)), 'the card closed');
    expectAllAmong(term.screensSince(from), union(card, petScreens(buddy, size)), 'a frame with or without the card');
  });
});
