// `buddy doctor`: checks the whole setup and says what to fix.
import fs from 'node:fs';
import path from 'node:path';
import { hashUserId } from '../../engine/hash.js';
import { claudeSettingsFile, parseSettings, readSettingsText } from '../../integrations/claude-install.js';
import { isBuddyCommand } from '../../integrations/claude-settings.js';
import { sessionsDir } from '../../integrations/session-state.js';
import { hasApiKey, modelName } from '../../persona/model-client.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import { findIdentity } from '../../buddy/identity.js';
import { configFile } from '../../store/paths.js';
import { parseCommandArgs } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { identityChecks } from '../doctor-identity.js';

type Status = 'ok' | 'warn' | 'fail';
interface Check {
  readonly status: Status;
  readonly what: string;
  readonly fix?: string;
}

const MARK: Readonly<Record<Status, string>> = { ok: '✓', warn: '!', fail: '✗' };

function checkNode(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return ok
    ? { status: 'ok', what: `Node ${process.versions.node} (${process.execPath})` }
    : { status: 'fail', what: `Node ${process.versions.node} is too old`, fix: 'install Node 20.19 or newer' };
}

function checkConfig(env: NodeJS.ProcessEnv): Check[] {
  const file = configFile(env);
  if (!fs.existsSync(file)) return [{ status: 'warn', what: `no config yet (${file})`, fix: 'run `buddy` to hatch your buddy' }];
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
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

function scriptOf(command: string): string | undefined {
  return /(?:"([^"]+buddy[^"]*\.js)"|(\S+buddy\S*\.js))/.exec(command)?.slice(1).find(Boolean);
}

function checkClaudeCode(env: NodeJS.ProcessEnv, label: string, file: string): Check[] {
  let settings;
  try {
    settings = parseSettings(file, readSettingsText(file));
  } catch (error) {
    return [{ status: 'fail', what: `${label}: ${(error as Error).message}` }];
  }
  const statusLine = settings.statusLine as { command?: unknown } | undefined;
  const command = typeof statusLine?.command === 'string' ? statusLine.command : undefined;
  if (!command || !isBuddyCommand(command)) {
    return [{ status: 'warn', what: `${label}: Buddy's statusLine is not installed (${file})`, fix: 'run `buddy install claude-code`' }];
  }
  const checks: Check[] = [{ status: 'ok', what: `${label}: statusLine runs Buddy (${file})` }];
  const script = scriptOf(command);
  if (script && !fs.existsSync(script)) checks.push({ status: 'fail', what: `${label}: the statusLine points at ${script}, which no longer exists`, fix: 'run `buddy install claude-code` again from the current install' });
  const hooks = JSON.stringify(settings.hooks ?? {});
  for (const hook of ['hook prompt', 'hook session-start']) {
    if (!hooks.includes(hook)) checks.push({ status: 'warn', what: `${label}: the ${hook} hook is missing`, fix: 'run `buddy install claude-code` again' });
  }
  return checks;
}

function checkStateDir(env: NodeJS.ProcessEnv): Check {
  const dir = sessionsDir(env);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.doctor-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return { status: 'ok', what: `state directory ${dir} is writable` };
  } catch {
    return { status: 'fail', what: `cannot write to ${dir}`, fix: 'check its permissions or set BUDDY_CACHE_DIR' };
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
    ...checkClaudeCode(io.env, 'Claude Code (user)', claudeSettingsFile(io.env, undefined)),
    checkStateDir(io.env),
  ];
  const projectFile = claudeSettingsFile(io.env, process.cwd());
  if (fs.existsSync(projectFile)) checks.push(...checkClaudeCode(io.env, 'Claude Code (project)', projectFile));
  for (const check of checks) {
    writeLine(io.stdout, `${MARK[check.status]} ${check.what}`);
    if (check.fix && check.status !== 'ok') writeLine(io.stdout, `    → ${check.fix}`);
  }
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
