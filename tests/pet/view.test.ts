// What the pet looks like at a moment: bubbles that stay long enough to read and then fade, the thinking
// indicator, hearts, falling asleep, and whether anything on screen still moves.
import { describe, expect, it } from 'vitest';
import { initialPetState, reducePet, type PetState } from '../../src/pet/pet-state.js';
import { BUBBLE_FADE_MS, BUBBLE_MIN_MS, bubbleDurationMs, HEARTS_MS, REACTION_MS, SLEEP_AFTER_MS } from '../../src/pet/timing.js';
import { bubbleAt, isAsleep, isMoving, nextSelfChangeAt, petViewAt, type ViewOptions } from '../../src/pet/pet-view.js';
import { idleFrameAt, STILL_FRAME } from '../../src/sprites/animation.js';

const T0 = 1_700_000_000_000;
const WIDTH = 12;
const STILL: ViewOptions = { animate: false, idleFrameCount: 3, width: WIDTH };
const ANIMATED: ViewOptions = { animate: true, idleFrameCount: 3, width: WIDTH };

const fresh = (): PetState => initialPetState(T0);
const say = (state: PetState, text: string, now: number): PetState => reducePet(state, { type: 'say', text, now }).state;
const petted = (now: number): PetState => reducePet(fresh(), { type: 'pet', now }).state;
/** Times from `from` to `to` (exclusive) every `step` ms. */
const times = (from: number, to: number, step: number): number[] => Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);

describe('bubbleDurationMs', () => {
  it(`keeps every bubble up for at least ${BUBBLE_MIN_MS / 1000} s`, () => {
    expect(BUBBLE_MIN_MS).toBeGreaterThanOrEqual(10_000);
    for (const text of ['', 'hi', 'a'.repeat(59), 'a'.repeat(60)]) expect(bubbleDurationMs(text)).toBe(BUBBLE_MIN_MS);
  });

  it('keeps longer text up longer, never shorter', () => {
    let previous = 0;
    for (let length = 0; length <= 600; length += 7) {
      const duration = bubbleDurationMs('x'.repeat(length));
      expect(duration).toBeGreaterThanOrEqual(previous);
      previous = duration;
    }
    expect(bubbleDurationMs('x'.repeat(300))).toBeGreaterThan(bubbleDurationMs('x'.repeat(100)));
    expect(bubbleDurationMs('x'.repeat(100))).toBeGreaterThan(BUBBLE_MIN_MS);
  });

  it('shows even the shortest bubble clearly for 7 s, then fades it over its last 3 s', () => {
    const state = say(fresh(), 'hi', T0);
    expect(bubbleAt(state, T0 + 6_999, false)).toEqual({ kind: 'speech', text: 'hi', fading: false });
    expect(bubbleAt(state, T0 + 7_000, false)).toEqual({ kind: 'speech', text: 'hi', fading: true });
    expect(bubbleAt(state, T0 + 9_999, false)).toEqual({ kind: 'speech', text: 'hi', fading: true });
    expect(bubbleAt(state, T0 + 10_000, false)).toBeUndefined();
  });
});

