// The pet's side of care and growth, as pure functions: f gives a snack (eaten bite by bite) and records the
// care, announcements queue one bubble after another, the mood shows in the idle loop and the still frame,
// and the screen shows the level, the stage's accessory, the mood on the face line and the card's progress.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { MOOD_POSE } from '../../src/sprites/mood-art.js';
import { initialGrowth, type Mood } from '../../src/game/state.js';
import { growthViewAt, type GrowthView } from '../../src/game/view.js';
import { composePetScreen } from '../../src/pet/screen.js';
import { initialPetState, reducePet, snackVisible, type PetState } from '../../src/pet/pet-state.js';
import { bubbleDurationMs, SLEEP_AFTER_MS, SNACK_MS } from '../../src/pet/timing.js';
import { bubbleAt, isMoving, nextSelfChangeAt, petViewAt, type ViewOptions } from '../../src/pet/pet-view.js';
import { makePalette } from '../../src/render/ansi.js';
import { renderCard } from '../../src/render/card.js';
import { IDLE_LOOP_MS, moodIdleFrameAt, MOOD_TICKS, stillFrameFor, TICK_MS } from '../../src/sprites/animation.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { stageAccessory } from '../../src/sprites/stage-art.js';
import { displayWidth } from '../../src/text/display-width.js';

const T0 = 1_700_000_000_000;
const fresh = (): PetState => initialPetState(T0);
const press = (state: PetState, input: string, now = T0 + 1_000) => reducePet(state, { type: 'key', input, key: {}, now });
const STILL: ViewOptions = { animate: false, idleFrameCount: 3, width: 12 };
const ANIMATED: ViewOptions = { animate: true, idleFrameCount: 3, width: 12 };

/** f pressed, and the snack eaten (the screen sends `snack` once its growth says the buddy eats it). */
const fed = (state: PetState, now = T0 + 1_000) => reducePet(press(state, 'f', now).state, { type: 'snack', now }).state;

describe('feeding with f', () => {
  it('offers a snack: the care is recorded at the key press, nothing is eaten until the growth says so', () => {
    const { state, effects } = press(fresh(), 'f');
    expect(effects).toEqual([{ type: 'care', kind: 'feed', at: T0 + 1_000 }]);
    expect(state.snackAt).toBeUndefined();
    expect(state.reaction).toBeUndefined();
  });

  it('eaten, gives a happy reaction and shows the snack for its moments', () => {
    const state = fed(fresh());
    expect(state.snackAt).toBe(T0 + 1_000);
    expect(state.reaction?.pose).toBe('happy');
    expect(snackVisible(state, T0 + 1_000 + SNACK_MS - 1)).toBe(true);
    expect(snackVisible(state, T0 + 1_000 + SNACK_MS)).toBe(false);
  });

  it('eats the snack bite by bite above the buddy, then nothing', () => {
    const state = fed(fresh(), T0);
    const bites = [0, 1, 2, 3, 4].map((tick) => petViewAt(state, T0 + tick * TICK_MS + 1, ANIMATED).overhead?.trim());
    expect(bites).toEqual(['(@)', '(@', '(', '.  .', 'nom!']);
    expect(petViewAt(state, T0 + SNACK_MS, ANIMATED).overhead).toBeUndefined();
    expect(isMoving(state, T0 + 100, false)).toBe(true);
  });

  it('shows a still snack without motion', () => {
    const state = fed(fresh(), T0);
    expect(petViewAt(state, T0 + 1_200, STILL).overhead?.trim()).toBe('(@) nom!');
  });

  it('lasts exactly one row per bite', () => {
    expect(SNACK_MS).toBe(5 * TICK_MS);
  });

  it('records the care of both when p and f arrive in one read', () => {
    const { effects } = press(fresh(), 'pf', T0);
    expect(effects).toEqual([
      { type: 'care', kind: 'pet', at: T0 },
      { type: 'care', kind: 'feed', at: T0 },
    ]);
  });

  it('goes on with the keys after a care in one read (only q stops a run)', () => {
    const { state, effects } = press(fresh(), 'pc', T0);
    expect(state.panel).toBe('card');
    expect(effects).toEqual([{ type: 'care', kind: 'pet', at: T0 }]);
  });

  it('shows the later of a pet and a snack', () => {
    const petted = press(fed(fresh(), T0), 'p', T0 + 300).state;
    expect(petViewAt(petted, T0 + 400, ANIMATED).overhead).toContain('♥');
    const fedAgain = fed(petted, T0 + 600);
    expect(petViewAt(fedAgain, T0 + 700, ANIMATED).overhead).toContain('(@)');
  });
});

