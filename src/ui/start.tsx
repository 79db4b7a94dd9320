// Mounts the Ink app for `buddy` on a terminal and resolves when the person quits.
import { render } from 'ink';
import { moodNow } from '../buddy/feeling.js';
import { makeGrowthHost } from '../buddy/store-growth-host.js';
import { offlineLanguageNote } from '../buddy/language-note.js';
import { makeResponder, PET_SESSION } from '../buddy/persona-responder.js';
import { journal } from '../journal/append.js';
import { readJournalTail } from '../journal/read-back.js';
import { localStamp } from '../journal/stamp.js';
import { hatchGreeting } from '../pet/first-frame.js';
import type { JournalLineView } from '../pet/screen.js';
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

/** The panel shows at most this many of the journal's last lines (fewer when the window is short). */
const JOURNAL_PANEL_LINES = 12;

function readRecentJournal(env: NodeJS.ProcessEnv): JournalLineView[] {
  return readJournalTail(env, JOURNAL_PANEL_LINES).map((record) => ({ time: localStamp(record.time, 'short'), text: record.text }));
}

export async function startPet({ io, session, animate, palette, drawn, watchReactions }: StartOptions): Promise<number> {
  const stored = session.stored;
  const soul: SoulView | undefined = stored
    ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) }
    : undefined;
  const hatch = async (): Promise<SoulView> => {
    // Only a first run hatches: the store (conf and its schema validator) loads when it is needed.
    const { hatchSoul } = await import('../buddy/hatch.js');
    const { buddy, warning } = await hatchSoul(session.bones, io.env);
    journal({ source: 'pet', text: hatchGreeting(buddy.name, buddy.personality), session: PET_SESSION, name: buddy.name, mood: moodNow(buddy, session.settings.care) }, io.env);
    return { name: buddy.name, personality: buddy.personality, soulNote: soulNote(buddy), ...(warning ? { warning } : {}) };
  };
  // Ink takes raw mode in an effect, after its first frame is already on screen: a key pressed in between
  // would be echoed under the frame. Taking it first closes that gap. Only for the pet, which reads keys
  // from its first frame (the hatch screen reads none, and Ctrl-C must stay a signal there).
  if (drawn && io.stdin.isTTY) io.stdin.setRawMode(true);
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
      languageNote={offlineLanguageNote(session.settings, io.env)}
      readJournal={() => readRecentJournal(io.env)}
      startedAt={drawn?.startedAt}
      growth={makeGrowthHost(io.env, stored, session.settings.care, Date.now(), PET_SESSION)}
      watchReactions={watchReactions}
    />,
    { stdout: io.stdout, stdin: io.stdin, stderr: io.stderr, exitOnCtrlC: true, patchConsole: false },
  );
  if (drawn) {
    io.stdout.write(END_SYNC);
    drawn.release(false);
  }
  await instance.waitUntilExit();
  if (io.stdin.isTTY) io.stdin.setRawMode(false);
  return 0;
}
