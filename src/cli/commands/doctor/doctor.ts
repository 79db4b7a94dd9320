// `buddy doctor`: checks the whole setup and says what to fix.
import path from 'node:path';
import { hashUserId } from '../../../engine/hash.js';
import { ensurePrivateDir } from '../../../files/dirs.js';
import { FileAccessError } from '../../../files/errors.js';
import { realPathOf } from '../../../files/facts.js';
import { removeFile } from '../../../files/housekeeping.js';
import { OWN_FILE_CAP, readJsonFile, type JsonFileRead } from '../../../files/read.js';
import { replaceFileAtomically } from '../../../files/replace.js';
import { claudeSettingsFile } from '../../../installers/hosts/claude-code/install.js';
import { inspectSettings, installCommand, isInstalledThere, uninstallCommand, type Inspection } from '../../../installers/hosts/claude-code/inspect.js';
import type { BuddyRole } from '../../../installers/hosts/claude-code/commands.js';
import type { Scope } from '../../../installers/scope.js';
import { shownCommand } from '../../../installers/shell-quote.js';
import { sessionsDir } from '../../../statusline/session-state.js';
import { hasApiKey, hasBadEnvModel, modelName } from '../../../persona/model-client.js';
import { asciiOnly } from '../../../render/terminal.js';
import { readConfigSnapshot } from '../../../store/config-snapshot.js';
import { findIdentity } from '../../../buddy/identity.js';
import { redactLine, secretsOf, shownUrl } from '../../../text/redact.js';
import { configFile } from '../../../store/paths.js';
import { DOCTOR } from '../../command-specs.js';
import { parseCommandArgs } from '../../args.js';
import { asciiIo } from '../../ascii-io.js';
import { writeLine, type CliIo } from '../../io.js';
import { buddyCopyAt, type BuddyCopy } from '../../../installers/copies.js';
import { VERSION } from '../../version.js';
import { runningCopyCheck, setupCopyCheck } from './copy-checks.js';
import { identityChecks } from './identity-checks.js';
import { hookChecks } from './hook-checks.js';
import { mcpChecks } from './mcp-checks.js';
import { statuslineChecks } from './statusline-checks.js';

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

function checkKey(env: NodeJS.ProcessEnv, secrets: readonly string[]): Check[] {
  if (!hasApiKey(env)) {
    return [{ status: 'warn', what: 'no ANTHROPIC_API_KEY: Buddy writes souls and answers offline', fix: 'set ANTHROPIC_API_KEY for model-written souls (optional)' }];
  }
  // The key only as "set", never a character of it; the endpoint without its credentials.
  const baseUrl = env.ANTHROPIC_BASE_URL ? shownUrl(env.ANTHROPIC_BASE_URL, secrets) : undefined;
  const checks: Check[] = [{ status: 'ok', what: `ANTHROPIC_API_KEY is set: souls and answers by ${modelName(env, readConfigSnapshot(env).settings.model)}${baseUrl ? ` via ${baseUrl}` : ''}` }];
  if (env.ANTHROPIC_BASE_URL && baseUrl === undefined) {
    checks.push({ status: 'warn', what: 'ANTHROPIC_BASE_URL is not a URL: model calls cannot reach it', fix: 'set it to the endpoint, such as https://api.anthropic.com, or unset it' });
  }
  return checks;
}

/** BUDDY_MODEL is checked as `buddy config model` checks a name; a bad one is ignored, and said so here. */
function checkEnvModel(env: NodeJS.ProcessEnv): Check[] {
  if (!hasBadEnvModel(env)) return [];
  const fallback = modelName(env, readConfigSnapshot(env).settings.model);
  return [{ status: 'warn', what: `BUDDY_MODEL is not a model name, so Buddy ignores it and uses ${fallback}`, fix: 'set it to a model name such as claude-haiku-4-5 (letters, digits and . _ : -), or unset it' }];
}

const ROLE_NAMES: Readonly<Record<BuddyRole, string>> = { statusline: 'statusLine', prompt: 'UserPromptSubmit hook', 'session-start': 'SessionStart hook' };

