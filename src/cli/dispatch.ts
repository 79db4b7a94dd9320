// Dispatch: it branches on the command before loading anything heavy. Each command module is imported
// on demand (command-table.ts), so the statusline, hooks and `roll` never pay for Ink, React or the SDK.
import { asciiOnly } from '../render/terminal.js';
import { asciiIo } from './ascii-io.js';
import { COMMAND_TABLE, commandRow, OPEN_PET_ROW } from './command-table.js';
import { UsageError } from './command-errors.js';
import { commandHelp, overviewHelp, wantsHelp } from './help.js';
import type { CliIo } from './io.js';
import { report } from './report.js';
import { VERSION } from './version.js';

export const COMMAND_NAMES: readonly string[] = COMMAND_TABLE.map((row) => row.spec.name);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // What is said here, the help and the one line of a wrong input, is in ASCII where the commands draw in
  // ASCII. Each command decides for its own output, from its own flags: `card --svg` writes an image.
  const said = asciiIo(io, asciiOnly(io.env, argv.includes('--ascii')));
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      said.stdout.write(overviewHelp([OPEN_PET_ROW, ...COMMAND_TABLE].map((row) => row.spec)));
      return 0;
    }
    const row = commandRow(topic);
    if (!row) return report(said, new UsageError(`help: unknown command '${topic}'`, 'see buddy --help'));
    said.stdout.write(`${commandHelp(row.spec)}\n`);
    return 0;
  }
  if (first === '-V' || first === '--version' || first === 'version') {
    if (rest.includes('--verbose')) {
      // Loaded only when asked: plain --version stays one line and no file is looked at.
      const { writeVersionDetails } = await import('./version-details.js');
      writeVersionDetails(io, process.argv[1]);
    } else io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const isCommand = first !== undefined && !first.startsWith('-');
  const row = isCommand ? commandRow(first) : OPEN_PET_ROW;
  const args = isCommand ? rest : argv;
  if (!row) return report(said, new UsageError(`unknown command '${first}'`, 'see buddy --help'));
  if (wantsHelp(args)) {
    said.stdout.write(`${commandHelp(row.spec)}\n`);
    return 0;
  }
  try {
    const command = await row.load(args);
    return await command.run(args, io);
  } catch (error) {
    return report(said, error, row.spec.name);
  }
}
