// Draws the pet's first frame straight away, before Ink and React have loaded (they take a few hundred
// milliseconds), from the same pure composer the Ink screen uses. Ink then draws over it in place.
import { clockAt } from '../buddy/system-clock.js';
import { soulNote, type Session } from '../buddy/session.js';
import { MOOD_POSE } from '../sprites/mood-art.js';
import { growthViewAt } from '../game/view.js';
import { growthOf } from '../store/growth-schema.js';
import { firstPetState, type DrawnFrame } from '../pet/first-frame.js';
import { composePetScreen } from '../pet/screen.js';
import { petViewAt } from '../pet/pet-view.js';
import type { Palette } from '../render/ansi.js';
import { hatTable, spriteFor } from '../sprites/catalog.js';
import type { CliIo } from './io.js';

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

export type { DrawnFrame };

export function drawFirstFrame(io: CliIo, session: Session, animate: boolean, palette: Palette, now: number): DrawnFrame | undefined {
  const stored = session.stored;
  if (!stored) return undefined;
  const sprite = spriteFor(session.bones.species);
  const state = firstPetState(now, undefined);
  const growth = growthViewAt(growthOf(stored, now), clockAt(now), session.settings.care);
  const view = petViewAt(state, now, { animate, idleFrameCount: sprite.idle.length, width: sprite.width, shiny: session.bones.shiny, moodPose: MOOD_POSE[growth.mood] });
  const lines = composePetScreen({
    bones: session.bones,
    sprite,
    hats: hatTable(),
    name: stored.name,
    personality: stored.personality,
    soulNote: soulNote(stored),
    notice: session.warning,
    growth,
    state,
    view,
    columns: io.stdout.columns || 80,
    rows: io.stdout.rows || 24,
    palette,
  });
  io.stdout.write(`${HIDE_CURSOR}${lines.join('\n')}\n`);
  // Keys pressed from now on are the pet's: in raw mode the terminal does not echo them onto the frame
  // (Ink, which sets raw mode itself a moment after its first frame, reads them when it starts).
  const raw = typeof io.stdin.setRawMode === 'function' && io.stdin.isTTY;
  if (raw) io.stdin.setRawMode(true);
  // A signal before Ink has taken over (kill -INT): leave the terminal as it was found.
  const onInterrupt = (): void => {
    if (raw) io.stdin.setRawMode(false);
    io.stdout.write(SHOW_CURSOR);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  return {
    startedAt: now,
    height: lines.length,
    erase: `\u001b[${lines.length}A\r\u001b[J`,
    release: (restoreTerminal) => {
      process.off('SIGINT', onInterrupt);
      if (!restoreTerminal) return;
      if (raw) io.stdin.setRawMode(false);
      io.stdout.write(SHOW_CURSOR);
    },
  };
}