/** One scope's settings, exactly: Buddy's entries, what they run, and look-alikes that are not Buddy's. */
function checkClaudeCode(env: NodeJS.ProcessEnv, scope: Scope, file: string, inspection: Inspection, installedSomewhere: boolean, running: BuddyCopy | undefined): Check[] {
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
    for (const script of inspection.scripts) checks.push(...setupCopyCheck(env, label, script, running, install));
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

function checkScopes(env: NodeJS.ProcessEnv, running: BuddyCopy | undefined): Check[] {
  const userFile = claudeSettingsFile(env, undefined);
  const projectFile = claudeSettingsFile(env, process.cwd());
  const scopes: [Scope, string][] = [['user', userFile]];
  if (projectFile !== userFile) scopes.push(['project', projectFile]);
  const inspections = scopes.map(([, file]) => inspectSettings(env, file));
  const installedSomewhere = inspections.some(isInstalledThere);
  // Claude Code runs the most specific scope's statusLine: the project's, then the user's.
  const statusLines = inspections.map((inspection) => (inspection.state === 'read' ? inspection.statusLine : undefined)).reverse();
  return [...scopes.flatMap(([scope, file], index) => checkClaudeCode(env, scope, file, inspections[index]!, installedSomewhere, running)), ...statuslineChecks(env, statusLines)];
}

/**
 * Where the identity comes from. A file it is read from that cannot be read (a FIFO, a folder, no
 * permission) is a failed check like any other, so the rest of the report still comes.
 */
function checkIdentitySource(env: NodeJS.ProcessEnv): Check {
  try {
    const identity = findIdentity(undefined, env);
    return identity
      ? { status: 'ok', what: `identity from ${identity.source} (hash ${hashUserId(identity.userId).slice(0, 12)}…)` }
      : { status: 'warn', what: 'no identity yet', fix: 'run `buddy` once: it creates a local ID' };
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    // Buddy's own config holds the local ID: the config's check says what is wrong with it, once.
    if (error.file === configFile(env)) return { status: 'fail', what: `identity unknown: the local ID is kept in ${error.file}, which cannot be read (see below)` };
    return { status: 'fail', what: `identity unreadable: ${error.message}`, fix: `make ${error.file} a readable regular file, or set BUDDY_USER_ID` };
  }
}

/** This copy of Buddy, for the commands doctor suggests; undefined when it cannot tell. */
function scriptPath(): string | undefined {
  try {
    return process.argv[1] ? realPathOf(process.argv[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the stored buddy belongs to the identity. They need the config, and one that cannot be read (a
 * FIFO, a device, no permission) has its own failed check above: the report goes on without these.
 */
function storedBuddyChecks(env: NodeJS.ProcessEnv): Check[] {
  try {
    return identityChecks(env);
  } catch (error) {
    if (error instanceof FileAccessError) return [];
    throw error;
  }
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(DOCTOR, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  const secrets = secretsOf(io.env);
  const identity = checkIdentitySource(io.env);
  const script = scriptPath();
  const running = script === undefined ? undefined : buddyCopyAt(script, io.env, VERSION);
  const checks: Check[] = [
    checkNode(),
    identity,
    ...checkConfig(io.env),
    // The identity's own checks need its file: when that cannot be read, the line above already says so.
    ...(identity.status === 'fail' ? [] : storedBuddyChecks(io.env)),
    ...checkKey(io.env, secrets),
    ...checkEnvModel(io.env),
    // This copy first, then what each host setup points at.
    runningCopyCheck(running),
    ...checkScopes(io.env, running),
    ...mcpChecks(io.env, running),
    ...hookChecks(io.env, running),
    checkStateDir(io.env),
  ];
  // Every line quotes paths, commands and values from the environment and the files: none may carry a
  // credential or drive the terminal.
  for (const check of checks) {
    writeLine(io.stdout, `${MARK[check.status]} ${redactLine(check.what, secrets)}`);
    if (check.fix && (check.status === 'warn' || check.status === 'fail')) writeLine(io.stdout, `    → ${redactLine(check.fix, secrets)}`);
  }
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
