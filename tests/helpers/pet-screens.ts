// What the pet screen may show, composed by the app's own pure functions, for screen tests to compare
// whole terminal screens against. The app's clock phase is unknown to a test, so each helper returns
// every screen a state can show over time: a ghost row, a doubled line or a stray character matches none.
import type { Bones } from '../../src/engine/roll.js';
import { composeHatchScreen } from '../../src/pet/hatch-screen.js';
import type { HatchPhase } from '../../src/pet/hatch.js';
import { composePetScreen } from '../../src/pet/screen.js';
import { initialPetState, reducePet, type PetEvent, type PetState } from '../../src/pet/state.js';
import { petViewAt } from '../../src/pet/view.js';
import { makePalette } from '../../src/render/ansi.js';
import { eggSprite } from '../../src/sprites/egg.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { soulNote } from '../../src/buddy/session.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { drawnRows, type Screen } from './terminal.js';

export interface BuddyOnScreen {
  readonly bones: Bones;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
}

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** The hatched buddy as the pet will show it, read from the sandbox's config. */
export function storedBuddy(env: NodeJS.ProcessEnv): BuddyOnScreen {
  const stored = readConfigSnapshot(env).buddy;
  if (!stored) throw new Error('no hatched buddy in the sandbox');
  return { bones: stored.bones, name: stored.name, personality: stored.personality, soulNote: soulNote(stored) };
}

const STEP_MS = 250;
/** Four idle loops: species with extra fidget frames show them on later loops. */
const PHASES_MS = 30_000;

function normalise(lines: readonly string[]): string {
  const trimmed = lines.map((line) => line.trimEnd());
  while (trimmed.length > 0 && trimmed.at(-1) === '') trimmed.pop();
  return trimmed.join('\n');
}

export function screenText(screen: Screen): string {
  return normalise(drawnRows(screen));
}

export interface Moment {
  /** Events applied, at the moment `at`, to a pet that started at 0. */
  readonly events?: (at: number) => readonly PetEvent[];
  /** How long after those events the screens are looked at. */
  readonly windowMs?: number;
  /** Time passed before the events (e.g. three quiet minutes). */
  readonly after?: number;
  readonly greeting?: string;
  readonly notice?: string;
  readonly animate?: boolean;
}

function stateAfter(start: PetState, events: readonly PetEvent[]): PetState {
  return events.reduce((state, event) => reducePet(state, event).state, start);
}

/** Every screen a pet in this moment can show, at this size. */
export function petScreens(buddy: BuddyOnScreen, size: Size, moment: Moment = {}): Set<string> {
  const sprite = spriteFor(buddy.bones.species);
  const hats = hatTable();
  const animate = moment.animate ?? true;
  const options = { animate, idleFrameCount: sprite.idle.length, width: sprite.width, shiny: buddy.bones.shiny };
  const screens = new Set<string>();
  const phases = animate ? PHASES_MS : STEP_MS;
  for (let phase = 0; phase < phases; phase += STEP_MS) {
    const at = phase + (moment.after ?? 0);
    const start = moment.greeting
      ? reducePet(initialPetState(0), { type: 'say', text: moment.greeting, pose: 'happy', now: 0 }).state
      : initialPetState(0);
    const state = stateAfter(start, moment.events?.(at) ?? []);
    for (let later = 0; later <= (moment.windowMs ?? 0); later += STEP_MS) {
      const time = Math.max(at + later, state.lastActivityAt);
      const view = petViewAt(state, time, options);
      const lines = composePetScreen({ ...buddy, sprite, hats, state, view, notice: moment.notice, ...size, palette: makePalette(false) });
      screens.add(normalise(lines));
    }
  }
  return screens;
}

/** Every screen the hatch can show before the buddy is revealed. */
export function hatchScreens(rarity: Bones['rarity'], size: Size): Set<string> {
  const phases: HatchPhase[] = [0, 1, 2].map((frame) => ({ phase: 'wobble', frame }) as const);
  phases.push({ phase: 'crack', frame: 0 }, { phase: 'crack', frame: 1 });
  return new Set(phases.map((phase) => normalise(composeHatchScreen({ egg: eggSprite(), phase, rarity, ...size, palette: makePalette(false) }))));
}

export const key = (input: string, now: number, extra: Partial<Extract<PetEvent, { type: 'key' }>['key']> = {}): PetEvent => ({
  type: 'key',
  input,
  key: extra,
  now,
});
