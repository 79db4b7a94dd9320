// `buddy mcp` as a child process spoken to in raw lines, as a careless or hostile host would: whatever
// bytes a test writes go to its stdin as they are, and every line it writes back is read as one JSON value.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { expect } from 'vitest';
import { BIN } from './cli.js';

/** The server as a process, spoken to in raw lines; every line it writes is read as one JSON value. */
export class RawMcp {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly received: unknown[] = [];
  private readonly problems: string[] = [];
  private wake: (() => void) | undefined;
  private buffered = '';
  private exited = false;

  /** `command`: the program and the arguments before `mcp` (the standalone executable, say). */
  constructor(env: NodeJS.ProcessEnv, command: readonly string[] = [process.execPath, BIN]) {
    const [file, ...before] = command;
    this.child = spawn(file!, [...before, 'mcp'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.buffered += chunk;
      let newline: number;
      while ((newline = this.buffered.indexOf('\n')) !== -1) {
        const line = this.buffered.slice(0, newline);
        this.buffered = this.buffered.slice(newline + 1);
        try {
          this.received.push(JSON.parse(line));
        } catch {
          this.problems.push(`not JSON on stdout: ${line.slice(0, 200)}`);
        }
      }
      this.wake?.();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => this.problems.push(`stderr: ${chunk}`));
    this.child.on('exit', () => {
      this.exited = true;
      this.wake?.();
    });
    this.child.stdin.on('error', () => undefined);
  }

  /** Whether `initialize` was answered, so tools/list can be asked. */
  private ready = false;

  /** Writes raw bytes, no newline added: a line may come in many writes. */
  write(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  /** Writes raw text as one line (the newline is added). */
  line(text: string | Buffer): void {
    this.write(text);
    this.write('\n');
  }

  /** Writes bytes, and waits until the pipe takes more. */
  async drained(bytes: Buffer): Promise<void> {
    if (!this.child.stdin.write(bytes)) await new Promise((resolve) => this.child.stdin.once('drain', resolve));
  }

  send(message: unknown): void {
    this.line(JSON.stringify(message));
  }

  /** The next message the server writes. */
  async next(): Promise<unknown> {
    while (this.received.length === 0) {
      if (this.exited) throw new Error(`the server exited without a reply ${this.problems.join(' ')}`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    return this.received.shift();
  }

  async request(id: number | string, method: string, params?: unknown): Promise<unknown> {
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.next();
  }

  async initialize(protocolVersion = '2025-06-18'): Promise<void> {
    const reply = await this.request('init', 'initialize', { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
    expect(reply).toMatchObject({ id: 'init', result: { protocolVersion } });
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    this.ready = true;
  }

  /** The session still answers: a ping, then a tool list. Nothing else was written before them. */
  async stillAnswers(): Promise<void> {
    expect(await this.request('after-1', 'ping')).toEqual({ jsonrpc: '2.0', id: 'after-1', result: {} });
    if (this.ready) expect(await this.request('after-2', 'tools/list')).toMatchObject({ id: 'after-2', result: { tools: expect.any(Array) } });
    expect(this.problems).toEqual([]);
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.stdin.end();
      await exited;
    }
  }
}
