// The pet's state and its transitions, as pure functions: (state, event) -> state + effects.
// Ink components only render what these decide; tests drive them without a terminal.
import { cutToLength } from '../text/sanitize.js';
import type { Pose } from '../sprites/parse.js';
import { isRoundOver, advanceRound, moveInRound, startRound, type CatchRound } from '../game/catch/round.js';
import type { Direction } from '../game/catch/field.js';
import type { PlayMode } from '../game/catch/rules.js';
import { bubbleDurationMs, HEARTS_MS, REACTION_MS, SNACK_MS, TRICK_BUBBLE_MS } from './timing.js';
import { trickById } from '../game/tricks.js';

export const MAX_TALK_LENGTH = 500;

/** The parts of Ink's key object the pet cares about. */
export interface KeyInfo {
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly tab?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
}

export interface Bubble {
  readonly text: string;
  readonly shownAt: number;
  /** Absent for the thinking indicator, which stays until the answer comes. */
  readonly until?: number;
}

/** An announcement waiting for (or having) its turn: always with an end. */
export interface QueuedBubble extends Bubble {
  readonly until: number;
}

export type Panel = 'none' | 'card' | 'help' | 'journal';

export interface PetState {
  readonly startedAt: number;
  readonly lastActivityAt: number;
  readonly panel: Panel;
  /** The open talk line, or undefined when closed. */
  readonly draft: string | undefined;
  readonly heartsAt: number | undefined;
  /** When a snack was given (it is eaten over the next moments). */
  readonly snackAt: number | undefined;
  readonly reaction: { readonly pose: Pose; readonly at: number } | undefined;
  readonly bubble: Bubble | undefined;
  /** Announcements (a level-up, an achievement), each shown in its own bubble after the one before. */
  readonly queued: readonly QueuedBubble[];
  readonly thinking: boolean;
  /** The trick being performed (or performed last: `k` goes on to the next one), from the moment it began. */
  readonly trick?: { readonly id: string; readonly at: number } | undefined;
  /** A round of the mini-game being played (`g`): while it is, the keys play it. */
  readonly game?: CatchRound | undefined;
}

export type PetEvent =
  | { readonly type: 'key'; readonly input: string; readonly key: KeyInfo; readonly now: number }
  | { readonly type: 'pet'; readonly now: number }
  | { readonly type: 'thinking'; readonly now: number }
  | { readonly type: 'say'; readonly text: string; readonly pose?: Pose; readonly now: number }
  | { readonly type: 'react'; readonly pose: Pose; readonly now: number }
  /** The snack `f` offered is being eaten (a full buddy turns it down instead, and says so). */
  | { readonly type: 'snack'; readonly now: number }
  | { readonly type: 'announce'; readonly texts: readonly string[]; readonly now: number }
  /** A trick it knows, chosen for `k` by whoever knows its level. */
  | { readonly type: 'trick'; readonly id: string; readonly now: number }
  /** A round begins (after `g`): its mode (turn-based when motion is off), its seed, whether the window holds it. */
  | { readonly type: 'gameStart'; readonly mode: PlayMode; readonly seed: number; readonly now: number; readonly fits: boolean }
  /** The game's clock, or the window changed size. */
  | { readonly type: 'gameTick'; readonly now: number; readonly fits: boolean };

/** Care the pet gave, for the growth rules to record (the moment is the key press). */
export type CareGiven = 'pet' | 'feed';

export type Effect =
  | { readonly type: 'talk'; readonly message: string }
  | { readonly type: 'care'; readonly kind: CareGiven; readonly at: number }
  | { readonly type: 'quit' }
  /** `k`: perform the next trick it knows (or say which comes first). */
  | { readonly type: 'trick'; readonly at: number }
  /** `g`: whoever knows the motion setting and the buddy starts a round. */
  | { readonly type: 'openGame'; readonly at: number }
  /** A round played to its end (one ended early records nothing). */
  | { readonly type: 'played'; readonly mode: PlayMode; readonly score: number; readonly at: number };

export interface Transition {
  readonly state: PetState;
  readonly effects: readonly Effect[];
}

export function initialPetState(now: number, panel: Panel = 'none'): PetState {
  return {
    startedAt: now,
    lastActivityAt: now,
    panel,
    draft: undefined,
    heartsAt: undefined,
    snackAt: undefined,
    reaction: undefined,
    bubble: undefined,
    queued: [],
    thinking: false,
  };
}

const unchanged = (state: PetState): Transition => ({ state, effects: [] });