describe('announcements', () => {
  it('queue one bubble after another, after any bubble already showing', () => {
    const said = reducePet(fresh(), { type: 'say', text: 'hello', now: T0 }).state;
    const { state } = reducePet(said, { type: 'announce', texts: ['Level up!', 'Achievement: First pet.'], now: T0 + 100 });
    const first = T0 + bubbleDurationMs('hello');
    expect(bubbleAt(state, T0 + 200, false)?.text).toBe('hello');
    expect(bubbleAt(state, first, false)?.text).toBe('Level up!');
    const second = first + bubbleDurationMs('Level up!');
    expect(bubbleAt(state, second, false)?.text).toBe('Achievement: First pet.');
    expect(bubbleAt(state, second + bubbleDurationMs('Achievement: First pet.'), false)).toBeUndefined();
    // A still buddy wakes for each one's turn.
    expect(nextSelfChangeAt(state, T0 + 200)).toBe(first);
  });

  it('show at once when nothing else is showing, and keep the buddy awake', () => {
    const late = T0 + SLEEP_AFTER_MS + 1_000;
    const { state } = reducePet(fresh(), { type: 'announce', texts: ['Level up!'], now: late });
    expect(bubbleAt(state, late, false)?.text).toBe('Level up!');
    expect(petViewAt(state, late, STILL).asleep).toBe(false);
    expect(state.lastActivityAt).toBe(late);
    expect(initialPetState(T0).queued).toEqual([]);
  });

  it('nothing to announce changes nothing', () => {
    const start = fresh();
    expect(reducePet(start, { type: 'announce', texts: [], now: T0 + 60_000 }).state).toBe(start);
  });

  it('forget bubbles that have been shown, and start a new one at once after them', () => {
    const first = reducePet(fresh(), { type: 'announce', texts: ['Level up!'], now: T0 }).state;
    const later = T0 + 60_000;
    const { state } = reducePet(first, { type: 'announce', texts: ['Achievement: First pet.'], now: later });
    expect(state.queued).toEqual([{ text: 'Achievement: First pet.', shownAt: later, until: later + bubbleDurationMs('Achievement: First pet.') }]);
  });

  it('keep the ones still to come when more arrive, and forget one whose time is up', () => {
    const first = reducePet(fresh(), { type: 'announce', texts: ['Level up!'], now: T0 }).state;
    const until = T0 + bubbleDurationMs('Level up!');
    const more = reducePet(first, { type: 'announce', texts: ['Achievement: First pet.'], now: T0 + 1_000 }).state;
    expect(more.queued.map((bubble) => [bubble.text, bubble.shownAt])).toEqual([['Level up!', T0], ['Achievement: First pet.', until]]);
    const atTheEnd = reducePet(first, { type: 'announce', texts: ['Achievement: First pet.'], now: until }).state;
    expect(atTheEnd.queued.map((bubble) => [bubble.text, bubble.shownAt])).toEqual([['Achievement: First pet.', until]]);
  });

  it('never show a queued bubble before its turn', () => {
    const waiting: PetState = { ...fresh(), queued: [{ text: 'Level up!', shownAt: T0 + 5_000, until: T0 + 15_000 }] };
    expect(bubbleAt(waiting, T0 + 4_999, false)).toBeUndefined();
    expect(bubbleAt(waiting, T0 + 5_000, false)?.text).toBe('Level up!');
  });
});

describe('mood in the idle loop', () => {
  it('shows the mood pose for two seconds of every loop, and the plain loop without one', () => {
    const ticks = Array.from({ length: 15 }, (_, tick) => moodIdleFrameAt(IDLE_LOOP_MS * 3 + tick * TICK_MS + 1, 3, 'sad'));
    const posed = ticks.flatMap((frame, tick) => (frame.kind === 'pose' ? [tick] : []));
    // Two seconds, right after the first fidget (tick 4).
    expect(posed).toEqual([5, 6, 7, 8]);
    expect(MOOD_TICKS).toEqual(posed);
    expect(ticks.filter((frame) => frame.kind === 'pose').every((frame) => frame.kind === 'pose' && frame.pose === 'sad')).toBe(true);
    for (let tick = 0; tick < 15; tick++) expect(moodIdleFrameAt(tick * TICK_MS, 3, undefined).kind).toBe('idle');
    expect(stillFrameFor('sleepy')).toEqual({ kind: 'pose', pose: 'sleepy' });
    expect(stillFrameFor(undefined)).toEqual({ kind: 'idle', index: 0, blink: false });
  });

  it('reaches the pet view through its options', () => {
    expect(petViewAt(fresh(), T0, { ...STILL, moodPose: 'happy' }).frame).toEqual({ kind: 'pose', pose: 'happy' });
  });
});