describe('speech bubble', () => {
  const shownAt = T0 + 1_000;

  it.each([
    ['a short line', 'Hello!'],
    ['a long answer', 'Have you checked the line above it? '.repeat(8)],
  ])('shows %s in full, fades in the last seconds, then goes', (_label, text) => {
    const state = say(fresh(), text, shownAt);
    const end = shownAt + bubbleDurationMs(text);
    expect(bubbleAt(state, shownAt, false)).toEqual({ kind: 'speech', text, fading: false });
    expect(bubbleAt(state, shownAt + BUBBLE_MIN_MS - BUBBLE_FADE_MS - 1, false)).toMatchObject({ fading: false });
    expect(bubbleAt(state, end - BUBBLE_FADE_MS - 1, false)).toMatchObject({ kind: 'speech', fading: false });
    expect(bubbleAt(state, end - BUBBLE_FADE_MS, false)).toMatchObject({ kind: 'speech', fading: true });
    expect(bubbleAt(state, end - 1, false)).toMatchObject({ kind: 'speech', text, fading: true });
    expect(bubbleAt(state, end, false)).toBeUndefined();
    expect(bubbleAt(state, end + 60_000, false)).toBeUndefined();
  });

  it('is visible for at least 10 s whatever the text', () => {
    for (const text of ['', 'k', 'ok then']) {
      const state = say(fresh(), text, shownAt);
      expect(bubbleAt(state, shownAt + 9_999, false)?.kind).toBe('speech');
    }
  });

  it('a long answer outlasts a short one', () => {
    const long = say(fresh(), 'word '.repeat(60), shownAt);
    const at = shownAt + BUBBLE_MIN_MS + 5_000;
    expect(bubbleAt(long, at, false)).toMatchObject({ kind: 'speech', fading: false });
    expect(bubbleAt(say(fresh(), 'short', shownAt), at, false)).toBeUndefined();
  });

  it('a new line replaces the old bubble and restarts its time', () => {
    const first = say(fresh(), 'first', shownAt);
    const second = say(first, 'second', shownAt + 8_000);
    expect(bubbleAt(second, shownAt + 12_000, false)).toEqual({ kind: 'speech', text: 'second', fading: false });
  });

  it('appears in the view the same way, animated or not', () => {
    const state = say(fresh(), 'Hello!', shownAt);
    expect(petViewAt(state, shownAt + 100, STILL).bubble).toEqual({ kind: 'speech', text: 'Hello!', fading: false });
    expect(petViewAt(state, shownAt + 100, ANIMATED).bubble).toEqual({ kind: 'speech', text: 'Hello!', fading: false });
  });
});

describe('thinking indicator', () => {
  const thinkingAt = T0 + 2_000;
  const thinking = (): PetState => reducePet(fresh(), { type: 'thinking', now: thinkingAt }).state;

  it('shows a still ellipsis when animation is off', () => {
    for (const now of [thinkingAt, thinkingAt + 700, thinkingAt + 5_000]) {
      expect(bubbleAt(thinking(), now, false)).toEqual({ kind: 'thinking', text: '…' });
    }
  });

  it('shows growing dots when animated, always the same width', () => {
    const texts = times(thinkingAt, thinkingAt + 3_000, 250).map((now) => bubbleAt(thinking(), now, true));
    for (const view of texts) {
      expect(view?.kind).toBe('thinking');
      expect(view?.text).toMatch(/^\.{1,3} {0,2}$/);
      expect(view?.text).toHaveLength(3);
    }
    expect(new Set(texts.map((view) => view?.text))).toEqual(new Set(['.  ', '.. ', '...']));
  });

  it("counts its dots from the pet's start, like the idle frames, whenever the pet was started", () => {
    for (const startedAt of [T0, T0 + 250, T0 + 500, T0 + 1_000]) {
      const state = reducePet(initialPetState(startedAt), { type: 'thinking', now: startedAt + 100 }).state;
      const dots = [0, 500, 1_000, 1_500].map((elapsed) => bubbleAt(state, startedAt + elapsed, true)?.text);
      expect(dots).toEqual(['.  ', '.. ', '...', '.  ']);
    }
  });

  it('stays until the answer comes, however long that takes', () => {
    expect(bubbleAt(thinking(), thinkingAt + 10 * 60_000, false)?.kind).toBe('thinking');
    const answered = say(thinking(), 'Done!', thinkingAt + 20_000);
    expect(bubbleAt(answered, thinkingAt + 20_000, false)?.kind).toBe('speech');
  });
});

