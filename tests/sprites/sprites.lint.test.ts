// Lints every sprite in assets/ (roll v1's species and the classic family): the format, sizes, frames and
// placeholders, that every species × eye × hat × frame composes to the species' fixed size, and that every
// growth stage composes beside them all, and that every glyph the art can show has an ASCII stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES } from '../../src/engine/bones.js';
import { CLASSIC_SPECIES } from '../../src/engine/classic-constants.js';
import { EYES, HATS, RARITIES, SPECIES_BY_RARITY } from '../../src/engine/constants.js';
import { hatTable, spriteFileName, spriteFor } from '../../src/sprites/catalog.js';
import { composeFace, composeFrame } from '../../src/sprites/compose.js';
import { displayWidth, EYE_PLACEHOLDER, FRAME_HEIGHT, MAX_FACE_WIDTH, MAX_WIDTH, POSES } from '../../src/sprites/parse.js';
import { MAX_ACCESSORY_WIDTH, parseStages, stageAccessory, STAGES_FILE, STAGES_SOURCE, withStage } from '../../src/sprites/stage-art.js';
import { STAGES } from '../../src/game/levels.js';
import { MOOD_MARK } from '../../src/sprites/mood-art.js';
import { ASCII_GLYPHS, asciiText, glyphsWithoutStandIn } from '../../src/render/ascii.js';

const ASSETS = fileURLToPath(new URL('../../assets/', import.meta.url));

function assetFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? assetFiles(file) : [file];
  });
}

function inkedCells(lines: readonly string[]): number {
  return lines.join('').replace(/ /g, '').length;
}

describe('hats', () => {
  it('draws every hat of roll v1', () => {
    const hats = hatTable();
    for (const hat of HATS.filter((name) => name !== 'none')) expect(hats.get(hat), hat).toBeDefined();
  });
});

