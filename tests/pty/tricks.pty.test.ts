// Tricks on a real terminal: a buddy at level 7 knows Spin, Hop and Nap; k performs the first, its frames
// change on screen, its name shows in a bubble, and the buddy comes back to its idle loop; k again goes on
// to the next. A buddy that knows none says which comes first. Every screen must be one the app's own
// composer draws for that moment, and performing gives no XP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { key, petScreens, screenText, seedGrowth, type BuddyOnScreen, type Size } from '../helpers/pet-screens.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';
import { xpForLevel } from '../../src/game/levels.js';
import { noTrickYetText } from '../../src/game/tricks.js';
import type { PetEvent } from '../../src/pet/pet-state.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { composeBuddyFrame } from '../../src/faces/frame.js';
import { choreographyOf } from '../../src/sprites/tricks.js';

const WIDE: Size = { columns: 100, rows: 30 };

let sandbox: ReturnType<typeof makeSandbox>;
let session: TerminalSession | undefined;

beforeAll(async () => {
  sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = 'pty-tricks-1';
  const hatched = await runBuddy(['hatch'], { env: sandbox.env });
  expect(hatched.code).toBe(0);
});

afterAll(() => sandbox.cleanup());

afterEach(() => {
  session?.kill();
  session = undefined;
});

function open(size: Size = WIDE): TerminalSession {
  session = new TerminalSession({ args: [], env: sandbox.env, ...size });
  return session;
}

const isAmong = (allowed: Set<string>) => (screen: Screen) => allowed.has(screenText(screen));
const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((set) => [...set]));

/** Every screen from pressing k to the end of the trick named `id` and its bubble. */
function trickScreens(buddy: BuddyOnScreen, id: string, before: readonly PetEvent[] = []): Set<string> {
  return petScreens(buddy, WIDE, { events: (at) => [...before, key('k', at), { type: 'trick', id, now: at }], windowMs: 6_000 });
}

describe('tricks on a real terminal', () => {
  it('k performs the first trick it knows: the frames change, its name shows, and it comes back to idle', async () => {
    const buddy = seedGrowth(sandbox.env, { xp: xpForLevel(7) });
    const xp = buddy.growth.xp;
    const term = open();
    const idle = petScreens(buddy, WIDE);
    await term.waitFor(isAmong(idle), 'the idle pet');
    const from = term.screens.length;
    term.type('k');
    await term.waitFor((screen) => screenText(screen).includes('Spin!'), 'the trick named in a bubble');
    await term.waitFor((screen) => !screenText(screen).includes('Spin!') && isAmong(idle)(screen), 'back to the idle pet', 15_000);
    const seen = term.screensSince(from);
    const allowed = union(idle, trickScreens(buddy, 'spin'));
    for (const screen of seen) if (!allowed.has(screenText(screen))) expect.fail(`a screen that is no frame of the spin:\n${screenText(screen)}`);
    const during = new Set(seen.map(screenText).filter((text) => text.includes('Spin!')));
    expect(during.size, 'the frames change while it spins').toBeGreaterThanOrEqual(3);
    expect(readConfigSnapshot(sandbox.env).buddy?.growth?.xp).toBe(xp);
  }, 40_000);

  it('k again performs the next trick it knows', async () => {
    const buddy = seedGrowth(sandbox.env, { xp: xpForLevel(7) });
    const term = open();
    await term.waitFor(isAmong(petScreens(buddy, WIDE)), 'the idle pet');
    term.type('k');
    await term.waitFor((screen) => screenText(screen).includes('Spin!'), 'the first trick');
    term.type('k');
    const hop = await term.waitFor((screen) => screenText(screen).includes('Hop!'), 'the second trick');
    expect(screenText(hop)).not.toContain('Spin!');
  }, 40_000);

  it('before the first trick, k says which trick comes at which level', async () => {
    const buddy = seedGrowth(sandbox.env, { xp: 0 });
    const term = open();
    await term.waitFor(isAmong(petScreens(buddy, WIDE)), 'the idle pet');
    term.type('k');
    const said = noTrickYetText(buddy.name, 1);
    expect(said).toBe(`${buddy.name} knows no tricks yet: Spin comes at level 2.`);
    const expected = petScreens(buddy, WIDE, { events: (at) => [key('k', at), { type: 'say', text: said, now: at }], windowMs: 1_000 });
    // Every one of these screens has that bubble (it is said at the key press).
    await term.waitFor(isAmong(expected), 'the bubble naming the first trick');
  }, 40_000);

  it('buddy trick plays in place on a terminal: one title, one frame redrawn, the last step left, the cursor given back', async () => {
    const buddy = seedGrowth(sandbox.env, { xp: xpForLevel(7) });
    const term = new TerminalSession({ args: ['trick', 'nap'], env: sandbox.env, ...WIDE, frames: 'writes' });
    session = term;
    expect(await term.exited).toBe(0);
    expect(term.cursorShown()).toBe(true);
    const steps = choreographyOf('nap')!.steps.length;
    const look = { ...buddy.bones, stage: buddy.views[0]!.stage };
    const last = composeBuddyFrame(look, { kind: 'trick', trick: 'nap', step: steps - 1 }).map((line) => line.trimEnd());
    expect(screenText(term.screens.at(-1)!)).toBe([`${buddy.name} performs Nap!`, ...last].join('\n').trimEnd());
    // Every step was drawn at the same place, under the one title.
    const first = composeBuddyFrame(look, { kind: 'trick', trick: 'nap', step: 0 }).map((line) => line.trimEnd());
    expect(term.screens.map(screenText)).toContain([`${buddy.name} performs Nap!`, ...first].join('\n').trimEnd());
  }, 40_000);

  it('buddy trick stops on Ctrl-C with the cursor given back', async () => {
    seedGrowth(sandbox.env, { xp: xpForLevel(7) });
    const term = new TerminalSession({ args: ['trick', 'spin'], env: sandbox.env, ...WIDE, frames: 'writes' });
    session = term;
    await term.waitForOutput('performs Spin!');
    term.type('\u0003');
    expect(await term.exited).toBe(130);
    expect(term.cursorShown()).toBe(true);
  }, 40_000);

  it.each([
    ['TERM=dumb', { TERM: 'dumb' }, []],
    ['--no-anim', {}, ['--no-anim']],
    ['NO_MOTION=1', { NO_MOTION: '1' }, []],
  ])('buddy trick on a terminal with %s prints its frames once instead, and never hides the cursor', async (_label, env, flags) => {
    seedGrowth(sandbox.env, { xp: xpForLevel(7) });
    // Tall enough for every frame, one under another.
    const term = new TerminalSession({ args: ['trick', 'hop', ...flags], env: { ...sandbox.env, ...env }, columns: 100, rows: 90, frames: 'writes' });
    session = term;
    expect(await term.exited).toBe(0);
    const steps = choreographyOf('hop')!.steps.length;
    const text = screenText(term.screens.at(-1)!);
    expect(text).toContain(`-- Hop 1/${steps} --`);
    expect(text).toContain(`-- Hop ${steps}/${steps} --`);
    expect(term.cursorShown()).toBe(true);
  }, 40_000);
});
