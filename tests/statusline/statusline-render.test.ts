// The statusline's drawing and payload reading, in process: each format's exact colour codes, tmux's
// escaped '#', the pose marks, where the said text starts to fit (both sides of the edge), the full
// layout's rows, the loop period, and the lenient reading of a host's payload and session IDs.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { addressedContext, introductionContext } from '../../src/statusline/hook-texts.js';
import { parseHostPayload, sessionKey } from '../../src/statusline/payload.js';
import { framePeriodSeconds, PLAIN_FACE, PROTECTED_SPACE, protectLeadingSpaces, renderStatusline, sayingRoom, type StatusView } from '../../src/statusline/render.js';
import { MIN_REMARK_ROOM, remarkRoom } from '../../src/statusline/own-remark.js';
import type { StoredBuddy } from '../../src/store/schema.js';

// A legendary Nebulynx with a halo: its face is `{×~w~×}`, eleven columns with the name.
const bones = rollFromUserId('buddy-93');
const sprite = spriteFor(bones.species);
const BASE: StatusView = { bones, name: 'Pip', sprite, hats: hatTable(), now: 0, pose: undefined, text: undefined, thinking: false, layout: 'compact', format: 'plain', width: 80 };
const draw = (changes: Partial<StatusView>): string[] => renderStatusline({ ...BASE, ...changes });

describe('the compact line', () => {
  it('is the face and name, coloured by rarity in each format', () => {
    expect(bones.rarity).toBe('legendary');
    expect(draw({})).toEqual(['{×~w~×} Pip']);
    expect(draw({ format: 'ansi' })).toEqual(['\u001b[33m{×~w~×} Pip\u001b[39m']);
    expect(draw({ format: 'tmux' })).toEqual(['#[fg=yellow]{×~w~×} Pip#[default]']);
  });

  it('doubles every # for tmux, in the name and in what is said, and only for tmux', () => {
    expect(draw({ format: 'tmux', name: 'P#p', text: 'a#b#c' })).toEqual(['#[fg=yellow]{×~w~×} P##p#[default]  a##b##c']);
    expect(draw({ format: 'plain', name: 'P#p', text: 'a#b' })).toEqual(['{×~w~×} P#p  a#b']);
    expect(draw({ format: 'ansi', text: 'a#b' })).toEqual(['\u001b[33m{×~w~×} Pip\u001b[39m  a#b']);
  });

  it('marks each pose, and shows the thinking dots instead of any text', () => {
    expect(draw({ pose: 'happy', text: 'hi' })).toEqual(['{×~w~×} ♥ Pip  hi']);
    expect(draw({ pose: 'alarmed', text: 'hi' })[0]).toContain(' ! Pip  hi');
    expect(draw({ pose: 'sad' })[0]).toContain(' … Pip');
    expect(draw({ pose: 'sleepy' })[0]).toContain(' z Pip');
    expect(draw({ pose: 'talking', text: 'hi' })[0]).toMatch(/\} Pip {2}hi$/);
    expect(draw({ thinking: true, text: 'ignored' })[0]).toMatch(/ Pip {2}…$/);
  });

  it('shows what is said only when more than three columns are left for it', () => {
    // 11 columns of face and name, two spaces: 16 leaves 3, 17 leaves 4.
    expect(draw({ width: 16, text: 'hello' })).toEqual(['{×~w~×} Pip']);
    expect(draw({ width: 17, text: 'hello' })).toEqual(['{×~w~×} Pip  hel…']);
    expect(draw({ width: 18, text: 'hello' })).toEqual(['{×~w~×} Pip  hello']);
    expect(draw({ width: 8 })).toEqual(['{×~w~×}…']);
  });

  it('is what tmux gets for the full layout too', () => {
    expect(draw({ layout: 'full', format: 'tmux', text: 'x' })).toEqual(['#[fg=yellow]{×~w~×} Pip#[default]  x']);
  });
});

