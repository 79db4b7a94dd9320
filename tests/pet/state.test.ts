// The pet's key handling and events: petting, panels, the talk line, quitting, waking and talking back.
import { describe, expect, it } from 'vitest';
import {
  heartsVisible,
  initialPetState,
  MAX_TALK_LENGTH,
  reactionActive,
  reducePet,
  type KeyInfo,
  type PetState,
  type Transition,
} from '../../src/pet/pet-state.js';
import { bubbleDurationMs, HEARTS_MS, REACTION_MS, SLEEP_AFTER_MS } from '../../src/pet/timing.js';
import { bubbleAt, isAsleep } from '../../src/pet/pet-view.js';

const T0 = 1_700_000_000_000;
const NOW = T0 + 1_000;

function press(state: PetState, input: string, key: KeyInfo = {}, now = NOW): Transition {
  return reducePet(state, { type: 'key', input, key, now });
}

/** Applies keys one after another, returning the final state and every effect along the way. */
function pressAll(state: PetState, keys: readonly (string | [string, KeyInfo])[], now = NOW): Transition {
  const effects: Transition['effects'][number][] = [];
  let current = state;
  for (const entry of keys) {
    const [input, key] = typeof entry === 'string' ? [entry, {}] : entry;
    const next = press(current, input, key, now);
    effects.push(...next.effects);
    current = next.state;
  }
  return { state: current, effects };
}

const ENTER: [string, KeyInfo] = ['', { return: true }];
const ESC: [string, KeyInfo] = ['', { escape: true }];
const BACKSPACE: [string, KeyInfo] = ['', { backspace: true }];

const fresh = (): PetState => initialPetState(T0);
const withDraft = (draft: string): PetState => ({ ...fresh(), draft });

describe('initial state', () => {
  it('starts awake, with no panel, no talk line and nothing on screen', () => {
    const state = fresh();
    expect(state.panel).toBe('none');
    expect(state.draft).toBeUndefined();
    expect(state.thinking).toBe(false);
    expect(heartsVisible(state, T0)).toBe(false);
    expect(reactionActive(state, T0)).toBe(false);
    expect(bubbleAt(state, T0, false)).toBeUndefined();
  });

  it('can start with a panel open', () => {
    expect(initialPetState(T0, 'card').panel).toBe('card');
  });
});

describe('petting', () => {
  it('p shows hearts and a happy reaction, and records the care at the moment it was given', () => {
    const { state, effects } = press(fresh(), 'p');
    expect(effects).toEqual([{ type: 'care', kind: 'pet', at: NOW }]);
    expect(heartsVisible(state, NOW)).toBe(true);
    expect(reactionActive(state, NOW)).toBe(true);
    expect(state.reaction?.pose).toBe('happy');
  });

  it('the hearts and reaction wear off', () => {
    const { state } = press(fresh(), 'p');
    expect(heartsVisible(state, NOW + HEARTS_MS - 1)).toBe(true);
    expect(heartsVisible(state, NOW + HEARTS_MS)).toBe(false);
    expect(reactionActive(state, NOW + REACTION_MS - 1)).toBe(true);
    expect(reactionActive(state, NOW + REACTION_MS)).toBe(false);
  });

  it('petting again restarts the hearts', () => {
    const first = press(fresh(), 'p', {}, NOW).state;
    const again = press(first, 'p', {}, NOW + 2_000).state;
    expect(heartsVisible(again, NOW + 2_000 + HEARTS_MS - 1)).toBe(true);
  });

  it('a pet event (e.g. a click) does the same and wakes the buddy', () => {
    const late = T0 + SLEEP_AFTER_MS + 5_000;
    const asleep = fresh();
    expect(isAsleep(asleep, late)).toBe(true);
    const { state, effects } = reducePet(asleep, { type: 'pet', now: late });
    expect(effects).toEqual([{ type: 'care', kind: 'pet', at: late }]);
    expect(heartsVisible(state, late)).toBe(true);
    expect(state.reaction?.pose).toBe('happy');
    expect(isAsleep(state, late)).toBe(false);
  });
});

