// The statusline's three readers, in process: the payload from stdin (each way a read ends: end of
// stream, a whole object, the size cap on both sides, silence, the deadline, an error), the new end of a
// transcript (complete lines only, a gap or a rewrite read from the tail), and the pet's ear for what the
// buddy told an agent CLI (only new, fresh reactions, cleaned).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { recordAgentReaction } from '../../src/statusline/agent-event.js';
import { watchAgentReactions, type SeenReaction } from '../../src/statusline/agent-event-watch.js';
import { REACTION_SHOW_MS } from '../../src/statusline/reactions.js';
import { readJsonPayload, streamSource } from '../../src/statusline/read-stdin.js';
import { AGENT_SESSION_KEY } from '../../src/statusline/agent-event-names.js';
import { EMPTY_STATUS, writeStatusState } from '../../src/statusline/session-state.js';
import { readTranscriptTail, TAIL_BYTES } from '../../src/statusline/transcript-tail.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-readers-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A source the test feeds by hand; records whether it was started and stopped. */
function handSource(interactive = false) {
  let data: ((chunk: Buffer) => void) | undefined;
  let end: (() => void) | undefined;
  const seen = { started: 0, stopped: 0 };
  return {
    seen,
    send: (text: string) => data?.(Buffer.from(text)),
    end: () => end?.(),
    source: {
      interactive,
      start(onData: (chunk: Buffer) => void, onEnd: () => void) {
        seen.started++;
        data = onData;
        end = onEnd;
        return () => void seen.stopped++;
      },
    },
  };
}

const LONG = 60_000;

describe('readJsonPayload', () => {
  it('takes a whole payload from the head without starting the stream, and an interactive stdin not at all', async () => {
    const hand = handSource();
    expect(await readJsonPayload(hand.source, LONG, LONG, 1000, '{"a":1}')).toEqual({ text: '{"a":1}', truncated: false });
    const tty = handSource(true);
    expect(await readJsonPayload(tty.source, LONG, LONG, 1000)).toEqual({ text: '', truncated: false });
    expect(await readJsonPayload(tty.source, LONG, LONG, 1000, '{"a":')).toEqual({ text: '{"a":', truncated: false });
    expect(hand.seen.started + tty.seen.started).toBe(0);
  });

  it('reads to the end of the stream, after the head, and stops the stream once', async () => {
    const hand = handSource();
    const read = readJsonPayload(hand.source, LONG, LONG, 1000, '[1,');
    hand.send('2,');
    hand.send('3]');
    hand.end();
    expect(await read).toEqual({ text: '[1,2,3]', truncated: false });
    expect(hand.seen).toEqual({ started: 1, stopped: 1 });
  });

  it('stops as soon as what arrived is a whole object, trailing blanks and all, without waiting for the end', async () => {
    const hand = handSource();
    const read = readJsonPayload(hand.source, LONG, LONG, 1000);
    hand.send('{"a":{"b":1}');
    hand.send('}\n  \t');
    expect(await read).toEqual({ text: '{"a":{"b":1}}\n  \t', truncated: false });
    expect(hand.seen.stopped).toBe(1);
  });

  it('takes up to the cap exactly, and cuts at the chunk that goes past it', async () => {
    const atCap = handSource();
    const whole = readJsonPayload(atCap.source, LONG, LONG, 10);
    atCap.send('12345');
    atCap.send('67890');
    atCap.end();
    expect(await whole).toEqual({ text: '1234567890', truncated: false });
    const over = handSource();
    const cut = readJsonPayload(over.source, LONG, LONG, 10, '[1');
    over.send('345678');
    over.send('901');
    expect(await cut).toEqual({ text: '[1345678', truncated: true });
  });

  it('gives up on a stream that goes silent, and on one that never stops', async () => {
    const silent = handSource();
    const idle = readJsonPayload(silent.source, 20, LONG, 1000);
    silent.send('{"a":');
    expect(await idle).toEqual({ text: '{"a":', truncated: false });
    const chatty = handSource();
    const deadline = readJsonPayload(chatty.source, LONG, 30, 1_000_000);
    const drip = setInterval(() => chatty.send('x'), 2);
    const result = await deadline;
    clearInterval(drip);
    expect(result.truncated).toBe(false);
    expect(result.text).toMatch(/^x+$/);
  });

  it('reads a real stream, strings and all, and lets go of it after', async () => {
    const stream = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    let opened = 0;
    const source = streamSource(() => (opened++, stream));
    expect(source.interactive).toBe(false);
    const read = readJsonPayload(source, LONG, LONG, 1000);
    stream.setEncoding('utf8');
    stream.write('[1');
    stream.end(']');
    expect(await read).toEqual({ text: '[1]', truncated: false });
    expect(stream.listenerCount('data') + stream.listenerCount('end') + stream.listenerCount('error')).toBe(0);
    expect(stream.isPaused()).toBe(true);
    expect(opened).toBeGreaterThan(0);
  });

  it('ends the read on a stream error', async () => {
    const stream = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    const read = readJsonPayload(streamSource(() => stream), LONG, LONG, 1000);
    stream.write('[1');
    stream.destroy(new Error('gone'));
    expect(await read).toEqual({ text: '[1', truncated: false });
  });

  it('asks a terminal for nothing', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
    expect(streamSource(() => tty).interactive).toBe(true);
  });
});

