// A child process that gives care the way the pet screen does (the same growth host: record at once, fold
// each time), or appends one statusline event many times over, for the concurrent-writer tests.
import { bundleChild, type ChildBundle } from './bundle-child.js';

const CHILD_SOURCE = `
import { makeGrowthHost } from './src/buddy/store-growth-host.js';
import { readConfigSnapshot } from './src/store/config-snapshot.js';
import { appendEvent } from './src/store/event-log.js';

const [mode, countText, id] = process.argv.slice(2);
const count = Number(countText);
const env = process.env;
if (mode === 'pet-screen') {
  const config = readConfigSnapshot(env);
  const host = makeGrowthHost(env, config.buddy, config.settings.care);
  for (let index = 0; index < count; index++) {
    host.record('pet', Date.now());
    await host.fold();
  }
} else if (mode === 'repeat') {
  for (let index = 0; index < count; index++) appendEvent(env, { kind: 'bigDiff', at: Date.now(), offsetMinutes: 0, id });
} else {
  throw new Error('unknown mode ' + mode);
}
`;

export type GrowthChild = ChildBundle;

export function bundleGrowthChild(): Promise<GrowthChild> {
  return bundleChild('growth-child', CHILD_SOURCE);
}
