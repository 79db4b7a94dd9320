// The server's stdio transport: newline-delimited JSON on stdin and stdout, as MCP's stdio transport
// says, with the guard (guard.ts) in front of the SDK's protocol. It stands in for the SDK's
// StdioServerTransport, which drops a line it cannot parse without a reply and ends the whole session
// on a line over its size limit, after buffering all of it.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { RpcGuard } from './guard.js';
import { LineSplitter } from './line-splitter.js';
import { errorReply, RPC_ERROR } from './rpc.js';

export class GuardedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly lines: LineSplitter;
  private readonly guard = new RpcGuard();
  private started = false;

  constructor(
    private readonly stdin: NodeJS.ReadableStream,
    private readonly stdout: NodeJS.WritableStream,
    private readonly maxMessageBytes: number,
  ) {
    this.lines = new LineSplitter(maxMessageBytes);
  }

  start(): Promise<void> {
    if (this.started) return Promise.reject(new Error('the transport has already started'));
    this.started = true;
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onError);
    return Promise.resolve();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    for (const reply of this.guard.outgoing(message)) await this.write(reply);
  }

  close(): Promise<void> {
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onError);
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.onclose?.();
    return Promise.resolve();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    for (const event of this.lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
      if (event.kind === 'too-long') {
        void this.write(errorReply(event.id, RPC_ERROR.invalidRequest, `Invalid Request: a message is at most ${this.maxMessageBytes} bytes`));
        continue;
      }
      // A blank line carries no message (some hosts end theirs with an extra one).
      if (event.text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(event.text);
      } catch {
        void this.write(errorReply(null, RPC_ERROR.parse, 'Parse error: a message is one line of JSON'));
        continue;
      }
      const { forward, write } = this.guard.receive(value);
      for (const reply of write) void this.write(reply);
      for (const message of forward) this.onmessage?.(message);
    }
  };

  private readonly onError = (error: Error): void => {
    this.onerror?.(error);
  };

  private write(value: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(value)}\n`)) resolve();
      else this.stdout.once('drain', resolve);
    });
  }
}
