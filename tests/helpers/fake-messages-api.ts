// A local fake of the Messages API on 127.0.0.1, scripted per test. The real SDK talks to it through
// baseURL (ANTHROPIC_BASE_URL), so tests exercise the real client, retries and timeouts, never the internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: any;
  /** The body exactly as it arrived, for byte-for-byte checks of what went over the wire. */
  readonly raw: string;
}

export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Never answer (until the server closes): for timeouts. */
  readonly hang?: boolean;
}

export interface FakeMessagesApi {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queues responses, answered in order; when the queue is empty, answers 500. */
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

let messageCounter = 0;

function message(content: unknown[], stopReason: string): unknown {
  return {
    id: `msg_fake_${++messageCounter}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

export function textReply(text: string): ScriptedResponse {
  return { body: message([{ type: 'text', text }], 'end_turn') };
}

export function soulReply(input: unknown, toolName = 'write_soul'): ScriptedResponse {
  return { body: message([{ type: 'tool_use', id: `toolu_${++messageCounter}`, name: toolName, input }], 'tool_use') };
}

export function errorReply(status: number, headers: Record<string, string> = {}): ScriptedResponse {
  const type = status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : 'api_error';
  return { status, headers, body: { type: 'error', error: { type, message: `fake ${status}` } } };
}

export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, raw });
      const next = queue.shift() ?? errorReply(500);
      if (next.hang) return;
      response.writeHead(next.status ?? 200, { 'content-type': 'application/json', ...next.headers });
      response.end(JSON.stringify(next.body ?? {}));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
