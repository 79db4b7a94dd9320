// A trick's steps, move by move, on a small frame drawn here: each move's exact result, how far it goes
// when the blank space runs out, where props land (never over the art), the step format, and the step a
// trick shows at a moment.
import { describe, expect, it } from 'vitest';
import { trickFrameAt } from '../../src/sprites/animation.js';
import { composeBuddyFrame } from '../../src/faces/frame.js';
import { withStage } from '../../src/sprites/stage-art.js';
import { choreographyOf, parseStep, parseTricks, performStep, trickDurationMs, type Step } from '../../src/sprites/tricks.js';

//            0123456
const FRAME = ['       ', '  (o)  ', ' /|_|\\ ', '  d b  ', '       ', '  ^ ^  '];
const HEAD = 3;

const step = (line: string): Step => parseStep(line, 'test');
const perform = (line: string, frame: readonly string[] = FRAME): string[] => performStep(frame, step(line), HEAD);

describe('a step', () => {
  it('is the frame as it is with no moves and no props', () => {
    expect(perform('idle-0')).toEqual(FRAME);
  });

  it('mirrors left to right, turning what faces a side', () => {
    expect(perform('idle-0 mirror')).toEqual(['       ', '  (o)  ', ' /|_|\\ ', '  d b  ', '       ', '  ^ ^  ']);
    const lopsided = ['       ', ' (o    ', ' <[{/b ', ' p     ', '       ', '       '];
    expect(perform('idle-0 mirror', lopsided)).toEqual(['       ', '    o) ', ' d\\}]> ', '     q ', '       ', '       ']);
  });

  it('turns it upside down, turning what points up or down', () => {
    expect(perform('idle-0 flip')).toEqual(['  v v  ', '       ', '  d b  ', " \\|_|/ ", '  (o)  ', '       ']);
    expect(perform('idle-0 flip', ['       ', " n'`M  ", ' u.,W  ', '       ', '       ', '       '])).toEqual(['       ', '       ', '       ', " n'`M  ", ' u.,W  ', '       ']);
  });

  it('moves sideways as far as the blank space allows, never cutting the art', () => {
    expect(perform('idle-0 right 1')).toEqual(['       ', '   (o) ', '  /|_|\\', '   d b ', '       ', '   ^ ^ ']);
    expect(perform('idle-0 right 5')).toEqual(perform('idle-0 right 1'));
    expect(perform('idle-0 left 1')).toEqual(['       ', ' (o)   ', '/|_|\\  ', ' d b   ', '       ', ' ^ ^   ']);
    expect(perform('idle-0 left 9')).toEqual(perform('idle-0 left 1'));
    const full = ['       ', 'xxxxxxx', '       ', '       ', '       ', '       '];
    expect(perform('idle-0 right 2', full)).toEqual(full);
    expect(perform('idle-0 left 2', full)).toEqual(full);
  });

  it('hops up and down as far as the blank lines allow', () => {
    expect(perform('idle-0 up 1')).toEqual(['  (o)  ', ' /|_|\\ ', '  d b  ', '       ', '  ^ ^  ', '       ']);
    expect(perform('idle-0 up 3')).toEqual(perform('idle-0 up 1'));
    const floating = ['       ', '  (o)  ', '       ', '       ', '       ', '       '];
    expect(perform('idle-0 down 2', floating)).toEqual(['       ', '       ', '       ', '  (o)  ', '       ', '       ']);
    expect(perform('idle-0 down 9', floating)).toEqual(['       ', '       ', '       ', '       ', '       ', '  (o)  ']);
    expect(perform('idle-0 down 1')).toEqual(FRAME);
    const empty = Array<string>(6).fill('       ');
    expect(perform('idle-0 up 2', empty)).toEqual(empty);
  });

  it('draws props at the edges and over the head, only on blank cells and inside the frame', () => {
    expect(perform('idle-0 *@0:left *@0:right o@0:head')).toEqual(['*  o  *', ...FRAME.slice(1)]);
    expect(perform('idle-0 zZ@1:right-1')[1]).toBe('  (o)zZ');
    expect(perform('idle-0 zZz@1:right')[1]).toBe('  (o) z');
    expect(perform('idle-0 ab@1:left-1')[1]).toBe('b (o)  ');
    expect(perform('idle-0 xxxxx@1:head-2')[1]).toBe(' x(o)x ');
    expect(perform('idle-0 o@0:head+2 o@0:head-2')[0]).toBe(' o   o ');
  });

  it('keeps props over the head as the head moves', () => {
    expect(perform('idle-0 right 1 o@0:head')[0]).toBe('    o  ');
    expect(perform('idle-0 mirror o@0:head+1')[0]).toBe('    o  ');
    const offCentre = ['       ', ' (o)   ', '       ', '       ', '       ', '       '];
    expect(performStep(offCentre, step('idle-0 mirror o@0:head'), 2)[0]).toBe('    o  ');
    expect(performStep(offCentre, step('idle-0 mirror left 1 o@0:head'), 2)[0]).toBe('   o   ');
    expect(performStep(offCentre, step('idle-0 flip o@5:head'), 2)[5]).toBe('  o    ');
  });

  it('makes the moves in the order written', () => {
    const offCentre = ['       ', ' (o    ', '       ', '       ', '       ', '       '];
    expect(performStep(offCentre, step('idle-0 left 1 mirror'), 2)[1]).toBe('     o)');
    expect(performStep(offCentre, step('idle-0 mirror left 1'), 2)[1]).toBe('   o)  ');
  });

  it('pads short lines to the widest before moving', () => {
    expect(performStep(['', ' (o)', '  ', '', '', ''], step('idle-0 right 9'), 2)).toEqual(['    ', ' (o)', '    ', '    ', '    ', '    ']);
  });
});

