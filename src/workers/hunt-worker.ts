// Worker thread for `buddy hunt`: tries every `stride`-th salt from `start` and reports progress.
import { parentPort, workerData } from 'node:worker_threads';
import { arc4Random } from '../engine/arc4.js';
import { huntSalt, saltMatches } from '../engine/hunt.js';
import type { HuntTarget } from '../engine/odds.js';

export interface HuntWorkerData {
  readonly idHash: string;
  readonly target: HuntTarget;
  readonly start: number;
  readonly stride: number;
}

export type HuntMessage = { readonly type: 'progress'; readonly attempts: number } | { readonly type: 'found'; readonly n: number; readonly attempts: number };

const REPORT_EVERY = 1_000;
const { idHash, target, start, stride } = workerData as HuntWorkerData;

let attempts = 0;
for (let n = start; ; n += stride) {
  attempts++;
  // The allocation-free equivalent of seedrandom: the winner is re-rolled by the reference engine anyway.
  if (saltMatches(idHash, huntSalt(n), target, arc4Random)) {
    parentPort?.postMessage({ type: 'found', n, attempts } satisfies HuntMessage);
    break;
  }
  if (attempts % REPORT_EVERY === 0) parentPort?.postMessage({ type: 'progress', attempts } satisfies HuntMessage);
}
