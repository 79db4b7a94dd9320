// The guard in front of the MCP SDK's protocol: JSON-RPC 2.0 envelopes, MCP's lifecycle and params, and
// batches by protocol version, decided without I/O. The e2e suite (tests/e2e/mcp-wire.test.ts) runs
// the same cases through the built server.
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { negotiatedVersion, RpcGuard } from '../../src/mcp/guard.js';

const initialize = (id: number | string, protocolVersion: string): Record<string, unknown> => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'test', version: '1' } },
});
const ping = (id: number | string): Record<string, unknown> => ({ jsonrpc: '2.0', id, method: 'ping' });
const listTools = (id: number | string): Record<string, unknown> => ({ jsonrpc: '2.0', id, method: 'tools/list' });
const result = (id: number | string, value: Record<string, unknown> = {}): JSONRPCMessage => ({ jsonrpc: '2.0', id, result: value });
const error = (id: number | string | null, code: number, message: string): unknown => ({ jsonrpc: '2.0', id, error: { code, message } });

/** A guard past `initialize` at this version, its answer already out. */
function ready(version = '2025-06-18'): RpcGuard {
  const guard = new RpcGuard();
  expect(guard.receive(initialize('init', version)).forward).toHaveLength(1);
  guard.outgoing(result('init', { protocolVersion: version }));
  return guard;
}

describe('the lifecycle', () => {
  it('refuses everything but initialize and ping before initialize', () => {
    const guard = new RpcGuard();
    expect(guard.receive(listTools(1))).toEqual({ forward: [], write: [error(1, -32000, 'Server not initialized: send initialize first')] });
    expect(guard.receive({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'buddy_card' } }).write).toEqual([
      error(2, -32000, 'Server not initialized: send initialize first'),
    ]);
    expect(guard.receive(ping(3))).toEqual({ forward: [ping(3)], write: [] });
    expect(guard.receive(initialize(4, '2025-06-18'))).toEqual({ forward: [initialize(4, '2025-06-18')], write: [] });
    // Requests right behind initialize are taken: the server answers in order.
    expect(guard.receive(listTools(5))).toEqual({ forward: [listTools(5)], write: [] });
  });

  it('agrees the version the SDK answers, and takes the one its answer names', () => {
    expect(negotiatedVersion('2025-03-26')).toBe('2025-03-26');
    expect(negotiatedVersion('2031-01-01')).not.toBe('2031-01-01');
    const guard = new RpcGuard();
    guard.receive(initialize(1, '2025-03-26'));
    expect(guard.protocolVersion).toBe('2025-03-26');
    guard.outgoing(result(1, { protocolVersion: '2024-11-05' }));
    expect(guard.protocolVersion).toBe('2024-11-05');
  });

  it('is not initialized when the server refused initialize', () => {
    const guard = new RpcGuard();
    guard.receive(initialize(1, '2025-06-18'));
    expect(guard.outgoing({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'no' } })).toEqual([error(1, -32603, 'no')]);
    expect(guard.protocolVersion).toBeUndefined();
    expect(guard.receive(listTools(2)).write).toEqual([error(2, -32000, 'Server not initialized: send initialize first')]);
  });

  it('refuses a second initialize', () => {
    const guard = ready();
    expect(guard.receive(initialize(9, '2025-06-18')).write).toEqual([error(9, -32600, 'Invalid Request: the session is already initialized')]);
  });
});

