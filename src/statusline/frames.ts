// Prepared statusline frames: what the light statusline script (fast.sh, shipped as
// dist/statusline.sh) prints between runs of the Node command. In the cache directory:
//
//   statusline-frames/p.lo, p.hi        two probes a tenth and nine tenths into the same second: a shell
//                                        or file system that cannot tell them apart compares whole seconds
//   statusline-frames/<key>/head         one line: format, generation, valid from/until (epoch seconds),
//                                        loop period (seconds), whether whole-second clocks may trust it,
//                                        which frame each second of the loop shows, and the context
//                                        (options and environment) it was drawn for
//   statusline-frames/<key>/w.X          links to the files whose change means "ask Node again" (X: one
//                                        of WATCHED; a generation has a stamp for each, linked or not)
//   statusline-frames/<key>/<gen>/fN     the distinct frames: the lines to print
//   statusline-frames/<key>/<gen>/s.X    stamps: the watched files' modification times as Node saw them
//
// A generation is written whole before `head` is renamed onto it, so the script never sees half of one.
// Each Node run creates only a handful of files: creating files is what preparing frames costs most.
// Every folder here is 0700 and every file 0600; a generation's files are made new (never through anything
// already at their names), and `head` is replaced atomically (anything but a regular file at its name, a
// FIFO or a link, is removed first: the script reads only a regular `head`).
import path from 'node:path';
import { replaceCacheFile } from '../files/cache-replace.js';
import { ensurePrivateDir } from '../files/dirs.js';
import { factsAbout } from '../files/facts.js';
import { linkTarget, pointLinkAt, setFileTime, writeFreshFile } from '../files/fresh-files.js';
import { listNames, removeFile, removeTree } from '../files/housekeeping.js';
import { sweepTemporaries } from '../files/temporaries.js';
import { cacheDir } from '../store/paths.js';

/** The first word of `head`; fast.sh checks it, so a change of layout must change both. */
export const FRAMES_FORMAT = 'buddy-frames-2';
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
/** Frames of a session untouched this long go, as its state files do (session-state.ts). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;
const PROBE_SECOND = 1_000_000_000;
const MAX_CONTEXT_LENGTH = 16 * 1024;
/** What the names of atomic writes' temporaries carry (src/files/temporaries.ts). */
const TEMPORARY_MARK = '.buddy-tmp-';

/**
 * The files the script watches: transcript, config, hook state, status state, Buddy's bundle, and the
 * agent's status state (what the buddy said to an agent CLI shows in every session). fast.sh
 * lists the same names; a change to them changes FRAMES_FORMAT too.
 */
export const WATCHED = ['t', 'c', 'h', 's', 'b', 'a'] as const;
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
    mtimeNs = factsAbout(file, { followLinks: true })?.mtimeNs;
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

/** An empty file dated `seconds`, made new in a generation folder. */
function stamp(file: string, seconds: number): void {
  writeFreshFile(file, '');
  setFileTime(file, seconds);
}

/** The probes, made once for the whole folder (replaced, should one ever lose its time). */
function ensureProbes(root: string): void {
  for (const [name, seconds] of [['p.lo', PROBE_SECOND + 0.1], ['p.hi', PROBE_SECOND + 0.9]] as const) {
    const file = path.join(root, name);
    const facts = factsAbout(file);
    if (facts?.kind === 'file' && Math.abs(facts.mtimeMs - seconds * 1000) <= 1) continue;
    replaceCacheFile(file, '');
    setFileTime(file, seconds);
  }
}

/** Points the session's link for a watched file at it (it rarely moves: only when the context does). */
function linkWatched(dir: string, watch: WatchName, observation: Observation | undefined): void {
  const link = path.join(dir, `w.${watch}`);
  if (linkTarget(link) === observation?.file) return;
  if (observation) pointLinkAt(link, observation.file);
  else removeFile(link);
}

