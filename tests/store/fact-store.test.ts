// The facts on the stored buddy: read leniently (one bad fact is dropped, not the buddy), capped, kept
// with the exchange in one write, let go by number or all at once, and written as exactly what was read.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { rollFromUserId } from '../../src/engine/roll.js';
import { MAX_FACT_LENGTH, MAX_FACTS } from '../../src/persona/prompt/remembered.js';
import { makeStoredBuddy, rememberExchange, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { buddyWithFactChange, forgetAllFacts, forgetFact, withFactChange } from '../../src/store/fact-store.js';
import { checkConfig, StoredBuddySchema, type Exchange, type Fact } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig } from '../helpers/temp-config.js';

const bones = rollFromUserId('buddy-0');
const soul = { name: 'Pimble', personality: 'Pimble reads stack traces like bedtime stories.' };
const buddy = makeStoredBuddy(bones, soul, 'offline', new Date('2025-01-02T03:04:05.000Z'));
const fact = (i: number): Fact => ({ text: `fact ${i}`, at: new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString() });
const exchange: Exchange = { at: '2026-12-06T12:00:00.000Z', user: 'Pimble, remember that fact 9', buddy: 'Kept.' };

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  ({ root, dir, env } = makeTempConfig('buddy-fact-store-'));
});
afterEach(() => removeTempConfig({ root, dir, env }));

const configFile = (): string => path.join(dir, 'config.json');
const stored = () => readConfigSnapshot(env).buddy;

describe('the facts in the schema', () => {
  it('are absent on a buddy that never kept one, and stay absent when it is read and written', () => {
    expect(v.parse(StoredBuddySchema, buddy)).not.toHaveProperty('facts');
    saveBuddy(buddy, env);
    const before = fs.readFileSync(configFile(), 'utf8');
    rememberExchange(exchange, env);
    expect(fs.readFileSync(configFile(), 'utf8')).not.toContain('"facts"');
    expect(before).not.toContain('"facts"');
  });

  it('drop one bad fact, not the buddy', () => {
    const raw = { ...buddy, facts: [fact(1), { text: 'no date' }, { text: '', at: fact(2).at }, { text: 'x'.repeat(MAX_FACT_LENGTH + 1), at: fact(3).at }, { text: 'bell\u0007', at: fact(4).at }, { text: 'bad day', at: 'Friday' }, 'text', null, fact(5)] };
    const checked = checkConfig({ buddy: raw });
    expect(checked.invalidBuddy).toBeUndefined();
    expect(checked.data.buddy?.facts).toEqual([fact(1), fact(5)]);
  });

  it('take a fact of exactly the longest length', () => {
    const longest = { text: 'x'.repeat(MAX_FACT_LENGTH), at: fact(1).at };
    expect(checkConfig({ buddy: { ...buddy, facts: [longest] } }).data.buddy?.facts).toEqual([longest]);
  });

  it('read a list that is not one as none', () => {
    for (const facts of ['fact', 3, { text: 'x', at: fact(1).at }, null]) {
      const checked = checkConfig({ buddy: { ...buddy, facts } });
      expect(checked.invalidBuddy).toBeUndefined();
      expect(checked.data.buddy?.name).toBe('Pimble');
      expect(checked.data.buddy?.facts).toBeUndefined();
    }
  });

  it('read at most the last MAX_FACTS', () => {
    expect(MAX_FACTS).toBe(50);
    const many = Array.from({ length: MAX_FACTS + 3 }, (_, i) => fact(i));
    expect(checkConfig({ buddy: { ...buddy, facts: many } }).data.buddy?.facts).toEqual(many.slice(3));
  });
});

