// Installs from the standalone executable name it twice, as Node and as the bundle (`/x/buddy /x/buddy
// statusline`), so that every command a host runs keeps the npm package's form (`NODE BUNDLE COMMAND`) and
// the light statusline script's interface (`statusline.sh NODE BUNDLE statusline`). The executable takes
// a first argument that names itself as that bundle, and drops it.
import path from 'node:path';
import { realPathOf } from '../../files/entries.js';

/** Whether `arg` names the executable at `executable` (by its path, or through a link to it). */
export function namesExecutable(arg: string | undefined, executable: string): boolean {
  if (arg === undefined || !path.isAbsolute(arg)) return false;
  if (arg === executable) return true;
  try {
    return realPathOf(arg) === realPathOf(executable);
  } catch {
    return false;
  }
}

/**
 * Sets the process's arguments as the npm package sees them: the bundle's path (argv[1]) is the
 * executable's own, which installs and the hooks' answering job name; a first argument naming the
 * executable again is that bundle, and goes.
 */
export function argumentsAsBundle(argv: string[], executable: string): void {
  argv[1] = executable;
  if (namesExecutable(argv[2], executable)) argv.splice(2, 1);
}
