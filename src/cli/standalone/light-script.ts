// The light statusline script (dist/statusline.sh) for installs from the standalone executable. The npm
// package keeps it beside the bundle; the executable's own copy is in its unpacked build, a cache folder
// named by the build that a new version or a cleaned cache takes away. Claude Code's settings therefore
// name a copy in Buddy's config folder, which stays where it is: written by `install`, and brought up to
// date whenever a new build of the executable unpacks (the script's interface does not change between
// builds: `statusline.sh NODE BUNDLE statusline ...`, where the executable is both).
import path from 'node:path';
import { FileAccessError } from '../../files/errors.js';
import { OWN_FILE_CAP, readRegularText } from '../../files/read.js';
import { replaceFileAtomically } from '../../files/replace.js';
import { configDir } from '../../store/paths.js';

export const LIGHT_SCRIPT_NAME = 'statusline.sh';

/** Where the executable's installs find the light script. */
export function stableLightScript(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), LIGHT_SCRIPT_NAME);
}

/**
 * Copies `source` (the light script of the running build) to its stable place, unless the same script is
 * already there; with `onlyIfPresent`, only an existing copy is brought up to date. Returns the stable path.
 * Throws FileAccessError.
 */
export function placeLightScript(env: NodeJS.ProcessEnv, source: string, options: { readonly onlyIfPresent?: boolean } = {}): string {
  const target = stableLightScript(env);
  const current = readRegularText(target, { maxBytes: OWN_FILE_CAP });
  if (current === null && options.onlyIfPresent) return target;
  const script = readRegularText(source, { maxBytes: OWN_FILE_CAP });
  if (script === null) throw new FileAccessError('io', source, `${source} is missing: run the executable again to unpack it`);
  if (current !== script) replaceFileAtomically(target, script);
  return target;
}