describe('hearts', () => {
  const at = T0 + 3_000;

  it(`float overhead for ${HEARTS_MS / 1000} s after a pet, then go`, () => {
    const state = petted(at);
    for (const now of [at, at + 1_000, at + HEARTS_MS - 1]) {
      expect(petViewAt(state, now, STILL).overhead).toContain('♥');
      expect(petViewAt(state, now, ANIMATED).overhead).toContain('♥');
    }
    expect(petViewAt(state, at + HEARTS_MS, STILL).overhead).toBeUndefined();
  });

  it('fit the width they are given', () => {
    for (const width of [4, 9, 20]) {
      const overhead = petViewAt(petted(at), at, { ...STILL, width }).overhead;
      expect(overhead).toHaveLength(width);
    }
  });

  it('hold still when animation is off and drift when it is on', () => {
    const state = petted(at);
    const still = new Set(times(at, at + HEARTS_MS, 100).map((now) => petViewAt(state, now, STILL).overhead));
    const animated = new Set(times(at, at + HEARTS_MS, 100).map((now) => petViewAt(state, now, ANIMATED).overhead));
    expect(still.size).toBe(1);
    expect(animated.size).toBeGreaterThan(1);
  });

  it('come with a happy pose while the reaction lasts', () => {
    const state = petted(at);
    expect(petViewAt(state, at, STILL).frame).toEqual({ kind: 'pose', pose: 'happy' });
    expect(petViewAt(state, at + REACTION_MS, STILL).frame).toEqual(STILL_FRAME);
  });
});

describe('sleep', () => {
  const sleepAt = T0 + SLEEP_AFTER_MS;

  it('falls asleep after a long time without activity, not before', () => {
    expect(isAsleep(fresh(), sleepAt - 1)).toBe(false);
    expect(isAsleep(fresh(), sleepAt)).toBe(true);
    expect(isAsleep(fresh(), sleepAt + 3_600_000)).toBe(true);
  });

  it('shows the sleepy pose and z’s overhead while asleep', () => {
    for (const options of [STILL, ANIMATED]) {
      const view = petViewAt(fresh(), sleepAt + 1_000, options);
      expect(view.asleep).toBe(true);
      expect(view.frame).toEqual({ kind: 'pose', pose: 'sleepy' });
      expect(view.overhead).toMatch(/[zZ]/);
      expect(view.overhead).toHaveLength(WIDTH);
    }
    const awake = petViewAt(fresh(), sleepAt - 1, STILL);
    expect(awake.asleep).toBe(false);
    expect(awake.overhead).toBeUndefined();
  });

  it('does not sleep while a bubble is showing', () => {
    const text = 'still talking';
    const bubbleShownAt = sleepAt + 5_000;
    const state: PetState = { ...fresh(), bubble: { text, shownAt: bubbleShownAt, until: bubbleShownAt + bubbleDurationMs(text) } };
    expect(isAsleep(state, bubbleShownAt + 1)).toBe(false);
    expect(petViewAt(state, bubbleShownAt + 1, STILL).frame).not.toEqual({ kind: 'pose', pose: 'sleepy' });
    expect(isAsleep(state, bubbleShownAt + bubbleDurationMs(text))).toBe(true);
  });

  it('does not sleep while waiting for an answer', () => {
    const thinking = reducePet(fresh(), { type: 'thinking', now: T0 + 10 }).state;
    expect(isAsleep(thinking, sleepAt + 60_000)).toBe(false);
  });

  it('does not sleep while the talk line is open', () => {
    const talking = reducePet(fresh(), { type: 'key', input: 't', key: {}, now: T0 }).state;
    expect(talking.draft).toBe('');
    expect(isAsleep(talking, sleepAt + 60_000)).toBe(false);
    expect(petViewAt(talking, sleepAt + 60_000, STILL).overhead).toBeUndefined();
  });

  it('any activity pushes sleep back', () => {
    const woken = reducePet(fresh(), { type: 'key', input: 'x', key: {}, now: sleepAt + 10 }).state;
    expect(isAsleep(woken, sleepAt + 10)).toBe(false);
    expect(isAsleep(woken, sleepAt + 10 + SLEEP_AFTER_MS)).toBe(true);
    const spokenTo = say(fresh(), 'hello', sleepAt - 1_000);
    expect(isAsleep(spokenTo, sleepAt + 1_000)).toBe(false);
  });
});