function pet(state: PetState, now: number): Transition {
  return { state: { ...state, heartsAt: now, reaction: { pose: 'happy', at: now } }, effects: [{ type: 'care', kind: 'pet', at: now }] };
}

/** A snack offered: whoever keeps its growth decides whether it is eaten (then a `snack` event shows it). */
function feed(state: PetState, now: number): Transition {
  return { state, effects: [{ type: 'care', kind: 'feed', at: now }] };
}

/** Each announcement in its own bubble, one after another, after whatever is already showing or queued. */
function announce(state: PetState, texts: readonly string[], now: number): PetState {
  if (texts.length === 0) return state;
  const queued = state.queued.filter((bubble) => bubble.until > now);
  let start = Math.max(now, state.bubble?.until ?? now, ...queued.map((bubble) => bubble.until));
  for (const text of texts) {
    const until = start + bubbleDurationMs(text);
    queued.push({ text, shownAt: start, until });
    start = until;
  }
  return { ...state, queued, lastActivityAt: Math.max(state.lastActivityAt, now) };
}

/** A trick begins, its name in a short bubble; a trick it does not know changes nothing. */
function performTrick(state: PetState, id: string, now: number): PetState {
  const trick = trickById(id);
  if (!trick) return state;
  const text = `${trick.name}!`;
  return { ...state, trick: { id, at: now }, lastActivityAt: Math.max(state.lastActivityAt, now), bubble: { text, shownAt: now, until: now + TRICK_BUBBLE_MS } };
}

function reduceDraftKey(state: PetState, draft: string, input: string, key: KeyInfo): Transition {
  if (key.escape) return unchanged({ ...state, draft: undefined });
  if (key.return) return submitDraft(state, draft);
  if (key.backspace || key.delete) return unchanged({ ...state, draft: [...draft].slice(0, -1).join('') });
  if (key.ctrl || key.meta || key.tab || input.length === 0) return unchanged(state);
  // Text typed ahead and sent with Enter arrives as one read ending in a newline: send it. Newlines
  // inside pasted text only join its lines, so a paste never sends half a message or runs a command.
  const sendsNow = /[\r\n]$/.test(input);
  const typed = input.replace(/[\r\n]+$/, '').replace(/[\r\n]+/g, ' ');
  const next = cutToLength(draft + typed, MAX_TALK_LENGTH);
  return sendsNow ? submitDraft(state, next) : unchanged({ ...state, draft: next });
}

function submitDraft(state: PetState, draft: string): Transition {
  const message = draft.trim();
  const closed = { ...state, draft: undefined };
  return message ? { state: closed, effects: [{ type: 'talk', message }] } : unchanged(closed);
}

/** Enter: the key, or a bare line break (a line feed arrives as text, with no key flag). */
const isEnter = (input: string, key: KeyInfo): boolean => key.return === true || input === '\r' || input === '\n';

function reduceCommandKey(state: PetState, input: string, key: KeyInfo, now: number): Transition {
  if (key.escape) return unchanged({ ...state, panel: 'none' });
  if (isEnter(input, key)) return unchanged({ ...state, draft: '' });
  switch (input) {
    case 'q':
      return { state, effects: [{ type: 'quit' }] };
    case 'p':
      return pet(state, now);
    case 'f':
      return feed(state, now);
    case 'c':
      return unchanged({ ...state, panel: state.panel === 'card' ? 'none' : 'card' });
    case '?':
      return unchanged({ ...state, panel: state.panel === 'help' ? 'none' : 'help' });
    case 'l':
      return unchanged({ ...state, panel: state.panel === 'journal' ? 'none' : 'journal' });
    case 't':
      return unchanged({ ...state, draft: '' });
    case 'k':
      return { state, effects: [{ type: 'trick', at: now }] };
    case 'g':
      return { state, effects: [{ type: 'openGame', at: now }] };
    default:
      return unchanged(state);
  }
}

function reduceOneKey(state: PetState, input: string, key: KeyInfo, now: number): Transition {
  return state.draft === undefined ? reduceCommandKey(state, input, key, now) : reduceDraftKey(state, state.draft, input, key);
}

/**
 * Several characters in one read (fast typing, keys sent by a script, a paste). Command keys are taken
 * one by one, so "ct" toggles the card and opens the talk line; once the talk line is open, the rest of
 * the read is text for it.
 */
