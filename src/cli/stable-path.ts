// `buddy install` writes the absolute path of the copy of Buddy it runs from into a host's file. From an
// npx cache, a temporary folder or a clone's working tree that setup breaks later without a word, so
// install refuses with the reason and the command that installs Buddy where it stays; --force writes the
// path anyway, and says once more what it will cost.
import { buddyCopyAt } from '../installers/copies.js';
import { GLOBAL_INSTALL_COMMAND, isStable, whyUnstable } from '../installers/location.js';
import { UserFacingError } from './command-errors.js';
import { runsAsExecutable } from './standalone/runtime.js';

/** What makes a setup last: for the npm package, a global install; for the executable, a folder that stays. */
const LASTING = {
  npm: { advice: `Run \`${GLOBAL_INSTALL_COMMAND}\``, short: `\`${GLOBAL_INSTALL_COMMAND}\``, plain: `${GLOBAL_INSTALL_COMMAND} installs a copy that stays` },
  executable: {
    advice: 'Move the executable to a folder that stays (such as ~/.local/bin)',
    short: 'move the executable to a folder that stays (such as ~/.local/bin)',
    plain: 'move the executable to a folder that stays, such as ~/.local/bin',
  },
} as const;

/** The fix for a copy that will not last, as a parenthesis: for the copy that is running. */
export function lastingCopyHint(): string {
  return LASTING[runsAsExecutable() ? 'executable' : 'npm'].plain;
}

/**
 * Nothing when the copy at `script` is installed by npm; otherwise, with `force`, the warning to give once
 * the setup is written; without it, one line and nothing written. `again`: the install command to repeat.
 */
export function stablePathOrRefuse(script: string, env: NodeJS.ProcessEnv, again: string, force: boolean): string | undefined {
  const executable = runsAsExecutable();
  const lasting = LASTING[executable ? 'executable' : 'npm'];
  const { location } = buddyCopyAt(script, env);
  if (isStable(location)) return undefined;
  const why = whyUnstable(location);
  if (!force) {
    throw new UserFacingError(
      `install: this Buddy runs from ${why}, and a setup pointing there breaks with it. ${lasting.advice}, then \`${again}\` (or add --force to write this path anyway). Nothing was changed.`,
    );
  }
  return `warning: written anyway (--force): the setup points at Buddy in ${why}, and breaks with it. For one that lasts: ${lasting.short}, then \`${again}\`.`;
}
