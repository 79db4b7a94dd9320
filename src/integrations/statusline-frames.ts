// Prepared statusline frames: what the light statusline script (statusline-fast.sh, shipped as
// dist/statusline.sh) prints between runs of the Node command. Per session, in the cache directory:
//
//   statusline-frames/<key>/head        one line: format, generation, valid from/until (epoch seconds),
//                                        loop period (seconds), whether whole-second clocks may trust it,
//                                        and the context (options and environment) it was drawn for
//   statusline-frames/<key>/<gen>/N     the lines to print in second N of the loop (epoch second % period)
//   statusline-frames/<key>/<gen>/w.X   links to the files whose change means "ask Node again"
//   statusline-frames/<key>/<gen>/s.X   stamps: their modification times as seen when the frames were drawn
//   statusline-frames/<key>/<gen>/p.*   two probes a tenth and nine tenths into the same second
//
// A generation is written whole before `head` is renamed onto it, so the script never sees half of one.
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../store/paths.js';

/** The first word of `head`; statusline-fast.sh checks it, so a change of layout must change both. */
export const FRAMES_FORMAT = 'buddy-frames-1';
/** Frames are drawn at most this far ahead; then Node looks again (a new identity, a new Buddy). */
export const FRAMES_HORIZON_MS = 5 * 60_000;
/** Not worth preparing frames that would run out sooner than this. */
const MIN_WINDOW_MS = 2_000;
/**
 * A file seen this soon after it was last written could be written again within the same tick of the
 * file system's clock (a few ms), keeping its time: such frames make the script ask Node once more.
 */
const SETTLE_MS = 20;
/** Generations other than the current one are removed once they are this old (a reader may still be on one). */
const OLD_GENERATION_MS = 10_000;
const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;
const PROBE_SECOND = 1_000_000_000;
const MAX_CONTEXT_LENGTH = 16 * 1024;

/** The files the script watches: transcript, config, hook state, status state, Buddy's bundle. */
export const WATCHED = ['t', 'c', 'h', 's', 'b'] as const;
export type WatchName = (typeof WATCHED)[number];

/** A file's modification time as seen at a moment; `own` when this process has just written it. */
export interface Observation {
  readonly file: string;
  readonly mtimeNs: bigint | undefined;
  readonly seenAt: number;
  readonly own: boolean;
}

/** Looks at a file (following links) before it is read, so a write after the look is a change. */
export function observe(file: string, own = false): Observation {
  let mtimeNs: bigint | undefined;
  try {
    mtimeNs = fs.statSync(file, { bigint: true, throwIfNoEntry: false })?.mtimeNs;
  } catch {
    mtimeNs = undefined;
  }
  return { file: path.resolve(file), mtimeNs, seenAt: Date.now(), own };
}

export interface FramePlan {
  /** The options and environment the frames are for, exactly as the script spells them. */
  readonly context: string;
  /** When the files behind the frames were read. */
  readonly at: number;
  /** The line may change from this moment on: the frames end before it. */
  readonly until: number;
  /** The line repeats every this many seconds until then. */
  readonly periodSeconds: number;
  /** The lines to print at a moment. */
  readonly draw: (now: number) => readonly string[];
  readonly watched: Readonly<Partial<Record<WatchName, Observation>>>;
}

export function framesRoot(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'statusline-frames');
}

const sessionDir = (env: NodeJS.ProcessEnv, key: string): string => path.join(framesRoot(env), key);

interface Stamp {
  readonly seconds: number;
  /** Whole-second comparisons (BusyBox `test`, coarse file systems) can tell any later write apart. */
  readonly coarseSafe: boolean;
}

/**
 * The stamp for a watched file: just past its time when nothing can write it again unnoticed, else just
 * before it (so the script asks Node once more). A missing file gets the epoch: any file that appears
 * later is newer.
 */
function stampOf(observation: Observation | undefined): Stamp {
  if (observation?.mtimeNs === undefined) return { seconds: 0, coarseSafe: true };
  const mtimeMs = Number(observation.mtimeNs / 1_000_000n);
  const settled = observation.own || observation.seenAt - mtimeMs >= SETTLE_MS;
  // Two microseconds either way survive the float seconds that utimes takes.
  const stampNs = settled ? observation.mtimeNs + 2_000n : observation.mtimeNs - 2_000n;
  return {
    seconds: Number(stampNs) / 1e9,
    coarseSafe: observation.seenAt >= (Math.floor(mtimeMs / 1000) + 1) * 1000 + SETTLE_MS,
  };
}

function touch(file: string, seconds: number): void {
  fs.writeFileSync(file, '', { mode: 0o600 });
  fs.utimesSync(file, seconds, seconds);
}

