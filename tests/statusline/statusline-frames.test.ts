// Prepared statusline frames: the loop period really repeats for every species and layout, the files hold
// exactly what Node draws at those seconds, the stamps make a shell's `-nt` see every later write (and
// ask once more when a write could hide in the same clock tick), and the window ends where the line can
// change. Plus the stdin hand-over from the script.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_SPECIES } from '../../src/engine/constants.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { GREETING_SHOW_MS, PENDING_GIVE_UP_MS, drawStatusline } from '../../src/statusline/statusline.js';
import { LONG_SILENCE_MS, REACTION_SHOW_MS } from '../../src/statusline/reactions.js';
import { readJsonPayload } from '../../src/statusline/read-stdin.js';
import { EMPTY_STATUS, updateHookState, writeStatusState } from '../../src/statusline/session-state.js';
import {
  FRAMES_FORMAT,
  FRAMES_HORIZON_MS,
  forgetFrames,
  framesRoot,
  observe,
  prepareFrames,
  removeAllFrames,
  removeStaleFrames,
  WATCHED,
  type FramePlan,
  type Observation,
} from '../../src/statusline/frames.js';
import { framePeriodSeconds, renderStatusline } from '../../src/statusline/render.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-frames-'));
  env = { HOME: dir, BUDDY_CONFIG_DIR: path.join(dir, 'config'), BUDDY_CACHE_DIR: path.join(dir, 'cache'), CLAUDE_CONFIG_DIR: path.join(dir, 'claude'), BUDDY_USER_ID: 'buddy-93' };
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0, 250);
const headOf = (key: string): string[] => fs.readFileSync(path.join(framesRoot(env), key, 'head'), 'utf8').trimEnd().split(' ');
const sessionDir = (key: string): string => path.join(framesRoot(env), key);
const generationOf = (key: string): string => path.join(sessionDir(key), headOf(key)[1]!);

/** What `/bin/sh` says to `[ a -nt b ]`. */
function newer(a: string, b: string): boolean {
  try {
    execFileSync('/bin/sh', ['-c', '[ "$1" -nt "$2" ]', 'sh', a, b]);
    return true;
  } catch {
    return false;
  }
}

function plan(overrides: Partial<FramePlan> = {}): FramePlan {
  const at = overrides.at ?? NOW;
  return { context: '[|ctx]', at, until: at + 60_000, periodSeconds: 3, draw: (now) => [`frame ${Math.floor(now / 1000) % 3}`], watched: {}, ...overrides };
}

describe('the loop period', () => {
  it('repeats the drawing at whole seconds for every species, layout and sparkle', () => {
    const base = rollFromUserId('buddy-93');
    for (const species of ALL_SPECIES) {
      const sprite = spriteFor(species);
      const period = framePeriodSeconds(sprite.idle.length);
      expect(period).toBeLessThanOrEqual(60);
      for (const layout of ['compact', 'full'] as const) {
        for (const shiny of [false, true]) {
          const draw = (second: number): string =>
            renderStatusline({ bones: { ...base, species, shiny, hat: 'crown' }, name: 'Pip', sprite, hats: hatTable(), now: second * 1000, pose: undefined, text: undefined, thinking: false, layout, format: 'plain', width: 80 }).join('\n');
          const first = Math.floor(NOW / 1000);
          for (let second = first; second < first + 2 * period; second++) expect(draw(second + period), `${species} ${layout} ${second}`).toBe(draw(second));
        }
      }
    }
  });
});

describe('the light script and the frames it reads', () => {
  const script = fs.readFileSync(new URL('../../src/statusline/fast.sh', import.meta.url), 'utf8');

  it('agree on the format word and on the watched files', () => {
    expect(/^FORMAT=(\S+)$/m.exec(script)?.[1]).toBe(FRAMES_FORMAT);
    expect(/^\s*for watched in ([a-z ]+); do$/m.exec(script)?.[1]?.split(' ')).toEqual([...WATCHED]);
  });

  it('writes a stamp for every watched file in each generation, linked or not', () => {
    prepareFrames(env, 'stamps', plan());
    expect(fs.readdirSync(generationOf('stamps')).filter((file) => file.startsWith('s.')).sort()).toEqual(WATCHED.map((name) => `s.${name}`).sort());
  });
});

