// The command table: every command's spec (command-specs.ts) beside the loader of its module. The
// dispatcher runs commands from it and `buddy --help` lists them from it; each module is imported only when
// its command runs, so the statusline, hooks and `roll` never pay for Ink, React or the SDK.
import * as specs from './command-specs.js';
import type { CommandSpec } from './command-specs.js';
import type { CommandRunner } from './io.js';

export type Loader = (argv: readonly string[]) => Promise<{ run: CommandRunner }>;

export interface CommandRow {
  readonly spec: CommandSpec;
  readonly load: Loader;
}

/** `buddy` with no command (or only options): the live pet. */
export const OPEN_PET_ROW: CommandRow = { spec: specs.OPEN_PET, load: () => import('./commands/open-pet.js') };

/** In the order `buddy --help` lists them. */
export const COMMAND_TABLE: readonly CommandRow[] = [
  { spec: specs.PET, load: async () => ({ run: (await import('./commands/care.js')).careCommand('pet') }) },
  { spec: specs.FEED, load: async () => ({ run: (await import('./commands/care.js')).careCommand('feed') }) },
  { spec: specs.STATUS, load: () => import('./commands/status.js') },
  { spec: specs.ACHIEVEMENTS, load: () => import('./commands/achievements.js') },
  { spec: specs.TRICKS, load: () => import('./commands/tricks.js') },
  { spec: specs.TRICK, load: () => import('./commands/trick.js') },
  { spec: specs.ROLL, load: () => import('./commands/roll.js') },
  { spec: specs.WHOAMI, load: () => import('./commands/whoami.js') },
  { spec: specs.ODDS, load: () => import('./commands/odds.js') },
  { spec: specs.HUNT, load: () => import('./commands/hunt.js') },
  { spec: specs.DEX, load: () => import('./commands/dex.js') },
  { spec: specs.HATCH, load: () => import('./commands/hatch.js') },
  { spec: specs.RENAME, load: () => import('./commands/rename.js') },
  { spec: specs.SAY, load: () => import('./commands/say.js') },
  { spec: specs.LOG, load: () => import('./commands/log.js') },
  { spec: specs.MEMORY, load: () => import('./commands/memory.js') },
  { spec: specs.FORGET, load: () => import('./commands/forget.js') },
  { spec: specs.CARD, load: () => import('./commands/card.js') },
  { spec: specs.LIST, load: () => import('./commands/list.js') },
  { spec: specs.SWITCH, load: () => import('./commands/switch.js') },
  { spec: specs.RESCUE, load: () => import('./commands/rescue.js') },
  { spec: specs.ADOPT, load: () => import('./commands/adopt.js') },
  { spec: specs.EXPORT, load: () => import('./commands/export.js') },
  { spec: specs.IMPORT, load: () => import('./commands/import.js') },
  // The built CLI runs these two from dist/fast-path.cjs (see src/entries/main.ts); these entries serve the sources.
  { spec: specs.STATUSLINE, load: () => import('./commands/statusline.js') },
  {
    spec: specs.HOOK,
    load: (argv) => (argv[0] === 'reply' ? import('./commands/hook-reply.js') : argv[0] === 'remark' ? import('./commands/hook-remark.js') : import('./commands/hook.js')),
  },
  { spec: specs.INSTALL, load: () => import('./commands/install.js') },
  { spec: specs.UNINSTALL, load: () => import('./commands/uninstall.js') },
  { spec: specs.MCP, load: () => import('./commands/mcp.js') },
  { spec: specs.DOCTOR, load: () => import('./commands/doctor/doctor.js') },
  { spec: specs.MUTE, load: async () => ({ run: (await import('./commands/mute.js')).muteCommand(true) }) },
  { spec: specs.UNMUTE, load: async () => ({ run: (await import('./commands/mute.js')).muteCommand(false) }) },
  { spec: specs.CONFIG, load: () => import('./commands/config.js') },
  { spec: specs.WARDROBE, load: () => import('./commands/wardrobe.js') },
  { spec: specs.WEAR, load: () => import('./commands/wear.js') },
];

/** The row of a command word; undefined for anything else (`toString` included). */
export function commandRow(name: string): CommandRow | undefined {
  return COMMAND_TABLE.find((row) => row.spec.name === name);
}