describe('the room a saying has', () => {
  it('is, compact, what the line leaves beside the face, the pose mark and the name: a saying that wide is shown whole', () => {
    // 11 columns of face and name, two spaces: 80 leaves 67; a pose mark takes two more.
    expect(sayingRoom({ ...BASE, width: 80 })).toBe(67);
    expect(sayingRoom({ ...BASE, width: 80, pose: 'alarmed' })).toBe(65);
    expect(sayingRoom({ ...BASE, width: 80, pose: 'talking' })).toBe(67);
    expect(sayingRoom({ ...BASE, width: 40, name: 'Ormovan', pose: 'happy' })).toBe(40 - 17 - 2);
    expect(sayingRoom({ ...BASE, layout: 'full', format: 'tmux', width: 40 })).toBe(27);
    const said = 'x'.repeat(65);
    expect(draw({ width: 80, pose: 'alarmed', text: said })).toEqual([`{×~w~×} ! Pip  ${said}`]);
    expect(draw({ width: 80, pose: 'alarmed', text: `${said}y` })[0]).toMatch(/x…$/);
  });

  it('is, full, two rows of what the art leaves (at least 8 columns), its stage accessory counted', () => {
    expect(sayingRoom({ ...BASE, layout: 'full', width: 80 })).toBe(2 * (80 - sprite.width - 2));
    expect(sayingRoom({ ...BASE, layout: 'full', width: 80, growth: { level: 9, stage: 'elder', mood: 'calm', moodPose: undefined } })).toBeLessThan(2 * (80 - sprite.width - 2));
    expect(sayingRoom({ ...BASE, layout: 'full', width: 10 })).toBe(16);
  });

  it('makes a remark room of at least MIN_REMARK_ROOM and at most REMARK_MAX_LENGTH columns', () => {
    expect(MIN_REMARK_ROOM).toBe(16);
    expect([3, 15, 16, 17, 30.7, 59, 60, 61, 400].map(remarkRoom)).toEqual([16, 16, 16, 17, 30, 59, 60, 60, 60]);
  });
});

describe('the full layout', () => {
  it('puts the name on the hat line and wraps what is said beside the sprite', () => {
    expect(draw({ layout: 'full', width: 10, text: 'one two three four five six seven eight nine ten eleven twelve thirteen' })).toEqual([
      '⠀⠀⠀⠀(---)       Pip ★★★★★',
      "⠀,|.'.*.'.|,    one two",
      '⠀/_\\~-.-~/_\\ *  three',
      '{:* ×   × *:}   four',
      '<\\\\ ~=w=~ //>   five six',
      "⠀\\'~.*:*.~'/    seven…",
    ]);
  });

  it('adds the level, stage and mood below the name, dimmed like the words, and the stage accessory', () => {
    expect(draw({ layout: 'full', format: 'ansi', text: 'hello', growth: { level: 3, stage: 'young', mood: 'content', moodPose: undefined } })).toEqual([
      '\u001b[33m⠀⠀⠀⠀(---)         \u001b[39m  Pip ★★★★★',
      "\u001b[33m⠀,|.'.*.'.|,      \u001b[39m  \u001b[2mLv 3 young · content\u001b[22m",
      '\u001b[33m⠀/_\\~-.-~/_\\ *    \u001b[39m  \u001b[2mhello\u001b[22m',
      '\u001b[33m{:* ×   × *:}  .o.\u001b[39m',
      '\u001b[33m<\\\\ ~=w=~ //>   | \u001b[39m',
      "\u001b[33m⠀\\'~.*:*.~'/   \\|/\u001b[39m",
    ]);
  });

  it('thinks with its talking face, and leaves the stage accessory its columns', () => {
    const growth = { level: 3, stage: 'young', mood: 'content', moodPose: 'sleepy' } as const;
    expect(draw({ layout: 'full', thinking: true, text: 'ignored', growth })).toEqual([
      '⠀⠀⠀⠀(---)           Pip ★★★★★',
      "⠀,|.'.*.'.|,        Lv 3 young · content",
      '⠀/_\\~-.-~/_\\ *      …',
      '{:* ×   × *:}  .o.',
      '<\\\\ ~=o=~ //>   | ',
      "⠀\\'~.*:*.~'/   \\|/",
    ]);
    // 30 columns, less 14 of sprite, 3 of accessory and 2 of gap: 11 for the words, on four rows.
    expect(draw({ layout: 'full', width: 30, growth, text: 'one two three four five six seven eight nine' }).map((line) => line.slice(20))).toEqual([
      'Pip ★★★★★',
      'Lv 3 young · content',
      'one two',
      'three four',
      'five six',
      'seven…',
    ]);
  });

  it('turns the protected blanks into dots in ASCII', () => {
    const lines = draw({ layout: 'full', ascii: true });
    expect(lines[0]).toBe('....(---)       Pip *****');
    expect(lines[3]).toBe('{:* x   x *:} ');
  });
});

