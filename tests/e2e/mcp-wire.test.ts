// `buddy mcp` on the wire, as a careless or hostile host speaks to it: raw lines written to the built
// server's stdin, one case per test, each answered with the exact JSON-RPC error code (or, for a
// notification, with nothing) and each followed by a valid request the session still answers. The SDK
// client's side of the same errors is in tests/mcp/mcp-tools.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox } from '../helpers/cli.js';
import { RawMcp } from '../helpers/mcp-raw.js';

const USER_ID = 'buddy-wire-7';
const MAX_MESSAGE_BYTES = 1024 * 1024;

let sandbox: ReturnType<typeof makeSandbox>;
const open: RawMcp[] = [];

async function session(protocolVersion?: string): Promise<RawMcp> {
  const raw = new RawMcp({ ...sandbox.env, BUDDY_USER_ID: USER_ID });
  open.push(raw);
  if (protocolVersion) await raw.initialize(protocolVersion);
  return raw;
}

const errorOf = (id: number | string | null, code: number): unknown => ({ jsonrpc: '2.0', id, error: { code, message: expect.any(String) } });

beforeEach(() => {
  sandbox = makeSandbox();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((raw) => raw.close()));
  sandbox.cleanup();
});

describe('buddy mcp on the wire: what is not a request', () => {
  it('answers a line that is not JSON with -32700, and goes on', async () => {
    const raw = await session('2025-06-18');
    raw.line('{"jsonrpc":"2.0","id":1,"method":"ping"');
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: a message is one line of JSON' } });
    await raw.stillAnswers();
  });

  it.each([['null'], ['42'], ['"ping"'], ['true']])('answers %s with -32600 and a null id', async (line) => {
    const raw = await session('2025-06-18');
    raw.line(line);
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: a message is a JSON object' } });
    await raw.stillAnswers();
  });

  it('answers an empty batch with -32600', async () => {
    const raw = await session('2025-03-26');
    raw.line('[]');
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: an empty batch' } });
    await raw.stillAnswers();
  });

  it('answers params: null with -32600 and the id', async () => {
    const raw = await session('2025-06-18');
    raw.send({ jsonrpc: '2.0', id: 5, method: 'tools/list', params: null });
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 5, error: { code: -32600, message: 'Invalid Request: params must be an object' } });
    await raw.stillAnswers();
  });

  it('answers id: null with -32600 and a null id', async () => {
    const raw = await session('2025-06-18');
    raw.send({ jsonrpc: '2.0', id: null, method: 'tools/list' });
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: id must be a string or an integer' } });
    await raw.stillAnswers();
  });

  it('answers "jsonrpc": "1.0" with -32600 and the id', async () => {
    const raw = await session('2025-06-18');
    raw.send({ jsonrpc: '1.0', id: 'old', method: 'tools/list' });
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 'old', error: { code: -32600, message: 'Invalid Request: jsonrpc must be "2.0"' } });
    await raw.stillAnswers();
  });

  it('answers a method it does not serve with -32601', async () => {
    const raw = await session('2025-06-18');
    expect(await raw.request(6, 'prompts/list')).toEqual({ jsonrpc: '2.0', id: 6, error: { code: -32601, message: 'Method not found' } });
    await raw.stillAnswers();
  });

  it('never answers a notification, known, unknown or malformed', async () => {
    const raw = await session('2025-06-18');
    raw.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    raw.send({ jsonrpc: '2.0', method: 'notifications/never-heard-of', params: { a: 1 } });
    raw.send({ jsonrpc: '2.0', method: 'notifications/initialized', params: null });
    raw.send({ jsonrpc: '1.0', method: 'tools/list' });
    raw.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'nothing-in-progress' } });
    // The next line out is the ping's answer.
    await raw.stillAnswers();
  });

  it('skips blank lines and takes CRLF line endings', async () => {
    const raw = await session('2025-06-18');
    raw.line('');
    raw.line('   \r');
    raw.line('{"jsonrpc":"2.0","id":"crlf","method":"ping"}\r');
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 'crlf', result: {} });
    await raw.stillAnswers();
  });
});

