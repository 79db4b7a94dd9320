// Tricks in the pet: k asks for one (the screen, knowing the level, picks it), the trick plays as a timed
// reaction on the pet's one clock with its name in a short bubble, shows its key step still when motion is
// off, outranks a reaction while it plays, and then the buddy is back to its loop. Nothing about it is care.
import { describe, expect, it } from 'vitest';
import { initialPetState, reducePet, type PetState } from '../../src/pet/pet-state.js';
import { isMoving, petViewAt, trickFrameNow, type ViewOptions } from '../../src/pet/pet-view.js';
import { REACTION_MS, TRICK_BUBBLE_MS } from '../../src/pet/timing.js';
import { idleFrameAt, STILL_FRAME } from '../../src/sprites/animation.js';
import { choreographyOf, trickDurationMs } from '../../src/sprites/tricks.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { composePetScreen } from '../../src/pet/screen.js';
import { makePalette } from '../../src/render/ansi.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';

const T0 = 1_700_000_000_000;
const AT = T0 + 10_000;
const STILL: ViewOptions = { animate: false, idleFrameCount: 3, width: 12 };
const ANIMATED: ViewOptions = { animate: true, idleFrameCount: 3, width: 12 };
const SPIN = choreographyOf('spin')!;
const SPIN_MS = trickDurationMs(SPIN);

const fresh = (): PetState => initialPetState(T0);
const perform = (state: PetState, id: string, now = AT): PetState => reducePet(state, { type: 'trick', id, now }).state;

describe('k', () => {
  it('asks for a trick at the moment of the key, and changes nothing itself', () => {
    const state = fresh();
    const { state: next, effects } = reducePet(state, { type: 'key', input: 'k', key: {}, now: AT });
    expect(effects).toEqual([{ type: 'trick', at: AT }]);
    expect(next).toEqual({ ...state, lastActivityAt: AT });
  });

  it('is a key among others typed in one read, and text on the talk line', () => {
    expect(reducePet(fresh(), { type: 'key', input: 'kc', key: {}, now: AT }).effects).toEqual([{ type: 'trick', at: AT }]);
    const talking = { ...fresh(), draft: 'o' };
    const typed = reducePet(talking, { type: 'key', input: 'k', key: {}, now: AT });
    expect(typed.effects).toEqual([]);
    expect(typed.state.draft).toBe('ok');
  });
});

describe('a trick', () => {
  it('begins at its moment, named in a short bubble, and wakes the buddy', () => {
    const state = perform(fresh(), 'juggle');
    expect(state.trick).toEqual({ id: 'juggle', at: AT });
    expect(state.bubble).toEqual({ text: 'Juggle!', shownAt: AT, until: AT + TRICK_BUBBLE_MS });
    expect(state.lastActivityAt).toBe(AT);
    expect(perform({ ...fresh(), lastActivityAt: AT + 5 }, 'spin').lastActivityAt).toBe(AT + 5);
  });

  it('that it does not know changes nothing', () => {
    const state = fresh();
    expect(perform(state, 'cartwheel')).toBe(state);
  });

  it('plays its steps from its moment, each for its time, then the idle loop comes back', () => {
    const state = perform(fresh(), 'spin');
    expect(petViewAt(state, AT, ANIMATED).frame).toEqual({ kind: 'trick', trick: 'spin', step: 0 });
    expect(petViewAt(state, AT + SPIN.stepMs - 1, ANIMATED).frame).toEqual({ kind: 'trick', trick: 'spin', step: 0 });
    expect(petViewAt(state, AT + SPIN.stepMs, ANIMATED).frame).toEqual({ kind: 'trick', trick: 'spin', step: 1 });
    expect(petViewAt(state, AT + SPIN_MS - 1, ANIMATED).frame).toEqual({ kind: 'trick', trick: 'spin', step: SPIN.steps.length - 1 });
    expect(petViewAt(state, AT + SPIN_MS, ANIMATED).frame).toEqual(idleFrameAt(AT + SPIN_MS - T0, 3));
  });

  it('shows its key step, still, while it lasts when motion is off, then the still frame', () => {
    const state = perform(fresh(), 'spin');
    const key = { kind: 'trick', trick: 'spin', step: SPIN.key };
    expect(petViewAt(state, AT, STILL).frame).toEqual(key);
    expect(petViewAt(state, AT + SPIN_MS - 1, STILL).frame).toEqual(key);
    expect(petViewAt(state, AT + SPIN_MS, STILL).frame).toEqual(STILL_FRAME);
    expect(petViewAt(state, AT, STILL).bubble).toEqual({ kind: 'speech', text: 'Spin!', fading: false });
  });

  it('outranks a reaction while it plays; the reaction shows after it, while it lasts', () => {
    const petted = reducePet(perform(fresh(), 'spin'), { type: 'pet', now: AT + 100 }).state;
    expect(petViewAt(petted, AT + 200, ANIMATED).frame.kind).toBe('trick');
    const long = reducePet(perform(fresh(), 'roll'), { type: 'react', pose: 'sad', now: AT + SPIN_MS - REACTION_MS + 500 }).state;
    expect(petViewAt(long, AT + trickDurationMs(choreographyOf('roll')!), STILL).frame).toEqual({ kind: 'pose', pose: 'sad' });
  });

  it('keeps the clock running while it plays, animated or still', () => {
    const state = { ...perform(fresh(), 'spin'), bubble: undefined };
    expect(isMoving(state, AT + SPIN_MS - 1, false)).toBe(true);
    expect(isMoving(state, AT + SPIN_MS, false)).toBe(false);
    expect(isMoving(fresh(), AT, false)).toBe(false);
  });

  it('is no frame before any trick, after it, nor for a trick the art does not know', () => {
    expect(trickFrameNow(fresh(), AT, true)).toBeUndefined();
    expect(trickFrameNow(perform(fresh(), 'spin'), AT + SPIN_MS, true)).toBeUndefined();
    expect(trickFrameNow(perform(fresh(), 'spin'), AT + SPIN_MS, false)).toBeUndefined();
    expect(trickFrameNow({ ...fresh(), trick: { id: 'cartwheel', at: AT } }, AT, true)).toBeUndefined();
    expect(trickFrameNow(perform(fresh(), 'spin'), AT + SPIN.stepMs * 2, true)).toEqual({ kind: 'trick', trick: 'spin', step: 2 });
  });

  it('gives no care: no hearts, no snack, no effect', () => {
    const { state, effects } = reducePet(fresh(), { type: 'trick', id: 'spin', now: AT });
    expect(effects).toEqual([]);
    expect(state.heartsAt).toBeUndefined();
    expect(state.snackAt).toBeUndefined();
    expect(state.reaction).toBeUndefined();
  });
});

describe('the help panel', () => {
  it('lists k beside the other keys', () => {
    const bones = rollFromUserId('tricks-help-1');
    const sprite = spriteFor(bones.species);
    const state: PetState = { ...fresh(), panel: 'help' };
    const view = petViewAt(state, T0, STILL);
    const lines = composePetScreen({ bones, sprite, hats: hatTable(), name: 'Pip', personality: 'kind', soulNote: '', state, view, columns: 100, rows: 40, palette: makePalette(false) });
    expect(lines).toContain('k          a trick (the next one it knows; buddy tricks lists them)');
  });
});
