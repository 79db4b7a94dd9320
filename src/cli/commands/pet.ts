// `buddy` with no command: the pet. On a terminal it opens the Ink screen (loaded only then);
// piped or without a TTY it prints the card once and exits 0.
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { renderCard } from '../../render/card.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { loadSession, soulNote } from '../session.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('buddy', argv, { user: { type: 'string' }, 'no-anim': { type: 'boolean' } }, 0);
  const session = await loadSession(io, values.user);
  if (session.warning) io.stderr.write(`buddy: ${session.warning}\n`);

  if (!io.stdout.isTTY || !io.stdin.isTTY) {
    const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
    const { composeCardArt } = await import('../card-art.js');
    const stored = session.stored;
    for (const line of renderCard(session.bones, palette, {
      art: composeCardArt(session.bones, palette),
      ...(stored ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) } : {}),
    })) {
      writeLine(io.stdout, line);
    }
    if (!stored) writeLine(io.stdout, palette.dim('Not hatched yet: run `buddy` in a terminal, or `buddy hatch`.'));
    return 0;
  }

  const animate = !values['no-anim'] && session.settings.animation && io.env.BUDDY_NO_ANIM === undefined;
  const { startPet } = await import('../../ui/start.js');
  return startPet({ io, session, animate });
}