describe('prepareFrames', () => {
  /** What the script prints at an epoch second: the frame the head's map names for it. */
  const frameAt = (key: string, second: number): string => {
    const [, , , , period, , map] = headOf(key);
    return fs.readFileSync(path.join(generationOf(key), `f${map![second % Number(period)]}`), 'utf8');
  };

  it('writes what Node draws for each second of the loop, and a head that names it', () => {
    expect(prepareFrames(env, 'session-1', plan())).toBe(true);
    const [format, generation, from, until, period, coarse, map, context] = headOf('session-1');
    expect(format).toBe(FRAMES_FORMAT);
    expect(generation).toMatch(/^g[a-z0-9-]+$/);
    expect(Number(from)).toBe(Math.floor(NOW / 1000));
    expect(Number(until)).toBe(Math.floor((NOW + 60_000) / 1000));
    expect(period).toBe('3');
    expect(coarse).toBe('1');
    expect(map).toMatch(/^[0-2]{3}$/);
    expect(context).toBe('[|ctx]');
    for (let second = Math.floor(NOW / 1000); second < Math.floor(NOW / 1000) + 6; second++) expect(frameAt('session-1', second)).toBe(`frame ${second % 3}\n`);
  });

  it('writes each distinct frame once, and stops at the horizon', () => {
    const blinkAtFive = (now: number): string[] => [Math.floor(now / 1000) % 15 === 5 ? '(-.-) Pip' : '(o.o) Pip', 'second line'];
    expect(prepareFrames(env, 'blink', plan({ periodSeconds: 15, draw: blinkAtFive, until: NOW + 10 * FRAMES_HORIZON_MS }))).toBe(true);
    expect(headOf('blink')[4]).toBe('15');
    expect(Number(headOf('blink')[3])).toBe(Math.floor((NOW + FRAMES_HORIZON_MS) / 1000));
    expect(fs.readdirSync(generationOf('blink')).filter((file) => file.startsWith('f')).sort()).toEqual(['f0', 'f1']);
    for (let second = Math.floor(NOW / 1000); second < Math.floor(NOW / 1000) + 15; second++) expect(frameAt('blink', second)).toBe(`${blinkAtFive(second * 1000).join('\n')}\n`);
  });

  it('prepares nothing for a window under two seconds, an odd context or an odd key', () => {
    expect(prepareFrames(env, 'short', plan({ until: NOW + 1_500 }))).toBe(false);
    expect(prepareFrames(env, 'ctx', plan({ context: '[a\nb]' }))).toBe(false);
    expect(prepareFrames(env, '../escape', plan())).toBe(false);
    expect(fs.existsSync(framesRoot(env))).toBe(false);
  });

  it('replaces older generations and leaves a fresh one of another writer', () => {
    prepareFrames(env, 'gens', plan());
    const old = path.join(sessionDir('gens'), `g${(Date.now() - 60_000).toString(36)}-1-aaaa`);
    const fresh = path.join(sessionDir('gens'), `g${Date.now().toString(36)}-2-bbbb`);
    fs.mkdirSync(old);
    fs.mkdirSync(fresh);
    prepareFrames(env, 'gens', plan());
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(generationOf('gens'))).toBe(true);
  });
});

