// What the pet screen may show, composed by the app's own pure functions, for screen tests to compare
// whole terminal screens against. The app's clock phase is unknown to a test, so each helper returns
// every screen a state can show over time: a ghost row, a doubled line or a stray character matches none.
import fs from 'node:fs';
import path from 'node:path';
import type { BuddyBones } from '../../src/engine/bones.js';
import { composeHatchScreen } from '../../src/pet/hatch-screen.js';
import type { HatchPhase } from '../../src/pet/hatch-phase.js';
import { composePetScreen, type JournalLineView } from '../../src/pet/screen.js';
import { initialPetState, reducePet, type PetEvent, type PetState } from '../../src/pet/pet-state.js';
import { petViewAt } from '../../src/pet/pet-view.js';
import { makePalette } from '../../src/render/ansi.js';
import { eggSprite } from '../../src/sprites/egg.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { soulNote } from '../../src/buddy/session.js';
import { clockAt } from '../../src/buddy/system-clock.js';
import { ACHIEVEMENTS } from '../../src/game/achievements.js';
import { localDay } from '../../src/game/clock.js';
import type { CareKind } from '../../src/game/events.js';
import { foldGrowth } from '../../src/game/fold.js';
import { settleBranches } from '../../src/game/branch.js';
import { unlockItems } from '../../src/game/wardrobe.js';
import { levelForXp } from '../../src/game/levels.js';
import { MOOD_POSE } from '../../src/sprites/mood-art.js';
import { initialGrowth, MOODS, type GrowthState } from '../../src/game/state.js';
import { announcementTexts, growthViewAt, type GrowthView } from '../../src/game/view.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { growthOf, toStoredGrowth } from '../../src/store/growth-schema.js';
import { drawnRows, type Screen } from './terminal.js';

export interface BuddyOnScreen {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  /** Its growth as the pet may show it during a test (the app's clock may run a few minutes ahead). */
  readonly views: readonly GrowthView[];
  readonly growth: GrowthState;
  readonly careOn: boolean;
}

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** Every growth view a state can show from a minute ago to five minutes ahead (the shifted clock moves three). */
export function viewsAround(growth: GrowthState, careOn: boolean, now: number = Date.now()): GrowthView[] {
  const views = new Map<string, GrowthView>();
  for (let at = now - 60_000; at <= now + 5 * 60_000; at += 15_000) {
    const view = growthViewAt(growth, clockAt(at), careOn);
    views.set(JSON.stringify(view), view);
  }
  return [...views.values()];
}

/** The hatched buddy as the pet will show it, read from the sandbox's config. */
export function storedBuddy(env: NodeJS.ProcessEnv): BuddyOnScreen {
  const config = readConfigSnapshot(env);
  const stored = config.buddy;
  if (!stored) throw new Error('no hatched buddy in the sandbox');
  const growth = growthOf(stored, Date.now());
  return { bones: stored.bones, name: stored.name, personality: stored.personality, soulNote: soulNote(stored), growth, careOn: config.settings.care, views: viewsAround(growth, config.settings.care) };
}

/**
 * Gives the sandbox's buddy a settled growth for a screen test: every achievement earned but `unearned`
 * and the levels not reached yet, cared for two hours ago today, so that the care a test gives announces
 * only what the test is about. Clears the event log, so nothing else is folded.
 */
export function seedGrowth(env: NodeJS.ProcessEnv, change: { readonly xp: number; readonly unearned?: readonly string[]; readonly fullness?: number }): BuddyOnScreen {
  const file = path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { buddy: Record<string, unknown>; events?: unknown };
  const now = Date.now();
  const reached = (id: string): boolean => !id.startsWith('level-') || Number(id.slice('level-'.length)) <= levelForXp(change.xp);
  const earned = ACHIEVEMENTS.filter((achievement) => reached(achievement.id) && !(change.unearned ?? []).includes(achievement.id));
  const clock = clockAt(now);
  const growth: GrowthState = {
    ...initialGrowth(now - 30 * 86_400_000, now),
    xp: change.xp,
    fullness: change.fullness ?? 70,
    lastCareAt: now - 2 * 3_600_000,
    streak: { current: 5, best: 5, lastDay: localDay(now, clock.offsetMinutes) },
    achievements: Object.fromEntries(earned.map((achievement) => [achievement.id, now - 86_400_000])),
    moodsSeen: [...MOODS],
  };
  // Settled as a fold leaves it: a buddy past a stage has that stage's branch, and the items its growth unlocks.
  config.buddy.growth = toStoredGrowth(unlockItems(settleBranches(growth), now - 86_400_000).state);
  delete config.events;
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  fs.rmSync(path.join(env.BUDDY_CONFIG_DIR as string, 'events.log'), { force: true });
  fs.rmSync(path.join(env.BUDDY_CONFIG_DIR as string, 'events.log.1'), { force: true });
  return storedBuddy(env);
}

/** The buddy after care given now, as the rules fold it: its views, and the words of what it announces. */
export function afterCare(buddy: BuddyOnScreen, kinds: readonly CareKind[], now: number = Date.now()): { readonly buddy: BuddyOnScreen; readonly announcements: string[] } {
  const clock = clockAt(now);
  const events = kinds.map((kind) => ({ kind, at: now, offsetMinutes: clock.offsetMinutes }));
  const result = foldGrowth(buddy.growth, events, clock, { careOn: buddy.careOn, shiny: buddy.bones.shiny });
  return {
    buddy: { ...buddy, growth: result.state, views: viewsAround(result.state, buddy.careOn, now) },
    announcements: buddy.careOn ? announcementTexts(result.announced, buddy.name) : [],
  };
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
  /** What the `l` panel lists. */
  readonly journal?: readonly JournalLineView[];
  /** Drawn in ASCII only (LANG=C, --ascii). */
  readonly ascii?: boolean;
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
      for (const growth of buddy.views) {
        const view = petViewAt(state, time, { ...options, moodPose: MOOD_POSE[growth.mood] });
        const lines = composePetScreen({ ...buddy, growth, sprite, hats, state, view, notice: moment.notice, journal: moment.journal, ...size, palette: makePalette(false, moment.ascii) });
        screens.add(normalise(lines));
      }
    }
  }
  return screens;
}

/** Every screen the hatch can show before the buddy is revealed. */
export function hatchScreens(rarity: BuddyBones['rarity'], size: Size): Set<string> {
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
