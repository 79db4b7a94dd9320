// Runs a command in this process, through the dispatcher the built bin hands it to (src/cli/dispatch.ts),
// with its streams in memory. For the many cases of one behaviour (every command's help, every wrong
// invocation) whose wiring to a real process an end-to-end run of the built bin already covers: the same
// code answers, without starting Node for each case.
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/dispatch.js';
import type { CliIo } from '../../src/cli/io.js';
import type { RunResult } from './cli.js';

export interface InProcessOptions {
  readonly env: NodeJS.ProcessEnv;
  /** What stdin holds; it is then closed, as `runBuddy` closes it. */
  readonly input?: string;
}

/** A stream that keeps what is written to it, as a pipe would (not a terminal). */
function memoryStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY: false }) as unknown as NodeJS.WriteStream, text: () => text };
}

/** `buddy ARGV` in this process: its exit code, and what it wrote to stdout and stderr. */
export async function runInProcess(argv: readonly string[], options: InProcessOptions): Promise<RunResult> {
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const stdout = memoryStream();
  const stderr = memoryStream();
  const io: CliIo = { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout.stream, stderr: stderr.stream, env: options.env };
  const code = await main(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