/** A generation's name: sorts by time, and carries its birth so old ones can be told apart. */
function generationName(now: number): string {
  return `g${now.toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function generationBirth(name: string): number | undefined {
  const match = /^g([0-9a-z]+)-/.exec(name);
  return match ? parseInt(match[1]!, 36) : undefined;
}

/** The text for each second of the loop; one frame when they are all the same. */
function loopFrames(plan: FramePlan): string[] {
  const period = Math.max(1, Math.floor(plan.periodSeconds));
  const base = Math.floor(plan.at / 1000);
  const frames: string[] = [];
  for (let slot = 0; slot < period; slot++) {
    // The epoch second in this loop whose remainder is `slot`.
    const second = base + ((((slot - base) % period) + period) % period);
    frames.push(`${plan.draw(second * 1000).join('\n')}\n`);
  }
  return frames.every((frame) => frame === frames[0]) ? [frames[0]!] : frames;
}

function validContext(context: string): boolean {
  return context.length > 0 && context.length <= MAX_CONTEXT_LENGTH && !/[\r\n]/.test(context);
}

/** Writes a generation of frames for a session and points its head at it. False when not worth it. */
export function prepareFrames(env: NodeJS.ProcessEnv, key: string, plan: FramePlan): boolean {
  const until = Math.min(plan.until, plan.at + FRAMES_HORIZON_MS);
  if (until - plan.at < MIN_WINDOW_MS || !validContext(plan.context) || !/^[A-Za-z0-9_-]{1,80}$/.test(key)) return false;
  const frames = loopFrames(plan);
  const dir = sessionDir(env, key);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = generationName(Date.now());
  const generation = path.join(dir, name);
  fs.mkdirSync(generation, { mode: 0o700 });
  frames.forEach((frame, slot) => fs.writeFileSync(path.join(generation, String(slot)), frame, { mode: 0o600 }));
  let coarseSafe = true;
  for (const watch of WATCHED) {
    const observation = plan.watched[watch];
    const stamp = stampOf(observation);
    coarseSafe &&= stamp.coarseSafe;
    if (observation) fs.symlinkSync(observation.file, path.join(generation, `w.${watch}`));
    touch(path.join(generation, `s.${watch}`), stamp.seconds);
  }
  touch(path.join(generation, 'p.lo'), PROBE_SECOND + 0.1);
  touch(path.join(generation, 'p.hi'), PROBE_SECOND + 0.9);
  const from = Math.floor(plan.at / 1000);
  const head = `${FRAMES_FORMAT} ${name} ${from} ${Math.floor(until / 1000)} ${frames.length} ${coarseSafe ? 1 : 0} ${plan.context}\n`;
  const temporary = path.join(dir, `head.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  fs.writeFileSync(temporary, head, { mode: 0o600 });
  fs.renameSync(temporary, path.join(dir, 'head'));
  removeOldGenerations(dir, name, Date.now());
  return true;
}

function removeOldGenerations(dir: string, keep: string, now: number): void {
  for (const entry of fs.readdirSync(dir)) {
    if (entry === keep || entry === 'head') continue;
    const file = path.join(dir, entry);
    const birth = generationBirth(entry);
    const old = birth === undefined ? isOlderThan(file, now, OLD_GENERATION_MS) : now - birth > OLD_GENERATION_MS;
    if (old && (birth !== undefined || entry.endsWith('.tmp'))) fs.rmSync(file, { recursive: true, force: true });
  }
}

function isOlderThan(file: string, now: number, ms: number): boolean {
  try {
    return now - fs.lstatSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** The session's frames no longer hold (its state was written): the next refresh asks Node. */
export function forgetFrames(env: NodeJS.ProcessEnv, key: string): void {
  try {
    fs.rmSync(path.join(sessionDir(env, key), 'head'), { force: true });
  } catch {
    // Nothing to forget, or nowhere to: the stamps still tell the script.
  }
}

/** Removes frames of sessions not refreshed for a week. */
export function removeStaleFrames(env: NodeJS.ProcessEnv, now: number): void {
  const root = framesRoot(env);
  let keys: string[];
  try {
    keys = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const key of keys) {
    const dir = path.join(root, key);
    if (isOlderThan(path.join(dir, 'head'), now, STALE_AFTER_MS) || (!fs.existsSync(path.join(dir, 'head')) && isOlderThan(dir, now, STALE_AFTER_MS))) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** How many sessions have frames prepared. */
export function preparedSessions(env: NodeJS.ProcessEnv): number {
  try {
    return fs.readdirSync(framesRoot(env)).filter((key) => fs.existsSync(path.join(framesRoot(env), key, 'head'))).length;
  } catch {
    return 0;
  }
}

/** Removes every prepared frame (uninstall); true when there were any. */
export function removeAllFrames(env: NodeJS.ProcessEnv): boolean {
  const root = framesRoot(env);
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return false;
  }
  fs.rmSync(root, { recursive: true, force: true });
  return entries.length > 0;
}