describe('envelopes', () => {
  it.each([
    [null, 'a message is a JSON object'],
    [42, 'a message is a JSON object'],
    ['ping', 'a message is a JSON object'],
    [{}, 'id must be a string or an integer'],
    [{ jsonrpc: '2.0', id: null, method: 'ping' }, 'id must be a string or an integer'],
    [{ jsonrpc: '2.0', id: 1.5, method: 'ping' }, 'id must be a string or an integer'],
    [{ jsonrpc: '2.0', id: { a: 1 }, method: 'ping' }, 'id must be a string or an integer'],
    [{ jsonrpc: '2.0', method: 7 }, 'id must be a string or an integer'],
  ])('answers %j with -32600 and a null id', (message, why) => {
    expect(ready().receive(message)).toEqual({ forward: [], write: [error(null, -32600, `Invalid Request: ${why}`)] });
  });

  it.each([
    [{ jsonrpc: '1.0', id: 7, method: 'ping' }, 'jsonrpc must be "2.0"'],
    [{ id: 7, method: 'ping' }, 'jsonrpc must be "2.0"'],
    [{ jsonrpc: '2.0', id: 7 }, 'method must be a string'],
    [{ jsonrpc: '2.0', id: 7, method: ['ping'] }, 'method must be a string'],
    [{ jsonrpc: '2.0', id: 7, method: 'ping', params: null }, 'params must be an object'],
    [{ jsonrpc: '2.0', id: 7, method: 'ping', params: 'x' }, 'params must be an object'],
  ])('answers %j with -32600 and its id', (message, why) => {
    expect(ready().receive(message)).toEqual({ forward: [], write: [error(7, -32600, `Invalid Request: ${why}`)] });
  });

  it('answers a method it does not serve with -32601', () => {
    expect(ready().receive({ jsonrpc: '2.0', id: 'x', method: 'prompts/list' }).write).toEqual([error('x', -32601, 'Method not found')]);
    expect(ready().receive({ jsonrpc: '2.0', id: 'x', method: 'toString' }).write).toEqual([error('x', -32601, 'Method not found')]);
  });

  it('hands on only the members of a request that JSON-RPC defines', () => {
    expect(ready().receive({ jsonrpc: '2.0', id: 3, method: 'ping', params: {}, extra: true }).forward).toEqual([{ jsonrpc: '2.0', id: 3, method: 'ping', params: {} }]);
  });

  it('refuses an id still in progress, and takes it again once answered', () => {
    const guard = ready();
    expect(guard.receive(ping(5)).forward).toHaveLength(1);
    expect(guard.receive(listTools(5)).write).toEqual([error(5, -32600, 'Invalid Request: a request with this id is still in progress')]);
    // A string id is another id.
    expect(guard.receive(ping('5')).forward).toHaveLength(1);
    expect(guard.outgoing(result(5))).toEqual([result(5)]);
    expect(guard.receive(listTools(5)).forward).toHaveLength(1);
    expect(guard.pendingCount).toBe(2);
  });
});

describe('params', () => {
  it.each([
    [{ method: 'tools/call', params: { name: 5 } }, 'Invalid params: params.name must be a string'],
    [{ method: 'tools/call' }, 'Invalid params: params is missing'],
    [{ method: 'tools/call', params: [] }, 'Invalid params: params must be an object'],
    [{ method: 'tools/call', params: { name: 'buddy_card', arguments: ['x'] } }, 'Invalid params: params.arguments must be an object'],
    [{ method: 'tools/call', params: { name: 'buddy_card', _meta: 'x' } }, 'Invalid params: params._meta must be an object'],
    [{ method: 'resources/read', params: {} }, 'Invalid params: params.uri is missing'],
    [{ method: 'tools/list', params: { cursor: 3 } }, 'Invalid params: params.cursor must be a string'],
    [{ method: 'ping', params: [1] }, 'Invalid params: params must be an object'],
  ])('answers %j with -32602 in one line', (request, message) => {
    expect(ready().receive({ jsonrpc: '2.0', id: 1, ...request })).toEqual({ forward: [], write: [error(1, -32602, message)] });
  });

  it('checks initialize too, and says nothing of what the host sent', () => {
    const guard = new RpcGuard();
    const reply = guard.receive({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: { experimental: { 'SECRET-KEY': 'SECRET-VALUE' } }, clientInfo: { name: 'x', version: 1 } },
    });
    expect(reply.write).toEqual([error(1, -32602, 'Invalid params: params.capabilities is not valid (a member of it is missing or wrong)')]);
    expect(guard.protocolVersion).toBeUndefined();
    const named = guard.receive({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: { 'SECRET-KEY': 'SECRET-VALUE' } } });
    expect(JSON.stringify(named.write)).not.toContain('SECRET');
  });
});

describe('notifications', () => {
  it.each([
    [{ jsonrpc: '2.0', method: 'notifications/initialized' }, true],
    [{ jsonrpc: '2.0', method: 'notifications/unheard-of', params: { a: 1 } }, true],
    [{ jsonrpc: '2.0', method: 'notifications/initialized', params: null }, false],
    [{ jsonrpc: '1.0', method: 'notifications/initialized' }, false],
    [{ method: 'notifications/initialized' }, false],
    [{ jsonrpc: '2.0', method: 'tools/call', params: 'x' }, false],
  ])('never answers %j (handed on: %s)', (message, handedOn) => {
    for (const guard of [new RpcGuard(), ready()]) {
      const outcome = guard.receive(message);
      expect(outcome.write).toEqual([]);
      expect(outcome.forward).toHaveLength(handedOn ? 1 : 0);
    }
  });

  it('hands on a well-formed answer from the host, and never answers one', () => {
    const guard = ready();
    expect(guard.receive({ jsonrpc: '2.0', id: 1, result: {} })).toEqual({ forward: [{ jsonrpc: '2.0', id: 1, result: {} }], write: [] });
    expect(guard.receive({ jsonrpc: '2.0', id: 1, error: { code: 1, message: 'x' } }).forward).toHaveLength(1);
    expect(guard.receive({ jsonrpc: '2.0', id: 1, error: 'x' })).toEqual({ forward: [], write: [] });
  });
});

