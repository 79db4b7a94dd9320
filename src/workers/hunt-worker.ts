// Worker thread for `buddy hunt` (roll v1 or --classic): tries every `stride`-th salt from `start` and
// reports progress.
import { parentPort, workerData } from 'node:worker_threads';
import { arc4Random } from '../engine/arc4.js';
import type { HashFn } from '../engine/classic-constants.js';
import { classicSaltMatches, type ClassicHuntTarget } from '../engine/classic-odds.js';
import { huntSalt, saltMatches } from '../engine/hunt.js';
import type { HuntTarget } from '../engine/odds.js';

export interface HuntWorkerData {
  readonly idHash: string;
  readonly target: HuntTarget;
  readonly start: number;
  readonly stride: number;
  /** Present for `hunt --classic`: the classic roll draws from the ID itself, with a seed function. */
  readonly classic?: { readonly userId: string; readonly hashFn: HashFn; readonly target: ClassicHuntTarget };
}

export type HuntMessage = { readonly type: 'progress'; readonly attempts: number } | { readonly type: 'found'; readonly n: number; readonly attempts: number };

const REPORT_EVERY = 1_000;
const { idHash, target, start, stride, classic } = workerData as HuntWorkerData;
const matches = classic
  ? (salt: string): boolean => classicSaltMatches(classic.userId, salt, classic.hashFn, classic.target)
  : // The allocation-free equivalent of seedrandom: the winner is re-rolled by the reference engine anyway.
    (salt: string): boolean => saltMatches(idHash, salt, target, arc4Random);

let attempts = 0;
for (let n = start; ; n += stride) {
  attempts++;
  if (matches(huntSalt(n))) {
    parentPort?.postMessage({ type: 'found', n, attempts } satisfies HuntMessage);
    break;
  }
  if (attempts % REPORT_EVERY === 0) parentPort?.postMessage({ type: 'progress', attempts } satisfies HuntMessage);
}
