// An agent CLI's buddy_talk reaches the buddy's memory as `buddy say` does: a fact it is asked to keep is
// stored with the exchange, and a question about it is answered from it (offline). In process, through the
// dispatcher the built bin hands `buddy mcp` to.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { InProcessMcp } from '../helpers/mcp-in-process.js';

let sandbox: ReturnType<typeof makeSandbox>;
let server: InProcessMcp | undefined;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  sandbox.cleanup();
});

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;

describe('buddy_talk and the buddy\'s memory', () => {
  it('keeps a fact and answers from it', async () => {
    const env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', ANTHROPIC_API_KEY: '' };
    expect((await runInProcess(['hatch'], { env })).code).toBe(0);
    const name = readConfig().buddy!.name;
    server = new InProcessMcp(env);
    const client = await server.connect();
    const kept = await client.callTool({ name: 'buddy_talk', arguments: { message: `${name}, remember that I deploy on Fridays` } });
    expect(kept.isError).toBeFalsy();
    expect(kept.structuredContent).toMatchObject({ name, addressed: true, source: 'offline', text: expect.stringContaining('"I deploy on Fridays"') });
    expect(readConfig().buddy?.facts?.map((fact) => fact.text)).toEqual(['I deploy on Fridays']);
    const asked = await client.callTool({ name: 'buddy_talk', arguments: { message: `${name}, when do I deploy?` } });
    expect((asked.structuredContent as { text: string }).text).toContain('"I deploy on Fridays"');
  });
});