describe('stamps of the watched files', () => {
  function watchedFile(name: string, writtenAgoMs: number): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, name);
    const at = (Date.now() - writtenAgoMs) / 1000;
    fs.utimesSync(file, at, at);
    return file;
  }

  it('a file settled when seen: nothing newer until it is written again', () => {
    const file = watchedFile('transcript.jsonl', 5_000);
    prepareFrames(env, 'settled', plan({ at: Date.now(), watched: { t: observe(file) } }));
    const generation = generationOf('settled');
    expect(fs.readlinkSync(path.join(sessionDir('settled'), 'w.t'))).toBe(file);
    expect(newer(path.join(sessionDir('settled'), 'w.t'), path.join(generation, 's.t'))).toBe(false);
    expect(headOf('settled')[5]).toBe('1');
    fs.appendFileSync(file, 'more');
    expect(newer(path.join(sessionDir('settled'), 'w.t'), path.join(generation, 's.t'))).toBe(true);
  });

  it('a file seen in the same clock tick it was written: asked about once more', () => {
    const file = watchedFile('config.json', 0);
    const seen: Observation = { ...observe(file), seenAt: Number(fs.statSync(file, { bigint: true }).mtimeNs / 1_000_000n) + 5 };
    prepareFrames(env, 'unsettled', plan({ at: Date.now(), watched: { c: seen } }));
    expect(newer(path.join(sessionDir('unsettled'), 'w.c'), path.join(generationOf('unsettled'), 's.c'))).toBe(true);
    // Its second was not over either: whole-second clocks may not trust these frames at all.
    expect(headOf('unsettled')[5]).toBe('0');
  });

  it('a file this process just wrote is trusted at once by fine clocks, not by whole-second ones', () => {
    const file = watchedFile('status.json', 0);
    prepareFrames(env, 'own', plan({ at: Date.now(), watched: { s: observe(file, true) } }));
    expect(newer(path.join(sessionDir('own'), 'w.s'), path.join(generationOf('own'), 's.s'))).toBe(false);
    expect(headOf('own')[5]).toBe('0');
  });

  it('a missing file gets the epoch, so its first write is a change', () => {
    const file = path.join(dir, 'hook.json');
    prepareFrames(env, 'missing', plan({ at: Date.now(), watched: { h: observe(file) } }));
    const stamp = path.join(generationOf('missing'), 's.h');
    expect(fs.statSync(stamp).mtimeMs).toBe(0);
    expect(newer(path.join(sessionDir('missing'), 'w.h'), stamp)).toBe(false);
    fs.writeFileSync(file, '{}');
    expect(newer(path.join(sessionDir('missing'), 'w.h'), stamp)).toBe(true);
  });

  it('has two probes in the same second, eight tenths apart, to tell fine clocks from whole-second ones', () => {
    prepareFrames(env, 'probe', plan());
    const [lo, hi] = ['p.lo', 'p.hi'].map((name) => fs.statSync(path.join(framesRoot(env), name)).mtimeMs);
    expect(Math.floor(lo! / 1000)).toBe(Math.floor(hi! / 1000));
    expect(hi! - lo!).toBeCloseTo(800, 0);
    expect(newer(path.join(framesRoot(env), 'p.hi'), path.join(framesRoot(env), 'p.lo'))).toBe(true);
  });

  it('keeps the links to the watched files per session, and moves one when its file does', () => {
    const first = path.join(dir, 'one.jsonl');
    const second = path.join(dir, 'two.jsonl');
    prepareFrames(env, 'links', plan({ watched: { t: observe(first) } }));
    expect(fs.readlinkSync(path.join(sessionDir('links'), 'w.t'))).toBe(first);
    prepareFrames(env, 'links', plan({ watched: { t: observe(second) } }));
    expect(fs.readlinkSync(path.join(sessionDir('links'), 'w.t'))).toBe(second);
    prepareFrames(env, 'links', plan());
    expect(fs.lstatSync(path.join(sessionDir('links'), 'w.t'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('removing frames', () => {
  it('forgets a session, removes stale sessions and, for uninstall, everything', () => {
    prepareFrames(env, 'kept', plan());
    prepareFrames(env, 'forgotten', plan());
    prepareFrames(env, 'stale', plan());
    forgetFrames(env, 'forgotten');
    expect(fs.existsSync(path.join(framesRoot(env), 'forgotten', 'head'))).toBe(false);
    const weekAgo = (Date.now() - 8 * 24 * 60 * 60_000) / 1000;
    fs.utimesSync(path.join(framesRoot(env), 'stale', 'head'), weekAgo, weekAgo);
    removeStaleFrames(env, Date.now());
    expect(fs.readdirSync(framesRoot(env)).sort()).toEqual(['forgotten', 'kept', 'p.hi', 'p.lo']);
    expect(removeAllFrames(env)).toBe(true);
    expect(fs.existsSync(framesRoot(env))).toBe(false);
    expect(removeAllFrames(env)).toBe(false);
  });

  it('writing session state forgets that session\'s frames', () => {
    prepareFrames(env, 'written', plan());
    writeStatusState(env, 'written', EMPTY_STATUS);
    expect(fs.existsSync(path.join(framesRoot(env), 'written', 'head'))).toBe(false);
    prepareFrames(env, 'written', plan());
    updateHookState(env, 'written', (state) => ({ ...state, introduced: true }));
    expect(fs.existsSync(path.join(framesRoot(env), 'written', 'head'))).toBe(false);
  });
});

describe("the statusline's scene", () => {
  const request = (now: number, sessionId = 'scene') => ({
    payloadText: JSON.stringify({ session_id: sessionId, transcript_path: path.join(dir, `${sessionId}.jsonl`) }),
    env,
    now,
    width: 80,
    format: 'plain' as const,
    layout: undefined,
    bundle: path.join(dir, 'buddy.js'),
  });

  it('lasts to the horizon when nothing is due, and watches every file behind the line', () => {
    const now = Date.now();
    const outcome = drawStatusline(request(now));
    expect(outcome.key).toBe('scene');
    expect(outcome.scene.until).toBe(now + FRAMES_HORIZON_MS);
    expect(Object.keys(outcome.scene.watched).sort()).toEqual(['a', 'b', 'c', 'h', 's', 't']);
    expect(outcome.scene.draw(now)).toEqual(outcome.lines);
  });

  it('ends where a reaction, a greeting, a pending reply or a long silence changes the line', () => {
    const now = Date.now();
    writeStatusState(env, 'scene', { ...EMPTY_STATUS, transcriptChangedAt: now - 60_000, reaction: { event: 'testsFailed', text: 'Oh no.', at: now - 2_000 } });
    expect(drawStatusline(request(now)).scene.until).toBe(now - 2_000 + REACTION_SHOW_MS);
    writeStatusState(env, 'scene', { ...EMPTY_STATUS, transcriptChangedAt: now - LONG_SILENCE_MS + 60_000 });
    expect(drawStatusline(request(now)).scene.until).toBe(now + 60_000);
    updateHookState(env, 'scene', () => ({ greeting: { text: 'Hello.', at: now - 1_000 } }));
    expect(drawStatusline(request(now)).scene.until).toBe(now - 1_000 + GREETING_SHOW_MS);
    updateHookState(env, 'scene', () => ({ pending: { at: now - 25_000 } }));
    expect(drawStatusline(request(now)).scene.until).toBe(now - 25_000 + PENDING_GIVE_UP_MS);
  });
});

describe('the stdin hand-over from the light script', () => {
  const source = (chunks: string[]) => {
    const start = vi.fn((onData: (chunk: Buffer) => void, onEnd: () => void) => {
      for (const chunk of chunks) onData(Buffer.from(chunk));
      onEnd();
      return () => undefined;
    });
    return { interactive: false, start };
  };

  it('takes a whole payload from the head without reading stdin', async () => {
    const stdin = source(['never read']);
    expect(await readJsonPayload(stdin, 50, 100, 1024, '{"session_id":"a"}')).toEqual({ text: '{"session_id":"a"}', truncated: false });
    expect(stdin.start).not.toHaveBeenCalled();
  });

  it('reads the rest of a payload the head holds only the start of', async () => {
    const stdin = source(['"a"}']);
    expect((await readJsonPayload(stdin, 50, 100, 1024, '{"session_id":')).text).toBe('{"session_id":"a"}');
  });
});
