// Mounts the Ink app for `buddy` on a terminal and resolves when the person quits.
import { render } from 'ink';
import { makeResponder } from '../buddy/responder.js';
import { soulNote, type Session } from '../buddy/session.js';
import { colorEnabled } from '../render/ansi.js';
import { hatTable, spriteFor } from '../sprites/catalog.js';
import { BuddyApp, type SoulView } from './BuddyApp.js';
import { makeTheme } from './theme.js';

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
}

export async function startPet({ io, session, animate }: StartOptions): Promise<number> {
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
  const instance = render(
    <BuddyApp
      bones={session.bones}
      soul={soul}
      hatch={hatch}
      sprite={spriteFor(session.bones.species)}
      hats={hatTable()}
      animate={animate}
      theme={makeTheme(colorEnabled(io.env, true))}
      respond={makeResponder(session.stored, io.env)}
      now={Date.now}
      notice={session.warning}
    />,
    { stdout: io.stdout, stdin: io.stdin, stderr: io.stderr, exitOnCtrlC: true, patchConsole: false, incrementalRendering: true },
  );
  await instance.waitUntilExit();
  return 0;
}
