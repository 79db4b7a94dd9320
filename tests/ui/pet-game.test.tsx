// Catch the bug in the live pet (fake clock, fake growth host): g opens a turn-based round with motion
// off and a live one with motion on, the live round runs on the pet's clock, a finished round is handed
// to the host once and its result said in a bubble, with what the fold announced after it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialGrowth } from '../../src/game/state.js';
import type { PlayMode } from '../../src/game/catch/rules.js';
import { ROUND_MS, ROUND_TURNS } from '../../src/game/catch/rules.js';
import { roundResultText } from '../../src/game/catch/result.js';
import type { GrowthHost } from '../../src/pet/growth-host-port.js';
import { advance, press, renderPet, START, useFakeClock } from './harness.js';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

function fakeHost(best = 0): GrowthHost & { rounds: Array<{ mode: PlayMode; score: number }> } {
  const rounds: Array<{ mode: PlayMode; score: number }> = [];
  const state = initialGrowth(START - 60_000, START);
  let folds = 0;
  return {
    rounds,
    initial: state,
    careOn: true,
    record: () => undefined,
    played: (mode, score) => {
      rounds.push({ mode, score });
      return { bestBefore: best };
    },
    fold: async () => ({ growth: state, careOn: true, announcements: folds++ === 0 ? [] : ['Pim unlocked the Joystick!'] }),
    clockAt: (ms) => ({ now: ms, offsetMinutes: 0 }),
  };
}

const said = (frame: string | undefined): string => (frame ?? '').replace(/[│╭╮╰╯─|]/g, ' ').replace(/\s+/g, ' ');

describe('catch the bug in the pet', () => {
  it('motion off: g opens a turn-based round; its last move hands the round on and says the result', async () => {
    const host = fakeHost();
    const { lastFrame, stdin } = await renderPet({ animate: false, growth: host });
    await press(stdin, 'g');
    expect(lastFrame()).toContain(`Catch the bug! score 0 · ${ROUND_TURNS} moves left`);
    expect(lastFrame()).toContain('hjkl or arrows move · q ends');
    for (let move = 0; move < ROUND_TURNS; move++) await press(stdin, move % 2 === 0 ? 'l' : 'h');
    expect(lastFrame()).not.toContain('Catch the bug!');
    expect(host.rounds).toHaveLength(1);
    expect(host.rounds[0]?.mode).toBe('turns');
    expect(said(lastFrame())).toContain(roundResultText(host.rounds[0]!.score, 0));
    await advance(10_000);
    expect(said(lastFrame())).toContain('Pim unlocked the Joystick!');
  });

  it('q ends a round early: the pet is back and nothing is handed on', async () => {
    const host = fakeHost();
    const { lastFrame, stdin } = await renderPet({ animate: false, growth: host });
    await press(stdin, 'g');
    await press(stdin, 'l');
    await press(stdin, 'q');
    expect(lastFrame()).not.toContain('Catch the bug!');
    expect(lastFrame()).toContain('q quit');
    expect(host.rounds).toEqual([]);
  });

  it('motion on: a live round runs on the clock and ends by itself', async () => {
    const host = fakeHost(99);
    const { lastFrame, stdin } = await renderPet({ animate: true, growth: host });
    await press(stdin, 'g');
    expect(lastFrame()).toContain(`Catch the bug! score 0 · ${ROUND_MS / 1000} s left`);
    await advance(5_000);
    expect(lastFrame()).toMatch(/score \d+ · 4[01] s left/);
    for (let second = 0; second < ROUND_MS / 1000; second++) await advance(1_000);
    expect(lastFrame()).not.toContain('Catch the bug!');
    expect(host.rounds).toEqual([{ mode: 'live', score: 0 }]);
    expect(said(lastFrame())).toContain('No bugs this time. Again? (g)');
  });
});
