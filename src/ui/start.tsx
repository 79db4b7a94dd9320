// Mounts the Ink app for `buddy` on a terminal and resolves when the person quits.
import { render } from 'ink';
import { makeResponder } from '../buddy/responder.js';
import { soulNote, type Session } from '../buddy/session.js';
import type { DrawnFrame } from '../pet/first-frame.js';
import type { Palette } from '../render/ansi.js';
import { hatTable, spriteFor } from '../sprites/catalog.js';
import { BuddyApp, type SoulView } from './BuddyApp.js';
import type { WatchReactions } from './PetScreen.js';

/** The streams and environment the pet runs against (the CLI's, passed in: ui never imports cli). */
export interface PetIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: NodeJS.ProcessEnv;
}

export interface StartOptions {
  readonly io: PetIo;
  readonly session: Session;
  readonly animate: boolean;
  readonly palette: Palette;
  /** The first frame, already drawn before Ink loaded; Ink draws over it. */
  readonly drawn?: DrawnFrame | undefined;
  /** What the agent CLIs tell the buddy, heard while the pet is open. */
  readonly watchReactions?: WatchReactions | undefined;
}

/** Synchronized output: terminals that know it show the erase and the redraw as one picture. */
const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';

export async function startPet({ io, session, animate, palette, drawn, watchReactions }: StartOptions): Promise<number> {
  const stored = session.stored;
  const soul: SoulView | undefined = stored
    ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) }
    : undefined;
  const hatch = async (): Promise<SoulView> => {
    // Only a first run hatches: the store (conf and its schema validator) loads when it is needed.
    const { hatchSoul } = await import('../buddy/hatch.js');
    const { buddy, warning } = await hatchSoul(session.bones, io.env);
    return { name: buddy.name, personality: buddy.personality, soulNote: soulNote(buddy), ...(warning ? { warning } : {}) };
  };
  // Ink renders its first frame synchronously inside render(): erase the drawn frame right before it.
  if (drawn) io.stdout.write(`${BEGIN_SYNC}${drawn.erase}`);
  const instance = render(
    <BuddyApp
      bones={session.bones}
      soul={soul}
      hatch={hatch}
      sprite={spriteFor(session.bones.species)}
      hats={hatTable()}
      animate={animate}
      palette={palette}
      respond={makeResponder(session.stored, io.env)}
      now={Date.now}
      notice={session.warning}
      startedAt={drawn?.startedAt}
      watchReactions={watchReactions}
    />,
    { stdout: io.stdout, stdin: io.stdin, stderr: io.stderr, exitOnCtrlC: true, patchConsole: false },
  );
  if (drawn) {
    io.stdout.write(END_SYNC);
    drawn.release(false);
  }
  await instance.waitUntilExit();
  return 0;
}