describe('panels', () => {
  it('c toggles the card', () => {
    const opened = press(fresh(), 'c');
    expect(opened.state.panel).toBe('card');
    expect(opened.effects).toEqual([]);
    expect(press(opened.state, 'c').state.panel).toBe('none');
  });

  it('? toggles help', () => {
    const opened = press(fresh(), '?').state;
    expect(opened.panel).toBe('help');
    expect(press(opened, '?').state.panel).toBe('none');
  });

  it('switching between card and help replaces the open panel', () => {
    expect(pressAll(fresh(), ['c', '?']).state.panel).toBe('help');
    expect(pressAll(fresh(), ['?', 'c']).state.panel).toBe('card');
  });

  it('l toggles the journal, and replaces or is replaced by the other panels', () => {
    const opened = press(fresh(), 'l');
    expect(opened.state.panel).toBe('journal');
    expect(opened.effects).toEqual([]);
    expect(press(opened.state, 'l').state.panel).toBe('none');
    expect(pressAll(fresh(), ['c', 'l']).state.panel).toBe('journal');
    expect(pressAll(fresh(), ['l', '?']).state.panel).toBe('help');
    expect(press(opened.state, 'x', { escape: true }).state.panel).toBe('none');
  });

  it('l is text, not a key, while the talk line is open', () => {
    expect(pressAll(fresh(), ['t', 'l']).state).toMatchObject({ panel: 'none', draft: 'l' });
  });

  it('Esc closes whichever panel is open', () => {
    expect(pressAll(fresh(), ['c', ESC]).state.panel).toBe('none');
    expect(pressAll(fresh(), ['?', ESC]).state.panel).toBe('none');
  });

  it('Esc with nothing open changes nothing and quits nothing', () => {
    const { state, effects } = press(fresh(), '', { escape: true });
    expect(effects).toEqual([]);
    expect(state.panel).toBe('none');
    expect(state.draft).toBeUndefined();
  });

  it('other keys do nothing', () => {
    const { state, effects } = pressAll(fresh(), ['x', 'Z', '1', ' ']);
    expect(effects).toEqual([]);
    expect(state.panel).toBe('none');
    expect(state.draft).toBeUndefined();
    expect(heartsVisible(state, NOW)).toBe(false);
  });
});

