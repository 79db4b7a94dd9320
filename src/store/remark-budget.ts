// The model remarks' budget: at most so many remarks in any rolling hour, and at most so many tokens
// (input and output) in a local day. Kept in one small JSON file in the cache folder, read through a
// schema, and changed only under a lock, so that however many statusline jobs start at once, together they
// never pass the caps: a job reserves a remark (and an upper estimate of its tokens) before it calls the
// model, and settles the real count after.
//
// A clock set back grants nothing: a remark whose moment is still ahead of the clock counts as made in this
// hour and today, until the clock has caught up with it. Only a moment more than a day ahead is forgotten:
// that is a clock that was wrong and was put right, not a clock set back to win a remark.
import path from 'node:path';
import * as v from 'valibot';
import { replaceCacheFile } from '../files/cache-replace.js';
import { ensurePrivateDir } from '../files/dirs.js';
import { withLockSync } from '../files/lock.js';
import { readPrivateJson } from '../files/read-private.js';
import { cacheDir } from './paths.js';

export const REMARK_BUDGET_FILE_NAME = 'remark-budget.json';
const LOCK_NAME = 'remark-budget.lock';
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Far above what the file ever holds (at most 60 remarks an hour, a few dozen bytes each). */
const MAX_FILE_BYTES = 64 * 1024;
const MAX_ENTRIES = 1_000;

export interface RemarkCaps {
  /** Model remarks in any rolling hour. */
  readonly perHour: number;
  /** Input and output tokens in one local day. */
  readonly tokensPerDay: number;
}

export interface RemarkUse {
  readonly remarksThisHour: number;
  readonly tokensToday: number;
}

export interface Reservation {
  readonly id: string;
  /** The local day it was counted in. */
  readonly day: string;
  /** The tokens it holds until it is settled. */
  readonly tokens: number;
}

export type ReserveOutcome = { readonly granted: true; readonly reservation: Reservation } | { readonly granted: false; readonly reason: 'off' | 'hour' | 'day' };

const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const DAY = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const EntrySchema = v.object({ id: v.pipe(v.string(), v.maxLength(80)), at: v.pipe(v.number(), v.finite()), tokens: COUNT });
type Entry = v.InferOutput<typeof EntrySchema>;

/** The file, read leniently: a bad entry is dropped, a bad day or count starts the day afresh. */
const BudgetFileSchema = v.object({
  day: v.fallback(v.optional(DAY), undefined),
  tokens: v.fallback(v.optional(COUNT, 0), 0),
  remarks: v.pipe(
    v.fallback(v.optional(v.array(v.unknown()), []), []),
    v.transform((items): Entry[] => items.slice(-MAX_ENTRIES).filter((item): item is Entry => v.is(EntrySchema, item))),
  ),
});

interface BudgetState {
  readonly day: string;
  readonly tokens: number;
  readonly remarks: readonly Entry[];
}

export function remarkBudgetFile(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), REMARK_BUDGET_FILE_NAME);
}

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function readRaw(env: NodeJS.ProcessEnv): v.InferOutput<typeof BudgetFileSchema> {
  try {
    const read = readPrivateJson(remarkBudgetFile(env), { maxBytes: MAX_FILE_BYTES });
    if (read.state === 'parsed') {
      const parsed = v.safeParse(BudgetFileSchema, read.value);
      if (parsed.success) return parsed.output;
    }
  } catch {
    // Not a regular file, or too big: not Buddy's. The next write replaces it.
  }
  return { day: undefined, tokens: 0, remarks: [] };
}

/**
 * The budget as it stands at `now`: the remarks of the last hour (and any still ahead of the clock), and
 * the tokens of today (or of a later day the clock has not reached yet).
 */
function stateAt(env: NodeJS.ProcessEnv, now: number): BudgetState {
  const raw = readRaw(env);
  const today = localDay(now);
  const remarks = raw.remarks.filter((entry) => entry.at > now - HOUR_MS && entry.at <= now + DAY_MS);
  // A later day than today is a clock set back: its tokens still count. More than a day later, the clock was put right.
  const stillCounts = raw.day !== undefined && raw.day >= today && raw.day <= localDay(now + DAY_MS);
  return stillCounts ? { day: raw.day as string, tokens: raw.tokens, remarks } : { day: today, tokens: 0, remarks };
}

function write(env: NodeJS.ProcessEnv, state: BudgetState): void {
  replaceCacheFile(remarkBudgetFile(env), JSON.stringify({ day: state.day, tokens: state.tokens, remarks: state.remarks }));
}

function locked<T>(env: NodeJS.ProcessEnv, work: () => T): T {
  const dir = cacheDir(env);
  ensurePrivateDir(dir);
  return withLockSync(path.join(dir, LOCK_NAME), work);
}

/** How much of the budget is used at `now` (no lock: a look for `buddy status` and the statusline). */
export function remarkUse(env: NodeJS.ProcessEnv, now: number): RemarkUse {
  const state = stateAt(env, now);
  return { remarksThisHour: state.remarks.length, tokensToday: state.tokens };
}

/** Whether one more remark of `tokens` would fit the caps, as far as a look without the lock can tell. */
export function fits(use: RemarkUse, caps: RemarkCaps, tokens: number): 'yes' | 'off' | 'hour' | 'day' {
  if (caps.perHour <= 0 || caps.tokensPerDay <= 0) return 'off';
  if (use.remarksThisHour >= caps.perHour) return 'hour';
  if (use.tokensToday + tokens > caps.tokensPerDay) return 'day';
  return 'yes';
}

let reservations = 0;

/**
 * Reserves one remark and `tokens` tokens (an upper estimate of its cost) at `now`, under the lock; refused
 * when either cap would be passed. Throws only when the lock or the file cannot be had at all.
 */
export function reserveRemark(env: NodeJS.ProcessEnv, caps: RemarkCaps, now: number, tokens: number): ReserveOutcome {
  const cost = Math.max(0, Math.ceil(tokens));
  return locked(env, () => {
    const state = stateAt(env, now);
    const verdict = fits({ remarksThisHour: state.remarks.length, tokensToday: state.tokens }, caps, cost);
    if (verdict !== 'yes') return { granted: false, reason: verdict };
    const id = `${process.pid}-${now}-${++reservations}`;
    write(env, { day: state.day, tokens: state.tokens + cost, remarks: [...state.remarks, { id, at: now, tokens: cost }] });
    return { granted: true, reservation: { id, day: state.day, tokens: cost } };
  });
}

/**
 * Replaces a reservation's estimate by what the call really cost. The remark itself stays counted in its
 * hour (it was made, or at least tried); tokens of a day gone by are left where they were.
 */
export function settleRemark(env: NodeJS.ProcessEnv, reservation: Reservation, tokens: number, now: number): void {
  const cost = Math.max(0, Math.ceil(tokens));
  locked(env, () => {
    const state = stateAt(env, now);
    if (state.day !== reservation.day) return;
    const remarks = state.remarks.map((entry) => (entry.id === reservation.id ? { ...entry, tokens: cost } : entry));
    write(env, { day: state.day, tokens: Math.max(0, state.tokens - reservation.tokens + cost), remarks });
  });
}