describe('the step format', () => {
  it('reads a frame, blink, moves in order and props', () => {
    expect(parseStep('idle-2 blink mirror left 2 up 1 right 3 down 4 flip o@0:head-3 *@5:right ♪@1:left+2', 'x')).toEqual({
      frame: { kind: 'idle', index: 2 },
      blink: true,
      moves: [{ kind: 'mirror' }, { kind: 'shift', columns: -2 }, { kind: 'hop', lines: -1 }, { kind: 'shift', columns: 3 }, { kind: 'hop', lines: 4 }, { kind: 'flip' }],
      props: [
        { text: 'o', row: 0, anchor: 'head', offset: -3 },
        { text: '*', row: 5, anchor: 'right', offset: 0 },
        { text: '♪', row: 1, anchor: 'left', offset: 2 },
      ],
    });
    expect(parseStep('  sleepy  ', 'x')).toEqual({ frame: { kind: 'pose', pose: 'sleepy' }, blink: false, moves: [], props: [] });
    expect(parseStep('idle-0 right 99', 'x').moves).toEqual([{ kind: 'shift', columns: 99 }]);
  });

  it.each([
    ['idle-0 left 0', /'left' needs a number of columns/],
    ['idle-0 right 100', /'right' needs a number of columns/],
    ['idle-0 down', /'down' needs a number of lines/],
    ['idle-0 o@0:middle', /is no move/],
    ['idle-0 @0:head', /is no move/],
    ['idle-0 o@:head', /is no move/],
    ['happy o@0:head+x', /is no move/],
  ])('refuses %s', (line, problem) => {
    expect(() => parseStep(line, 'x')).toThrow(problem);
  });

  it('reads a trick: blank and comment lines skipped, the step time and the key step', () => {
    const tricks = parseTricks('# a trick\n== wiggle ==\nms: 250\nkey: 1\n\nidle-0\n# half way\nidle-1\nidle-2\nhappy\n== shake ==\nidle-0\nidle-1\nidle-0\nidle-1\n', 'x');
    expect(tricks.get('wiggle')).toMatchObject({ id: 'wiggle', stepMs: 250, key: 1 });
    expect(tricks.get('wiggle')?.steps.map((one) => one.frame)).toEqual([
      { kind: 'idle', index: 0 },
      { kind: 'idle', index: 1 },
      { kind: 'idle', index: 2 },
      { kind: 'pose', pose: 'happy' },
    ]);
    expect(tricks.get('shake')).toMatchObject({ stepMs: 500, key: 0 });
    expect(trickDurationMs(tricks.get('wiggle')!)).toBe(1_000);
    expect(parseTricks('== x ==\nms: 100\nidle-0\nidle-0\nidle-0\nidle-0\n', 'x').get('x')?.stepMs).toBe(100);
    expect(parseTricks('== x ==\nms: 2000\nkey: 3\nidle-0\nidle-0\nidle-0\nidle-0\n', 'x').get('x')).toMatchObject({ stepMs: 2_000, key: 3 });
    expect(parseTricks(`== x ==\n${'idle-0\n'.repeat(16)}`, 'x').get('x')?.steps).toHaveLength(16);
  });

  it('has the embedded tricks, each of them 4 to 5 seconds long', () => {
    const spin = choreographyOf('spin');
    expect(spin?.steps.length).toBe(8);
    expect(choreographyOf('cartwheel')).toBeUndefined();
    for (const id of ['spin', 'hop', 'nap', 'dance', 'bow', 'fetch', 'juggle', 'roll', 'moonwalk', 'encore']) {
      const duration = trickDurationMs(choreographyOf(id)!);
      expect(duration, id).toBeGreaterThanOrEqual(3_000);
      expect(duration, id).toBeLessThanOrEqual(6_000);
    }
  });
});

