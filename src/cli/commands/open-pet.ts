// `buddy` with no command: the pet. On a terminal it opens the Ink screen (loaded only then, after its
// first frame is already on screen); piped or without a TTY it prints the card once and exits 0.
import { loadSession, type Session } from '../../buddy/session.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { parseCommandArgs } from '../args.js';
import { drawFirstFrame } from '../first-frame.js';
import { writeLine, type CliIo } from '../io.js';
import { motionAllowed } from '../motion.js';
import { printNotes } from '../notes.js';

/** The growth for the printed card, folded first; a config busy for too long shows it as stored. */
async function printedGrowth(io: CliIo, session: Session) {
  const { recordAndFold } = await import('../../buddy/growth.js');
  const { viewNow } = await import('../growth-lines.js');
  try {
    const result = await recordAndFold(io.env, { announce: false });
    return result.growth ? { buddy: result.buddy, view: viewNow(result.growth, result.settings.care) } : undefined;
  } catch {
    const { growthOf } = await import('../../store/growth-schema.js');
    return session.stored ? { buddy: session.stored, view: viewNow(growthOf(session.stored, Date.now()), session.settings.care) } : undefined;
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('buddy', argv, { user: { type: 'string' }, 'no-anim': { type: 'boolean' } }, 0);
  const session = await loadSession(io.env, values.user);
  // The pet screen shows the warning itself (a stray stderr line would sit above its frame); a printed
  // card gets it on stderr.
  const onTerminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  printNotes(io, session, { warning: !onTerminal });

  if (!onTerminal) {
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
    const { buddyCardLines } = await import('../card-art.js');
    // The printed card is up to date: what was recorded is folded first (its announcements wait for the pet).
    const grown = session.stored ? await printedGrowth(io, session) : undefined;
    for (const line of buddyCardLines(session.bones, palette, grown?.buddy ?? session.stored, undefined, grown?.view)) writeLine(io.stdout, line);
    if (!session.stored) writeLine(io.stdout, palette.dim('Not hatched yet: run `buddy` in a terminal, or `buddy hatch`.'));
    return 0;
  }

  const animate = motionAllowed(io.env, session.settings.animation, values['no-anim']);
  const palette = makePalette(colorEnabled(io.env, true));
  const drawn = drawFirstFrame(io, session, animate, palette, Date.now());
  try {
    const { startPet } = await import('../../ui/start.js');
    return await startPet({ io, session, animate, palette, drawn });
  } catch (error) {
    drawn?.release(true);
    throw error;
  }
}