describe('frames', () => {
  it('a still buddy shows the rest frame at every moment', () => {
    const state = fresh();
    for (const now of times(T0, T0 + 30_000, 100)) expect(petViewAt(state, now, STILL).frame).toEqual(STILL_FRAME);
    for (const now of times(T0, T0 + 30_000, 500)) expect(petViewAt(state, now, STILL).sparklePhase).toBe(0);
  });

  it('a still buddy shows the pose while reacting, then rests again', () => {
    const state = reducePet(fresh(), { type: 'react', pose: 'alarmed', now: T0 + 500 }).state;
    for (const now of times(T0 + 500, T0 + 500 + REACTION_MS, 100)) {
      expect(petViewAt(state, now, STILL).frame).toEqual({ kind: 'pose', pose: 'alarmed' });
    }
    expect(petViewAt(state, T0 + 500 + REACTION_MS, STILL).frame).toEqual(STILL_FRAME);
  });

  it('an animated buddy runs the idle loop from the moment it started', () => {
    const state = fresh();
    const frames = times(T0, T0 + 15_000, 250).map((now) => petViewAt(state, now, ANIMATED).frame);
    expect(frames).toEqual(times(0, 15_000, 250).map((elapsed) => idleFrameAt(elapsed, 3)));
    expect(new Set(frames.map((frame) => JSON.stringify(frame))).size).toBeGreaterThan(1);
  });

  it('an animated buddy shows its reaction pose when the reaction starts, and fidgets within it', () => {
    const at = T0 + 2_000;
    const state = reducePet(fresh(), { type: 'say', text: 'hi', now: at }).state;
    expect(petViewAt(state, at, ANIMATED).frame).toEqual({ kind: 'pose', pose: 'talking' });
    const kinds = new Set(times(at, at + REACTION_MS, 100).map((now) => petViewAt(state, now, ANIMATED).frame.kind));
    expect(kinds).toEqual(new Set(['pose', 'idle']));
  });
});

describe('the picture, tick by tick', () => {
  const view = (state: PetState, now: number, options: Partial<ViewOptions> = {}) => petViewAt(state, now, { ...ANIMATED, ...options });

  it('floats the hearts in four drifting rows, counted from when the pet started', () => {
    const state = petted(T0 + 1_000);
    expect([1_000, 1_500, 2_000, 2_500].map((t) => view(state, T0 + t).overhead)).toEqual([
      '   ♥   ♥    ',
      ' ♥    ♥     ',
      '  ♥    ♥    ',
      '♥   ♥       ',
    ]);
    expect(view(state, T0 + 2_000, { animate: false }).overhead).toBe('  ♥    ♥    ');
  });

  it("drifts the z's in four rows while asleep", () => {
    const asleepAt = T0 + 180_000;
    expect([0, 500, 1_000, 1_500].map((t) => view(fresh(), asleepAt + t).overhead)).toEqual([
      '        z   ',
      '         Z  ',
      '       z    ',
      '          z ',
    ]);
    expect(view(fresh(), asleepAt + 1_000, { animate: false }).overhead).toBe('        z   ');
  });

  it('runs a reaction loop from the moment of the reaction: pose, pose, fidget, pose, pose, fidget', () => {
    const at = T0 + 2_250;
    const state = reducePet(fresh(), { type: 'react', pose: 'alarmed', now: at }).state;
    expect([0, 500, 1_000, 1_500, 2_000, 2_500].map((t) => view(state, at + t).frame)).toEqual([
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'idle', index: 1, blink: false },
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'idle', index: 2, blink: false },
    ]);
  });

  it('moves the sparkles of a shiny buddy every tick, and only when animated', () => {
    expect(view(fresh(), T0 + 1_500, { shiny: true }).sparklePhase).toBe(3);
    expect(view(fresh(), T0 + 1_999, { shiny: true }).sparklePhase).toBe(3);
    expect(view(fresh(), T0 + 1_500, { shiny: true, animate: false }).sparklePhase).toBe(0);
    expect(view(fresh(), T0 + 1_500, { shiny: false }).sparklePhase).toBe(0);
    expect(view(fresh(), T0 + 1_500).sparklePhase).toBe(0);
  });

  it('draws no speech bubble for a bubble without an end time', () => {
    const state: PetState = { ...fresh(), bubble: { text: 'waiting', shownAt: T0 } };
    expect(bubbleAt(state, T0 + 1_000, true)).toBeUndefined();
    expect(view(state, T0 + 1_000).bubble).toBeUndefined();
  });
});