function reduceTypedRun(state: PetState, characters: readonly string[], now: number): Transition {
  let current = state;
  const effects: Effect[] = [];
  for (let index = 0; index < characters.length; index++) {
    if (current.draft !== undefined) {
      const step = reduceDraftKey(current, current.draft, characters.slice(index).join(''), {});
      return { state: step.state, effects: [...effects, ...step.effects] };
    }
    const step = reduceCommandKey(current, characters[index] as string, {}, now);
    current = step.state;
    effects.push(...step.effects);
    if (step.effects.some((effect) => effect.type === 'quit')) break;
  }
  return { state: current, effects };
}

const LETTER_DIRECTIONS: Readonly<Record<string, Direction>> = { h: 'left', j: 'down', k: 'up', l: 'right' };

function arrowOf(key: KeyInfo): Direction | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  return undefined;
}

/** The round is over: the pet comes back, and the round is handed on to be recorded. */
function finishRound(state: PetState, round: CatchRound, now: number): Transition {
  return { state: { ...state, game: undefined }, effects: [{ type: 'played', mode: round.mode, score: round.score, at: now }] };
}

/** After a step of the round: still playing, or finished. */
function afterStep(state: PetState, round: CatchRound, now: number): Transition {
  return isRoundOver(round) ? finishRound(state, round, now) : unchanged({ ...state, game: round });
}

/** Keys while playing: arrows or hjkl move (each letter of a run in turn); q or Esc ends the round, recording nothing. */
function reduceGameKey(state: PetState, round: CatchRound, input: string, key: KeyInfo, now: number): Transition {
  if (key.escape) return unchanged({ ...state, game: undefined });
  const arrow = arrowOf(key);
  const moves = arrow ? [arrow] : [...input].map((character) => (character === 'q' ? 'quit' : LETTER_DIRECTIONS[character]));
  let current = round;
  for (const move of moves) {
    if (move === 'quit') return unchanged({ ...state, game: undefined });
    if (move === undefined) continue;
    current = moveInRound(current, move, now, !current.paused);
    if (isRoundOver(current)) break;
  }
  return afterStep(state, current, now);
}

export function reducePet(state: PetState, event: PetEvent): Transition {
  switch (event.type) {
    case 'key': {
      if (event.key.ctrl && event.input === 'c') return { state, effects: [{ type: 'quit' }] };
      if (state.game) return reduceGameKey({ ...state, lastActivityAt: event.now }, state.game, event.input, event.key, event.now);
      // Any key wakes a sleeping buddy.
      const awake = { ...state, lastActivityAt: event.now };
      const plain = !event.key.ctrl && !event.key.meta && !event.key.return && !event.key.escape;
      const characters = [...event.input];
      if (plain && characters.length > 1) {
        return awake.draft === undefined
          ? reduceTypedRun(awake, characters, event.now)
          : reduceDraftKey(awake, awake.draft, event.input, event.key);
      }
      return reduceOneKey(awake, event.input, event.key, event.now);
    }
    case 'pet':
      return pet({ ...state, lastActivityAt: event.now }, event.now);
    case 'thinking':
      return unchanged({ ...state, thinking: true, bubble: undefined });
    case 'say':
      return unchanged({
        ...state,
        thinking: false,
        lastActivityAt: event.now,
        bubble: { text: event.text, shownAt: event.now, until: event.now + bubbleDurationMs(event.text) },
        reaction: { pose: event.pose ?? 'talking', at: event.now },
      });
    case 'react':
      return unchanged({ ...state, reaction: { pose: event.pose, at: event.now } });
    case 'snack':
      return unchanged({ ...state, snackAt: event.now, reaction: { pose: 'happy', at: event.now } });
    case 'announce':
      return unchanged(announce(state, event.texts, event.now));
    case 'trick':
      return unchanged(performTrick(state, event.id, event.now));
    case 'gameStart':
      return unchanged({ ...state, panel: 'none', draft: undefined, lastActivityAt: event.now, game: startRound(event.mode, event.seed, event.now, event.fits) });
    case 'gameTick':
      return state.game ? afterStep(state, advanceRound(state.game, event.now, event.fits), event.now) : unchanged(state);
  }
}

export function heartsVisible(state: PetState, now: number): boolean {
  return state.heartsAt !== undefined && now - state.heartsAt < HEARTS_MS;
}

export function snackVisible(state: PetState, now: number): boolean {
  return state.snackAt !== undefined && now - state.snackAt < SNACK_MS;
}

export function reactionActive(state: PetState, now: number): boolean {
  return state.reaction !== undefined && now - state.reaction.at < REACTION_MS;
}
