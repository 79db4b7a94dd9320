// `buddy trick NAME`: the buddy performs a trick it has learned. On a terminal where motion is allowed
// (motion.ts) it plays in place, redrawing the frame's lines, with the cursor hidden and given back even on
// Ctrl-C; otherwise (piped, TERM=dumb, motion off) each step is printed once under a small header, so a
// log or a screen reader gets every frame. It folds what was recorded first (announcing nothing: the next
// face that announces shows what it earned), so the level is today's; performing changes nothing.
import { recordAndFold } from '../../buddy/growth.js';
import { clockAt } from '../../buddy/system-clock.js';
import { loadSession } from '../../buddy/session.js';
import type { BuddyBones } from '../../engine/bones.js';
import { composeBuddyFrame, type Look } from '../../faces/frame.js';
import { notLearnedYetText, trickById, type Trick } from '../../game/tricks.js';
import { growthViewAt } from '../../game/view.js';
import { colorEnabled, makePalette, type Palette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { choreographyOf, type Choreography } from '../../sprites/tricks.js';
import { TRICK } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { motionAllowed } from '../motion.js';
import { NOT_HATCHED_FAILURE } from '../not-hatched.js';
import { printNotes } from '../notes.js';

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const CLEAR_LINE = '\r\u001b[2K';

/** Every step of the trick, in the buddy's own art, coloured by its rarity. */
function trickFrames(look: Look & Pick<BuddyBones, 'rarity'>, trick: Trick, choreography: Choreography, palette: Palette): string[][] {
  const tint = palette.rarity(look.rarity);
  return choreography.steps.map((_, step) => composeBuddyFrame(look, { kind: 'trick', trick: trick.id, step }).map((line) => tint(line.trimEnd())));
}

/** Each step once, under a header: for pipes, logs and terminals that cannot redraw. */
function printFrames(io: CliIo, name: string, trick: Trick, frames: readonly (readonly string[])[], palette: Palette): void {
  writeLine(io.stdout, `${name} performs ${trick.name}: ${trick.description}.`);
  frames.forEach((frame, index) => {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.dim(`-- ${trick.name} ${index + 1}/${frames.length} --`));
    for (const line of frame) writeLine(io.stdout, line);
  });
}

/** Plays the steps in place, each for its time, then leaves the last frame on screen with the cursor back. */
async function playFrames(io: CliIo, name: string, trick: Trick, frames: readonly (readonly string[])[], stepMs: number): Promise<void> {
  const height = (frames[0] ?? []).length;
  const restore = (): void => {
    io.stdout.write(SHOW_CURSOR);
  };
  const onInterrupt = (): void => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    writeLine(io.stdout, `${name} performs ${trick.name}!`);
    io.stdout.write(HIDE_CURSOR);
    for (const [index, frame] of frames.entries()) {
      if (index > 0) io.stdout.write(`\u001b[${height}A`);
      for (const line of frame) io.stdout.write(`${CLEAR_LINE}${line}\n`);
      await new Promise((resolve) => setTimeout(resolve, stepMs));
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    restore();
  }
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(TRICK, argv);
  const asked = positionals[0];
  if (asked === undefined || asked === '') throw new UsageError('trick: which trick?', 'buddy tricks lists them');
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii);
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  const trick = trickById(asked.toLowerCase());
  const choreography = trick && choreographyOf(trick.id);
  if (!trick || !choreography) throw new UserFacingError(`trick: there is no trick called '${asked}'; buddy tricks lists them`);
  if (!session.stored) throw new UserFacingError(`trick: ${NOT_HATCHED_FAILURE}`);
  const now = Date.now();
  const result = await recordAndFold(io.env, { announce: false, now });
  const buddy = result.buddy ?? session.stored;
  if (!result.growth) throw new UserFacingError(`trick: ${NOT_HATCHED_FAILURE}`);
  const view = growthViewAt(result.growth, clockAt(now), result.settings.care);
  if (trick.level > view.level) throw new UserFacingError(`trick: ${notLearnedYetText(trick, buddy.name, view.level)}`);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  const frames = trickFrames({ ...buddy.bones, stage: view.stage }, trick, choreography, palette);
  if (io.stdout.isTTY && motionAllowed(io.env, session.settings.animation, values['no-anim'])) {
    await playFrames(io, buddy.name, trick, frames, choreography.stepMs);
  } else {
    printFrames(io, buddy.name, trick, frames, palette);
  }
  return 0;
}
