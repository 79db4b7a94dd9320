// Wearing wardrobe items: one locked read-modify-write of the current buddy's growth, so a fold running at
// the same moment never loses the choice and the choice never loses a fold. Which items may be worn is the
// rules' call (src/game/wardrobe.ts); nothing is written when nothing changes.
import { takeEverythingOff, wearItem, type WearOutcome } from '../game/wardrobe.js';
import { openConfigStore } from './config-store.js';
import { growthOf, toStoredGrowth } from './growth-schema.js';

export type WearRequest = { readonly kind: 'wear'; readonly id: string } | { readonly kind: 'none' };

/** What became of the request: worn (or all taken off), refused, or no buddy to dress. */
export type WearResult = WearOutcome | { readonly kind: 'none' } | { readonly kind: 'noBuddy' };

export function changeWorn(env: NodeJS.ProcessEnv, request: WearRequest, now: number): WearResult {
  let result: WearResult = { kind: 'noBuddy' };
  openConfigStore(env).update((config) => {
    const buddy = config.buddy;
    if (!buddy) return;
    const before = growthOf(buddy, now);
    const outcome: WearResult = request.kind === 'none' ? { kind: 'none' } : wearItem(before, request.id);
    result = outcome;
    const after = outcome.kind === 'none' ? takeEverythingOff(before) : outcome.kind === 'worn' ? outcome.state : before;
    if (after !== before) config.buddy = { ...buddy, growth: toStoredGrowth(after) };
  });
  return result;
}
