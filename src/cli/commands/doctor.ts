// `buddy doctor`: checks the whole setup and says what to fix.
import path from 'node:path';
import { hashUserId } from '../../engine/hash.js';
import { ensurePrivateDir } from '../../files/dirs.js';
import { FileAccessError } from '../../files/errors.js';
import { realPathOf } from '../../files/facts.js';
import { removeFile } from '../../files/housekeeping.js';
import { OWN_FILE_CAP, readJsonFile, type JsonFileRead } from '../../files/read.js';
import { replaceFileAtomically } from '../../files/replace.js';
import { claudeSettingsFile } from '../../integrations/claude-install.js';
import type { Scope } from '../../integrations/claude-install-record.js';
import { inspectSettings, installCommand, isInstalledThere, uninstallCommand, type Inspection } from '../../integrations/claude-inspect.js';
import { shownCommand, type BuddyRole } from '../../integrations/claude-settings.js';
import { sessionsDir } from '../../integrations/session-state.js';
import { hasApiKey, modelName } from '../../persona/model-client.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import { findIdentity } from '../../buddy/identity.js';
import { configFile } from '../../store/paths.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { identityChecks } from '../doctor-identity.js';
import { mcpChecks } from '../doctor-mcp.js';
import { statuslineChecks } from '../doctor-statusline.js';

type Status = 'ok' | 'note' | 'warn' | 'fail';
interface Check {
  readonly status: Status;
  readonly what: string;
  readonly fix?: string;
}

const MARK: Readonly<Record<Status, string>> = { ok: '✓', note: '·', warn: '!', fail: '✗' };

function checkNode(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return ok
    ? { status: 'ok', what: `Node ${process.versions.node} (${process.execPath})` }
    : { status: 'fail', what: `Node ${process.versions.node} is too old`, fix: 'install Node 20.19 or newer' };
}

function checkConfig(env: NodeJS.ProcessEnv): Check[] {
  const file = configFile(env);
  let read: JsonFileRead;
  try {
    read = readJsonFile(file, { maxBytes: OWN_FILE_CAP });
  } catch (error) {
    if (error instanceof FileAccessError) return [{ status: 'fail', what: error.message }];
    throw error;
  }
  if (read.state === 'missing') return [{ status: 'warn', what: `no config yet (${file})`, fix: 'run `buddy` to hatch your buddy' }];
  if (read.state === 'unparsable') {
    return [{ status: 'fail', what: `config ${file} is not valid JSON`, fix: 'run `buddy` once: it moves the bad file aside and restores the last backup' }];
  }
  const buddy = readConfigSnapshot(env).buddy;
  return [
    { status: 'ok', what: `config ${file}` },
    buddy
      ? { status: 'ok', what: `${buddy.name} the ${buddy.bones.species} hatched ${buddy.hatchedAt.slice(0, 10)} (soul: ${buddy.soulSource})` }
      : { status: 'warn', what: 'no buddy hatched yet', fix: 'run `buddy` or `buddy hatch`' },
  ];
}

function checkKey(env: NodeJS.ProcessEnv): Check {
  return hasApiKey(env)
    ? { status: 'ok', what: `ANTHROPIC_API_KEY is set: souls and answers by ${modelName(env, readConfigSnapshot(env).settings.model)}${env.ANTHROPIC_BASE_URL ? ` via ${env.ANTHROPIC_BASE_URL}` : ''}` }
    : { status: 'warn', what: 'no ANTHROPIC_API_KEY: Buddy writes souls and answers offline', fix: 'set ANTHROPIC_API_KEY for model-written souls (optional)' };
}

const ROLE_NAMES: Readonly<Record<BuddyRole, string>> = { statusline: 'statusLine', prompt: 'UserPromptSubmit hook', 'session-start': 'SessionStart hook' };

