// Where the tool table is built in (scripts/build.mjs): the MCP server's bundle holds the table and
// loads the handlers from dist/mcp-tools.mjs with the first call; the statusline's bundle, which shares
// the commands' help with it, holds none of it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOLS } from '../../src/mcp/tools.js';

const dist = (file: string): string => fs.readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');

describe('the tool table in the bundles', () => {
  it("is in the MCP server's bundle, whose handlers stay in the file it loads with the first call", () => {
    const server = dist('mcp.cjs');
    for (const tool of TOOLS) expect(server).toContain(JSON.stringify(tool.title));
    expect(server).toContain('./mcp-tools.mjs');
    expect(server).not.toContain('the buddy has not hatched yet');
    expect(dist('mcp-tools.mjs')).toContain('the buddy has not hatched yet');
  });

  it("is not in the statusline's bundle", () => {
    const fastPath = dist('fast-path.cjs');
    for (const tool of TOOLS) {
      expect(fastPath).not.toContain(tool.name);
      expect(fastPath).not.toContain(tool.title);
    }
  });
});
