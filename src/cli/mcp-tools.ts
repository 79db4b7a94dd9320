// The half of `buddy mcp` that knows the buddy, loaded by the first request that needs it: the MCP
// tools wired to the printed card. Built as its own file (dist/mcp-tools.mjs) beside the server's.
import type { Session } from '../buddy/session.js';
import { makeToolSet, type McpToolSet } from '../mcp/handlers.js';
import { makePalette } from '../render/ansi.js';
import { buddyCardLines } from './card-art.js';
import { printedGrowth } from './printed-growth.js';

/**
 * The same card `buddy` prints when piped, without colour: with its growth (level, stage, mood, needs,
 * streak and achievements) brought up to date as `buddy card` brings it, so it says what `buddy status` says.
 */
async function plainCard(env: NodeJS.ProcessEnv, session: Session): Promise<readonly string[]> {
  const grown = session.stored ? await printedGrowth(env, session) : undefined;
  const stored = grown?.buddy ?? session.stored;
  return buddyCardLines(stored?.bones ?? session.bones, makePalette(false), stored, undefined, grown?.portrait.growth);
}

export function toolsFor(env: NodeJS.ProcessEnv): McpToolSet {
  return makeToolSet({ env, renderCard: (session) => plainCard(env, session), now: () => new Date() });
}
