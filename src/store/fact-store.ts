// The facts the person asked the buddy to keep, in the stored buddy: kept, let go one by one or all at
// once. Each change is one locked read-modify-write of the config (like the memory of exchanges), so two
// processes keeping a fact at once both keep theirs.
import type { FactChange } from '../persona/memory-talk.js';
import { MAX_FACTS } from '../persona/prompt/remembered.js';
import { openConfigStore } from './config-store.js';
import type { Fact, StoredBuddy } from './schema.js';

/**
 * The facts after a change: a new fact goes last (the oldest goes past MAX_FACTS; a fact already kept, in
 * any case, is not kept twice), and letting go removes every fact with that text.
 */
export function withFactChange(facts: readonly Fact[], change: FactChange): readonly Fact[] {
  const same = (fact: Fact, text: string): boolean => fact.text.toLowerCase() === text.toLowerCase();
  if (change.kind === 'forget') {
    const left = facts.filter((fact) => !same(fact, change.text));
    return left.length === facts.length ? facts : left;
  }
  if (facts.some((fact) => same(fact, change.fact.text))) return facts;
  return [...facts, change.fact].slice(-MAX_FACTS);
}

/** The buddy with its facts changed; no `facts` key is added to a buddy that never kept one. */
export function buddyWithFactChange(buddy: StoredBuddy, change: FactChange): StoredBuddy {
  const before = buddy.facts ?? [];
  const after = withFactChange(before, change);
  return after === before ? buddy : { ...buddy, facts: after };
}

export type Forgotten =
  | { readonly kind: 'removed'; readonly fact: Fact; readonly left: number }
  | { readonly kind: 'no-such'; readonly count: number }
  | { readonly kind: 'no-buddy' };

/** Lets fact `number` (1-based, as `buddy memory` lists them) go, under the lock. */
export function forgetFact(number: number, env: NodeJS.ProcessEnv = process.env): Forgotten {
  let result: Forgotten = { kind: 'no-buddy' };
  openConfigStore(env).update((config) => {
    const buddy = config.buddy;
    if (!buddy) return;
    const facts = buddy.facts ?? [];
    // Any number that is not one of the list's places (0, 4 of 3, 1.5) finds no fact.
    const fact = facts[number - 1];
    if (!fact) {
      result = { kind: 'no-such', count: facts.length };
      return;
    }
    const left = facts.filter((_, index) => index !== number - 1);
    config.buddy = { ...buddy, facts: left };
    result = { kind: 'removed', fact, left: left.length };
  });
  return result;
}

/** Lets every fact go, under the lock; how many there were (undefined without a buddy). */
export function forgetAllFacts(env: NodeJS.ProcessEnv = process.env): number | undefined {
  let count: number | undefined;
  openConfigStore(env).update((config) => {
    const buddy = config.buddy;
    if (!buddy) return;
    count = buddy.facts?.length ?? 0;
    if (count > 0) config.buddy = { ...buddy, facts: [] };
  });
  return count;
}