describe('isMoving', () => {
  it('is false for a still buddy with nothing going on', () => {
    for (const now of [T0, T0 + 5_000, T0 + SLEEP_AFTER_MS + 5_000]) expect(isMoving(fresh(), now, false)).toBe(false);
  });

  it('is always true when animated', () => {
    expect(isMoving(fresh(), T0, true)).toBe(true);
    expect(isMoving(fresh(), T0 + SLEEP_AFTER_MS * 2, true)).toBe(true);
  });

  it('is true while hearts or a reaction show, false once they are over', () => {
    const at = T0 + 1_000;
    const state = petted(at);
    expect(isMoving(state, at, false)).toBe(true);
    expect(isMoving(state, at + HEARTS_MS - 1, false)).toBe(true);
    expect(isMoving(state, at + Math.max(HEARTS_MS, REACTION_MS), false)).toBe(false);
  });

  it('is true while a bubble shows (it fades and disappears), false after', () => {
    const at = T0 + 1_000;
    const text = 'A bubble';
    const state = say(fresh(), text, at);
    expect(isMoving(state, at + REACTION_MS + 1, false)).toBe(true);
    expect(isMoving(state, at + bubbleDurationMs(text) - 1, false)).toBe(true);
    expect(isMoving(state, at + bubbleDurationMs(text), false)).toBe(false);
  });

  it('is true while thinking', () => {
    const state = reducePet(fresh(), { type: 'thinking', now: T0 }).state;
    expect(isMoving(state, T0 + 60_000, false)).toBe(true);
  });

  it('agrees with the view: a still buddy that is not moving looks the same a moment later', () => {
    const state = fresh();
    const now = T0 + 4_321;
    expect(isMoving(state, now, false)).toBe(false);
    expect(petViewAt(state, now + 700, STILL)).toEqual(petViewAt(state, now, STILL));
  });
});

describe('nextSelfChangeAt', () => {
  it('is the moment a still buddy falls asleep', () => {
    const state = fresh();
    const next = nextSelfChangeAt(state, T0 + 10);
    expect(next).toBe(T0 + SLEEP_AFTER_MS);
    expect(isAsleep(state, next! - 1)).toBe(false);
    expect(isAsleep(state, next!)).toBe(true);
  });

  it('nothing changes by itself once asleep', () => {
    expect(nextSelfChangeAt(fresh(), T0 + SLEEP_AFTER_MS)).toBeUndefined();
    expect(nextSelfChangeAt(fresh(), T0 + SLEEP_AFTER_MS + 1)).toBeUndefined();
  });

  it('moves with activity', () => {
    const woken = reducePet(fresh(), { type: 'key', input: 'x', key: {}, now: T0 + 60_000 }).state;
    expect(nextSelfChangeAt(woken, T0 + 60_000)).toBe(T0 + 60_000 + SLEEP_AFTER_MS);
  });
});
