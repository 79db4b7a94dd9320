// The live pet with fake timers: idle animation, blink, petting, bubbles, sleep, narrow terminals.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_LOOP, IDLE_LOOP_MS, TICK_MS } from '../../src/sprites/animation.js';
import { BUBBLE_FADE_MS, SLEEP_AFTER_MS } from '../../src/pet/timing.js';
import type { Responder } from '../../src/pet/responder-port.js';
import { advance, press, renderPet, setColumns, useFakeClock } from './harness.js';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

/** The sprite part of a frame: everything above the name line. */
function spriteOf(frame: string | undefined): string {
  return (frame ?? '').split('\nPim')[0] as string;
}

describe('idle animation', () => {
  it('shows the name, stars and key hints', async () => {
    const { lastFrame } = await renderPet();
    expect(lastFrame()).toContain('Pim ★☆☆☆☆');
    expect(lastFrame()).toContain('p pet · f feed · c card · t talk · g game · ? help · q quit');
  });

  it('advances through the idle loop and comes back to the start', async () => {
    const { lastFrame } = await renderPet();
    const frames: string[] = [];
    for (let tick = 0; tick < IDLE_LOOP.length; tick++) {
      frames.push(spriteOf(lastFrame()));
      await advance(TICK_MS);
    }
    expect(new Set(frames).size).toBeGreaterThanOrEqual(3);
    expect(spriteOf(lastFrame())).toBe(frames[0]);
    // Mostly rest: most ticks show the first frame.
    expect(frames.filter((frame) => frame === frames[0]).length).toBeGreaterThan(IDLE_LOOP.length / 2);
  });

  it('blinks once per 7.5 s loop: the eyes close for one tick, 4.5 s in', async () => {
    const { lastFrame } = await renderPet();
    const closedAtMs: number[] = [];
    for (let tick = 0; tick < 30; tick++) {
      if (!spriteOf(lastFrame()).includes('◉')) closedAtMs.push(tick * 500);
      await advance(TICK_MS);
    }
    expect(closedAtMs).toEqual([4_500, 12_000]);
  });

  it('holds still with animation off and stops its clock', async () => {
    const { lastFrame } = await renderPet({ animate: false });
    const first = lastFrame();
    await advance(IDLE_LOOP_MS);
    expect(lastFrame()).toBe(first);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1); // at most the single "fall asleep" timer
  });
});

describe('petting', () => {
  it('floats hearts for about 2.5 s', async () => {
    const { lastFrame, stdin } = await renderPet();
    expect(lastFrame()).not.toContain('♥');
    await press(stdin, 'p');
    expect(lastFrame()).toContain('♥');
    await advance(2_000);
    expect(lastFrame()).toContain('♥');
    await advance(600);
    expect(lastFrame()).not.toContain('♥');
  });
});

describe('talking', () => {
  it('opens a talk line, sends on Enter and shows the answer in a bubble that stays, fades and goes', async () => {
    const respond: Responder = (message) => ({ thinking: false, reply: Promise.resolve({ text: `you said ${message}` }) });
    const { lastFrame, stdin } = await renderPet({ respond });
    await press(stdin, 't');
    expect(lastFrame()).toContain('›');
    await press(stdin, 'h', 'i', ' ', 'P', 'i', 'm', '\r');
    expect(lastFrame()).toContain('you said hi Pim');
    expect(lastFrame()).toContain('╭');
    await advance(10_000 - BUBBLE_FADE_MS - 500);
    expect(lastFrame()).toContain('you said hi Pim');
    await advance(BUBBLE_FADE_MS);
    expect(lastFrame()).toContain('you said hi Pim'); // still readable while fading
    await advance(1_000);
    expect(lastFrame()).not.toContain('you said hi Pim');
  });

  it('shows a thinking indicator while a slow answer is on its way, and keeps animating', async () => {
    let answer!: (text: { text: string }) => void;
    const respond: Responder = () => ({ thinking: true, reply: new Promise((resolve) => (answer = resolve)) });
    const { lastFrame, stdin } = await renderPet({ respond });
    await press(stdin, 't', 'P', 'i', 'm', '?', '\r');
    expect(lastFrame()).toMatch(/╭[\s\S]*\.[\s\S]*╰/);
    const before = lastFrame();
    await advance(TICK_MS);
    expect(lastFrame()).not.toBe(before); // the dots move: nothing is frozen
    await press(stdin, 'p');
    expect(lastFrame()).toContain('♥'); // input still works while waiting
    await act(async () => answer({ text: 'Pebbles, mostly.' }));
    await advance(0);
    expect(lastFrame()).toContain('Pebbles, mostly.');
  });

  it('closes the talk line with Esc without sending', async () => {
    const respond = vi.fn<Responder>(() => ({ thinking: false, reply: Promise.resolve({ text: 'x' }) }));
    const { lastFrame, stdin } = await renderPet({ respond });
    await press(stdin, 't', 'h', 'e', 'y', '\u001b');
    await advance(100);
    expect(lastFrame()).not.toContain('›');
    expect(respond).not.toHaveBeenCalled();
  });
});

