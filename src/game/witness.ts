// What a statusline refresh witnessed, as game events: the transcript's new signals (failures, errors, a
// big diff, and failing tests passing again), a long silence noticed, and a session seen for the first
// time. Pure: the statusline passes what it read and decided.
import type { WitnessedKind } from './events.js';

export type TranscriptSignal = 'testsFailed' | 'error' | 'bigDiff' | 'testsPassed';

export interface Witnessed {
  /** Failures seen in this session before these signals (the statusline's memory). */
  readonly failuresBefore: number;
  readonly signals: readonly TranscriptSignal[];
  /** The statusline noticed a long silence on this refresh. */
  readonly silenceNoticed: boolean;
  /** The first look at this session. */
  readonly firstLook: boolean;
}

/** Each kind at most once per refresh, in a fixed order. */
export function witnessedKinds(witnessed: Witnessed): WitnessedKind[] {
  const kinds = new Set<WitnessedKind>();
  if (witnessed.firstLook) kinds.add('session');
  let failures = witnessed.failuresBefore;
  for (const signal of witnessed.signals) {
    if (signal === 'testsPassed') {
      // The same rule as the statusline's reaction: passing after failures is a recovery.
      if (failures > 0) kinds.add('recovered');
      failures = 0;
    } else {
      if (signal !== 'bigDiff') failures++;
      kinds.add(signal);
    }
  }
  if (witnessed.silenceNoticed) kinds.add('longSilence');
  const order: readonly WitnessedKind[] = ['session', 'testsFailed', 'error', 'recovered', 'bigDiff', 'longSilence'];
  return order.filter((kind) => kinds.has(kind));
}
