// The live pet: one clock, one reducer, and the screen that the pure composer lays out for the terminal.
import { useApp, useInput, useStdin } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fullnessNow } from '../game/mood.js';
import { MOOD_POSE } from '../sprites/mood-art.js';
import { snack } from '../game/needs.js';
import type { GrowthState } from '../game/state.js';
import { eatsSnack, growthViewAt, SNACK_TURNED_DOWN_WORDS, type GrowthView } from '../game/view.js';
import type { CareKind } from '../game/events.js';
import type { PlayMode } from '../game/catch/rules.js';
import type { GrowthHost } from '../pet/growth-host-port.js';
import type { BuddyBones } from '../engine/bones.js';
import type { Responder } from '../pet/responder-port.js';
import { composePetScreen, type JournalLineView } from '../pet/screen.js';
import { reducePet, type Effect, type PetEvent, type PetState } from '../pet/pet-state.js';
import { isMoving, nextSelfChangeAt, petViewAt, type ViewOptions } from '../pet/pet-view.js';
import type { Palette } from '../render/ansi.js';
import { TICK_MS } from '../sprites/animation.js';
import type { Pose, SpeciesSprite } from '../sprites/parse.js';
import { ScreenLines } from './ScreenLines.js';
import { useClock } from './use-clock.js';
import { useTerminalSize } from './use-terminal-size.js';
import { firstPetState } from '../pet/first-frame.js';
import { gameFits, gameViewKey } from '../pet/game-screen.js';
import { roundResultText } from '../game/catch/result.js';
import { nextTrickToPerform, noTrickYetText, tricksLearnedAt } from '../game/tricks.js';

export interface PetScreenProps {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  /** The card's line saying the buddy speaks English offline, when it does. */
  readonly languageNote?: string | undefined;
  /** The journal's last lines, read when the `l` panel opens and again after each new bubble. */
  readonly readJournal?: (() => readonly JournalLineView[]) | undefined;
  readonly sprite: SpeciesSprite;
  readonly hats: ReadonlyMap<string, string>;
  readonly animate: boolean;
  readonly palette: Palette;
  readonly respond: Responder;
  readonly now: () => number;
  readonly initialBubble?: string | undefined;
  /** A one-line note shown under the buddy (a kept buddy after an identity change, an offline hatch). */
  readonly notice?: string | undefined;
  /** When the screen started, if its first frame was already drawn (before Ink loaded) for that moment. */
  readonly startedAt?: number | undefined;
  /** Reactions to what an agent CLI told the buddy (through MCP), as they come; returns how to stop listening. */
  readonly watchReactions?: WatchReactions | undefined;
  /** The buddy's growth: absent, the pet shows no level, needs or mood. */
  readonly growth?: GrowthHost | undefined;
}

export type WatchReactions = (listener: (reaction: { readonly text: string; readonly pose: Pose }) => void) => () => void;

/** How often a live round of the mini-game is brought up to date (its bugs wander, its time runs). */
export const GAME_TICK_MS = 120;

/** A round's seed: a number from the buddy's id, mixed with the moment, so rounds differ but stay the buddy's. */
export function gameSeed(idHash: string, at: number): number {
  let seed = Math.imul(at % 0x7fffffff, 0x9e3779b1) >>> 0;
  for (const character of idHash) seed = Math.imul(seed ^ character.charCodeAt(0), 0x01000193) >>> 0;
  return seed;
}

export function viewOptionsFor(props: Pick<PetScreenProps, 'animate' | 'sprite' | 'bones'>, growth?: GrowthView): ViewOptions {
  return {
    animate: props.animate,
    idleFrameCount: props.sprite.idle.length,
    width: props.sprite.width,
    shiny: props.bones.shiny,
    moodPose: growth ? MOOD_POSE[growth.mood] : undefined,
  };
}

/**
 * The growth shown and the folding behind it: care is recorded at once, folds run one at a time (presses
 * during a fold are taken by the next one), and what a fold earned is announced from the moment the care
 * was given. The first fold, on opening, takes what the statusline recorded meanwhile. A snack fills the
 * belly shown at once, so a second `f` before the fold is weighed against it (a full buddy turns it down).
 */
