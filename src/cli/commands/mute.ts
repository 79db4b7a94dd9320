// `buddy mute` / `buddy unmute`: silence the statusline chatter, persisted across sessions.
import { openConfigStore } from '../../store/config-store.js';
import { MUTE, UNMUTE } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';

export function muteCommand(muted: boolean) {
  return async (argv: readonly string[], io: CliIo): Promise<number> => {
    parseCommandArgs(muted ? MUTE : UNMUTE, argv);
    openConfigStore(io.env).update((config) => {
      config.settings = { ...config.settings, muted };
    });
    writeLine(io.stdout, muted ? 'Buddy is muted: no reactions or introductions until `buddy unmute`.' : 'Buddy is unmuted.');
    return 0;
  };
}