/** A generation's name: sorts by time, and carries its birth so old ones can be told apart. */
function generationName(now: number): string {
  return `g${now.toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function generationBirth(name: string): number | undefined {
  const match = /^g([0-9a-z]+)-/.exec(name);
  return match ? parseInt(match[1]!, 36) : undefined;
}

/** Frame files are named by one character each, so the head can say in one word which second shows which. */
const FRAME_NAMES = '0123456789abcdefghijklmnopqrstuvwxyz';

interface Loop {
  /** The distinct frames, each the text to print. */
  readonly frames: readonly string[];
  /** For each second of the loop, the name of its frame. */
  readonly map: string;
}

function loopFrames(plan: FramePlan): Loop | undefined {
  const period = Math.max(1, Math.floor(plan.periodSeconds));
  const base = Math.floor(plan.at / 1000);
  const frames: string[] = [];
  let map = '';
  for (let slot = 0; slot < period; slot++) {
    // The epoch second in this loop whose remainder is `slot`.
    const second = base + ((((slot - base) % period) + period) % period);
    const text = `${plan.draw(second * 1000).join('\n')}\n`;
    let index = frames.indexOf(text);
    if (index < 0) index = frames.push(text) - 1;
    if (index >= FRAME_NAMES.length) return undefined;
    map += FRAME_NAMES[index];
  }
  return { frames, map };
}

function validContext(context: string): boolean {
  return context.length > 0 && context.length <= MAX_CONTEXT_LENGTH && !/[\r\n]/.test(context);
}

/** Writes a generation of frames for a session and points its head at it. False when not worth it. */
export function prepareFrames(env: NodeJS.ProcessEnv, key: string, plan: FramePlan): boolean {
  const until = Math.min(plan.until, plan.at + FRAMES_HORIZON_MS);
  if (until - plan.at < MIN_WINDOW_MS || !validContext(plan.context) || !/^[A-Za-z0-9_-]{1,80}$/.test(key)) return false;
  const loop = loopFrames(plan);
  if (!loop) return false;
  const dir = sessionDir(env, key);
  ensurePrivateDir(dir);
  ensureProbes(framesRoot(env));
  const name = generationName(Date.now());
  const generation = path.join(dir, name);
  ensurePrivateDir(generation);
  loop.frames.forEach((frame, index) => writeFreshFile(path.join(generation, `f${FRAME_NAMES[index]}`), frame));
  let coarseSafe = true;
  for (const watch of WATCHED) {
    const observation = plan.watched[watch];
    const stampFor = stampOf(observation);
    coarseSafe &&= stampFor.coarseSafe;
    linkWatched(dir, watch, observation);
    stamp(path.join(generation, `s.${watch}`), stampFor.seconds);
  }
  const from = Math.floor(plan.at / 1000);
  const head = `${FRAMES_FORMAT} ${name} ${from} ${Math.floor(until / 1000)} ${loop.map.length} ${coarseSafe ? 1 : 0} ${loop.map} ${plan.context}\n`;
  replaceCacheFile(path.join(dir, 'head'), head);
  removeOldGenerations(dir, name, Date.now());
  return true;
}

/** Old generations go, and so do heads that writers killed mid-write left behind (older versions named them `*.tmp`). */
function removeOldGenerations(dir: string, keep: string, now: number): void {
  let leftovers = false;
  for (const entry of listNames(dir)) {
    const birth = generationBirth(entry);
    const file = path.join(dir, entry);
    if (birth !== undefined) {
      if (entry !== keep && now - birth > OLD_GENERATION_MS) removeTree(file);
    } else if (entry.endsWith('.tmp') && isOlderThan(file, now, OLD_GENERATION_MS)) {
      removeFile(file);
    } else if (entry.includes(TEMPORARY_MARK)) {
      leftovers = true;
    }
  }
  if (leftovers) sweepTemporaries(dir, now);
}

function isOlderThan(file: string, now: number, ms: number): boolean {
  try {
    const facts = factsAbout(file);
    return facts !== undefined && now - facts.mtimeMs > ms;
  } catch {
    return false;
  }
}

/** The session's frames no longer hold (its state was written): the next refresh asks Node. */
export function forgetFrames(env: NodeJS.ProcessEnv, key: string): void {
  try {
    removeFile(path.join(sessionDir(env, key), 'head'));
  } catch {
    // Nothing to forget, or nowhere to: the stamps still tell the script.
  }
}

/** Removes frames of sessions not refreshed for a week. */
export function removeStaleFrames(env: NodeJS.ProcessEnv, now: number): void {
  const root = framesRoot(env);
  let keys: string[];
  try {
    keys = listNames(root);
  } catch {
    return;
  }
  for (const key of keys) {
    const dir = path.join(root, key);
    try {
      if (factsAbout(dir)?.kind !== 'directory') continue;
      const head = path.join(dir, 'head');
      if (isOlderThan(head, now, STALE_AFTER_MS) || (factsAbout(head) === undefined && isOlderThan(dir, now, STALE_AFTER_MS))) removeTree(dir);
    } catch {
      // Raced with another cleaner, or not Buddy's to remove.
    }
  }
  // Probes replaced by a run that was killed mid-write.
  if (keys.some((key) => key.includes(TEMPORARY_MARK))) sweepTemporaries(root, now);
}

/** The sessions that have frames prepared. */
function sessionsWithFrames(env: NodeJS.ProcessEnv): string[] {
  try {
    return listNames(framesRoot(env)).filter((key) => factsAbout(path.join(framesRoot(env), key, 'head')) !== undefined);
  } catch {
    return [];
  }
}

export function preparedSessions(env: NodeJS.ProcessEnv): number {
  return sessionsWithFrames(env).length;
}

/** Removes every prepared frame, the folder with them (uninstall); true when a session had frames. */
export function removeAllFrames(env: NodeJS.ProcessEnv): boolean {
  const had = sessionsWithFrames(env).length > 0;
  removeTree(framesRoot(env));
  return had;
}