describe('the step at a moment', () => {
  it('shows each step for its time, from the start, and nothing once it is over', () => {
    expect(trickFrameAt(0, 'spin', 8, 500)).toEqual({ kind: 'trick', trick: 'spin', step: 0 });
    expect(trickFrameAt(-20, 'spin', 8, 500)).toEqual({ kind: 'trick', trick: 'spin', step: 0 });
    expect(trickFrameAt(499, 'spin', 8, 500)).toEqual({ kind: 'trick', trick: 'spin', step: 0 });
    expect(trickFrameAt(500, 'spin', 8, 500)).toEqual({ kind: 'trick', trick: 'spin', step: 1 });
    expect(trickFrameAt(3_999, 'spin', 8, 500)).toEqual({ kind: 'trick', trick: 'spin', step: 7 });
    expect(trickFrameAt(4_000, 'spin', 8, 500)).toBeUndefined();
    expect(trickFrameAt(1_000, 'nap', 4, 250)).toBeUndefined();
    expect(trickFrameAt(999, 'nap', 4, 250)).toEqual({ kind: 'trick', trick: 'nap', step: 3 });
  });
});

describe('a trick in a buddy\'s own art', () => {
  const look = { species: 'duck', eye: '°', hat: 'none', shiny: false } as const;
  const rest = composeBuddyFrame(look, { kind: 'idle', index: 0, blink: false });

  it('is the step drawn from the species\' frame, moved, with the stage beside it after the moves', () => {
    // spin's fourth step: idle-0 mirror
    expect(choreographyOf('spin')!.steps[3]).toEqual(parseStep('idle-0 mirror', 'x'));
    const bare = composeBuddyFrame(look, { kind: 'trick', trick: 'spin', step: 3 });
    expect(bare).toEqual(performStep(rest, parseStep('idle-0 mirror', 'x'), 6));
    expect(bare).not.toEqual(rest);
    expect(composeBuddyFrame({ ...look, stage: 'elder' }, { kind: 'trick', trick: 'spin', step: 3 })).toEqual(withStage(bare, 'elder'));
  });

  it('closes the eyes on a blinking step, and draws a pose step from the pose', () => {
    // nap's second step: idle-0 blink; its fourth: sleepy
    expect(composeBuddyFrame(look, { kind: 'trick', trick: 'nap', step: 1 })).toEqual(composeBuddyFrame(look, { kind: 'idle', index: 0, blink: true }));
    expect(composeBuddyFrame(look, { kind: 'trick', trick: 'nap', step: 3 })).toEqual(composeBuddyFrame(look, { kind: 'pose', pose: 'sleepy' }));
  });

  it('is the rest frame for a step or a trick the art does not have', () => {
    expect(composeBuddyFrame(look, { kind: 'trick', trick: 'cartwheel', step: 0 })).toEqual(rest);
    expect(composeBuddyFrame(look, { kind: 'trick', trick: 'spin', step: 99 })).toEqual(rest);
    expect(composeBuddyFrame({ ...look, stage: 'young' }, { kind: 'trick', trick: 'spin', step: 99 })).toEqual(withStage(rest, 'young'));
  });
});
