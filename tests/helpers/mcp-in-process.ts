// `buddy mcp` in this process, through the dispatcher the built bin hands it to, its stdin and stdout a pair
// of pipes in memory: the same server, the same line transport and the same tools as the process a host
// starts, without starting Node for each session. For the many calls and kinds of buddy whose wiring to a
// real process the end-to-end tests (tests/e2e/mcp-*.test.ts) already cover.
import { PassThrough, Writable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { expect } from 'vitest';
import { main } from '../../src/cli/dispatch.js';
import type { CliIo } from '../../src/cli/io.js';

/** One server session in process: the host's side of its pipes, and what it wrote to stderr. */
export class InProcessMcp {
  /** What the host writes: the server's stdin. */
  private readonly toServer = new PassThrough();
  /** What the server writes: its stdout, one JSON message a line. */
  private readonly fromServer = new PassThrough();
  private stderr = '';
  private readonly exited: Promise<number>;
  private client: Client | undefined;

  constructor(env: NodeJS.ProcessEnv) {
    const stderr = new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        this.stderr += chunk.toString();
        done();
      },
    });
    const io: CliIo = {
      stdin: this.toServer as unknown as NodeJS.ReadStream,
      stdout: this.fromServer as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      env,
    };
    this.exited = main(['mcp'], io);
  }

  /**
   * The MCP SDK's own client, connected as a host connects. Its transport is the SDK's stdio one on this
   * pair of pipes: newline-delimited JSON, the same either way.
   */
  async connect(name = 'buddy-test'): Promise<Client> {
    this.client = new Client({ name, version: '1.0.0' });
    await this.client.connect(new StdioServerTransport(this.fromServer, this.toServer));
    return this.client;
  }

  /** Raw bytes to the server's stdin, as they are: many messages may go in one write. */
  write(bytes: string): void {
    this.toServer.write(bytes);
  }

  /** The next `count` lines the server writes, each read as one JSON value. */
  async lines(count: number): Promise<unknown[]> {
    const read: unknown[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        buffered += chunk.toString();
        let newline: number;
        while (read.length < count && (newline = buffered.indexOf('\n')) !== -1) {
          read.push(JSON.parse(buffered.slice(0, newline)));
          buffered = buffered.slice(newline + 1);
        }
        if (read.length === count) {
          this.fromServer.off('data', onData);
          this.fromServer.pause();
          resolve();
        }
      };
      // Paused by the read before: a new listener alone would not start it flowing again.
      this.fromServer.on('data', onData).resume();
    });
    expect(buffered, 'nothing written beyond the lines read').toBe('');
    return read;
  }

  /** Closes stdin, as a host that is done does: the command ends with 0 and said nothing on stderr. */
  async close(): Promise<void> {
    await this.client?.close();
    this.toServer.end();
    expect(await this.exited).toBe(0);
    expect(this.stderr).toBe('');
  }
}