describe('readTranscriptTail', () => {
  const file = (): string => path.join(root, 't.jsonl');

  it('reads complete lines since the last size, leaving a line still being written', () => {
    fs.writeFileSync(file(), 'one\ntwo\nthr');
    expect(readTranscriptTail(file(), 0)).toEqual({ size: 8, text: 'one\ntwo\n' });
    expect(readTranscriptTail(file(), 8)).toEqual({ size: 8, text: '' });
    fs.appendFileSync(file(), 'ee\n');
    expect(readTranscriptTail(file(), 8)).toEqual({ size: 14, text: 'three\n' });
    expect(readTranscriptTail(file(), 14)).toEqual({ size: 14, text: '' });
  });

  it('reads a shorter (rewritten) file from its start, and nothing at all from a missing file or a FIFO', () => {
    fs.writeFileSync(file(), 'new\n');
    expect(readTranscriptTail(file(), 1_000)).toEqual({ size: 4, text: 'new\n' });
    expect(readTranscriptTail(path.join(root, 'missing'), 0)).toBeUndefined();
    const fifo = path.join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readTranscriptTail(fifo, 0)).toBeUndefined();
  });

  it('reads at most the last 64 KiB, from the first whole line in them', () => {
    expect(TAIL_BYTES).toBe(65_536);
    const line = `${'a'.repeat(99)}\n`;
    fs.writeFileSync(file(), line.repeat(1_000));
    const tail = readTranscriptTail(file(), 0)!;
    expect(tail.size).toBe(100_000);
    // 65,536 bytes from the end start 64 bytes into a line: that partial line is dropped.
    expect(tail.text).toBe(line.repeat(655));
    // Read from exactly where the last read ended, nothing is dropped.
    fs.appendFileSync(file(), line.repeat(700));
    const next = readTranscriptTail(file(), 100_000 + 100 * 45)!;
    expect(next.text).toBe(line.repeat(655));
    const exact = readTranscriptTail(file(), 170_000 - 65_536 + 64)!;
    expect(exact.text.length).toBe(65_472);
    expect(exact.text.startsWith('a')).toBe(true);
  });

  it('follows a link to the transcript', () => {
    fs.writeFileSync(file(), 'x\n');
    const link = path.join(root, 'link.jsonl');
    fs.symlinkSync(file(), link);
    expect(readTranscriptTail(link, 0)).toEqual({ size: 2, text: 'x\n' });
  });
});

describe('watchAgentReactions', () => {
  const bones = rollFromUserId('buddy-93');
  const env = (): NodeJS.ProcessEnv => ({ BUDDY_CACHE_DIR: path.join(root, 'cache') });

  function listen(now: () => number = Date.now) {
    const heard: SeenReaction[] = [];
    let wake: () => void = () => undefined;
    const stop = watchAgentReactions(env(), (reaction) => {
      heard.push(reaction);
      wake();
    }, now);
    const next = (count: number): Promise<void> => new Promise((resolve) => {
      wake = () => heard.length >= count && resolve();
      wake();
    });
    return { heard, stop, next };
  }

  it('hears each new fresh reaction once, in its pose, and not what was there before it listened', async () => {
    const start = Date.now();
    recordAgentReaction(env(), bones, 'error', false, start - 1_000);
    const ear = listen();
    const told = recordAgentReaction(env(), bones, 'tests_failed', false, start + 60_000);
    await ear.next(1);
    expect(ear.heard).toEqual([{ text: told.text, pose: 'alarmed' }]);
    ear.stop();
  });

  it('passes over a reaction no newer than the last one heard, or too old to show', async () => {
    const start = Date.now();
    const ear = listen(() => start + 2 * 60_000 + REACTION_SHOW_MS);
    writeStatusState(env(), AGENT_SESSION_KEY, { ...EMPTY_STATUS, reaction: { event: 'error', text: 'stale', at: start + 2 * 60_000, from: 'agent' } });
    writeStatusState(env(), AGENT_SESSION_KEY, { ...EMPTY_STATUS, reaction: { event: 'error', text: 'fresh\u001b[31m', at: start + 2 * 60_000 + 1 } });
    await ear.next(1);
    writeStatusState(env(), AGENT_SESSION_KEY, { ...EMPTY_STATUS, reaction: { event: 'recovered', text: 'again', at: start + 2 * 60_000 + 1 } });
    writeStatusState(env(), AGENT_SESSION_KEY, { ...EMPTY_STATUS, reaction: { event: 'recovered', text: 'last', at: start + 2 * 60_000 + 2 } });
    await ear.next(2);
    expect(ear.heard).toEqual([
      { text: 'fresh', pose: 'sad' },
      { text: 'last', pose: 'happy' },
    ]);
    ear.stop();
  });

  it('hears nothing, without failing, where the folder cannot be watched', () => {
    const blocked = path.join(root, 'file');
    fs.writeFileSync(blocked, '');
    const stop = watchAgentReactions({ BUDDY_CACHE_DIR: blocked }, () => undefined);
    expect(stop()).toBeUndefined();
  });
});
