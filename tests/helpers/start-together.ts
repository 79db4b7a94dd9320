// Runs several commands of the built CLI so that they meet: each child starts Node, says it is ready
// (tests/helpers/start-together.mjs, preloaded) and waits; once every one is ready, all are let go at
// once. Races between them then happen in the commands themselves, not in Node's start-up.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BIN, type RunResult } from './cli.js';

const PRELOAD = fileURLToPath(new URL('./start-together.mjs', import.meta.url));

/** The pipe on a child's descriptor 3, which it says "ready" on and waits on. */
const gateOf = (child: ChildProcess): Duplex => child.stdio[3] as unknown as Duplex;

export interface TogetherCommand {
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function startTogether(commands: readonly TogetherCommand[], timeoutMs = 60_000): Promise<RunResult[]> {
  const children: ChildProcess[] = [];
  let ready = 0;
  const results = commands.map(
    (command) =>
      new Promise<RunResult>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', PRELOAD, BIN, ...command.args], {
          env: { ...command.env, BUDDY_START_TOGETHER: '1' },
          cwd: command.cwd,
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        });
        children.push(child);
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
        child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        const gate = gateOf(child);
        gate.on('error', () => undefined);
        gate.once('data', () => {
          ready += 1;
          if (ready === commands.length) for (const each of children) gateOf(each).write('g');
        });
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      }),
  );
  return Promise.all(results);
}