describe.each(EVERY_SPECIES.map((species) => [species]))('%s', (species) => {
  it('parses: header, six-line frames, blank hat line, no tabs or trailing spaces', () => {
    expect(() => spriteFor(species)).not.toThrow();
    const sprite = spriteFor(species);
    expect(sprite.width).toBeLessThanOrEqual(MAX_WIDTH);
    expect(sprite.idle.length).toBeGreaterThanOrEqual(3);
  });

  it('composes every eye × hat × frame × blink × shiny to its fixed size with no placeholder left', () => {
    const sprite = spriteFor(species);
    const frames = [...sprite.idle, ...POSES.map((pose) => sprite.poses[pose])];
    const problems: string[] = [];
    for (const frame of frames) {
      for (const eye of EYES) {
        for (const hat of HATS) {
          for (const blink of [false, true]) {
            for (const shiny of [false, true]) {
              const lines = composeFrame(sprite, frame, { eye, hat, hats: hatTable(), blink, shiny, sparklePhase: 1 });
              if (lines.length !== FRAME_HEIGHT) problems.push(`height ${lines.length}`);
              for (const line of lines) {
                if (displayWidth(line) !== sprite.width) problems.push(`width ${displayWidth(line)} for ${hat}/${eye}`);
                if (line.includes(EYE_PLACEHOLDER)) problems.push('eye placeholder left');
              }
            }
          }
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('has distinct fidgets, so idle animation is visible', () => {
    const sprite = spriteFor(species);
    const rest = sprite.idle[0]!.join('\n');
    for (const fidget of sprite.idle.slice(1)) expect(fidget.join('\n')).not.toBe(rest);
  });

  it('has a one-line face for narrow places', () => {
    const face = composeFace(spriteFor(species), '◉');
    expect(displayWidth(face)).toBeLessThanOrEqual(MAX_FACE_WIDTH);
    expect(face).toContain('◉');
  });
});

describe('the classic family', () => {
  it('is drawn in assets/classic, one file per species, each naming its species in lower case', () => {
    for (const species of CLASSIC_SPECIES) {
      expect(spriteFileName(species)).toBe(`assets/classic/${species}.sprite`);
      expect(spriteFor(species).species).toBe(species);
    }
  });

  it('has eighteen distinct looks', () => {
    expect(new Set(CLASSIC_SPECIES.map((species) => spriteFor(species).idle[0]!.join('\n'))).size).toBe(CLASSIC_SPECIES.length);
  });
});

describe('rarer buddies look grander', () => {
  it('draws legendary and epic sprites with more ink than the average common', () => {
    const average = (species: readonly string[]): number =>
      species.reduce((sum, name) => sum + inkedCells(spriteFor(name as never).idle[0]!), 0) / species.length;
    const common = average(SPECIES_BY_RARITY.common);
    for (const rarity of RARITIES.slice(3)) {
      for (const species of SPECIES_BY_RARITY[rarity]) {
        expect(inkedCells(spriteFor(species).idle[0]!), species).toBeGreaterThan(common);
      }
    }
  });
});

describe('display width', () => {
  it('agrees with string-width on every character of the art and on mixed text', async () => {
    const { default: stringWidth } = await import('string-width');
    const samples = [
      ...new Set(EVERY_SPECIES.flatMap((species) => [...spriteFor(species).idle.flat().join(''), ...Object.values(spriteFor(species).poses).flat().join('')])),
      ...EYES,
      '★☆♥✧✦…⠀│╭╮╰╯─█░',
      'héllo wörld',
      '漢字かなカナ한글',
      'emoji 🐢🎉 and text',
      'e\u0301 combining',
      '\u001b[31mred\u001b[39m',
    ];
    for (const sample of samples) expect(displayWidth(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
  });
});

describe('growth stages (assets/stages.sprite)', () => {
  it('draws every stage: six lines, one-column characters, at most the accessory width', () => {
    expect(() => parseStages(STAGES_SOURCE, STAGES_FILE)).not.toThrow();
    for (const stage of STAGES) {
      const accessory = stageAccessory(stage);
      expect(accessory.lines).toHaveLength(FRAME_HEIGHT);
      expect(accessory.width).toBeLessThanOrEqual(MAX_ACCESSORY_WIDTH);
      for (const line of accessory.lines) expect(displayWidth(line), stage).toBe(accessory.width);
      expect(inkedCells(accessory.lines), stage).toBeGreaterThan(0);
    }
  });

  it('tells the stages apart', () => {
    const drawn = STAGES.map((stage) => stageAccessory(stage).lines.join('\n'));
    expect(new Set(drawn).size).toBe(STAGES.length);
  });

  it('composes beside every species and frame, classic ones too (any species, even one added later, gets the same accessory)', () => {
    const problems: string[] = [];
    for (const species of EVERY_SPECIES) {
      const sprite = spriteFor(species);
      for (const frame of [...sprite.idle, ...POSES.map((pose) => sprite.poses[pose])]) {
        for (const stage of STAGES) {
          const lines = withStage(composeFrame(sprite, frame, { eye: '◉', hat: 'wizard', hats: hatTable(), shiny: true }), stage);
          if (lines.length !== FRAME_HEIGHT) problems.push(`${species}/${stage}: height ${lines.length}`);
          for (const line of lines) if (displayWidth(line) !== sprite.width + stageAccessory(stage).width) problems.push(`${species}/${stage}: width ${displayWidth(line)}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it.each([
    ['an unknown stage', '== teenager ==\n\n\n\n\n\n x\n', /unknown stage 'teenager'/],
    ['a missing stage', '== hatchling ==\n\n\n\n\n\n x\n', /missing stage 'young'/],
    ['a short frame', '== hatchling ==\n x\n', /has 1 lines, expected 6/],
    ['a wide accessory', '== hatchling ==\n\n\n\n\n\n  ______\n', /must be 1 to 5 columns wide/],
    ['the eye placeholder', '== hatchling ==\n\n\n\n\n\n (E)\n', /eye placeholder/],
  ])('refuses %s, naming the problem', (_label, source, problem) => {
    expect(() => parseStages(source, 'stages.sprite')).toThrow(problem);
  });
});

describe('the ASCII face (LANG=C, a vt100, --ascii)', () => {
  it('has a stand-in for every glyph in assets/', () => {
    const files = assetFiles(ASSETS).filter((file) => file.endsWith('.sprite'));
    expect(files.length).toBeGreaterThan(EVERY_SPECIES.length);
    for (const file of files) expect(glyphsWithoutStandIn(fs.readFileSync(file, 'utf8')), path.relative(ASSETS, file)).toEqual([]);
  });

  it('has a stand-in for every eye, sparkle and mood mark the composer adds', () => {
    const drawn: string[] = [...EYES, ...Object.values(MOOD_MARK)];
    for (const species of EVERY_SPECIES) {
      const sprite = spriteFor(species);
      for (const eye of EYES) {
        drawn.push(composeFace(sprite, eye));
        for (const phase of [0, 1]) drawn.push(...composeFrame(sprite, sprite.idle[0]!, { eye, hat: 'crown', hats: hatTable(), shiny: true, sparklePhase: phase }));
      }
    }
    expect(glyphsWithoutStandIn(drawn.join('\n'))).toEqual([]);
    // Every eye keeps a look of its own in ASCII.
    expect(new Set(EYES.map((eye) => ASCII_GLYPHS[eye] ?? eye)).size).toBe(EYES.length);
  });

  it('draws every species, eye and hat in ASCII at the same size', () => {
    for (const species of EVERY_SPECIES) {
      const sprite = spriteFor(species);
      for (const eye of EYES) {
        const lines = composeFrame(sprite, sprite.idle[0]!, { eye, hat: 'wizard', hats: hatTable(), shiny: true });
        for (const line of lines.map(asciiText)) {
          expect(line).toMatch(/^[\x20-\x7e]*$/);
          expect(line.length, species).toBe(sprite.width);
        }
      }
    }
  });

  it('names a glyph that has none', () => {
    expect(glyphsWithoutStandIn(' (☃) \n ★ ✦ ')).toEqual(['☃']);
  });
});

describe('the wardrobe (assets/wardrobe.sprite, assets/accents.sprite)', () => {
  it('draws every head item in plain ASCII, one line of 1 to 7 columns, unlike every rolled hat, and composes it on every species', async () => {
    const { headItemArt } = await import('../../src/sprites/wardrobe-art.js');
    const rolled = new Set(hatTable().values());
    for (const [id, art] of headItemArt()) {
      expect(art, id).toMatch(/^[\x21-\x7e][\x20-\x7e]{0,6}$/);
      expect(art.endsWith(' '), id).toBe(false);
      expect(art.includes(EYE_PLACEHOLDER), id).toBe(false);
      expect(rolled.has(art), id).toBe(false);
      for (const species of EVERY_SPECIES) {
        const sprite = spriteFor(species);
        const lines = composeFrame(sprite, sprite.idle[0]!, { eye: '·', hat: 'crown', hats: hatTable(), wornHat: art, shiny: true });
        expect(lines.map(displayWidth), `${id} on ${species}`).toEqual(lines.map(() => sprite.width));
        expect(lines[0], `${id} on ${species}`).toContain(art);
      }
    }
    expect(new Set(headItemArt().values()).size).toBe(headItemArt().size);
  });

  it('gives every card accent its colours, pattern and terminal colour, and refuses a bad one', async () => {
    const { cardAccents, parseAccents, parseHeadItems } = await import('../../src/sprites/wardrobe-art.js');
    for (const [id, accent] of cardAccents()) {
      expect(accent.ink, id).toMatch(/^#[0-9a-f]{6}$/);
      expect(accent.paper, id).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(() => parseAccents('== x ==\nink: #000000\n', 'a')).toThrow(/ink and paper/);
    expect(() => parseAccents('== x ==\nink: red\n', 'a')).toThrow(/ink and paper/);
    expect(() => parseAccents('== x ==\nink: #000000\nink: #000000\n', 'a')).toThrow(/twice/);
    expect(() => parseAccents('== x ==\nink: #000000\npaper: #000000\npattern: waves\nterm: 31\n', 'a')).toThrow(/pattern/);
    expect(() => parseAccents('== x ==\nink: #000000\npaper: #000000\npattern: dots\nterm: 38\n', 'a')).toThrow(/term/);
    expect(() => parseAccents('== x ==\ncolour: #000000\n', 'a')).toThrow(/expected/);
    expect(() => parseHeadItems('== x ==\n', 'w')).toThrow(/exactly one line/);
    expect(() => parseHeadItems('== x ==\n(é)\n', 'w')).toThrow(/plain ASCII/);
    expect(() => parseHeadItems('== x ==\n12345678\n', 'w')).toThrow(/1 to 7 columns/);
    expect(() => parseHeadItems('== x ==\n(E)\n', 'w')).toThrow(/eye placeholder/);
  });
});
