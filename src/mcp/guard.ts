// What stands between the host's parsed lines and the SDK's protocol: JSON-RPC 2.0 and MCP's lifecycle,
// by the book. The SDK drops anything its schemas reject without a word (a host then waits for its own
// timeout) and answers bad params with its schema library's dump; here every request gets exactly one
// reply, with the standard code and one fixed line. The guard holds no I/O: the transport hands it what
// the host sent and what the server answers, and writes what it returns.
//
// - Each request is checked before the SDK sees it: its envelope (-32600), its method (-32601), the
//   lifecycle (only `initialize` and `ping` before `initialize`, -32000) and its params against the SDK's
//   own schema for that method (-32602). Notifications are never answered, however wrong.
// - Batches exist only in MCP 2025-03-26: there each member is answered, and the replies go back as one
//   array once all are in; in every other version (and before `initialize`) a batch is one -32600.
// - Error messages the server sends are cut to one clean line.
import {
  CallToolRequestSchema,
  InitializeRequestSchema,
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema,
  JSONRPCResultResponseSchema,
  LATEST_PROTOCOL_VERSION,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  ReadResourceRequestSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { errorReply, isRequestId, RPC_ERROR, type ErrorReply, type RequestId } from './rpc.js';

/** Every request method the server answers, with the SDK schema its request must fit. */
export const REQUEST_SCHEMAS = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
  'resources/list': ListResourcesRequestSchema,
  'resources/templates/list': ListResourceTemplatesRequestSchema,
  'resources/read': ReadResourceRequestSchema,
} as const;

type Method = keyof typeof REQUEST_SCHEMAS;
const isMethod = (method: string): method is Method => Object.hasOwn(REQUEST_SCHEMAS, method);

/** The MCP revisions whose base protocol has JSON-RPC batches: added in 2025-03-26, removed in 2025-06-18. */
export const BATCH_VERSIONS: readonly string[] = ['2025-03-26'];

/** As the SDK's server answers `initialize`: the client's version when it knows it, else its latest. */
export function negotiatedVersion(requested: string): string {
  return SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
}

const MAX_ERROR_MESSAGE = 200;

/** Replies to one batch, gathered until every request in it has been answered. */
interface Batch {
  readonly replies: unknown[];
  waiting: number;
  /** Still being read: not written even if nothing is waiting yet. */
  open: boolean;
}