function useGrowth(host: GrowthHost | undefined, openedAt: number, announce: (texts: readonly string[], at: number) => void) {
  const [growth, setGrowthState] = useState<{ state: GrowthState; careOn: boolean } | undefined>(host ? { state: host.initial, careOn: host.careOn } : undefined);
  const latest = useRef(growth);
  const setGrowth = (next: { state: GrowthState; careOn: boolean }): void => {
    latest.current = next;
    setGrowthState(next);
  };
  const folding = useRef<{ running: boolean; again: number | undefined }>({ running: false, again: undefined });
  const announceRef = useRef(announce);
  announceRef.current = announce;

  function fold(at: number): void {
    if (!host) return;
    if (folding.current.running) {
      folding.current.again ??= at;
      return;
    }
    folding.current.running = true;
    host.fold().then(
      (update) => {
        setGrowth({ state: update.growth, careOn: update.careOn });
        if (update.announcements.length > 0) announceRef.current(update.announcements, at);
      },
      () => undefined,
    ).finally(() => {
      folding.current.running = false;
      const again = folding.current.again;
      folding.current.again = undefined;
      if (again !== undefined) fold(again);
    });
  }

  // Once, on opening, after the screen has taken the keyboard (raw mode is set in an effect too).
  useEffect(() => {
    const timer = setTimeout(() => fold(openedAt), 0);
    return () => clearTimeout(timer);
  }, []);

  /** Whether a snack offered now is eaten (the same question `buddy feed` asks). */
  function eats(at: number): boolean {
    const current = latest.current;
    return !host || !current || eatsSnack(current.state, current.careOn, at);
  }

  function care(kind: CareKind, at: number): void {
    if (!host) return;
    const current = latest.current;
    if (kind === 'feed' && current?.careOn) {
      setGrowth({ ...current, state: { ...current.state, fullness: snack(fullnessNow(current.state, at)), needsAt: Math.max(at, current.state.needsAt) } });
    }
    host.record(kind, at);
    fold(at);
  }

  /** A finished round: recorded at once, folded as care is (what it earned is announced after the result). */
  function played(mode: PlayMode, score: number, at: number): { readonly bestBefore: number } {
    const current = latest.current;
    const bestBefore = current?.state.play?.best[mode] ?? 0;
    if (!host?.played) return { bestBefore };
    const record = host.played(mode, score, at);
    if (current && score > record.bestBefore) setGrowth({ ...current, state: { ...current.state, play: { rounds: (current.state.play?.rounds ?? 0) + 1, best: { ...(current.state.play?.best ?? { live: 0, turns: 0 }), [mode]: score } } } });
    fold(at);
    return record;
  }

  const viewAt = (time: number): GrowthView | undefined => (host && growth ? growthViewAt(growth.state, host.clockAt(time), growth.careOn) : undefined);
  return { care, eats, played, viewAt };
}