describe('panels', () => {
  it('toggles the stat card with c', async () => {
    const { lastFrame, stdin } = await renderPet();
    await press(stdin, 'c');
    expect(lastFrame()).toContain('DEBUGGING');
    expect(lastFrame()).toContain('Pim collects shiny pebbles.');
    expect(lastFrame()).toContain('soul written offline');
    await press(stdin, 'c');
    expect(lastFrame()).not.toContain('DEBUGGING');
  });

  it('shows the journal with l, read when it opens and again after the buddy says something', async () => {
    const said = [{ time: '14:02', text: 'Ooh, a red one.' }];
    const readJournal = vi.fn(() => [...said]);
    const respond = vi.fn<Responder>(() => {
      said.push({ time: '14:03', text: 'Pebbles, mostly.' });
      return { thinking: false, reply: Promise.resolve({ text: 'Pebbles, mostly.' }) };
    });
    const { lastFrame, stdin } = await renderPet({ readJournal, respond });
    expect(readJournal).not.toHaveBeenCalled();
    await press(stdin, 'l');
    expect(lastFrame()).toContain('Journal · buddy log shows more');
    expect(lastFrame()).toContain('14:02 Ooh, a red one.');
    await press(stdin, 't', 'P', 'i', 'm', '?', '\r');
    await advance(0);
    expect(lastFrame()).toContain('14:03 Pebbles, mostly.');
    await press(stdin, 'l');
    expect(lastFrame()).not.toContain('Journal');
  });

  it('shows help with ? and explains that it answers to its name', async () => {
    const { lastFrame, stdin } = await renderPet();
    await press(stdin, '?');
    expect(lastFrame()).toContain('answers when you call it by name');
  });
});

describe('sleep', () => {
  it('falls asleep after a long idle and wakes on a key', async () => {
    const { lastFrame, stdin } = await renderPet();
    await advance(SLEEP_AFTER_MS + TICK_MS);
    expect(lastFrame()).toMatch(/[zZ]/);
    expect(spriteOf(lastFrame())).not.toContain('◉');
    await press(stdin, 'x');
    await advance(TICK_MS);
    // Awake: the z's are gone and the eyes are open again.
    expect(lastFrame()).not.toMatch(/[zZ]/);
    expect(spriteOf(lastFrame())).toContain('◉');
  });

  it('falls asleep even when still (no animation), on a single timer', async () => {
    const { lastFrame } = await renderPet({ animate: false });
    await advance(SLEEP_AFTER_MS + 10);
    expect(lastFrame()).toMatch(/[zZ]/);
  });
});

describe('narrow terminals', () => {
  it('collapses to the one-line face with the name and a short key hint, live on resize', async () => {
    const { lastFrame, stdout } = await renderPet();
    await act(async () => setColumns(stdout, 24));
    await advance(TICK_MS);
    const frame = lastFrame() ?? '';
    expect(frame.split('\n')).toEqual([expect.stringMatching(/^\S*◉\S* Pim$/), '? help · q quit']);
    await act(async () => setColumns(stdout, 100));
    await advance(TICK_MS);
    expect((lastFrame() ?? '').split('\n').length).toBeGreaterThan(4);
  });
});
