// Dispatch: it branches on the command before loading anything heavy. Each command module is imported
// on demand (command-table.ts), so the statusline, hooks and `roll` never pay for Ink, React or the SDK.
import { COMMAND_TABLE, commandRow, OPEN_PET_ROW } from './command-table.js';
import { UsageError } from './command-errors.js';
import { commandHelp, overviewHelp, wantsHelp } from './help.js';
import type { CliIo } from './io.js';
import { report } from './report.js';
import { VERSION } from './version.js';

export const COMMAND_NAMES: readonly string[] = COMMAND_TABLE.map((row) => row.spec.name);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(overviewHelp([OPEN_PET_ROW, ...COMMAND_TABLE].map((row) => row.spec)));
      return 0;
    }
    const row = commandRow(topic);
    if (!row) return report(io, new UsageError(`help: unknown command '${topic}'`, 'see buddy --help'));
    io.stdout.write(`${commandHelp(row.spec)}\n`);
    return 0;
  }
  if (first === '-V' || first === '--version' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const isCommand = first !== undefined && !first.startsWith('-');
  const row = isCommand ? commandRow(first) : OPEN_PET_ROW;
  const args = isCommand ? rest : argv;
  if (!row) return report(io, new UsageError(`unknown command '${first}'`, 'see buddy --help'));
  if (wantsHelp(args)) {
    io.stdout.write(`${commandHelp(row.spec)}\n`);
    return 0;
  }
  try {
    const command = await row.load(args);
    return await command.run(args, io);
  } catch (error) {
    return report(io, error, row.spec.name);
  }
}
