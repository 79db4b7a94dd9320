// Buddy's version: package.json's, put in by the build (scripts/build.mjs defines BUDDY_VERSION), so it is
// never typed twice. Run from the sources (the tests), package.json is read instead.
import { createRequire } from 'node:module';

declare const BUDDY_VERSION: string | undefined;

export const VERSION: string =
  typeof BUDDY_VERSION === 'undefined' ? (createRequire(import.meta.url)('../../package.json') as { version: string }).version : BUDDY_VERSION;
