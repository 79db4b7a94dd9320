// What `buddy mcp` offers a client, checked the same way in process (tests/mcp/mcp-tools.test.ts) and from
// the built bin (tests/e2e/mcp-cli.test.ts): it introduces itself and lists its five tools, each telling
// the model the buddy is a separate character.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';

export async function expectBuddyOffer(mcp: Client): Promise<void> {
  expect(mcp.getServerVersion()?.name).toBe('buddy');
  expect(mcp.getInstructions()).toContain('separate character');
  const { tools } = await mcp.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual(['buddy_card', 'buddy_feed', 'buddy_pet', 'buddy_react', 'buddy_talk']);
  for (const tool of tools) {
    expect(tool.description).toContain('separate character');
    expect(tool.inputSchema.type).toBe('object');
  }
  const react = tools.find((tool) => tool.name === 'buddy_react')!;
  expect(react.inputSchema.properties?.event).toMatchObject({ enum: ['tests_failed', 'tests_passed', 'error', 'big_diff', 'done'] });
  for (const tool of tools.filter((tool) => tool.name !== 'buddy_card')) expect(tool.description).toContain('exactly as returned');
  const feed = tools.find((tool) => tool.name === 'buddy_feed')!;
  expect(feed.inputSchema).toMatchObject({ type: 'object', properties: {}, additionalProperties: false });
  expect(feed.outputSchema?.properties?.outcome).toMatchObject({ enum: ['fed', 'already_full', 'care_off'] });
}
