// Dispatch: it branches on the command before loading anything heavy. Each command module is imported
// on demand, so the statusline, hooks and `roll` never pay for Ink, React or the SDK.
import { UsageError } from './errors.js';
import { COMMAND_HELP, HELP, OPEN_PET_HELP, VERSION, wantsHelp } from './help.js';
import type { CliIo, CommandRunner } from './io.js';
import { report } from './report.js';

type Loader = (argv: readonly string[]) => Promise<{ run: CommandRunner }>;

/** `buddy` with no command (or only options): the live pet. */
const OPEN_PET: Loader = () => import('./commands/open-pet.js');

const COMMANDS: Readonly<Record<string, Loader>> = {
  pet: async () => ({ run: (await import('./commands/care.js')).careCommand('pet') }),
  feed: async () => ({ run: (await import('./commands/care.js')).careCommand('feed') }),
  status: () => import('./commands/status.js'),
  achievements: () => import('./commands/achievements.js'),
  roll: () => import('./commands/roll.js'),
  whoami: () => import('./commands/whoami.js'),
  odds: () => import('./commands/odds.js'),
  hunt: () => import('./commands/hunt.js'),
  hatch: () => import('./commands/hatch.js'),
  rename: () => import('./commands/rename.js'),
  dex: () => import('./commands/dex.js'),
  config: () => import('./commands/config.js'),
  say: () => import('./commands/say.js'),
  list: () => import('./commands/list.js'),
  switch: () => import('./commands/switch.js'),
  log: () => import('./commands/log.js'),
  card: () => import('./commands/card.js'),
  rescue: () => import('./commands/rescue.js'),
  // The built CLI runs these two from dist/fast-path.cjs (see main.ts); these entries serve the sources.
  statusline: () => import('./commands/statusline.js'),
  hook: (argv) => (argv[0] === 'reply' ? import('./commands/hook-reply.js') : import('./commands/hook.js')),
  install: () => import('./commands/install.js'),
  uninstall: () => import('./commands/uninstall.js'),
  doctor: () => import('./commands/doctor.js'),
  mcp: () => import('./commands/mcp.js'),
  mute: async () => ({ run: (await import('./commands/mute.js')).muteCommand(true) }),
  unmute: async () => ({ run: (await import('./commands/mute.js')).muteCommand(false) }),
};

export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined ? COMMAND_HELP[rest[0]] : undefined;
    io.stdout.write(topic ? `${topic}\n` : HELP);
    return 0;
  }
  if (first === '-V' || first === '--version' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const isCommand = first !== undefined && !first.startsWith('-');
  const name = isCommand ? first : '';
  const load = !isCommand ? OPEN_PET : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) throw new UsageError(`unknown command '${name}'`);
    const help = !isCommand ? OPEN_PET_HELP : Object.hasOwn(COMMAND_HELP, name) ? COMMAND_HELP[name] : undefined;
    if (help && wantsHelp(isCommand ? rest : argv)) {
      io.stdout.write(`${help}\n`);
      return 0;
    }
    const command = await load(isCommand ? rest : argv);
    return await command.run(isCommand ? rest : argv, io);
  } catch (error) {
    return report(io, error);
  }
}