export function PetScreen(props: PetScreenProps) {
  const { animate, respond, now } = props;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [openedAt] = useState(() => props.startedAt ?? now());
  const [state, setState] = useState<PetState>(() => firstPetState(openedAt, props.initialBubble));
  const stateRef = useRef(state);
  const growth = useGrowth(props.growth, openedAt, (texts, at) => dispatch({ type: 'announce', texts, now: at }));
  const fits = gameFits(columns, rows);
  const fitsRef = useRef(fits);
  fitsRef.current = fits;
  // A live round runs on the shared clock at the play rate; a turn-based one moves only with keys (and the
  // window's size). Out of a round the clock keeps its idle rate.
  const liveRound = state.game?.mode === 'live';
  const [time, refresh] = useClock({
    active: liveRound || isMoving(state, now(), animate),
    intervalMs: liveRound ? GAME_TICK_MS : TICK_MS,
    onTick: (at) => {
      const current = stateRef.current;
      if (current.game?.mode !== 'live') return;
      const event: PetEvent = { type: 'gameTick', now: at, fits: fitsRef.current };
      const step = reducePet(current, event);
      // Most ticks only count time: kept, but nothing is drawn until the screen would change.
      if (step.effects.length === 0 && step.state.game && gameViewKey(step.state.game) === gameViewKey(current.game)) {
        stateRef.current = step.state;
        return;
      }
      dispatch(event);
    },
    wakeAt: nextSelfChangeAt(state, now()),
    now,
    viewKeyAt: (at) => {
      const grown = growth.viewAt(at);
      return JSON.stringify([petViewAt(stateRef.current, at, viewOptionsFor(props, grown)), grown]);
    },
  });

  // The ref holds the latest state, so replies that arrive later reduce against it, not a stale render.
  function dispatch(event: PetEvent): void {
    const { state: next, effects } = reducePet(stateRef.current, event);
    stateRef.current = next;
    setState(next);
    refresh();
    for (const effect of effects) runEffect(effect);
  }

  function runEffect(effect: Effect): void {
    if (effect.type === 'quit') {
      exit();
      return;
    }
    if (effect.type === 'care') {
      if (effect.kind === 'feed') {
        if (!growth.eats(effect.at)) {
          dispatch({ type: 'say', text: `${props.name} ${SNACK_TURNED_DOWN_WORDS}`, now: effect.at });
          // Nothing is recorded, but what it said is kept, as `buddy feed` keeps it.
          props.growth?.turnedDown?.(effect.at);
          return;
        }
        dispatch({ type: 'snack', now: effect.at });
      }
      growth.care(effect.kind, effect.at);
      return;
    }
    if (effect.type === 'trick') {
      // The next trick it knows, in the order learned; before the first, which comes when.
      const level = growth.viewAt(effect.at)?.level ?? 1;
      const trick = nextTrickToPerform(tricksLearnedAt(level), stateRef.current.trick?.id);
      dispatch(trick ? { type: 'trick', id: trick.id, now: effect.at } : { type: 'say', text: noTrickYetText(props.name, level), now: effect.at });
      return;
    }
    if (effect.type === 'openGame') {
      dispatch({ type: 'gameStart', mode: animate ? 'live' : 'turns', seed: gameSeed(props.bones.idHash, effect.at), now: effect.at, fits: fitsRef.current });
      return;
    }
    if (effect.type === 'played') {
      const record = growth.played(effect.mode, effect.score, effect.at);
      dispatch({ type: 'say', text: roundResultText(effect.score, record.bestBefore), pose: record.bestBefore < effect.score ? 'happy' : 'talking', now: effect.at });
      return;
    }
    const response = respond(effect.message);
    if (response.thinking) dispatch({ type: 'thinking', now: now() });
    response.reply.then(
      (reply) => {
        const at = now();
        dispatch({ type: 'say', text: reply.text, ...(reply.pose ? { pose: reply.pose } : {}), now: at });
        if (reply.conversed) growth.care('talk', at);
      },
      () => dispatch({ type: 'say', text: '…', pose: 'sad', now: now() }),
    );
  }

  // A window grown or shrunk past the game's size pauses or resumes the round at once.
  useEffect(() => {
    if (stateRef.current.game) dispatch({ type: 'gameTick', now: now(), fits });
  }, [fits]);

  useInput((input, key) => dispatch({ type: 'key', input, key, now: now() }), { isActive: isRawModeSupported });

  // The buddy hears what the agent reports, as if it had seen it: said in its bubble, in its pose.
  const { watchReactions } = props;
  useEffect(() => watchReactions?.((reaction) => dispatch({ type: 'say', text: reaction.text, pose: reaction.pose, now: now() })), [watchReactions]);

  const journalOpen = state.panel === 'journal';
  const shownAt = state.bubble?.shownAt;
  const { readJournal } = props;
  // Read only while the panel is open: a small read of the file's end, again when something new was said.
  const journal = useMemo(() => (journalOpen && readJournal ? readJournal() : undefined), [journalOpen, shownAt, readJournal]);
  const moment = Math.max(time, state.lastActivityAt);
  const grown = growth.viewAt(moment);
  const view = petViewAt(state, moment, viewOptionsFor(props, grown));
  const lines = composePetScreen({ ...props, state, view, growth: grown, columns, rows, journal });
  return <ScreenLines lines={lines} />;
}