describe('batches', () => {
  it.each([
    [undefined, 'Invalid Request: batches are not accepted before initialize'],
    ['2024-11-05', 'Invalid Request: batches are not accepted in MCP 2024-11-05'],
    ['2025-06-18', 'Invalid Request: batches are not accepted in MCP 2025-06-18'],
    ['2025-11-25', 'Invalid Request: batches are not accepted in MCP 2025-11-25'],
  ])('are one -32600 in MCP %s', (version, message) => {
    const guard = version === undefined ? new RpcGuard() : ready(version);
    expect(guard.receive([ping(1), listTools(2)])).toEqual({ forward: [], write: [error(null, -32600, message)] });
    expect(guard.pendingCount).toBe(0);
  });

  it('are never empty', () => {
    expect(ready('2025-03-26').receive([])).toEqual({ forward: [], write: [error(null, -32600, 'Invalid Request: an empty batch')] });
  });

  it('are answered member by member in MCP 2025-03-26, in one array once all are in', () => {
    const guard = ready('2025-03-26');
    const outcome = guard.receive([ping(1), 5, { jsonrpc: '2.0', method: 'notifications/initialized' }, listTools(2), { jsonrpc: '2.0', id: 3, method: 'nope' }, [ping(4)]]);
    expect(outcome.forward).toEqual([ping(1), { jsonrpc: '2.0', method: 'notifications/initialized' }, listTools(2)]);
    expect(outcome.write).toEqual([]);
    expect(guard.outgoing(result(2, { tools: [] }))).toEqual([]);
    expect(guard.outgoing(result(1))).toEqual([
      [
        error(null, -32600, 'Invalid Request: a message is a JSON object'),
        error(3, -32601, 'Method not found'),
        error(null, -32600, 'Invalid Request: a message is a JSON object'),
        result(2, { tools: [] }),
        result(1),
      ],
    ]);
    // Answers outside the batch go out alone.
    expect(guard.receive(ping(1)).forward).toHaveLength(1);
    expect(guard.outgoing(result(1))).toEqual([result(1)]);
  });

  it('of errors only are answered at once, and of notifications only not at all', () => {
    const guard = ready('2025-03-26');
    expect(guard.receive([{ jsonrpc: '2.0', id: 1, method: 'ping', params: null }]).write).toEqual([[error(1, -32600, 'Invalid Request: params must be an object')]]);
    expect(guard.receive([{ jsonrpc: '2.0', method: 'notifications/initialized' }, { jsonrpc: '2.0', method: 'x' }])).toEqual({
      forward: [
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', method: 'x' },
      ],
      write: [],
    });
  });

  it('may not carry initialize, nor the same id twice', () => {
    const guard = new RpcGuard();
    guard.receive(initialize(0, '2025-03-26'));
    guard.outgoing(result(0, { protocolVersion: '2025-03-26' }));
    const outcome = guard.receive([initialize(1, '2025-03-26'), ping(2), ping(2)]);
    expect(outcome.forward).toEqual([ping(2)]);
    expect(guard.outgoing(result(2))).toEqual([
      [
        error(1, -32600, 'Invalid Request: initialize cannot be part of a batch'),
        error(2, -32600, 'Invalid Request: a request with this id is still in progress'),
        result(2),
      ],
    ]);
  });

  it('stop waiting for a member the host cancels, which the server will not answer', () => {
    const guard = ready('2025-03-26');
    expect(guard.receive([ping(1), listTools(2)]).forward).toHaveLength(2);
    expect(guard.outgoing(result(1))).toEqual([]);
    const cancel = { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'bored' } };
    expect(guard.receive(cancel)).toEqual({ forward: [cancel], write: [[result(1)]] });
    expect(guard.pendingCount).toBe(0);
  });
});

describe("the server's errors", () => {
  it('go out as one clean line, without data', () => {
    const guard = ready();
    guard.receive(ping(1));
    const sent = guard.outgoing({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'first line\u001b[31m\nsecond line', data: { secret: 1 } } });
    expect(sent).toEqual([error(1, -32603, 'first line')]);
    expect(guard.outgoing({ jsonrpc: '2.0', id: 2, error: { code: -32603, message: '\n' } })).toEqual([error(2, -32603, 'Internal error')]);
  });

  it('leave notifications and requests from the server as they are', () => {
    const note: JSONRPCMessage = { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x\ny' } };
    expect(ready().outgoing(note)).toEqual([note]);
  });
});