describe('the screen with growth', () => {
  const bones = rollFromUserId('pet-growth-1');
  const sprite = spriteFor(bones.species);
  const NOW = Date.UTC(2026, 2, 2, 12);
  const view = (xp: number, careOn = true): GrowthView => growthViewAt({ ...initialGrowth(NOW - 86_400_000, NOW), xp }, { now: NOW, offsetMinutes: 0 }, careOn);
  const compose = (growth: GrowthView | undefined, state: PetState = initialPetState(0), columns = 100, rows = 30): string[] =>
    composePetScreen({
      bones,
      sprite,
      hats: hatTable(),
      name: 'Quill',
      personality: 'Quill keeps watch.',
      soulNote: 'soul written offline',
      growth,
      state,
      view: petViewAt(state, 0, { ...STILL, width: sprite.width }),
      columns,
      rows,
      palette: makePalette(false),
    });

  it('shows the level on the name line and the stage beside the sprite', () => {
    const lines = compose(view(1_900));
    expect(lines).toContain(`Quill ${'★'.repeat(['common', 'uncommon', 'rare', 'epic', 'legendary'].indexOf(bones.rarity) + 1).padEnd(5, '☆')} Lv 10`);
    const art = stageAccessory('young').lines.map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    for (const line of art) expect(lines.some((shown) => shown.trimEnd().endsWith(line.trimStart()))).toBe(true);
    expect(compose(undefined).some((line) => line.includes('Lv '))).toBe(false);
  });

  it('marks the mood on the one-line face of a narrow window: ♪ ! ~ z, and nothing when content', () => {
    const faceLine = (mood: Mood): string => compose({ ...view(0), mood }, initialPetState(0), 20, 8)[0]!;
    const content = faceLine('content');
    expect(content).toMatch(/\S Quill$/);
    for (const [mood, mark] of [['cheerful', '♪'], ['worried', '!'], ['hungry', '~'], ['sleepy', 'z']] as const) {
      expect(faceLine(mood), mood).toBe(content.replace(' Quill', ` ${mark} Quill`));
    }
  });

  it('poses the mood in the still frame: happy, alarmed, sad, sleepy, and the rest frame when content', () => {
    const still = { ...STILL, idleFrameCount: sprite.idle.length, width: sprite.width };
    const frames = (['cheerful', 'worried', 'hungry', 'sleepy', 'content'] as const).map((mood) => petViewAt(initialPetState(NOW), NOW, { ...still, moodPose: MOOD_POSE[mood] }).frame);
    expect(frames).toEqual([
      { kind: 'pose', pose: 'happy' },
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'pose', pose: 'sad' },
      { kind: 'pose', pose: 'sleepy' },
      { kind: 'idle', index: 0, blink: false },
    ]);
  });

  it('shows level, XP, stage, needs, mood, streak and achievements on the card, and no needs with care off', () => {
    const card = renderCard(bones, makePalette(false), { progress: view(130), width: 60 });
    expect(card).toEqual(expect.arrayContaining([expect.stringMatching(/^Lv 3 hatchling █+░+ 10\/120 XP$/), expect.stringMatching(/^fullness █+░* 80%$/), expect.stringMatching(/^energy {3}█+░* \d+%$/)]));
    expect(card).toContain('mood content · streak 0 days · 0/27 achievements');
    const off = renderCard(bones, makePalette(false), { progress: view(130, false), width: 60 });
    expect(off.some((line) => line.startsWith('fullness'))).toBe(false);
    for (const width of [14, 20, 30, 44]) for (const line of renderCard(bones, makePalette(false), { progress: view(49_000), width })) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(renderCard(bones, makePalette(false), { progress: view(49_000) }).some((line) => line.startsWith('Lv 50 elder') && line.endsWith('top level'))).toBe(true);
  });

  it('fits every window with growth shown, card open or not', () => {
    for (const state of [initialPetState(0), { ...initialPetState(0), panel: 'card' as const }]) {
      for (let columns = 8; columns <= 120; columns += 9) {
        for (let rows = 3; rows <= 40; rows += 4) {
          const lines = compose(view(31_500), state, columns, rows);
          expect(lines.length).toBeLessThanOrEqual(rows - 1);
          for (const line of lines) expect(displayWidth(line), `${columns}×${rows}: ${line}`).toBeLessThanOrEqual(columns);
        }
      }
    }
  });
});
