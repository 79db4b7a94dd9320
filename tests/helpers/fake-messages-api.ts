// A local fake of the Messages API on 127.0.0.1, scripted per test. The real SDK talks to it through
// baseURL (ANTHROPIC_BASE_URL), so tests exercise the real client, retries and timeouts, never the internet.
// A request that asks for a stream (`"stream": true`, as Claude Code's always do) gets its message as
// server-sent events, the way the real API streams it; token counts (`/v1/messages/count_tokens`) are
// answered at once, without taking a scripted response. A host that sends many requests of several kinds
// is answered by a `route`, which picks each response from the request itself.
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

export interface FakeApiOptions {
  /**
   * Answers a request before the queue does: its response, or undefined to leave it to the queue. For a
   * host whose requests come in no fixed order (its own side requests beside the main turn).
   */
  readonly route?: (request: RecordedRequest) => ScriptedResponse | undefined;
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

/** A turn that calls the host's tool `name` with `input` (a Bash command, say). */
export function toolUseReply(name: string, input: unknown): ScriptedResponse {
  return soulReply(input, name);
}

export function errorReply(status: number, headers: Record<string, string> = {}): ScriptedResponse {
  const type = status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : 'api_error';
  return { status, headers, body: { type: 'error', error: { type, message: `fake ${status}` } } };
}

const COUNT_TOKENS = /^\/v1\/messages\/count_tokens(?:\?|$)/;

/** Whether a message body asks to be streamed. */
function wantsStream(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

interface MessageBody {
  readonly type: 'message';
  readonly content: ReadonlyArray<{ readonly type: string; readonly text?: string; readonly input?: unknown }>;
  readonly stop_reason: string;
  readonly usage: { readonly output_tokens: number };
}

function isMessage(body: unknown): body is MessageBody {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'message' && Array.isArray((body as { content?: unknown }).content);
}

/** A message as the API streams it: its start, each block's start, one delta and stop, then its end. */
function streamEvents(message: MessageBody): string {
  const event = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify({ type: name, ...(data as object) })}\n\n`;
  const { content, stop_reason: stopReason, usage, ...head } = message;
  let text = event('message_start', { message: { ...head, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
  content.forEach((block, index) => {
    if (block.type === 'text') {
      text += event('content_block_start', { index, content_block: { type: 'text', text: '' } });
      text += event('content_block_delta', { index, delta: { type: 'text_delta', text: block.text ?? '' } });
    } else if (block.type === 'tool_use') {
      text += event('content_block_start', { index, content_block: { ...block, input: {} } });
      text += event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input ?? {}) } });
    } else {
      text += event('content_block_start', { index, content_block: block });
    }
    text += event('content_block_stop', { index });
  });
  text += event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
  return text + event('message_stop', {});
}

export async function startFakeMessagesApi(options: FakeApiOptions = {}): Promise<FakeMessagesApi> {
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
      const recorded: RecordedRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, raw };
      requests.push(recorded);
      if (COUNT_TOKENS.test(recorded.path)) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ input_tokens: Math.max(1, Math.ceil(raw.length / 4)) }));
        return;
      }
      const next = options.route?.(recorded) ?? queue.shift() ?? errorReply(500);
      if (next.hang) return;
      const status = next.status ?? 200;
      if (status === 200 && wantsStream(body) && isMessage(next.body)) {
        response.writeHead(status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...next.headers });
        response.end(streamEvents(next.body));
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json', ...next.headers });
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
