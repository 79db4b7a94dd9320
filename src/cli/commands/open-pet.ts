// `buddy` with no command: the pet. On a terminal it opens the Ink screen (loaded only then, after its
// first frame is already on screen); piped or without a TTY it prints the card once and exits 0.
import { loadSession } from '../../buddy/session.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { parseCommandArgs } from '../args.js';
import { drawFirstFrame } from '../first-frame.js';
import { writeLine, type CliIo } from '../io.js';
import { motionAllowed } from '../motion.js';
import { printNotes } from '../notes.js';
import { printedGrowth } from '../printed-growth.js';

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
    const { offlineLanguageNote } = await import('../../buddy/language-note.js');
    const note = offlineLanguageNote(session.settings, io.env);
    const grown = session.stored ? await printedGrowth(io.env, session) : undefined;
    for (const line of buddyCardLines(session.bones, palette, grown?.buddy ?? session.stored, undefined, grown?.portrait.growth, note)) writeLine(io.stdout, line);
    if (!session.stored) writeLine(io.stdout, palette.dim('Not hatched yet: run `buddy` in a terminal, or `buddy hatch`.'));
    return 0;
  }

  const animate = motionAllowed(io.env, session.settings.animation, values['no-anim']);
  const palette = makePalette(colorEnabled(io.env, true));
  const drawn = drawFirstFrame(io, session, animate, palette, Date.now());
  try {
    const { startPet } = await import('../../ui/start.js');
    const { watchAgentReactions } = await import('../../integrations/agent-event-watch.js');
    const watchReactions = (listener: Parameters<typeof watchAgentReactions>[1]) => watchAgentReactions(io.env, listener);
    return await startPet({ io, session, animate, palette, drawn, watchReactions });
  } catch (error) {
    drawn?.release(true);
    throw error;
  }
}
