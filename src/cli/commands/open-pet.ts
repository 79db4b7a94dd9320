// `buddy` with no command: the pet. On a terminal it opens the Ink screen (loaded only then, after its
// first frame is already on screen); piped, without a TTY, or on a terminal that cannot redraw in place
// (TERM=dumb) it prints the card once and exits 0.
import { loadSession } from '../../buddy/session.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly, canRedraw } from '../../render/terminal.js';
import { OPEN_PET } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { drawFirstFrame } from '../draw-first-frame.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { motionAllowed } from '../motion.js';
import { NOT_HATCHED_CARD_NOTE } from '../not-hatched.js';
import { printNotes } from '../notes.js';
import { printedGrowth } from '../printed-growth.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(OPEN_PET, argv);
  const session = await loadSession(io.env, values.user);
  const ascii = asciiOnly(io.env, values.ascii);
  // The pet screen shows the warning itself (a stray stderr line would sit above its frame); a printed
  // card gets it on stderr.
  const onTerminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  const live = onTerminal && canRedraw(io.env, process.platform);
  printNotes(asciiIo(io, ascii), session, { warning: !live });

  if (!live) {
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
    const { buddyCardLines } = await import('../card-art.js');
    const { offlineLanguageNote } = await import('../../buddy/language-note.js');
    const note = offlineLanguageNote(session.settings, io.env);
    const grown = session.stored ? await printedGrowth(io.env, session) : undefined;
    const lines = buddyCardLines(session.bones, palette, grown?.buddy ?? session.stored, terminalWidth(io.stdout), grown?.portrait.growth, note);
    for (const line of lines) writeLine(io.stdout, line);
    if (!session.stored) writeLine(io.stdout, palette.dim(onTerminal ? 'Not hatched yet: run `buddy hatch`.' : NOT_HATCHED_CARD_NOTE));
    return 0;
  }

  const animate = motionAllowed(io.env, session.settings.animation, values['no-anim']);
  const palette = makePalette(colorEnabled(io.env, true), ascii);
  const drawn = drawFirstFrame(io, session, animate, palette, Date.now());
  try {
    const { startPet } = await import('../../ui/start.js');
    const { watchAgentReactions } = await import('../../statusline/agent-event-watch.js');
    // The daily greeting comes only to a buddy already hatched: a hatch is its own hello.
    const { stored } = session;
    const { PET_SESSION } = await import('../../buddy/persona-responder.js');
    const daily = stored ? (await import('../../buddy/daily-watch.js')).watchDailyGreeting(io.env, stored, session.settings, PET_SESSION) : undefined;
    const watchReactions = (listener: Parameters<typeof watchAgentReactions>[1]) => {
      const stopAgent = watchAgentReactions(io.env, listener);
      const stopDaily = daily?.(listener);
      return () => {
        stopAgent();
        stopDaily?.();
      };
    };
    return await startPet({ io, session, animate, palette, drawn, watchReactions });
  } catch (error) {
    drawn?.release(true);
    throw error;
  }
}