describe('buddy mcp on the wire: the lifecycle', () => {
  it('refuses a tool call before initialize with -32000', async () => {
    const raw = await session();
    const reply = await raw.request(1, 'tools/call', { name: 'buddy_card', arguments: {} });
    expect(reply).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'Server not initialized: send initialize first' } });
    expect(await raw.request(2, 'tools/list')).toEqual(errorOf(2, -32000));
    // Nothing was loaded or hatched for it.
    await raw.stillAnswers();
    await raw.initialize();
    expect(await raw.request(3, 'tools/list')).toMatchObject({ id: 3, result: { tools: expect.any(Array) } });
  });

  it('answers ping before initialize', async () => {
    const raw = await session();
    expect(await raw.request('p', 'ping')).toEqual({ jsonrpc: '2.0', id: 'p', result: {} });
  });

  it('refuses a second initialize with -32600', async () => {
    const raw = await session('2025-06-18');
    const again = await raw.request(9, 'initialize', { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
    expect(again).toEqual({ jsonrpc: '2.0', id: 9, error: { code: -32600, message: 'Invalid Request: the session is already initialized' } });
    // Still 2025-06-18: no batches.
    raw.send([{ jsonrpc: '2.0', id: 10, method: 'ping' }]);
    expect(await raw.next()).toEqual(errorOf(null, -32600));
    await raw.stillAnswers();
  });

  it('answers initialize with bad params with -32602, and stays uninitialized', async () => {
    const raw = await session();
    expect(await raw.request(1, 'initialize', { protocolVersion: 2025 })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32602, message: 'Invalid params: params.protocolVersion must be a string' },
    });
    expect(await raw.request(2, 'tools/list')).toEqual(errorOf(2, -32000));
    await raw.stillAnswers();
  });
});

describe('buddy mcp on the wire: params', () => {
  it('answers a tools/call with a bad name with -32602 in one line, without what the host sent', async () => {
    const raw = await session('2025-06-18');
    const reply = await raw.request(1, 'tools/call', { name: { 'ECHO-KEY': 'ECHO-VALUE' }, arguments: {} });
    expect(reply).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Invalid params: params.name must be a string' } });
    await raw.stillAnswers();
  });

  it('answers a tools/call without params with -32602', async () => {
    const raw = await session('2025-06-18');
    expect(await raw.request(2, 'tools/call')).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'Invalid params: params is missing' } });
    await raw.stillAnswers();
  });

  it('answers array params with -32602', async () => {
    const raw = await session('2025-06-18');
    expect(await raw.request(3, 'tools/list', ['cursor'])).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Invalid params: params must be an object' } });
    await raw.stillAnswers();
  });

  it('answers a tool it does not have with -32602, without its name', async () => {
    const raw = await session('2025-06-18');
    const reply = await raw.request(4, 'tools/call', { name: 'ECHO-TOOL', arguments: {} });
    expect(reply).toEqual({
      jsonrpc: '2.0',
      id: 4,
      error: { code: -32602, message: 'Unknown tool: the tools are buddy_card, buddy_talk, buddy_pet, buddy_feed, buddy_react' },
    });
    await raw.stillAnswers();
  });

  it('answers a resource it does not have with -32602, without its URI', async () => {
    const raw = await session('2025-06-18');
    const reply = await raw.request(5, 'resources/read', { uri: 'file:///ECHO-URI' });
    expect(reply).toEqual({ jsonrpc: '2.0', id: 5, error: { code: -32602, message: 'Resource not found: the one resource is buddy://card' } });
    await raw.stillAnswers();
  });

  it('lists no resource templates', async () => {
    const raw = await session('2025-06-18');
    expect(await raw.request(6, 'resources/templates/list')).toEqual({ jsonrpc: '2.0', id: 6, result: { resourceTemplates: [] } });
    await raw.stillAnswers();
  });

  it('refuses a request whose id is still in progress', async () => {
    const raw = await session('2025-06-18');
    // In one write: the second arrives while the first is being answered.
    raw.line(`${JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'buddy_card', arguments: {} } })}\n${JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'ping' })}`);
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32600, message: 'Invalid Request: a request with this id is still in progress' } });
    expect(await raw.next()).toMatchObject({ id: 7, result: { content: expect.any(Array) } });
    await raw.stillAnswers();
  });
});