describe('protected leading spaces', () => {
  it('replaces each leading space, and only those', () => {
    expect(protectLeadingSpaces('  a b ')).toBe(`${PROTECTED_SPACE}${PROTECTED_SPACE}a b `);
    expect(protectLeadingSpaces('a  b')).toBe('a  b');
    expect(protectLeadingSpaces('')).toBe('');
    expect(PROTECTED_SPACE).toBe('\u2800');
    expect(PLAIN_FACE).toBe('(·_·) buddy');
  });
});

describe('the loop period', () => {
  it('is 15 s for up to four idle frames, longer when extra fidgets take turns', () => {
    expect(framePeriodSeconds(1)).toBe(15);
    expect(framePeriodSeconds(3)).toBe(15);
    expect(framePeriodSeconds(4)).toBe(15);
    expect(framePeriodSeconds(5)).toBe(45);
    expect(framePeriodSeconds(6)).toBe(30);
  });
});

describe('the host payload', () => {
  it('reads each known field', () => {
    const text = JSON.stringify({ session_id: 's1', transcript_path: '/t.jsonl', cwd: '/w', prompt: 'hi', hook_event_name: 'UserPromptSubmit', source: 'startup', extra: 1 });
    expect(parseHostPayload(text)).toEqual({ sessionId: 's1', transcriptPath: '/t.jsonl', cwd: '/w', prompt: 'hi', hookEventName: 'UserPromptSubmit', source: 'startup' });
  });

  it('takes the workspace folder when there is no cwd', () => {
    expect(parseHostPayload(JSON.stringify({ workspace: { current_dir: '/ws' } })).cwd).toBe('/ws');
    expect(parseHostPayload(JSON.stringify({ cwd: '/w', workspace: { current_dir: '/ws' } })).cwd).toBe('/w');
    expect(parseHostPayload(JSON.stringify({ workspace: null })).cwd).toBeUndefined();
    expect(parseHostPayload(JSON.stringify({ workspace: 'x' })).cwd).toBeUndefined();
  });

  it('treats empty strings, wrong types and anything but an object as missing', () => {
    const none = { sessionId: undefined, transcriptPath: undefined, cwd: undefined, prompt: undefined, hookEventName: undefined, source: undefined };
    expect(parseHostPayload(JSON.stringify({ session_id: '', transcript_path: 3, cwd: null, prompt: [], hook_event_name: {}, source: true }))).toEqual(none);
    expect(parseHostPayload('["s1"]')).toEqual(none);
    expect(parseHostPayload('null')).toEqual(none);
    expect(parseHostPayload('{"session_id":')).toEqual(none);
    expect(parseHostPayload(JSON.stringify({ session_id: 'a' })).sessionId).toBe('a');
  });

  it('makes session IDs into short safe file names', () => {
    expect(sessionKey(undefined)).toBe('default');
    expect(sessionKey('')).toBe('default');
    expect(sessionKey('ab-C_9')).toBe('ab-C_9');
    expect(sessionKey('../a b/é')).toBe('___a_b__');
    expect(sessionKey('x'.repeat(81))).toBe('x'.repeat(80));
    expect(sessionKey('y'.repeat(80))).toBe('y'.repeat(80));
  });
});

describe('the hook texts', () => {
  const buddy = { name: 'Pip', bones } as StoredBuddy;
  it('introduce the buddy as a separate creature', () => {
    expect(introductionContext(buddy)).toBe(
      "A small creature named Pip (a legendary Nebulynx) sits beside the user's input box, in the status line. " +
        'Pip is a separate little watcher, not you: you are not Pip, you never speak for it or describe what it says. ' +
        "When the user talks to Pip by name, Pip answers by itself in the status line; stay out of the way and keep your own reply to one short line at most.",
    );
  });
  it('tell the agent to stay out of an addressed message', () => {
    expect(addressedContext(buddy)).toBe(
      "The user's message is addressed to Pip, the small Nebulynx in the status line beside the input. " +
        'Pip is not you and is answering by itself right now. ' +
        'Do not answer for Pip or pretend to be it. Reply in one short line at most, or just continue with any task the message also contains.',
    );
  });
});
