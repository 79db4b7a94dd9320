// The live pet: one clock, one reducer, and the screen that the pure composer lays out for the terminal.
import { useApp, useInput, useStdin } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BuddyBones } from '../engine/bones.js';
import type { Responder } from '../pet/responder.js';
import { composePetScreen, type JournalLineView } from '../pet/screen.js';
import { reducePet, type Effect, type PetEvent, type PetState } from '../pet/state.js';
import { isMoving, nextSelfChangeAt, petViewAt, type ViewOptions } from '../pet/view.js';
import type { Palette } from '../render/ansi.js';
import { TICK_MS } from '../sprites/animation.js';
import type { Pose, SpeciesSprite } from '../sprites/parse.js';
import { ScreenLines } from './ScreenLines.js';
import { useClock } from './use-clock.js';
import { useTerminalSize } from './use-terminal-size.js';
import { firstPetState } from '../pet/first-frame.js';

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
}

export type WatchReactions = (listener: (reaction: { readonly text: string; readonly pose: Pose }) => void) => () => void;

export function viewOptionsFor(props: Pick<PetScreenProps, 'animate' | 'sprite' | 'bones'>): ViewOptions {
  return { animate: props.animate, idleFrameCount: props.sprite.idle.length, width: props.sprite.width, shiny: props.bones.shiny };
}

export function PetScreen(props: PetScreenProps) {
  const { animate, respond, now } = props;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [state, setState] = useState<PetState>(() => firstPetState(props.startedAt ?? now(), props.initialBubble));
  const stateRef = useRef(state);
  const viewOptions = viewOptionsFor(props);
  const [time, refresh] = useClock({
    active: isMoving(state, now(), animate),
    intervalMs: TICK_MS,
    wakeAt: nextSelfChangeAt(state, now()),
    now,
    viewKeyAt: (at) => JSON.stringify(petViewAt(stateRef.current, at, viewOptions)),
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
    const response = respond(effect.message);
    if (response.thinking) dispatch({ type: 'thinking', now: now() });
    response.reply.then(
      (reply) => dispatch({ type: 'say', text: reply.text, ...(reply.pose ? { pose: reply.pose } : {}), now: now() }),
      () => dispatch({ type: 'say', text: '…', pose: 'sad', now: now() }),
    );
  }

  useInput((input, key) => dispatch({ type: 'key', input, key, now: now() }), { isActive: isRawModeSupported });

  // The buddy hears what the agent reports, as if it had seen it: said in its bubble, in its pose.
  const { watchReactions } = props;
  useEffect(() => watchReactions?.((reaction) => dispatch({ type: 'say', text: reaction.text, pose: reaction.pose, now: now() })), [watchReactions]);

  const journalOpen = state.panel === 'journal';
  const shownAt = state.bubble?.shownAt;
  const { readJournal } = props;
  // Read only while the panel is open: a small read of the file's end, again when something new was said.
  const journal = useMemo(() => (journalOpen && readJournal ? readJournal() : undefined), [journalOpen, shownAt, readJournal]);
  const view = petViewAt(state, Math.max(time, state.lastActivityAt), viewOptions);
  const lines = composePetScreen({ ...props, state, view, columns, rows, journal });
  return <ScreenLines lines={lines} />;
}
