// `buddy mcp`: Buddy as an MCP server over stdio, on the official SDK, for any agent CLI that takes MCP
// servers. Startup loads only the SDK and the tool list, so `initialize` is answered about as fast as Node
// starts; the buddy, its store and the persona load with the first request that needs them.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { config as zodConfig } from 'zod/v4/core';
import type { McpToolSet } from './handlers.js';
zodConfig({ jitless: true });
import { CARD_RESOURCE, TOOLS } from './tools.js';

export const SERVER_NAME = 'buddy';
/** A host line longer than this is dropped (and the connection closed): nothing Buddy takes is that long. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

const INSTRUCTIONS =
  "Buddy is the user's small terminal companion, a separate character with its own name and voice: not you, and not an assistant. " +
  'Use buddy_card to show it, buddy_talk to pass on what the user says to it, buddy_pet to pet it, buddy_feed to give it a snack when the user asks, and buddy_react to tell it when tests fail or pass, an error happens, a large edit lands or the task is done. ' +
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
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: TOOLS.map((tool) => ({ ...tool })) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => (await toolSet()).callTool(request.params.name, request.params.arguments));
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [{ ...CARD_RESOURCE }] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    if (request.params.uri !== CARD_RESOURCE.uri) throw new McpError(ErrorCode.InvalidParams, `no resource ${JSON.stringify(request.params.uri.slice(0, 80))}`);
    const text = await (await toolSet()).cardText();
    return { contents: [{ uri: CARD_RESOURCE.uri, mimeType: CARD_RESOURCE.mimeType, text }] };
  });

  const ended = new Promise<void>((resolve) => {
    io.stdin.once('end', resolve);
    io.stdin.once('close', resolve);
    server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport(io.stdin, io.stdout, { maxBufferSize: MAX_MESSAGE_BYTES }));
  await ended;
}
