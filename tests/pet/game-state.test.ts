// Catch the bug in the pet's reducer: g asks for a round, gameStart opens it (closing panels and the talk
// line), the keys play it (hjkl and arrows move, k included), q and Esc end it recording nothing, Ctrl-C
// still quits, the clock and the window's size step it, and a round played to its end is handed on once.
import { describe, expect, it } from 'vitest';
import { initialPetState, reducePet, type Effect, type KeyInfo, type PetState } from '../../src/pet/pet-state.js';
import { isRoundOver, startRound } from '../../src/game/catch/round.js';
import { START_CELL } from '../../src/game/catch/field.js';
import { ROUND_MS, ROUND_TURNS } from '../../src/game/catch/rules.js';

const T0 = 1_700_000_000_000;
const AT = T0 + 5_000;

const fresh = (): PetState => initialPetState(T0);
const key = (state: PetState, input: string, info: KeyInfo = {}, now = AT) => reducePet(state, { type: 'key', input, key: info, now });
const started = (mode: 'live' | 'turns' = 'turns', fits = true, base: PetState = fresh()): PetState =>
  reducePet(base, { type: 'gameStart', mode, seed: 42, now: AT, fits }).state;

describe('g', () => {
  it('asks for a round at the moment of the key, changing nothing else', () => {
    const { state, effects } = key(fresh(), 'g');
    expect(effects).toEqual([{ type: 'openGame', at: AT }]);
    expect(state.game).toBeUndefined();
  });

  it('is taken in a typed run too', () => {
    expect(key(fresh(), 'cg').effects).toEqual([{ type: 'openGame', at: AT }]);
  });
});

describe('gameStart', () => {
  it('sets the round (mode, seed, the middle cell) and closes a panel and the talk line', () => {
    const state = started('turns', true, { ...fresh(), panel: 'card', draft: 'hello' });
    expect(state.panel).toBe('none');
    expect(state.draft).toBeUndefined();
    expect(state.lastActivityAt).toBe(AT);
    expect(state.game).toEqual(startRound('turns', 42, AT, true));
    expect(state.game?.player).toEqual(START_CELL);
  });

  it('starts paused in a window too small for the field', () => {
    expect(started('live', false).game?.paused).toBe(true);
  });
});

describe('keys in a round', () => {
  const moves: Array<[string, KeyInfo, { x: number; y: number }]> = [
    ['h', {}, { x: -1, y: 0 }],
    ['j', {}, { x: 0, y: 1 }],
    ['k', {}, { x: 0, y: -1 }],
    ['l', {}, { x: 1, y: 0 }],
    ['', { leftArrow: true }, { x: -1, y: 0 }],
    ['', { downArrow: true }, { x: 0, y: 1 }],
    ['', { upArrow: true }, { x: 0, y: -1 }],
    ['', { rightArrow: true }, { x: 1, y: 0 }],
  ];
  for (const [input, info, step] of moves) {
    it(`${input || Object.keys(info)[0]} moves the player one cell and costs a turn`, () => {
      const { state, effects } = key(started(), input, info);
      expect(effects).toEqual([]);
      expect(state.game?.player).toEqual({ x: START_CELL.x + step.x, y: START_CELL.y + step.y });
      expect(state.game?.turns).toBe(1);
    });
  }

  it('k moves up in a round: no trick is asked for', () => {
    const { effects, state } = key(started(), 'k');
    expect(effects.some((effect) => effect.type === 'trick')).toBe(false);
    expect(state.game?.player.y).toBe(START_CELL.y - 1);
  });

  it('a run of letters moves once for each', () => {
    expect(key(started(), 'lll').state.game?.player).toEqual({ x: START_CELL.x + 3, y: START_CELL.y });
  });

  it('other keys (p, f, c, ?, t, Enter) do nothing in a round', () => {
    const round = started();
    for (const input of ['p', 'f', 'c', '?', 't', 'x']) {
      const { state, effects } = key(round, input);
      expect(effects, input).toEqual([]);
      expect(state.game, input).toEqual(round.game);
      expect(state.panel, input).toBe('none');
      expect(state.draft, input).toBeUndefined();
    }
    expect(key(round, '', { return: true }).state.draft).toBeUndefined();
  });

  it('q ends the round early, recording nothing', () => {
    const { state, effects } = key(started(), 'q');
    expect(state.game).toBeUndefined();
    expect(effects).toEqual([]);
  });

  it('q after moves in the same run ends it too', () => {
    const { state, effects } = key(started(), 'llq');
    expect(state.game).toBeUndefined();
    expect(effects).toEqual([]);
  });

  it('Esc ends the round early, recording nothing', () => {
    const { state, effects } = key(started(), '', { escape: true });
    expect(state.game).toBeUndefined();
    expect(effects).toEqual([]);
  });

  it('Ctrl-C still quits', () => {
    expect(key(started(), 'c', { ctrl: true }).effects).toEqual([{ type: 'quit' }]);
  });

  it('a paused round does not move', () => {
    const round = started('turns', false);
    expect(key(round, 'l').state.game).toEqual({ ...round.game, lastAt: AT });
  });
});