describe('buddy mcp on the wire: batches', () => {
  const batch = [
    { jsonrpc: '2.0', id: 1, method: 'ping' },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 7 } },
    42,
  ];

  it.each([['2025-06-18'], ['2025-11-25'], ['2024-11-05']])('answers a batch with one -32600 in MCP %s', async (version) => {
    const raw = await session(version);
    raw.send(batch);
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: `Invalid Request: batches are not accepted in MCP ${version}` } });
    await raw.stillAnswers();
  });

  it('answers a batch before initialize with one -32600', async () => {
    const raw = await session();
    raw.send(batch);
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: batches are not accepted before initialize' } });
    await raw.stillAnswers();
  });

  it('answers each member of a batch in MCP 2025-03-26, in one array', async () => {
    const raw = await session('2025-03-26');
    raw.send(batch);
    const replies = (await raw.next()) as { id: unknown }[];
    expect(Array.isArray(replies)).toBe(true);
    expect(replies).toHaveLength(4);
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    expect(byId.get(1)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    expect(byId.get(2)).toMatchObject({ jsonrpc: '2.0', id: 2, result: { tools: expect.any(Array) } });
    expect(byId.get(3)).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Invalid params: params.name must be a string' } });
    expect(byId.get(null)).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: a message is a JSON object' } });
    await raw.stillAnswers();
  });

  it('answers nothing to a batch of notifications in MCP 2025-03-26', async () => {
    const raw = await session('2025-03-26');
    raw.send([
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', method: 'notifications/whatever' },
    ]);
    await raw.stillAnswers();
  });
});

describe('buddy mcp on the wire: size', () => {
  /** A ping of exactly `bytes` bytes, padded in its `_meta`. */
  function pingOf(id: number, bytes: number): string {
    const bare = JSON.stringify({ jsonrpc: '2.0', id, method: 'ping', params: { _meta: { pad: '' } } });
    const line = JSON.stringify({ jsonrpc: '2.0', id, method: 'ping', params: { _meta: { pad: 'p'.repeat(bytes - bare.length) } } });
    expect(Buffer.byteLength(line)).toBe(bytes);
    return line;
  }

  it('answers a message of exactly 1 MiB, and one byte more with -32600 and its id', async () => {
    const raw = await session('2025-06-18');
    raw.line(pingOf(1, MAX_MESSAGE_BYTES));
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    raw.line(pingOf(2, MAX_MESSAGE_BYTES + 1));
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32600, message: `Invalid Request: a message is at most ${MAX_MESSAGE_BYTES} bytes` } });
    await raw.stillAnswers();
  });

  it('answers a 64 MiB message with -32600 and the id found after its bulk, and the session goes on', async () => {
    const raw = await session('2025-06-18');
    raw.write('{"jsonrpc":"2.0","method":"tools/call","params":{"name":"buddy_talk","arguments":{"message":"');
    const bulk = Buffer.alloc(1024 * 1024, 'x'.charCodeAt(0));
    // Written as the pipe drains, so neither side holds more than a chunk or so of it.
    for (let sent = 0; sent < 64; sent += 1) await raw.drained(bulk);
    raw.line('"}},"id":"after-the-bulk"}');
    expect(await raw.next()).toEqual({
      jsonrpc: '2.0',
      id: 'after-the-bulk',
      error: { code: -32600, message: `Invalid Request: a message is at most ${MAX_MESSAGE_BYTES} bytes` },
    });
    await raw.stillAnswers();
  });
});
