// `buddy doctor`'s statusline checks: which path the installed statusLine takes on each refresh (the
// light script or Node every time), what one refresh costs here (ten refreshes of the installed command,
// run as Claude Code runs it, CPU of every process they start), and that nothing is left running.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { factsAbout } from '../../../files/facts.js';
import { makeScratchDir, removeFile, removeTree } from '../../../files/housekeeping.js';
import { writeFreshFile } from '../../../files/fresh-files.js';
import { fastStatuslineScript } from '../../../installers/hosts/claude-code/commands.js';
import { sessionKey } from '../../../statusline/payload.js';
import { hookFile, statusFile } from '../../../statusline/session-state.js';
import { framesRoot, preparedSessions } from '../../../statusline/frames.js';

export interface StatuslineCheck {
  readonly status: 'ok' | 'note' | 'warn' | 'fail';
  readonly what: string;
  readonly fix?: string;
}

const REFRESHES = 10;
/** Above this a refresh is surely starting Node. */
const LIGHT_REFRESH_MS = 25;

interface Measurement {
  readonly perRefreshMs: number;
  readonly framesPrepared: boolean;
}

/** CPU (user + system) of the shell's finished children, from the second line of `times`, in ms. */
function childrenCpuMs(times: string): number | undefined {
  const line = times.trim().split('\n')[1] ?? '';
  const match = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(line);
  if (!match) return undefined;
  const [, userMinutes, userSeconds, systemMinutes, systemSeconds] = match.map(Number) as number[];
  return ((userMinutes! + systemMinutes!) * 60 + userSeconds! + systemSeconds!) * 1000;
}

/** bash reports children's CPU to the millisecond; other shells' `times` may count in hundredths. */
function measuringShell(): string {
  return spawnSync('bash', ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0 ? 'bash' : '/bin/sh';
}

// One refresh to prepare (as after any change), then the ten measured ones, each through /bin/sh -c as
// the host runs it; `times` before and after counts every process they started and waited for.
const MEASURE_SCRIPT = `
run() { /bin/sh -c "$1" <"$2" >/dev/null 2>&1; }
run "$1" "$2"
times
i=0
while [ "$i" -lt ${REFRESHES} ]; do run "$1" "$2"; i=$((i + 1)); done
times
`;

function measure(env: NodeJS.ProcessEnv, command: string): Measurement | string {
  const dir = makeScratchDir('buddy-doctor-');
  const sessionId = `buddy-doctor-${process.pid}`;
  const key = sessionKey(sessionId);
  try {
    const payload = path.join(dir, 'payload.json');
    writeFreshFile(payload, JSON.stringify({ session_id: sessionId, cwd: process.cwd(), workspace: { current_dir: process.cwd() } }));
    const result = spawnSync(measuringShell(), ['-c', MEASURE_SCRIPT, 'buddy-doctor', command, payload], { env, encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0) return 'the measuring shell did not finish';
    const parts = result.stdout.trim().split('\n');
    const before = childrenCpuMs(parts.slice(0, 2).join('\n'));
    const after = childrenCpuMs(parts.slice(2, 4).join('\n'));
    if (before === undefined || after === undefined) return 'the measuring shell reported no times';
    return { perRefreshMs: Math.max(0, after - before) / REFRESHES, framesPrepared: factsAbout(path.join(framesRoot(env), key, 'head')) !== undefined };
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'unknown error';
  } finally {
    // The check leaves nothing behind: its session's state and frames go with its payload.
    for (const folder of [dir, path.join(framesRoot(env), key)]) removeTree(folder);
    for (const file of [statusFile(env, key), hookFile(env, key)]) removeFile(file);
  }
}

/** What one measured refresh costs, judged by the figure shown (25.04 ms reads "25.0", and is not over 25). */
export function refreshCostCheck(perRefreshMs: number, lightPathInstalled: boolean): StatuslineCheck {
  const shownMs = Number(perRefreshMs.toFixed(1));
  const share = (shownMs / 10).toFixed(1);
  const fine = shownMs <= LIGHT_REFRESH_MS || !lightPathInstalled;
  return {
    status: fine ? 'ok' : 'warn',
    what: `one statusLine refresh costs ${shownMs.toFixed(1)} ms of CPU here (${REFRESHES} refreshes measured; ${share}% of one core at one refresh a second)`,
    ...(fine ? {} : { fix: 'the light script falls back to Node on every refresh: check that the cache directory is writable (or set BUDDY_CACHE_DIR)' }),
  };
}

/** `commands`: Buddy's statusLine in each scope, most specific first (the one Claude Code runs comes first). */
export function statuslineChecks(env: NodeJS.ProcessEnv, commands: readonly (string | undefined)[]): StatuslineCheck[] {
  const command = commands.find((candidate) => candidate !== undefined);
  if (command === undefined) return [];
  const script = fastStatuslineScript(command);
  const checks: StatuslineCheck[] = [
    script
      ? { status: 'ok', what: `statusLine refresh: the light path (${script}); Buddy's Node code runs only when something changed` }
      : {
          status: 'warn',
          what: 'statusLine refresh: every refresh starts Node (the light path is not installed)',
          fix: 'run `buddy install claude-code` again: it switches the statusLine to the light script',
        },
  ];
  const measured = measure(env, command);
  if (typeof measured === 'string') {
    checks.push({ status: 'note', what: `could not measure a statusLine refresh here: ${measured}` });
  } else {
    checks.push(refreshCostCheck(measured.perRefreshMs, Boolean(script)));
    if (script && !measured.framesPrepared) checks.push({ status: 'warn', what: 'the statusline could not prepare frames', fix: `check that ${framesRoot(env)} is writable` });
  }
  checks.push({ status: 'ok', what: `nothing keeps running between refreshes (no background helper); prepared frames for ${preparedSessions(env)} session(s) in ${framesRoot(env)}` });
  return checks;
}
