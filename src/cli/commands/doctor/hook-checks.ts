// `buddy doctor`'s hook checks: for each hook host (hosts/hook-hosts.ts: the user's file, and this project's
// where the host has project hooks), which of the host's events run Buddy's `hook agent`, and which copy of
// Buddy they run. Hooks are optional: a host with none of Buddy's hooks and no record is not named at all.
import { hookInstallCommand, hookTarget, hookUninstallCommand, inspectHooks, type HookTarget } from '../../../installers/hook-install.js';
import { readHookRecords } from '../../../installers/hook-records.js';
import { HOOK_HOSTS, hookHost } from '../../../installers/hosts/hook-hosts.js';
import type { BuddyCopy } from '../../../installers/copies.js';
import { setupCopyCheck } from './copy-checks.js';

export interface HookCheck {
  readonly status: 'ok' | 'note' | 'warn' | 'fail';
  readonly what: string;
  readonly fix?: string;
}

function checkTarget(env: NodeJS.ProcessEnv, target: HookTarget, running: BuddyCopy | undefined): HookCheck[] {
  const host = hookHost(target.host);
  const label = `${host.name} hooks (${target.scope})`;
  const inspection = inspectHooks(env, target);
  if (inspection.state === 'unreadable') return [{ status: 'warn', what: `${label}: ${inspection.message}` }];
  if (inspection.state === 'missing' || inspection.events.length === 0) {
    return [{ status: 'warn', what: `${label}: Buddy's hooks were installed in ${target.file}, but are not there now`, fix: `\`${hookInstallCommand(target)}\` adds them again` }];
  }
  const checks: HookCheck[] = [{ status: 'ok', what: `${label}: ${inspection.events.join(', ')} run buddy hook agent (${target.file})` }];
  if (inspection.missing.length > 0) {
    checks.push({ status: 'warn', what: `${label}: ${inspection.missing.join(', ')} has no hook of Buddy's`, fix: `\`${hookInstallCommand(target)}\` adds it` });
  }
  for (const script of inspection.scripts) checks.push(...setupCopyCheck(env, label, script, running, hookInstallCommand(target)));
  for (const gone of inspection.gone) {
    checks.push({
      status: 'fail',
      what: `${label}: Buddy's hooks run ${gone}, which no longer exists`,
      fix: `run \`${hookInstallCommand(target)}\` from the current install (it points them there), or \`${hookUninstallCommand(target)}\``,
    });
  }
  if (!inspection.recorded) checks.push({ status: 'note', what: `${label}: Buddy's hooks are there but their install record is not; uninstall still finds them by their form` });
  if (host.nextStep) checks.push({ status: 'note', what: `${label}: ${host.nextStep}` });
  return checks;
}

export function hookChecks(env: NodeJS.ProcessEnv, running: BuddyCopy | undefined, cwd = process.cwd()): HookCheck[] {
  let recorded = new Set<string>();
  try {
    recorded = new Set(Object.keys(readHookRecords(env).records));
  } catch (error) {
    return [{ status: 'warn', what: `Hook install records: ${(error as Error).message.split('\n')[0]}` }];
  }
  const targets = new Map<string, HookTarget>();
  for (const host of HOOK_HOSTS) {
    for (const project of host.projectFile ? [false, true] : [false]) {
      const target = hookTarget(env, host.id, project, cwd);
      if (!targets.has(target.file)) targets.set(target.file, target);
    }
  }
  // Only files with Buddy's hooks in them, or a record of them, are named.
  const named = [...targets.values()].filter((target) => {
    if (recorded.has(target.file)) return true;
    const inspection = inspectHooks(env, target);
    return inspection.state === 'read' && inspection.events.length > 0;
  });
  return named.flatMap((target) => checkTarget(env, target, running));
}
