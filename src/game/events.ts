// What can happen to a buddy, as events: care (petting, a snack, a conversation), what it witnessed in a
// coding session, and seeing a shiny. Events travel as one short JSON line each in an append-only file
// (written by the statusline, hooks and commands; folded into the store by full commands). Pure: the
// line format and its checks, no files.
import { isPlayMode, isReachableScore, type PlayMode } from './catch/rules.js';

const CARE_KINDS = ['pet', 'feed', 'talk'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
/** Care a person gives by a command or a key (talking is care too, but it comes by its own path). */
export type GivenCare = Exclude<CareKind, 'talk'>;

/** Seen in a coding session: a session's work, failing tests fixed, failures, errors, a big diff, a long silence. */
export const WITNESSED_KINDS = ['session', 'recovered', 'testsFailed', 'error', 'bigDiff', 'longSilence'] as const;
export type WitnessedKind = (typeof WITNESSED_KINDS)[number];

// `played`: a finished round of the mini-game, with its mode and score (src/game/catch).
const EVENT_KINDS = [...CARE_KINDS, ...WITNESSED_KINDS, 'sawShiny', 'played'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface GameEvent {
  readonly kind: EventKind;
  /** When it happened (ms since the epoch, the recording process's clock). */
  readonly at: number;
  /** The recording process's time zone offset then, in minutes east of UTC. */
  readonly offsetMinutes: number;
  /**
   * Present on events more than one process could record (two statusline refreshes of one session reading
   * the same transcript bytes): the fold counts each id once.
   */
  readonly id?: string;
  /** A `played` round's score (0 to MAX_ROUND_SCORE) and mode; other kinds have neither. */
  readonly score?: number;
  readonly mode?: PlayMode;
}

const MAX_EVENT_ID_LENGTH = 120;
/** A line longer than this is not an event (lines are written whole, far below the atomic-append size). */
const MAX_EVENT_LINE_LENGTH = 400;

const KIND_SET: ReadonlySet<string> = new Set(EVENT_KINDS);

export function isCareKind(kind: EventKind): kind is CareKind {
  return (CARE_KINDS as readonly string[]).includes(kind);
}


/** One line, newline included. */
export function formatEventLine(event: GameEvent): string {
  const id = event.id === undefined ? {} : { id: event.id.slice(0, MAX_EVENT_ID_LENGTH) };
  const round = event.kind === 'played' ? { n: event.score, m: event.mode } : {};
  return `${JSON.stringify({ k: event.kind, at: Math.round(event.at), tz: Math.round(event.offsetMinutes), ...id, ...round })}\n`;
}

function asEvent(value: unknown): GameEvent | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const { k, at, tz, id, n, m } = record;
  if (typeof k !== 'string' || !KIND_SET.has(k)) return undefined;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return undefined;
  if (typeof tz !== 'number' || !Number.isInteger(tz) || Math.abs(tz) > 18 * 60) return undefined;
  if (id !== undefined && (typeof id !== 'string' || id.length === 0 || id.length > MAX_EVENT_ID_LENGTH)) return undefined;
  const base = { kind: k as EventKind, at, offsetMinutes: tz, ...(typeof id === 'string' ? { id } : {}) };
  if (k !== 'played') return base;
  // A round must say its mode and a score a round can reach; anything else is refused whole.
  return isReachableScore(n) && isPlayMode(m) ? { ...base, score: n, mode: m } : undefined;
}

/** Every valid event in complete lines of text; anything else (a torn or foreign line) is skipped. */
export function parseEventLines(text: string): GameEvent[] {
  const events: GameEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.length > MAX_EVENT_LINE_LENGTH) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const event = asEvent(parsed);
    if (event) events.push(event);
  }
  return events;
}
