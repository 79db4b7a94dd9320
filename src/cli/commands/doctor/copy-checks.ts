// `buddy doctor`'s copies of Buddy: which version runs and from where, and for each host setup, which copy
// it points at: this one, another one (named with its version when its package.json says it), or one in a
// place that does not last (an npx cache, a temporary folder, a clone), with the command that fixes it.
// A setup whose copy is gone is the inspections' own `gone` check, not repeated here.
import { pathExists } from '../../../files/entries.js';
import { buddyCopyAt, type BuddyCopy } from '../../../installers/copies.js';
import { GLOBAL_INSTALL_COMMAND, isStable, kindName, whyUnstable } from '../../../installers/location.js';

export interface CopyCheck {
  readonly status: 'ok' | 'note' | 'warn' | 'fail';
  readonly what: string;
  readonly fix?: string;
}

const versionOf = (copy: BuddyCopy): string => copy.version ?? 'version unknown';
const named = (copy: BuddyCopy): string => (copy.version === undefined ? 'Buddy (version unknown)' : `Buddy ${copy.version}`);

/** The copy doctor itself runs from: the first thing to know when setups point elsewhere. */
export function runningCopyCheck(running: BuddyCopy | undefined): CopyCheck {
  if (running === undefined) return { status: 'note', what: 'cannot tell where this Buddy runs from' };
  if (isStable(running.location)) return { status: 'ok', what: `${named(running)} runs from ${running.script} (${kindName(running.location)})` };
  return {
    status: 'note',
    what: `${named(running)} runs from ${whyUnstable(running.location)}: buddy install points no host setup here without --force (\`${GLOBAL_INSTALL_COMMAND}\` installs a copy that stays)`,
  };
}

/**
 * Which copy one host setup runs. `label` names the setup ("Claude Code (user)"), `script` the bundle its
 * entries run, `install` the command that points it at the copy it is run from.
 */
export function setupCopyCheck(env: NodeJS.ProcessEnv, label: string, script: string, running: BuddyCopy | undefined, install: string): CopyCheck[] {
  return pathExists(script) ? [copyVerdict(label, buddyCopyAt(script, env), running, install)] : [];
}

/** The verdict on a setup's copy, from the facts about it and about the running one. */
export function copyVerdict(label: string, copy: BuddyCopy, running: BuddyCopy | undefined, install: string): CopyCheck {
  const same = running !== undefined && copy.location.root === running.location.root;
  if (!isStable(copy.location)) {
    return {
      status: 'warn',
      what: `${label}: points at ${same ? 'this copy of Buddy, in' : `another copy of Buddy, ${versionOf(copy)}, in`} ${whyUnstable(copy.location)}; the setup breaks with it`,
      fix: `run \`${GLOBAL_INSTALL_COMMAND}\`, then \`${install}\``,
    };
  }
  if (same) return { status: 'ok', what: `${label}: points at this copy of Buddy (${copy.location.root})` };
  const here = running === undefined ? '' : ` (this is ${named(running)} at ${running.location.root}${isStable(running.location) ? `; \`${install}\` points it here` : ''})`;
  return { status: 'note', what: `${label}: points at another copy of Buddy: ${versionOf(copy)} at ${copy.location.root}${here}` };
}