/** One scope's settings, exactly: Buddy's entries, what they run, and look-alikes that are not Buddy's. */
function checkClaudeCode(scope: Scope, file: string, inspection: Inspection, installedSomewhere: boolean): Check[] {
  const label = `Claude Code (${scope})`;
  const install = installCommand(scope, file, false);
  if (inspection.state === 'unreadable') return [{ status: 'fail', what: `${label}: ${inspection.message}` }];
  const notInstalled: Check = installedSomewhere
    ? { status: 'note', what: `${label}: Buddy is not installed in ${file}` }
    : { status: 'warn', what: `${label}: Buddy is not installed in ${file}`, fix: `run \`${install}\`` };
  if (inspection.state === 'missing') return [notInstalled];
  const checks: Check[] = [];
  if (inspection.present.length === 0) checks.push(notInstalled);
  else {
    const wraps = inspection.wraps === undefined ? '' : ` after your own ${shownCommand(inspection.wraps)}`;
    if (inspection.present.includes('statusline')) checks.push({ status: 'ok', what: `${label}: statusLine runs Buddy${wraps} (${file})` });
    for (const role of ['statusline', 'prompt', 'session-start'] as const) {
      if (inspection.present.includes(role)) continue;
      const keep = role === 'statusline' ? ' (add --wrap to keep a statusLine of your own)' : '';
      checks.push({ status: 'warn', what: `${label}: Buddy's ${ROLE_NAMES[role]} is missing from ${file}`, fix: `run \`${install}\` again${keep}` });
    }
    for (const gone of inspection.gone) {
      checks.push({
        status: 'fail',
        what: `${label}: Buddy's entries run ${gone}, which no longer exists`,
        fix: `run \`${install}\` from the current install (it points them there), or \`${uninstallCommand(scope, file)}\``,
      });
    }
    if (!inspection.recorded) checks.push({ status: 'note', what: `${label}: Buddy's entries are there but its install record is not; uninstall still finds them by their form` });
  }
  for (const entry of inspection.foreign) {
    checks.push({ status: 'note', what: `${label}: ${entry.where} ${shownCommand(entry.command)} is not Buddy's, left alone` });
  }
  return checks;
}

function checkStateDir(env: NodeJS.ProcessEnv): Check {
  const dir = sessionsDir(env);
  try {
    ensurePrivateDir(dir);
    const probe = path.join(dir, `.doctor-${process.pid}`);
    replaceFileAtomically(probe, 'ok');
    removeFile(probe);
    return { status: 'ok', what: `state directory ${dir} is writable` };
  } catch {
    return { status: 'fail', what: `cannot write to ${dir}`, fix: 'check its permissions or set BUDDY_CACHE_DIR' };
  }
}

function checkScopes(env: NodeJS.ProcessEnv): Check[] {
  const userFile = claudeSettingsFile(env, undefined);
  const projectFile = claudeSettingsFile(env, process.cwd());
  const scopes: [Scope, string][] = [['user', userFile]];
  if (projectFile !== userFile) scopes.push(['project', projectFile]);
  const inspections = scopes.map(([, file]) => inspectSettings(env, file));
  const installedSomewhere = inspections.some(isInstalledThere);
  // Claude Code runs the most specific scope's statusLine: the project's, then the user's.
  const statusLines = inspections.map((inspection) => (inspection.state === 'read' ? inspection.statusLine : undefined)).reverse();
  return [...scopes.flatMap(([scope, file], index) => checkClaudeCode(scope, file, inspections[index]!, installedSomewhere)), ...statuslineChecks(env, statusLines)];
}

/** This copy of Buddy, for the commands doctor suggests; undefined when it cannot tell. */
function scriptPath(): string | undefined {
  try {
    return process.argv[1] ? realPathOf(process.argv[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs('doctor', argv, {}, 0);
  const identity = findIdentity(undefined, io.env);
  const checks: Check[] = [
    checkNode(),
    identity
      ? { status: 'ok', what: `identity from ${identity.source} (hash ${hashUserId(identity.userId).slice(0, 12)}…)` }
      : { status: 'warn', what: 'no identity yet', fix: 'run `buddy` once: it creates a local ID' },
    ...checkConfig(io.env),
    ...identityChecks(io.env),
    checkKey(io.env),
    ...checkScopes(io.env),
    ...mcpChecks(io.env, scriptPath()),
    checkStateDir(io.env),
  ];
  for (const check of checks) {
    writeLine(io.stdout, `${MARK[check.status]} ${check.what}`);
    if (check.fix && (check.status === 'warn' || check.status === 'fail')) writeLine(io.stdout, `    → ${check.fix}`);
  }
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
