// The agent CLIs themselves, from the npm registry, for the tests that check Buddy's installs against the
// real hosts (tests/hosts/). They are installed once into a folder under the OS temp dir and reused by every
// later run while that folder is complete; a run that cannot install them (no registry) gets the reason.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The packages and the command each one puts in node_modules/.bin. */
export const HOST_PACKAGES = { '@openai/codex': 'codex', '@google/gemini-cli': 'gemini', '@github/copilot': 'copilot' } as const;

export type HostCommand = (typeof HOST_PACKAGES)[keyof typeof HOST_PACKAGES];

export type HostPackages = { readonly ready: true; readonly bin: (command: HostCommand) => string; readonly folder: string } | { readonly ready: false; readonly reason: string };

/** The cache: one folder per list of packages, so a changed list installs afresh. */
const FOLDER = path.join(os.tmpdir(), `buddy-host-packages-${Object.keys(HOST_PACKAGES).join('+').replace(/[@/]/g, '_')}`);
/** Written last, once every package is in: a folder without it is a run that stopped half way. */
const COMPLETE = 'complete.json';
/** An install from the registry takes a minute or two on a slow line; past this it is given up. */
const INSTALL_TIMEOUT_MS = 300_000;

const binOf = (folder: string) => (command: HostCommand): string => path.join(folder, 'node_modules', '.bin', command);

function isComplete(folder: string): boolean {
  try {
    const recorded = JSON.parse(fs.readFileSync(path.join(folder, COMPLETE), 'utf8')) as unknown;
    return JSON.stringify(recorded) === JSON.stringify(HOST_PACKAGES) && Object.values(HOST_PACKAGES).every((command) => fs.existsSync(binOf(folder)(command)));
  } catch {
    return false;
  }
}

/** Runs `npm install` into `folder`; why it failed, in one line, when it did. */
function npmInstall(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const args = ['install', '--prefix', folder, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...Object.keys(HOST_PACKAGES)];
    // Install scripts are not run: the commands these tests use need none (each host ships its binary as a package).
    const child = spawn('npm', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => resolve(`npm could not be started (${error.message})`));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(undefined);
      // npm's first error line names the cause (`npm error code ECONNREFUSED`); its last only points at a log.
      const first = stderr.trim().split('\n')[0] ?? '';
      resolve(signal ? `npm install was stopped after ${INSTALL_TIMEOUT_MS / 1000} s` : `npm install failed: ${first || `exit code ${code}`}`);
    });
  });
}

/**
 * The hosts' packages, installed when they are not yet. Two runs at once each install into a folder of
 * their own and move it into place whole; the second to finish uses the first's.
 */
export async function hostPackages(): Promise<HostPackages> {
  if (isComplete(FOLDER)) return { ready: true, bin: binOf(FOLDER), folder: FOLDER };
  const staging = fs.mkdtempSync(`${FOLDER}.staging-`);
  const failure = await npmInstall(staging);
  if (failure !== undefined) {
    fs.rmSync(staging, { recursive: true, force: true });
    return { ready: false, reason: failure };
  }
  fs.writeFileSync(path.join(staging, COMPLETE), JSON.stringify(HOST_PACKAGES));
  // A folder left half-way by a run that was killed goes first; a complete one is kept and used.
  if (fs.existsSync(FOLDER) && !isComplete(FOLDER)) fs.rmSync(FOLDER, { recursive: true, force: true });
  try {
    fs.renameSync(staging, FOLDER);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return isComplete(FOLDER) ? { ready: true, bin: binOf(FOLDER), folder: FOLDER } : { ready: false, reason: `the packages installed, but ${FOLDER} is not complete` };
}
