// Dispatch: it branches on the command before loading anything heavy. Each command module is imported
// on demand, so the statusline, hooks and `roll` never pay for Ink, React or the SDK.
import { EXIT_FAILURE, EXIT_USAGE, UsageError, UserFacingError } from './errors.js';
import { HELP, VERSION } from './help.js';
import type { CliIo, CommandRunner } from './io.js';

type Loader = () => Promise<{ run: CommandRunner }>;

const COMMANDS: Readonly<Record<string, Loader>> = {
  pet: () => import('./commands/pet.js'),
  roll: () => import('./commands/roll.js'),
  whoami: () => import('./commands/whoami.js'),
  odds: () => import('./commands/odds.js'),
  hunt: () => import('./commands/hunt.js'),
  hatch: () => import('./commands/hatch.js'),
  rename: () => import('./commands/rename.js'),
  dex: () => import('./commands/dex.js'),
  config: () => import('./commands/config.js'),
  say: () => import('./commands/say.js'),
  statusline: () => import('./commands/statusline.js'),
  hook: () => import('./commands/hook.js'),
  install: () => import('./commands/install.js'),
  uninstall: () => import('./commands/uninstall.js'),
  doctor: () => import('./commands/doctor.js'),
  mute: async () => ({ run: (await import('./commands/mute.js')).muteCommand(true) }),
  unmute: async () => ({ run: (await import('./commands/mute.js')).muteCommand(false) }),
};

function report(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr.write(`buddy: ${error.message}\nTry 'buddy --help'.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UserFacingError) {
    io.stderr.write(`buddy: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`buddy: ${message.split('\n')[0]}\n`);
  if (io.env.BUDDY_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (first === '-V' || first === '--version' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const isCommand = first !== undefined && !first.startsWith('-');
  const name = isCommand ? first : 'pet';
  const load = COMMANDS[name];
  try {
    if (!load) throw new UsageError(`unknown command '${name}'`);
    const command = await load();
    return await command.run(isCommand ? rest : argv, io);
  } catch (error) {
    return report(io, error);
  }
}

