// `buddy mcp`: Buddy as an MCP server over stdio, on the official SDK, for any agent CLI that takes MCP
// servers. Startup loads only the SDK and the tool list, so `initialize` is answered about as fast as Node
// starts; the buddy, its store and the persona load with the first request that needs them.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { config as zodConfig } from 'zod/v4/core';
import { REQUEST_SCHEMAS } from './guard.js';
import type { McpToolSet } from './handlers.js';
zodConfig({ jitless: true });
import { RPC_ERROR, RpcError } from './rpc.js';
import { GuardedStdioTransport } from './stdio.js';
import { CARD_RESOURCE, isToolName, listed, TOOL_LIST, TOOLS } from './tools.js';

export const SERVER_NAME = 'buddy';
/**
 * A host line longer than this gets an error reply and is not kept (the session goes on): nothing Buddy
 * takes is anywhere near that long.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Each tool with what it is for, from the table: `Use buddy_card to show it, …, and buddy_react to tell it when …`. */
const USES = TOOLS.map((tool) => `${tool.name} ${tool.use}`);
const INSTRUCTIONS =
  "Buddy is the user's small terminal companion, a separate character with its own name and voice: not you, and not an assistant. " +
  `Use ${[USES.slice(0, -1).join(', '), USES.at(-1)].filter(Boolean).join(', and ')}. ` +
  'Whatever the buddy says is shown to the user exactly as returned.';

/**
 * The SDK checks JSON Schemas only for answers to questions a server asks the client (elicitation), and
 * Buddy asks none; this stands in for its default validator, whose setup would cost every start.
 */
const asksNothing: jsonSchemaValidator = {
  getValidator: () => () => ({ valid: false, data: undefined, errorMessage: 'Buddy asks the client nothing' }),
};

export interface McpIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
}

/** Serves until the host closes stdin. `loadTools` is called once, by the first request that needs the buddy. */
export async function serveMcp(io: McpIo, version: string, loadTools: () => Promise<McpToolSet>): Promise<void> {
  let tools: Promise<McpToolSet> | undefined;
  const toolSet = (): Promise<McpToolSet> => (tools ??= loadTools());

  const server = new Server(
    { name: SERVER_NAME, title: 'Buddy', version },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: asksNothing },
  );
  server.setRequestHandler(REQUEST_SCHEMAS['tools/list'], () => ({ tools: TOOLS.map(listed) }));
  server.setRequestHandler(REQUEST_SCHEMAS['tools/call'], async (request) => {
    // A tool that does not exist is a protocol error (MCP: tools, error handling), and loads nothing.
    if (!isToolName(request.params.name)) throw new RpcError(RPC_ERROR.invalidParams, `Unknown tool: the tools are ${TOOL_LIST}`);
    return (await toolSet()).callTool(request.params.name, request.params.arguments);
  });
  server.setRequestHandler(REQUEST_SCHEMAS['resources/list'], () => ({ resources: [{ ...CARD_RESOURCE }] }));
  server.setRequestHandler(REQUEST_SCHEMAS['resources/templates/list'], () => ({ resourceTemplates: [] }));
  server.setRequestHandler(REQUEST_SCHEMAS['resources/read'], async (request) => {
    // -32602, as the SDK's own servers answer (and MCP's SEP-2164 settles on), without the URI it was given.
    if (request.params.uri !== CARD_RESOURCE.uri) throw new RpcError(RPC_ERROR.invalidParams, `Resource not found: the one resource is ${CARD_RESOURCE.uri}`);
    const text = await (await toolSet()).cardText();
    return { contents: [{ uri: CARD_RESOURCE.uri, mimeType: CARD_RESOURCE.mimeType, text }] };
  });

  const ended = new Promise<void>((resolve) => {
    io.stdin.once('end', resolve);
    io.stdin.once('close', resolve);
    server.onclose = resolve;
  });
  await server.connect(new GuardedStdioTransport(io.stdin, io.stdout, MAX_MESSAGE_BYTES));
  await ended;
}
