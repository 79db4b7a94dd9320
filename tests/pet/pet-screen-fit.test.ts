// The composed pet screen fits every terminal: never wider than its columns, never taller than rows − 1.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { composePetScreen, FOOTERS } from '../../src/pet/screen.js';
import { initialPetState, reducePet, type PetState } from '../../src/pet/pet-state.js';
import { petViewAt } from '../../src/pet/pet-view.js';
import { makePalette } from '../../src/render/ansi.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { composeFace } from '../../src/sprites/compose.js';
import { displayWidth } from '../../src/text/display-width.js';

const bones = rollFromUserId('fit-1');
const sprite = spriteFor(bones.species);
const LONG = 'Hello! I am Quintrovan. Quintrovan can smell a null from three files away and sneezes politely to point it out. Nobody asks about its patience.';

function states(): Array<[string, PetState]> {
  const start = initialPetState(0);
  const say = reducePet(start, { type: 'say', text: LONG, now: 0 }).state;
  return [
    ['idle', start],
    ['bubble', say],
    ['card', { ...say, panel: 'card' }],
    ['help', { ...say, panel: 'help' }],
    ['talk', { ...start, draft: 'Quintrovan, what do you think of this very long message that goes on' }],
    ['petted', reducePet(start, { type: 'pet', now: 0 }).state],
    ['journal', { ...say, panel: 'journal' }],
    ['empty journal', { ...start, panel: 'journal' }],
    ['trick', reducePet(start, { type: 'trick', id: 'encore', now: 0 }).state],
    ['game', reducePet(say, { type: 'gameStart', mode: 'live', seed: 7, now: 0, fits: true }).state],
    ['game paused', reducePet(start, { type: 'gameStart', mode: 'turns', seed: 7, now: 0, fits: false }).state],
  ];
}

/** A journal with short lines, long ones and one long word, as the pet's panel receives it. */
const JOURNAL = [
  { time: '09:14', text: 'Hello hello. Shall we make something small and good today?' },
  { time: '09:20', text: '*click click*' },
  { time: '11:02', text: LONG },
  { time: '11:05', text: 'Supercalifragilisticexpialidocious-stack-trace-of-doom, read it slowly.' },
  { time: '23:59', text: 'It is late. Even crabs are yawning.' },
];

function compose(state: PetState, columns: number, rows: number, palette = makePalette(false), journal: typeof JOURNAL = JOURNAL): string[] {
  const view = petViewAt(state, 100, { animate: true, idleFrameCount: sprite.idle.length, width: sprite.width, shiny: bones.shiny });
  return composePetScreen({
    bones,
    sprite,
    hats: hatTable(),
    name: 'Quintrovan',
    personality: LONG,
    soulNote: 'soul written offline · hatched 2026-11-30',
    notice: 'keeping Quintrovan the Puddlepup: it was hatched for another identity',
    languageNote: 'speaks English offline (de needs an API key)',
    journal: state.panel === 'journal' && state.bubble === undefined ? [] : journal,
    state,
    view,
    columns,
    rows,
    palette,
  });
}

