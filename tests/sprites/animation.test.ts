// The idle loop and reaction cycle: mostly rest, one blink and a few fidgets per loop, picked from elapsed
// time alone so every view of the buddy shows the same moment.
import { describe, expect, it, vi } from 'vitest';
import { IDLE_LOOP_MS, idleFrameAt, reactionFrameAt, REACTION_LOOP, STILL_FRAME, TICK_MS, type FrameChoice } from '../../src/sprites/animation.js';

const TICKS_PER_LOOP = 15;
const key = (frame: FrameChoice): string => JSON.stringify(frame);
const isRest = (frame: FrameChoice): boolean => frame.kind === 'idle' && frame.index === 0 && !frame.blink;
const isBlink = (frame: FrameChoice): boolean => frame.kind === 'idle' && frame.blink;
const isFidget = (frame: FrameChoice): boolean => frame.kind === 'idle' && frame.index > 0;

/** The frame at the middle of each tick of loop number `loop`. */
function loopFrames(loop: number, idleFrameCount: number): FrameChoice[] {
  return Array.from({ length: TICKS_PER_LOOP }, (_, tick) => idleFrameAt(loop * IDLE_LOOP_MS + tick * TICK_MS + TICK_MS / 2, idleFrameCount));
}

describe('timing of the idle loop', () => {
  it('ticks every 500 ms over a 7.5 s loop of 15 ticks: one blink a loop, in the tick from 4.5 s', () => {
    // Literal milliseconds, read off the frames themselves rather than the constants that make them.
    const blinksAt = (from: number, to: number): number[] => {
      const starts: number[] = [];
      for (let ms = from; ms < to; ms += 50) {
        const frame = idleFrameAt(ms, 3);
        if (frame.kind === 'idle' && frame.blink && !(starts.length > 0 && ms - starts[starts.length - 1]! < 500)) starts.push(ms);
      }
      return starts;
    };
    expect(blinksAt(0, 15_000)).toEqual([4_500, 12_000]);
    for (const ms of [4_450, 5_000]) expect(idleFrameAt(ms, 3)).toMatchObject({ blink: false });
    expect(idleFrameAt(4_999, 3)).toMatchObject({ blink: true });
    for (let ms = 0; ms < 7_500; ms += 250) expect(idleFrameAt(ms + 7_500, 3)).toEqual(idleFrameAt(ms, 3));
  });

  it('holds each frame for a whole tick', () => {
    for (let tick = 0; tick < TICKS_PER_LOOP * 2; tick++) {
      const start = tick * TICK_MS;
      const frame = idleFrameAt(start, 3);
      for (const offset of [1, 250, TICK_MS - 1]) expect(idleFrameAt(start + offset, 3)).toEqual(frame);
    }
  });

  it('starts at rest, and treats a moment before the start as the start', () => {
    expect(idleFrameAt(0, 3)).toEqual(STILL_FRAME);
    expect(idleFrameAt(-1_000, 3)).toEqual(idleFrameAt(0, 3));
  });
});

