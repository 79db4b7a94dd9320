// `buddy pet` and `buddy feed`: the pet screen's p and f from anywhere. The care is recorded and folded at
// once (buddy/care.ts, the path the MCP server's buddy_feed takes too), so the reply says the new level,
// and any level-up or achievement it brought (unless care is off: then they are earned silently). Feeding
// shows a snack being eaten, for a moment, on a terminal; a full buddy turns it down instead (a line, no
// XP, no munching), and a cap that held the XP back says so.
import { giveCare, type GivenCare } from '../../buddy/care.js';
import { loadSession } from '../../buddy/session.js';
import { eatsSnack, levelLine, needsLine } from '../../game/view.js';
import { growthOf } from '../../store/growth-schema.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { spriteFor } from '../../sprites/catalog.js';
import { composeFace } from '../../sprites/compose.js';
import { FEED, PET } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UserFacingError } from '../command-errors.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo, type CommandRunner } from '../io.js';
import { motionAllowed } from '../motion.js';
import { NOT_HATCHED_FAILURE } from '../not-hatched.js';
import { printNotes } from '../notes.js';

const SNACK_FRAMES = ['(@)', '(@', '(', '.  .', 'nom!'];
const SNACK_FRAME_MS = 250;

async function eatSnack(io: CliIo, face: string): Promise<void> {
  for (const frame of SNACK_FRAMES) {
    io.stdout.write(`\r\u001b[2K${face}  ${frame}`);
    await new Promise((resolve) => setTimeout(resolve, SNACK_FRAME_MS));
  }
  io.stdout.write('\r\u001b[2K');
}

export function careCommand(kind: GivenCare): CommandRunner {
  return async (argv, streams) => {
    const { values } = parseCommandArgs(kind === 'pet' ? PET : FEED, argv);
    const ascii = asciiOnly(streams.env, values.ascii);
    const io = asciiIo(streams, ascii);
    const session = await loadSession(io.env, values.user);
    printNotes(io, session);
    const stored = session.stored;
    if (!stored) throw new UserFacingError(`${kind}: ${NOT_HATCHED_FAILURE}`);
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
    const now = Date.now();
    const eats = kind === 'feed' && eatsSnack(growthOf(stored, now), session.settings.care, now);
    if (eats && io.stdout.isTTY && motionAllowed(io.env, session.settings.animation, values['no-anim'])) {
      await eatSnack(io, composeFace(spriteFor(stored.bones.species), stored.bones.eye));
    }
    // Kept in the journal, with the shell it was given in as its session (as `buddy say` does).
    const care = await giveCare(io.env, stored, kind, { now: Date.now(), careOn: session.settings.care, journalSession: `care-${process.ppid}` });
    const name = care.buddy.name;
    writeLine(io.stdout, kind === 'pet' ? `${name}: ${care.said} ♥` : `${name} ${care.said}`);
    writeLine(io.stdout, palette.dim(levelLine(care.view)));
    const needs = needsLine(care.view);
    if (needs) writeLine(io.stdout, palette.dim(needs));
    if (care.capped) writeLine(io.stdout, care.capped);
    for (const line of announcementLines(care.announcements, palette)) writeLine(io.stdout, line);
    return 0;
  };
}