describe('the talk line', () => {
  it('t opens an empty talk line', () => {
    const { state, effects } = press(fresh(), 't');
    expect(state.draft).toBe('');
    expect(effects).toEqual([]);
  });

  it('a bare line feed (Ctrl-J, or a terminal that sends it for Enter) opens the talk line like Enter', () => {
    expect(press(fresh(), '\n').state.draft).toBe('');
    expect(press(fresh(), '\r').state.draft).toBe('');
  });

  it('Enter opens an empty talk line too', () => {
    expect(press(fresh(), '', { return: true }).state.draft).toBe('');
  });

  it('opening the talk line keeps an open panel', () => {
    expect(pressAll(fresh(), ['c', 't']).state).toMatchObject({ panel: 'card', draft: '' });
  });

  it('typing appends to the draft', () => {
    expect(pressAll(fresh(), ['t', 'h', 'i', ' ', 'P', 'i', 'p']).state.draft).toBe('hi Pip');
  });

  it('command keys are typed, not obeyed, while the line is open', () => {
    const { state, effects } = pressAll(fresh(), ['t', 'p', 'c', '?', 'q', 't']);
    expect(state.draft).toBe('pc?qt');
    expect(effects).toEqual([]);
    expect(state.panel).toBe('none');
    expect(heartsVisible(state, NOW)).toBe(false);
  });

  it('backspace (or delete) removes the last character', () => {
    expect(press(withDraft('hello'), '', { backspace: true }).state.draft).toBe('hell');
    expect(press(withDraft('hello'), '', { delete: true }).state.draft).toBe('hell');
  });

  it('backspace removes a whole emoji, not half of it', () => {
    expect(press(withDraft('hi 😀'), '', { backspace: true }).state.draft).toBe('hi ');
  });

  it('backspace on an empty line keeps the line open', () => {
    const { state, effects } = press(withDraft(''), '', { backspace: true });
    expect(state.draft).toBe('');
    expect(effects).toEqual([]);
  });

  it('a pasted run of text is typed into the line', () => {
    expect(press(withDraft('a '), 'hello world').state.draft).toBe('a hello world');
  });

  it('several keys arriving at once are handled in order', () => {
    expect(press(fresh(), 'ct').state).toMatchObject({ panel: 'card', draft: '' });
    expect(press(fresh(), 'thi\r').effects).toEqual([{ type: 'talk', message: 'hi' }]);
  });

  it('a line break among keys arriving at once opens the talk line, like Enter', () => {
    for (const newline of ['\r', '\n']) {
      expect(press(fresh(), `c${newline}`).state).toMatchObject({ panel: 'card', draft: '' });
      expect(press(fresh(), `c${newline}hi`).state).toMatchObject({ panel: 'card', draft: 'hi' });
    }
  });

  it('stops at q among keys arriving at once: nothing after it happens', () => {
    const { state, effects } = press(fresh(), 'qc');
    expect(effects).toEqual([{ type: 'quit' }]);
    expect(state.panel).toBe('none');
  });

  it('takes a read that comes with a modifier or Enter or Esc as one key, not as typed commands', () => {
    for (const key of [{ meta: true }, { ctrl: true }, { escape: true }] as KeyInfo[]) {
      const { state, effects } = press(fresh(), 'ct', key);
      expect(effects).toEqual([]);
      expect(state).toMatchObject({ panel: 'none', draft: undefined });
    }
    expect(press(fresh(), 'ct', { return: true }).state).toMatchObject({ panel: 'none', draft: '' });
  });

  // A newline inside pasted text joins its lines; only a newline at the end of a read sends.
  it('pasted newlines become spaces', () => {
    const pasted = press(withDraft('a '), 'hello\nworld');
    expect(pasted.effects).toEqual([]);
    expect(pasted.state.draft).toBe('a hello world');
    expect(press(withDraft(''), 'one\r\ntwo\rthree').state.draft).toBe('one two three');
  });

  // Text after a pasted line break stays text: a line starting with "q" must not quit Buddy.
  it('pasting several lines never runs commands', () => {
    const { effects } = press(withDraft(''), 'first line\nquite a second line');
    expect(effects.filter((effect) => effect.type === 'quit')).toEqual([]);
  });

  it(`the draft never grows past ${MAX_TALK_LENGTH} characters`, () => {
    const pasted = press(withDraft(''), 'a'.repeat(MAX_TALK_LENGTH + 100)).state;
    expect(pasted.draft).toBe('a'.repeat(MAX_TALK_LENGTH));
    const typedMore = pressAll(pasted, ['b', 'c']).state;
    expect(typedMore.draft).toBe('a'.repeat(MAX_TALK_LENGTH));
    const almostFull = press(withDraft('a'.repeat(MAX_TALK_LENGTH - 2)), 'xyz').state;
    expect(almostFull.draft).toBe(`${'a'.repeat(MAX_TALK_LENGTH - 2)}xy`);
  });

  // An emoji at the limit is kept whole or left out, never split into a lone surrogate.
  it('the cap never leaves half an emoji at the end of the draft', () => {
    const state = press(withDraft('a'.repeat(MAX_TALK_LENGTH - 1)), '😀').state;
    expect(state.draft).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('ctrl, meta and tab chords are not typed', () => {
    const { state, effects } = pressAll(withDraft('hi'), [
      ['u', { ctrl: true }],
      ['b', { meta: true }],
      ['\t', { tab: true }],
    ]);
    expect(state.draft).toBe('hi');
    expect(effects).toEqual([]);
  });

  it('Enter sends the trimmed message and closes the line', () => {
    const { state, effects } = pressAll(fresh(), ['t', ' ', ' ', 'h', 'e', 'y', ' ', ENTER]);
    expect(effects).toEqual([{ type: 'talk', message: 'hey' }]);
    expect(state.draft).toBeUndefined();
  });

  it('Enter on a blank line closes it without sending anything', () => {
    for (const draft of ['', '   ', ' \u00a0 ']) {
      const before = withDraft(draft);
      const { state, effects } = press(before, '', { return: true });
      expect(effects).toEqual([]);
      expect(state).toEqual({ ...before, draft: undefined, lastActivityAt: NOW });
    }
  });

  it('Esc closes the line without sending, and a panel stays open', () => {
    const { state, effects } = pressAll(fresh(), ['c', 't', 'h', 'i', ESC]);
    expect(effects).toEqual([]);
    expect(state.draft).toBeUndefined();
    expect(state.panel).toBe('card');
  });

  it('a reopened line starts empty', () => {
    expect(pressAll(fresh(), ['t', 'h', 'i', ESC, 't']).state.draft).toBe('');
  });

  it('backspace works with the sequence the terminal sends', () => {
    expect(pressAll(fresh(), ['t', 'a', 'b', BACKSPACE, 'c', ENTER]).effects).toEqual([{ type: 'talk', message: 'ac' }]);
  });
});

describe('quitting', () => {
  it('q quits when the talk line is closed', () => {
    expect(press(fresh(), 'q').effects).toEqual([{ type: 'quit' }]);
    expect(pressAll(fresh(), ['c', 'q']).effects).toEqual([{ type: 'quit' }]);
  });

  it('q is typed when the talk line is open', () => {
    const { state, effects } = press(withDraft('a'), 'q');
    expect(effects).toEqual([]);
    expect(state.draft).toBe('aq');
  });

  it('Ctrl-C quits always, even while typing', () => {
    expect(press(fresh(), 'c', { ctrl: true }).effects).toEqual([{ type: 'quit' }]);
    const typing = press(withDraft('half a thought'), 'c', { ctrl: true });
    expect(typing.effects).toEqual([{ type: 'quit' }]);
    expect(typing.state.draft).toBe('half a thought');
  });
});

describe('waking', () => {
  const late = T0 + SLEEP_AFTER_MS + 60_000;

  it.each([
    ['an unbound key', 'x', {}],
    ['a command key', '?', {}],
    ['Esc', '', { escape: true }],
  ] as [string, string, KeyInfo][])('%s wakes a sleeping buddy', (_label, input, key) => {
    const sleeping = fresh();
    expect(isAsleep(sleeping, late)).toBe(true);
    const { state } = press(sleeping, input, key, late);
    expect(state.lastActivityAt).toBe(late);
    expect(isAsleep(state, late)).toBe(false);
    expect(isAsleep(state, late + SLEEP_AFTER_MS - 1)).toBe(false);
    expect(isAsleep(state, late + SLEEP_AFTER_MS)).toBe(true);
  });

  it('typing into the talk line counts as activity', () => {
    const { state } = press(withDraft(''), 'a', {}, late);
    expect(state.lastActivityAt).toBe(late);
  });
});

describe('thinking and saying', () => {
  it('thinking shows the thinking indicator instead of an old bubble', () => {
    const said = reducePet(fresh(), { type: 'say', text: 'old words', now: NOW }).state;
    const { state, effects } = reducePet(said, { type: 'thinking', now: NOW + 100 });
    expect(effects).toEqual([]);
    expect(state.thinking).toBe(true);
    expect(bubbleAt(state, NOW + 100, false)).toEqual({ kind: 'thinking', text: '…' });
  });

  it('say ends thinking and shows the text in a bubble with a talking reaction', () => {
    const thinking = reducePet(fresh(), { type: 'thinking', now: NOW }).state;
    const at = NOW + 4_000;
    const { state, effects } = reducePet(thinking, { type: 'say', text: 'Hello there', now: at });
    expect(effects).toEqual([]);
    expect(state.thinking).toBe(false);
    expect(bubbleAt(state, at, false)).toEqual({ kind: 'speech', text: 'Hello there', fading: false });
    expect(state.reaction?.pose).toBe('talking');
    expect(reactionActive(state, at)).toBe(true);
    expect(state.lastActivityAt).toBe(at);
    expect(bubbleAt(state, at + bubbleDurationMs('Hello there'), false)).toBeUndefined();
  });

  it('say can carry another pose', () => {
    const { state } = reducePet(fresh(), { type: 'say', text: 'Oh no', pose: 'alarmed', now: NOW });
    expect(state.reaction?.pose).toBe('alarmed');
  });

  it('a react event changes the pose for a while without a bubble', () => {
    const { state } = reducePet(fresh(), { type: 'react', pose: 'sad', now: NOW });
    expect(state.reaction?.pose).toBe('sad');
    expect(reactionActive(state, NOW + REACTION_MS - 1)).toBe(true);
    expect(reactionActive(state, NOW + REACTION_MS)).toBe(false);
    expect(bubbleAt(state, NOW, false)).toBeUndefined();
  });

  it('keeps what the person is typing when the buddy speaks', () => {
    const { state } = reducePet(withDraft('still typing'), { type: 'say', text: 'hi', now: NOW });
    expect(state.draft).toBe('still typing');
  });
});

describe('purity', () => {
  it('never changes the state it is given', () => {
    const start = Object.freeze(withDraft('abc'));
    const snapshot = JSON.stringify(start);
    press(start, 'x');
    press(start, '', { return: true });
    press(start, '', { backspace: true });
    reducePet(start, { type: 'say', text: 'hi', now: NOW });
    reducePet(start, { type: 'thinking', now: NOW });
    reducePet(start, { type: 'pet', now: NOW });
    expect(JSON.stringify(start)).toBe(snapshot);
  });

  it('gives the same result for the same state and event', () => {
    expect(press(fresh(), 'p')).toEqual(press(fresh(), 'p'));
    expect(pressAll(fresh(), ['t', 'h', 'i', ENTER])).toEqual(pressAll(fresh(), ['t', 'h', 'i', ENTER]));
  });
});