describe('what the idle loop shows', () => {
  it.each([1, 2, 3, 4, 5, 7])('is mostly rest, blinks exactly once and fidgets, on every loop (%i idle frames)', (count) => {
    for (let loop = 0; loop < 6; loop++) {
      const frames = loopFrames(loop, count);
      expect(frames.filter(isBlink)).toHaveLength(1);
      expect(frames.filter(isRest).length).toBeGreaterThan(TICKS_PER_LOOP / 2);
      if (count > 1) expect(frames.filter(isFidget).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('blinks on the rest frame with closed eyes', () => {
    const blink = loopFrames(0, 3).find(isBlink);
    expect(blink).toEqual({ kind: 'idle', index: 0, blink: true });
  });

  it('uses both standard fidgets (idle-1 and idle-2)', () => {
    const indexes = new Set(loopFrames(0, 3).map((frame) => (frame.kind === 'idle' ? frame.index : -1)));
    expect(indexes).toEqual(new Set([0, 1, 2]));
  });

  it.each([1, 2, 3, 4, 5, 8])('never asks for an idle frame the species does not have (%i frames)', (count) => {
    for (let tick = 0; tick < TICKS_PER_LOOP * 12; tick++) {
      const frame = idleFrameAt(tick * TICK_MS, count);
      expect(frame.kind).toBe('idle');
      if (frame.kind === 'idle') {
        expect(frame.index).toBeGreaterThanOrEqual(0);
        expect(frame.index).toBeLessThan(count);
      }
    }
  });

  it('only ever shows idle frames, never a pose', () => {
    for (let t = 0; t < IDLE_LOOP_MS * 3; t += 125) expect(idleFrameAt(t, 5).kind).toBe('idle');
  });
});

describe('looping', () => {
  it.each([1, 2, 3])('repeats exactly every loop with %i idle frames', (count) => {
    for (let t = 0; t < IDLE_LOOP_MS * 3; t += 137) {
      expect(idleFrameAt(t + IDLE_LOOP_MS, count)).toEqual(idleFrameAt(t, count));
      expect(idleFrameAt(t + 10 * IDLE_LOOP_MS, count)).toEqual(idleFrameAt(t, count));
    }
  });

  it('keeps rest and blinks at the same moments of every loop, whatever the frame count', () => {
    for (const count of [4, 5]) {
      for (let t = 0; t < IDLE_LOOP_MS; t += 250) {
        const here = idleFrameAt(t, count);
        const later = idleFrameAt(t + 4 * IDLE_LOOP_MS, count);
        expect(isRest(later)).toBe(isRest(here));
        expect(isBlink(later)).toBe(isBlink(here));
      }
    }
  });

  it('uses the extra idle frames of a 5-frame species on later loops', () => {
    const first = new Set(loopFrames(0, 5).map(key));
    const seen = new Set<number>();
    for (let loop = 0; loop < 3; loop++) {
      for (const frame of loopFrames(loop, 5)) if (frame.kind === 'idle') seen.add(frame.index);
    }
    expect(seen).toEqual(new Set([0, 1, 2, 3, 4]));
    // The first loop alone does not show them all: the variety comes from later loops.
    expect(first.size).toBeLessThan(6);
    expect(new Set(loopFrames(1, 5).map(key))).not.toEqual(first);
  });

  it('keeps idle-1 as the first fidget and gives the second fidget slot to idle-2, idle-3, idle-4 in turn', () => {
    const firstFidget = (loop: number): FrameChoice => idleFrameAt(loop * 7_500 + 4 * 500, 5);
    const secondFidget = (loop: number): FrameChoice => idleFrameAt(loop * 7_500 + 12 * 500, 5);
    expect([0, 1, 2, 3].map(firstFidget)).toEqual(Array(4).fill({ kind: 'idle', index: 1, blink: false }));
    expect([0, 1, 2, 3].map(secondFidget)).toEqual([2, 3, 4, 2].map((index) => ({ kind: 'idle', index, blink: false })));
  });

  it('cycles back to the same loop once every extra frame has had its turn', () => {
    for (let t = 0; t < IDLE_LOOP_MS; t += 250) expect(idleFrameAt(t + 3 * IDLE_LOOP_MS, 5)).toEqual(idleFrameAt(t, 5));
    for (let t = 0; t < IDLE_LOOP_MS; t += 250) expect(idleFrameAt(t + 2 * IDLE_LOOP_MS, 4)).toEqual(idleFrameAt(t, 4));
  });
});

describe('depends on elapsed time only', () => {
  it('gives the same frames whatever order the moments are asked in', () => {
    const moments = Array.from({ length: 200 }, (_, i) => (i * 7_919) % (IDLE_LOOP_MS * 4));
    const forward = moments.map((t) => key(idleFrameAt(t, 5)));
    const backward = [...moments].reverse().map((t) => key(idleFrameAt(t, 5))).reverse();
    expect(backward).toEqual(forward);
  });

  it('gives the same frame for the same moment, every time', () => {
    expect(idleFrameAt(123_456, 5)).toEqual(idleFrameAt(123_456, 5));
    expect(reactionFrameAt(2_345, 'happy')).toEqual(reactionFrameAt(2_345, 'happy'));
  });
});

describe('reaction frames', () => {
  it('show the pose the moment the reaction starts', () => {
    for (const pose of ['happy', 'sad', 'alarmed', 'talking'] as const) {
      expect(reactionFrameAt(0, pose)).toEqual({ kind: 'pose', pose });
    }
  });

  it('mostly show the pose, with a fidget now and then, ticking every 500 ms', () => {
    const frames = Array.from({ length: REACTION_LOOP.length }, (_, tick) => reactionFrameAt(tick * TICK_MS + 10, 'happy'));
    const poses = frames.filter((frame) => frame.kind === 'pose');
    const fidgets = frames.filter(isFidget);
    expect(poses.length + fidgets.length).toBe(frames.length);
    expect(poses.length).toBeGreaterThan(fidgets.length);
    expect(fidgets.length).toBeGreaterThan(0);
    for (const frame of fidgets) expect(frame).toMatchObject({ kind: 'idle', blink: false });
    for (const frame of fidgets) if (frame.kind === 'idle') expect([1, 2]).toContain(frame.index);
    expect(reactionFrameAt(TICK_MS - 1, 'happy')).toEqual(reactionFrameAt(0, 'happy'));
  });

  it('repeat every cycle', () => {
    const cycle = REACTION_LOOP.length * TICK_MS;
    for (let t = 0; t < cycle * 2; t += 111) expect(reactionFrameAt(t + cycle, 'sad')).toEqual(reactionFrameAt(t, 'sad'));
  });
});

describe('the loops as tables', () => {
  it('are exactly these, read afresh inside a test so each entry is measured', async () => {
    vi.resetModules();
    const fresh = await import('../../src/sprites/animation.js');
    expect(fresh.IDLE_LOOP).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 'blink', 0, 0, 2, 0, 0]);
    expect(fresh.IDLE_LOOP_MS).toBe(7_500);
    expect(fresh.REACTION_LOOP).toEqual(['pose', 'pose', 1, 'pose', 'pose', 2]);
    expect(fresh.MOOD_TICKS).toEqual([5, 6, 7, 8]);
    expect(fresh.STILL_FRAME).toEqual({ kind: 'idle', index: 0, blink: false });
  });
});
