// Forty processes writing the config at once, at the lowest CPU priority, all succeed and lose nothing:
// each adds 3 to a shared counter under the store's lock, and the counter ends at 120. They saturate both
// cores, so this file runs alone, after the rest (vitest.config.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox } from '../helpers/cli.js';
import { bundleStoreChild, runStoreChild, type StoreChildBundle } from '../helpers/store-child.js';

let sandbox: ReturnType<typeof makeSandbox>;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe('forty writers at once', () => {
  let bundle: StoreChildBundle;
  beforeAll(async () => {
    bundle = await bundleStoreChild();
  });
  afterAll(() => bundle.cleanup());

  it('all succeed and lose nothing', async () => {
    const dir = sandbox.env.BUDDY_CONFIG_DIR as string;
    const writers = Array.from({ length: 40 }, (_, index) => runStoreChild(bundle.script, ['count', '3', `w${index}`], dir, { nice: true }));
    const results = await Promise.all(writers);
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).settings.model).toBe('120');
  }, 120_000);
});