describe('composePetScreen', () => {
  it('fits every size from 8×3 to 120×40, in every state, with colour on or off', () => {
    for (const [name, state] of states()) {
      for (let columns = 8; columns <= 120; columns += 7) {
        for (let rows = 3; rows <= 40; rows += 3) {
          for (const palette of [makePalette(false), makePalette(true)]) {
            const lines = compose(state, columns, rows, palette);
            expect(lines.length, `${name} at ${columns}×${rows}`).toBeLessThanOrEqual(rows - 1);
            for (const line of lines) expect(displayWidth(line), `${name} at ${columns}×${rows}: ${line}`).toBeLessThanOrEqual(columns);
          }
        }
      }
    }
  });

  it('shows the game instead of the buddy while a round is on, and g in the help', () => {
    const start = initialPetState(0);
    const playing = reducePet(start, { type: 'gameStart', mode: 'turns', seed: 7, now: 0, fits: true }).state;
    expect(compose(playing, 40, 20)[0]).toBe('Catch the bug! score 0 · 40 moves left');
    expect(compose(playing, 20, 8)[0]).toMatch(/^Paused: the game/);
    expect(compose({ ...start, panel: 'help' }, 100, 40)).toContain('g          play catch the bug');
  });

  it('shows the whole footer on a wide terminal and a short one at 40 columns, never wrapped', () => {
    const start = initialPetState(0);
    expect(compose(start, 100, 30).at(-1)).toBe(FOOTERS[0]);
    expect(compose(start, 40, 30).at(-1)).toBe('p pet · c card · t talk · q quit');
    expect(compose(start, 24, 30).at(-1)).toBe('? help · q quit');
  });

  it('keeps the buddy, the bubble and the card when there is room, and the face line with the card when there is not', () => {
    const card = states()[2]![1];
    const roomy = compose(card, 100, 40).join('\n');
    expect(roomy).toContain('Quintrovan ★');
    expect(roomy).toContain('╰');
    const short = compose(card, 100, 20);
    expect(short[0]).toMatch(/Quintrovan/);
    expect(short.at(-1)).toMatch(/^╰─+╯$/);
  });

  it('shows the journal under a title, the newest last, each line under its time', () => {
    const journal = states().find(([name]) => name === 'journal')![1];
    const lines = compose(journal, 100, 60);
    const start = lines.indexOf('Journal · buddy log shows more');
    expect(start).toBeGreaterThan(-1);
    expect(lines.slice(start + 1, start + 3)).toEqual(['09:14 Hello hello. Shall we make something small and good today?', '09:20 *click click*']);
    expect(lines.at(-1)).toBe('23:59 It is late. Even crabs are yawning.');
    // A short window keeps the newest lines and drops the oldest whole.
    const short = compose(journal, 100, 7);
    expect(short.at(-1)).toBe('23:59 It is late. Even crabs are yawning.');
    expect(short.join('\n')).not.toContain('09:14');
    // Wrapped lines sit under the text, not under the time.
    const narrow = compose(journal, 40, 60);
    const long = narrow.findIndex((line) => line.startsWith('11:02 '));
    expect(narrow[long + 1]).toMatch(/^ {6}\S/);
    expect(compose(states().find(([name]) => name === 'empty journal')![1], 100, 30).slice(-2)).toEqual(['Journal · buddy log shows more', 'Nothing said yet.']);
  });

  it('gives way in order when the window is short: the empty row above the sprite, the sprite, then the end of the bubble', () => {
    const bubble = states()[1]![1];
    // 40×16: the row kept for hearts and z's goes; the sprite and the whole bubble stay.
    const tall = compose(bubble, 40, 16);
    // Six rows of sprite, the name, seven of bubble and the key hints: no row above the sprite.
    expect(tall).toHaveLength(15);
    expect(tall[6]).toMatch(/^Quintrovan ★/);
    expect(tall.join('\n')).toContain('patience.');
    // 40×10: the sprite gives way to its face line; the bubble is still whole.
    const short = compose(bubble, 40, 10);
    expect(short.length).toBeLessThanOrEqual(9);
    expect(short[0]).toBe(`${composeFace(sprite, bones.eye)} Quintrovan`);
    expect(short.join('\n')).toContain('patience.');
    expect(short.join('\n')).not.toContain('★');
    // 40×8: only then is the bubble cut, with an ellipsis rather than scroll.
    const shorter = compose(bubble, 40, 8);
    expect(shorter.length).toBeLessThanOrEqual(7);
    expect(shorter.join('\n')).toMatch(/…\s*│/);
    expect(shorter.join('\n')).not.toContain('patience.');
  });

  // What the pty tests see at these sizes, composed: the reply to a message is always there, whole.
  it.each([
    [50, 12, 'sprite'],
    [40, 12, 'sprite'],
    [30, 12, 'face'],
    [24, 12, 'face'],
  ] as const)('shows a short reply whole at %i×%i, with the %s', (columns, rows, kept) => {
    const reply = reducePet(initialPetState(0), { type: 'say', text: 'Tests pass when you believe in them.', now: 0 }).state;
    const lines = compose(reply, columns, rows);
    const text = lines.join('\n').replace(/[│\s]+/g, ' ');
    expect(text).toContain('Tests pass when you believe in them.');
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    expect(lines.at(-1)).toMatch(/q quit$/);
    if (kept === 'sprite') expect(lines.some((line) => line.startsWith('Quintrovan ★'))).toBe(true);
    else expect(lines[0]).toBe(`${composeFace(sprite, bones.eye)} Quintrovan`);
  });

  it('shows the thinking bubble and a reply at 30×6, under the face line', () => {
    const asked = reducePet(initialPetState(0), { type: 'thinking', now: 0 }).state;
    expect(compose(asked, 30, 6).join('\n')).toMatch(/│ \.+ *│/);
    const said = reducePet(asked, { type: 'say', text: 'Hi.', now: 10 }).state;
    expect(compose(said, 30, 6)).toEqual([`${composeFace(sprite, bones.eye)} Quintrovan`, `╭${'─'.repeat(28)}╮`, `│ Hi.${' '.repeat(24)}│`, `╰${'─'.repeat(28)}╯`, '? help · q quit']);
  });

  it('draws every screen in ASCII only with an ASCII palette, column for column', () => {
    for (const [name, state] of states()) {
      for (const [columns, rows] of [[100, 40], [50, 12], [30, 12], [20, 8]] as const) {
        for (const color of [false, true]) {
          const glyphs = compose(state, columns, rows, makePalette(color));
          const ascii = compose(state, columns, rows, makePalette(color, true));
          expect(ascii.length, `${name} at ${columns}×${rows}`).toBe(glyphs.length);
          ascii.forEach((line, row) => {
            expect([...line].filter((character) => (character.codePointAt(0) as number) > 0x7f), `${name} at ${columns}×${rows}`).toEqual([]);
            expect(displayWidth(line)).toBe(displayWidth(glyphs[row]!));
          });
        }
      }
    }
  });

  it('shows the end of a long draft on the talk line', () => {
    const talk = states()[4]![1];
    const line = compose(talk, 30, 20).find((row) => row.startsWith('› '));
    expect(line).toBe('› y long message that goes on▌');
  });
});
