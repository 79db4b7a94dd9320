// The half of `buddy mcp` that knows the buddy, loaded by the first request that needs it: the MCP
// tools wired to the printed card. Built as its own file (dist/mcp-tools.mjs) beside the server's.
import type { Session } from '../buddy/session.js';
import { makeToolSet, type McpToolSet } from '../mcp/handlers.js';
import { makePalette } from '../render/ansi.js';
import { buddyCardLines } from './card-art.js';

/** The same card `buddy` prints when piped, without colour. */
function plainCard(session: Session): Promise<readonly string[]> {
  return Promise.resolve(buddyCardLines(session.bones, makePalette(false), session.stored));
}

export function toolsFor(env: NodeJS.ProcessEnv): McpToolSet {
  return makeToolSet({ env, renderCard: plainCard, now: () => new Date() });
}