describe('withFactChange', () => {
  const two = [fact(1), fact(2)];

  it('adds a new fact last', () => {
    expect(withFactChange(two, { kind: 'remember', fact: fact(3) })).toEqual([fact(1), fact(2), fact(3)]);
  });

  it('keeps no fact twice, in any case', () => {
    expect(withFactChange(two, { kind: 'remember', fact: { text: 'FACT 2', at: fact(9).at } })).toBe(two);
  });

  it('lets the oldest go past the cap', () => {
    const full = Array.from({ length: MAX_FACTS }, (_, i) => fact(i));
    const after = withFactChange(full, { kind: 'remember', fact: fact(99) });
    expect(after).toHaveLength(MAX_FACTS);
    expect(after[0]).toEqual(fact(1));
    expect(after.at(-1)).toEqual(fact(99));
    expect(withFactChange(full.slice(1), { kind: 'remember', fact: fact(99) })).toHaveLength(MAX_FACTS);
  });

  it('lets go of every fact with the text, in any case', () => {
    expect(withFactChange([fact(1), fact(2), { text: 'Fact 1', at: fact(3).at }], { kind: 'forget', text: 'fact 1' })).toEqual([fact(2)]);
    expect(withFactChange(two, { kind: 'forget', text: 'fact 7' })).toBe(two);
  });

  it('adds no facts key for a change that changes nothing', () => {
    expect(buddyWithFactChange(buddy, { kind: 'forget', text: 'fact 1' })).toBe(buddy);
    expect(buddyWithFactChange(buddy, { kind: 'remember', fact: fact(1) })).toEqual({ ...buddy, facts: [fact(1)] });
  });
});

describe('rememberExchange with a fact', () => {
  it('keeps the exchange and the fact in one write', () => {
    saveBuddy(buddy, env);
    rememberExchange(exchange, env, { kind: 'remember', fact: fact(9) });
    expect(stored()?.memory).toEqual([exchange]);
    expect(stored()?.facts).toEqual([fact(9)]);
    const file = JSON.parse(fs.readFileSync(configFile(), 'utf8')) as { buddy: Record<string, unknown> };
    expect(file.buddy.facts).toEqual([fact(9)]);
    expect(Object.keys(file.buddy).at(-1)).toBe('facts');
  });

  it('lets a fact go with the exchange', () => {
    saveBuddy({ ...buddy, facts: [fact(1), fact(2)] }, env);
    rememberExchange(exchange, env, { kind: 'forget', text: 'fact 1' });
    expect(stored()?.facts).toEqual([fact(2)]);
    expect(stored()?.memory).toEqual([exchange]);
  });

  it('does nothing without a buddy', () => {
    rememberExchange(exchange, env, { kind: 'remember', fact: fact(1) });
    expect(stored()).toBeUndefined();
  });

  it('leaves no temporary file beside the config', () => {
    saveBuddy(buddy, env);
    rememberExchange(exchange, env, { kind: 'remember', fact: fact(1) });
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});

describe('forgetFact', () => {
  beforeEach(() => {
    saveBuddy({ ...buddy, facts: [fact(1), fact(2), fact(3)] }, env);
  });

  it('lets fact N go, counted from 1', () => {
    expect(forgetFact(2, env)).toEqual({ kind: 'removed', fact: fact(2), left: 2 });
    expect(stored()?.facts).toEqual([fact(1), fact(3)]);
    expect(forgetFact(1, env)).toEqual({ kind: 'removed', fact: fact(1), left: 1 });
    expect(forgetFact(1, env)).toEqual({ kind: 'removed', fact: fact(3), left: 0 });
    expect(stored()?.facts).toEqual([]);
  });

  it('lets no fact go for a number it does not have', () => {
    for (const number of [0, 4, -1, 1.5, Number.NaN]) expect(forgetFact(number, env)).toEqual({ kind: 'no-such', count: 3 });
    expect(stored()?.facts).toEqual([fact(1), fact(2), fact(3)]);
  });

  it('says when there is no buddy, and counts no facts as none', () => {
    fs.rmSync(configFile());
    expect(forgetFact(1, env)).toEqual({ kind: 'no-buddy' });
    saveBuddy(buddy, env);
    expect(forgetFact(1, env)).toEqual({ kind: 'no-such', count: 0 });
  });
});

describe('forgetAllFacts', () => {
  it('lets every fact go and says how many', () => {
    saveBuddy({ ...buddy, facts: [fact(1), fact(2)] }, env);
    expect(forgetAllFacts(env)).toBe(2);
    expect(stored()?.facts).toEqual([]);
    expect(forgetAllFacts(env)).toBe(0);
  });

  it('writes nothing for a buddy that never kept one', () => {
    saveBuddy(buddy, env);
    expect(forgetAllFacts(env)).toBe(0);
    expect(fs.readFileSync(configFile(), 'utf8')).not.toContain('"facts"');
  });

  it('is undefined without a buddy', () => {
    expect(forgetAllFacts(env)).toBeUndefined();
  });
});