describe('the end of a round', () => {
  it('a turn-based round played to its last move emits played once, with its score', () => {
    let state = started();
    const effects: Effect[] = [];
    // Back and forth along a row: every step is a move (no wall), so the round ends after ROUND_TURNS.
    for (let move = 0; move < ROUND_TURNS + 5; move++) {
      const step = key(state, move % 2 === 0 ? 'l' : 'h', {}, AT + move);
      effects.push(...step.effects);
      if (state.game && step.state.game === undefined) {
        expect(state.game?.turns).toBe(ROUND_TURNS - 1);
      }
      state = step.state;
    }
    const played = effects.filter((effect) => effect.type === 'played');
    expect(played).toHaveLength(1);
    expect(state.game).toBeUndefined();
    const [effect] = played;
    expect(effect).toMatchObject({ type: 'played', mode: 'turns' });
    expect(typeof (effect as { score: number }).score).toBe('number');
  });

  it('the score played is the round’s score', () => {
    const round = started();
    const nearlyOver = { ...round, game: { ...round.game!, turns: ROUND_TURNS - 1, score: 7 } };
    const { state, effects } = key(nearlyOver, 'l');
    expect(state.game).toBeUndefined();
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ type: 'played', mode: 'turns', at: AT });
    expect((effects[0] as { score: number }).score).toBeGreaterThanOrEqual(7);
  });

  it('a live round ends on the clock: played once, then ticks change nothing', () => {
    let state = started('live');
    const effects: Effect[] = [];
    for (let at = AT; at <= AT + ROUND_MS + 2_000; at += 500) {
      const step = reducePet(state, { type: 'gameTick', now: at, fits: true });
      effects.push(...step.effects);
      state = step.state;
    }
    expect(effects.filter((effect) => effect.type === 'played')).toHaveLength(1);
    expect(effects).toHaveLength(1);
    expect(state.game).toBeUndefined();
  });

  it('a live round paused by a small window loses no time', () => {
    let state = started('live');
    state = reducePet(state, { type: 'gameTick', now: AT + 500, fits: false }).state;
    for (let at = AT + 1_000; at < AT + 60_000; at += 500) state = reducePet(state, { type: 'gameTick', now: at, fits: false }).state;
    expect(state.game?.paused).toBe(true);
    expect(state.game && isRoundOver(state.game)).toBe(false);
    expect(state.game?.playedMs).toBe(500);
  });
});

describe('gameTick without a round', () => {
  it('changes nothing', () => {
    const state = fresh();
    const step = reducePet(state, { type: 'gameTick', now: AT, fits: true });
    expect(step.state).toBe(state);
    expect(step.effects).toEqual([]);
  });
});

describe('out of a round', () => {
  it('k is still the trick key and l the journal', () => {
    expect(key(fresh(), 'k').effects).toEqual([{ type: 'trick', at: AT }]);
    expect(key(fresh(), 'l').state.panel).toBe('journal');
  });
});
