// The live pet: one clock, one reducer, and presentational pieces laid out for the terminal width.
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import type { Bones } from '../engine/roll.js';
import { reducePet, initialPetState, type Effect, type PetEvent, type PetState } from '../pet/state.js';
import type { Responder } from '../pet/responder.js';
import { isMoving, nextSelfChangeAt, petViewAt } from '../pet/view.js';
import { TICK_MS } from '../sprites/animation.js';
import { composeFace } from '../sprites/compose.js';
import type { SpeciesSprite } from '../sprites/parse.js';
import { CardPanel } from './CardPanel.js';
import { frameLines } from './frame-lines.js';
import { Companion, FaceLine } from './Companion.js';
import { HelpPanel } from './HelpPanel.js';
import { SpeechBubble } from './SpeechBubble.js';
import { TalkLine } from './TalkLine.js';
import type { Theme } from './theme.js';
import { useClock } from './use-clock.js';
import { useColumns } from './use-columns.js';

/** Below this width the buddy collapses to its one-line face. */
export const FACE_ONLY_BELOW = 30;
/** From this width the bubble sits beside the buddy instead of below it. */
export const BUBBLE_BESIDE_FROM = 56;
const MAX_BUBBLE_WIDTH = 40;
const MAX_CARD_WIDTH = 64;

export interface PetScreenProps {
  readonly bones: Bones;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  readonly sprite: SpeciesSprite;
  readonly hats: ReadonlyMap<string, string>;
  readonly animate: boolean;
  readonly theme: Theme;
  readonly respond: Responder;
  readonly now: () => number;
  readonly initialBubble?: string | undefined;
  /** A one-line note shown under the buddy (a kept buddy after an identity change, an offline hatch). */
  readonly notice?: string | undefined;
}

export function PetScreen(props: PetScreenProps) {
  const { bones, name, sprite, hats, animate, theme, respond, now } = props;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const columns = useColumns();
  const [state, setState] = useState<PetState>(() => {
    const start = initialPetState(now());
    return props.initialBubble ? reducePet(start, { type: 'say', text: props.initialBubble, pose: 'happy', now: now() }).state : start;
  });
  const stateRef = useRef(state);
  const viewOptions = { animate, idleFrameCount: sprite.idle.length, width: sprite.width, shiny: bones.shiny };
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

  const view = petViewAt(state, Math.max(time, state.lastActivityAt), viewOptions);
  const borderColor = theme.rarity(bones.rarity);
  const faceOnly = columns < FACE_ONLY_BELOW;
  const beside = columns >= BUBBLE_BESIDE_FROM;
  const bubbleWidth = Math.max(12, Math.min(MAX_BUBBLE_WIDTH, beside ? columns - sprite.width - 3 : columns - 1));
  const bubble = view.bubble ? <SpeechBubble bubble={view.bubble} width={bubbleWidth} borderColor={borderColor} /> : null;

  return (
    <Box flexDirection="column">
      {faceOnly ? (
        <FaceLine
          face={composeFace(sprite, bones.eye, view.frame.kind === 'idle' && view.frame.blink)}
          name={name}
          rarity={bones.rarity}
          note={view.bubble?.text ?? (view.asleep ? 'zzz' : undefined)}
          theme={theme}
        />
      ) : (
        <Box flexDirection={beside ? 'row' : 'column'} alignItems="flex-start">
          <Companion
            lines={frameLines(sprite, hats, bones, view.frame, view.sparklePhase)}
            overhead={view.overhead}
            name={name}
            rarity={bones.rarity}
            shiny={bones.shiny}
            sparklePhase={view.sparklePhase}
            theme={theme}
          />
          {bubble ? <Box marginLeft={beside ? 2 : 0}>{bubble}</Box> : null}
        </Box>
      )}
      {props.notice && !faceOnly ? (
        <Text color={theme.enabled ? 'yellow' : undefined} wrap="truncate-end">
          {`! ${props.notice}`}
        </Text>
      ) : null}
      {state.draft !== undefined ? <TalkLine draft={state.draft} name={name} /> : null}
      {state.panel === 'card' && !faceOnly ? (
        <CardPanel bones={bones} name={name} personality={props.personality} soulNote={props.soulNote} color={theme.enabled} width={Math.min(columns, MAX_CARD_WIDTH)} />
      ) : null}
      {state.panel === 'help' ? <HelpPanel name={name} /> : null}
      {!faceOnly && state.draft === undefined && state.panel === 'none' ? (
        <Text dimColor>p pet · c card · t talk · ? help · q quit</Text>
      ) : null}
    </Box>
  );
}
