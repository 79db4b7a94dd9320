// The mini-game's screen: the exact lines of a known round, the paused message in a window too small for
// the field, and every size the pet supports fitted (never wider than the window, never taller than rows − 1).
import { describe, expect, it } from 'vitest';
import { composeGameScreen, gameFits, GAME_MIN_COLUMNS, GAME_MIN_ROWS, gameTitle } from '../../src/pet/game-screen.js';
import { moveInRound, startRound } from '../../src/game/catch/round.js';
import { makePalette } from '../../src/render/ansi.js';
import { displayWidth } from '../../src/text/display-width.js';
import { ROUND_MS } from '../../src/game/catch/rules.js';

const plain = makePalette(false);
const round = startRound('turns', 42, 0, true);

describe('composeGameScreen', () => {
  it('draws a known seeded round at 40×20: title, framed field, keys', () => {
    expect(composeGameScreen({ round, columns: 40, rows: 20, palette: plain })).toEqual([
      'Catch the bug! score 0 · 40 moves left',
      '+------------------------+',
      '|*.......................|',
      '|........................|',
      '|........................|',
      '|..............*.........|',
      '|............@...........|',
      '|.........*..............|',
      '|........................|',
      '|........................|',
      '+------------------------+',
      'hjkl or arrows move · q ends',
    ]);
  });

  it('moves the player and counts the move in the title', () => {
    const moved = moveInRound(round, 'right', 1, true);
    const lines = composeGameScreen({ round: moved, columns: 40, rows: 20, palette: plain });
    expect(lines[0]).toBe('Catch the bug! score 0 · 39 moves left');
    expect(lines.filter((line) => line.includes('@'))).toHaveLength(1);
    expect(lines.join('\n').indexOf('@')).not.toBe(composeGameScreen({ round, columns: 40, rows: 20, palette: plain }).join('\n').indexOf('@'));
  });

  it('a live round tells its seconds left', () => {
    expect(gameTitle(startRound('live', 1, 0, true))).toBe(`Catch the bug! score 0 · ${ROUND_MS / 1000} s left`);
  });

  it('below the minimum size says the size it needs', () => {
    expect(composeGameScreen({ round, columns: 20, rows: 8, palette: plain })).toEqual(['Paused: the game', 'needs 26×13, this', 'window is 20×8. q', 'ends.']);
    expect(gameFits(GAME_MIN_COLUMNS, GAME_MIN_ROWS)).toBe(true);
    expect(gameFits(GAME_MIN_COLUMNS - 1, GAME_MIN_ROWS)).toBe(false);
    expect(gameFits(GAME_MIN_COLUMNS, GAME_MIN_ROWS - 1)).toBe(false);
    expect(composeGameScreen({ round, columns: GAME_MIN_COLUMNS, rows: GAME_MIN_ROWS - 1, palette: plain })[0]).toMatch(/^Paused/);
  });

  it('fits every size from 8×3 to 120×40, colour on or off, plain text or ASCII', () => {
    const palettes = [plain, makePalette(true), { ...plain, ascii: true }];
    for (let columns = 8; columns <= 120; columns++) {
      for (let rows = 3; rows <= 40; rows++) {
        for (const palette of palettes) {
          const lines = composeGameScreen({ round, columns, rows, palette });
          expect(lines.length, `${columns}×${rows}`).toBeLessThanOrEqual(rows - 1);
          expect(lines.length, `${columns}×${rows}`).toBeGreaterThan(0);
          for (const line of lines) expect(displayWidth(line), `${columns}×${rows}: ${line}`).toBeLessThanOrEqual(columns);
        }
      }
    }
  });
});
