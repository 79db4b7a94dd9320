// JSON-RPC 2.0 error replies as Buddy's MCP server sends them: the standard codes, and one fixed line of
// text per case. No message ever carries what the host sent (the id aside, which a reply must carry).

export const RPC_ERROR = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** Implementation-defined (-32000 to -32099): what the SDK's HTTP transport answers before `initialize`. */
  notInitialized: -32000,
} as const;

export type RequestId = string | number;

export interface ErrorReply {
  readonly jsonrpc: '2.0';
  readonly id: RequestId | null;
  readonly error: { readonly code: number; readonly message: string };
}

export function errorReply(id: RequestId | null, code: number, message: string): ErrorReply {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

/** An id a reply can carry: MCP takes a string or an integer, never null. */
export function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || Number.isSafeInteger(value);
}

/**
 * Thrown by a request handler to answer with this code and exactly this message: the SDK replies with an
 * error's `code` and `message`, where its own McpError would prefix the message with "MCP error -32602: ".
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