/** What to do with one message from the host: hand these to the server, write these to the host. */
export interface Outcome {
  readonly forward: JSONRPCMessage[];
  readonly write: unknown[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const keyOf = (id: RequestId): string => `${typeof id}:${id}`;

export class RpcGuard {
  /** The protocol version agreed with `initialize`; undefined until the host has sent one the server takes. */
  private version: string | undefined;
  private initializeKey: string | undefined;
  /** The requests handed to the server and not yet answered, each with the batch it came in. */
  private readonly pending = new Map<string, Batch | undefined>();

  get protocolVersion(): string | undefined {
    return this.version;
  }

  /** Requests the server is working on. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** One parsed line from the host. */
  receive(value: unknown): Outcome {
    const outcome: Outcome = { forward: [], write: [] };
    if (Array.isArray(value)) this.batch(value, outcome);
    else {
      const reply = this.member(value, undefined, outcome);
      if (reply) outcome.write.push(reply);
    }
    return outcome;
  }

  /** A message the server sends: what goes to the host (nothing while a batch waits for more replies). */
  outgoing(message: JSONRPCMessage): unknown[] {
    if (!('id' in message) || 'method' in message) return [message];
    const reply = 'error' in message ? errorReply(message.id ?? null, message.error.code, oneLine(message.error.message)) : message;
    if (message.id === undefined) return [reply];
    const key = keyOf(message.id);
    if (key === this.initializeKey) {
      this.initializeKey = undefined;
      // The version the server actually agreed to, or none when it refused.
      this.version = 'result' in message && typeof message.result.protocolVersion === 'string' ? message.result.protocolVersion : undefined;
    }
    if (!this.pending.has(key)) return [reply];
    const batch = this.pending.get(key);
    this.pending.delete(key);
    if (!batch) return [reply];
    batch.replies.push(reply);
    batch.waiting -= 1;
    return this.completed(batch);
  }

  private batch(values: unknown[], outcome: Outcome): void {
    if (values.length === 0) return void outcome.write.push(invalid(null, 'an empty batch'));
    if (this.version === undefined || !BATCH_VERSIONS.includes(this.version)) {
      const which = this.version === undefined ? 'before initialize' : `in MCP ${this.version}`;
      return void outcome.write.push(invalid(null, `batches are not accepted ${which}`));
    }
    const batch: Batch = { replies: [], waiting: 0, open: true };
    for (const value of values) {
      const reply = this.member(value, batch, outcome);
      if (reply) batch.replies.push(reply);
    }
    batch.open = false;
    outcome.write.push(...this.completed(batch));
  }

  /** The batch's replies, once it is read and answered in full; a batch of notifications gets none. */
  private completed(batch: Batch): unknown[] {
    return !batch.open && batch.waiting === 0 && batch.replies.length > 0 ? [batch.replies] : [];
  }

  /** One message, alone or in a batch: its error reply, or undefined when it went on (or needs no reply). */
  private member(value: unknown, batch: Batch | undefined, outcome: Outcome): ErrorReply | undefined {
    if (!isObject(value)) return invalid(null, 'a message is a JSON object');
    const hasId = Object.hasOwn(value, 'id');
    if (typeof value.method === 'string' && !hasId) return void this.notification(value, outcome);
    if (hasId && !Object.hasOwn(value, 'method') && (Object.hasOwn(value, 'result') || Object.hasOwn(value, 'error'))) {
      return void this.response(value, outcome);
    }
    const id = isRequestId(value.id) ? value.id : null;
    if (id === null) return invalid(null, 'id must be a string or an integer');
    if (value.jsonrpc !== '2.0') return invalid(id, 'jsonrpc must be "2.0"');
    const { method, params } = value;
    if (typeof method !== 'string') return invalid(id, 'method must be a string');
    if (params !== undefined && !isObject(params) && !Array.isArray(params)) return invalid(id, 'params must be an object');
    if (this.pending.has(keyOf(id))) return invalid(id, 'a request with this id is still in progress');
    if (!isMethod(method)) return errorReply(id, RPC_ERROR.methodNotFound, 'Method not found');
    if (method === 'initialize') {
      if (batch) return invalid(id, 'initialize cannot be part of a batch');
      if (this.version !== undefined || this.initializeKey !== undefined) return invalid(id, 'the session is already initialized');
    } else if (method !== 'ping' && this.version === undefined) {
      return errorReply(id, RPC_ERROR.notInitialized, 'Server not initialized: send initialize first');
    }
    const request = params === undefined ? { method } : { method, params };
    const checked = REQUEST_SCHEMAS[method].safeParse(request);
    if (!checked.success) return errorReply(id, RPC_ERROR.invalidParams, `Invalid params: ${paramsProblem(checked.error.issues, request)}`);
    if (method === 'initialize') {
      // Settled now, so requests sent right behind it are taken; confirmed by the server's answer.
      this.version = negotiatedVersion((params as { protocolVersion: string }).protocolVersion);
      this.initializeKey = keyOf(id);
    }
    this.pending.set(keyOf(id), batch);
    if (batch) batch.waiting += 1;
    outcome.forward.push({ jsonrpc: '2.0', id, ...request } as JSONRPCMessage);
    return undefined;
  }

  /** Never answered, even when wrong: handed on when it is well formed, else dropped. */
  private notification(value: Json, outcome: Outcome): void {
    const message = { jsonrpc: value.jsonrpc, method: value.method, ...(value.params === undefined ? {} : { params: value.params }) };
    if (!JSONRPCNotificationSchema.safeParse(message).success) return;
    if (message.method === 'notifications/cancelled') this.cancelled((message.params as { requestId?: unknown } | undefined)?.requestId, outcome);
    outcome.forward.push(message as JSONRPCMessage);
  }

  /** A cancelled request gets no reply from the server: a batch stops waiting for it. */
  private cancelled(requestId: unknown, outcome: Outcome): void {
    if (!isRequestId(requestId)) return;
    const key = keyOf(requestId);
    if (!this.pending.has(key) || key === this.initializeKey) return;
    const batch = this.pending.get(key);
    this.pending.delete(key);
    if (!batch) return;
    batch.waiting -= 1;
    outcome.write.push(...this.completed(batch));
  }

  /** An answer to a request of the server's (Buddy sends none): handed on when well formed, never answered. */
  private response(value: Json, outcome: Outcome): void {
    const message = Object.hasOwn(value, 'error') ? { jsonrpc: value.jsonrpc, id: value.id, error: value.error } : { jsonrpc: value.jsonrpc, id: value.id, result: value.result };
    const schema = 'error' in message ? JSONRPCErrorResponseSchema : JSONRPCResultResponseSchema;
    if (schema.safeParse(message).success) outcome.forward.push(message as JSONRPCMessage);
  }
}

const invalid = (id: RequestId | null, why: string): ErrorReply => errorReply(id, RPC_ERROR.invalidRequest, `Invalid Request: ${why}`);

/** An error message as the host gets it: its first line, clean and short. */
function oneLine(message: string): string {
  return sanitizeLine(message.split('\n')[0] ?? '', MAX_ERROR_MESSAGE).trim() || 'Internal error';
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: string;
}

const EXPECTED: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/**
 * The first problem, in words of the schema only: the member's path (params and one level down, whose
 * names the schema declares: deeper keys may be the host's own) and what is wrong, never the value.
 */
function paramsProblem(issues: readonly Issue[], request: Json): string {
  const issue = issues[0];
  if (!issue) return 'params do not fit';
  const path = issue.path.slice(0, 2).map(String).join('.');
  if (issue.path.length > 2) return `${path} is not valid (a member of it is missing or wrong)`;
  if (issue.code === 'invalid_type') {
    if (valueAt(request, issue.path) === undefined) return `${path} is missing`;
    return `${path} must be ${EXPECTED[issue.expected ?? ''] ?? 'of another type'}`;
  }
  if (issue.code === 'invalid_value') return `${path} is not one of the values it takes`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${path} is out of range`;
  return `${path} is not valid`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
