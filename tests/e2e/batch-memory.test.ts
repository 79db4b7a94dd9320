// `buddy roll --batch` in bounded memory: a large input through the built CLI, read by a consumer that
// lags behind (it reads only while the CLI refuses more input), keeps the process's peak resident memory
// (its worker threads included) under a bound that does not grow with the input, and every line still
// comes out, in order. A reader that goes away mid-stream (`| head -1`) ends it quietly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox } from '../helpers/cli.js';

/** The kernel's record of a process's peak resident memory (Linux), in MB; undefined once it has ended. */
function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

const canReadPeak = peakRssMb(process.pid) !== undefined;
// Node and the rolling code, then each worker thread (one per core) with its own heap. The CLI measures
// about 60 MB plus 25 MB a worker; when its jobs were cut by bytes rather than lines and each output
// buffer was left to the garbage collector, it reached 240 MB on this input on 2 cores.
const boundMb = 100 + 25 * os.availableParallelism();
const LINES = 300_000;
const idAt = (index: number): string => `id-${index}`;

let sandbox: ReturnType<typeof makeSandbox>;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe.skipIf(!canReadPeak)('roll --batch memory', () => {
  it('stays under its bound with a lagging reader, and writes every line in input order', async () => {
    const child = spawn(process.execPath, [BIN, 'roll', '--batch'], { env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let peakMb = 0;
    const notePeak = (): void => {
      peakMb = Math.max(peakMb, peakRssMb(child.pid as number) ?? 0);
    };
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    // Each line must be the roll of the ID on the same input line.
    let linesOut = 0;
    let firstWrong: string | undefined;
    let rest = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      notePeak();
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() as string;
      for (const line of lines) {
        if (firstWrong === undefined && !line.endsWith(`"userId":"${idAt(linesOut)}"}`)) firstWrong = `line ${linesOut + 1}: ${line}`;
        linesOut++;
      }
    });
    child.stdout.pause();
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

    // The reader lags: it reads only while the CLI is not taking input, and stops once it takes more.
    const BLOCK = 1000;
    for (let start = 0; start < LINES; start += BLOCK) {
      const block = Array.from({ length: BLOCK }, (_, offset) => `${idAt(start + offset)}\n`).join('');
      if (!child.stdin.write(block)) {
        child.stdout.resume();
        await new Promise((resolve) => child.stdin.once('drain', resolve));
        notePeak();
        child.stdout.pause();
      }
    }
    child.stdin.end();
    child.stdout.resume();
    expect(await closed, stderr).toBe(0);

    expect(firstWrong).toBeUndefined();
    expect(rest).toBe('');
    expect(linesOut).toBe(LINES);
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb, `peak RSS ${peakMb.toFixed(0)} MB`).toBeLessThan(boundMb);
  }, 60_000);
});

describe('roll --batch into a reader that goes away', () => {
  it('ends quietly with status 0 when `head -1` has its line, on the worker path', async () => {
    const input = path.join(sandbox.dir, 'ids.txt');
    fs.writeFileSync(input, Array.from({ length: 200_000 }, (_, index) => `${idAt(index)}\n`).join(''));
    const script = 'node "$0" roll --batch < "$1" | head -1; echo "status=${PIPESTATUS[0]}" >&2';
    const result = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', script, BIN, input], { env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', () => resolve({ stdout, stderr }));
    });
    expect(result.stderr).toBe('status=0\n');
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stdout).toMatch(/^\{"version":1,.*"userId":"id-0"\}\n$/);
  });
});
