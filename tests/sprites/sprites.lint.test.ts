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
import { BRANCH_FRAMES, BRANCH_SOURCES, branchAccessory, branchFile, parseBranches } from '../../src/sprites/branch-art.js';
import { BRANCH_STAGES, BRANCHES } from '../../src/game/branch.js';
import { FAMILIES } from '../../src/species/families.js';
import { choreographies, parseTricks, TRICKS_FILE, TRICKS_SOURCE } from '../../src/sprites/tricks.js';
import { TRICKS } from '../../src/game/tricks.js';
import { composeBuddyFrame } from '../../src/faces/frame.js';

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

describe.each(FAMILIES.map((family) => [family]))('growth branches of the %s family (assets/branches/)', (family) => {
  it('draws all 12 frames: six lines, plain ASCII, at most the accessory width, no eye placeholder', () => {
    expect(() => parseBranches(BRANCH_SOURCES[family], branchFile(family))).not.toThrow();
    expect(BRANCH_FRAMES).toHaveLength(12);
    for (const stage of BRANCH_STAGES) {
      for (const branch of BRANCHES) {
        const accessory = branchAccessory(family, stage, branch);
        expect(accessory.lines, `${stage}-${branch}`).toHaveLength(FRAME_HEIGHT);
        expect(accessory.width).toBe(MAX_ACCESSORY_WIDTH);
        for (const line of accessory.lines) {
          expect(line).toMatch(/^[\x20-\x7e]*$/);
          expect(line).not.toContain(EYE_PLACEHOLDER);
          expect(displayWidth(line)).toBe(MAX_ACCESSORY_WIDTH);
        }
        expect(inkedCells(accessory.lines), `${stage}-${branch}`).toBeGreaterThan(0);
      }
    }
  });

  it('tells every branch of every stage apart', () => {
    const drawn = BRANCH_STAGES.flatMap((stage) => BRANCHES.map((branch) => branchAccessory(family, stage, branch).lines.join('\n')));
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});

describe('growth branches beside every species', () => {
  it('is one file per family, and nothing else', () => {
    expect(fs.readdirSync(path.join(ASSETS, 'branches')).sort()).toEqual(FAMILIES.map((family) => `${family}.sprite`).sort());
  });

  it('keeps every species’ frame one size whichever way it was raised, and the hatchling’s own', () => {
    const problems: string[] = [];
    for (const species of EVERY_SPECIES) {
      const sprite = spriteFor(species);
      const look = { species, eye: '◉' as const, hat: 'wizard' as const, shiny: true };
      const still = { kind: 'idle', index: 0, blink: false } as const;
      for (const stage of BRANCH_STAGES) {
        for (const branch of BRANCHES) {
          for (const frame of [still, { kind: 'pose', pose: 'happy' } as const]) {
            const lines = composeBuddyFrame({ ...look, stage, branch }, frame);
            if (lines.length !== FRAME_HEIGHT) problems.push(`${species}/${stage}-${branch}: height ${lines.length}`);
            for (const line of lines) if (displayWidth(line) !== sprite.width + MAX_ACCESSORY_WIDTH) problems.push(`${species}/${stage}-${branch}: width ${displayWidth(line)}`);
          }
        }
      }
      const hatchling = composeBuddyFrame({ ...look, stage: 'hatchling' }, still);
      if (composeBuddyFrame({ ...look, stage: 'hatchling', branch: 'care' }, still).join('\n') !== hatchling.join('\n')) problems.push(`${species}: hatchling drawn with a branch`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['an unknown frame', '== young-sporty ==\n\n\n\n\n\n x\n', /unknown frame 'young-sporty'/],
    ['a missing frame', '== young-care ==\n\n\n\n\n\n x\n', /missing frame 'young-work'/],
    ['a frame of seven lines', '== young-care ==\n\n\n\n\n\n\n x\n', /7 lines, expected 6/],
    ['a frame too wide', '== young-care ==\n\n\n\n\n\nxxxxxx\n', /1 to 5 columns wide/],
    ['an empty frame', '== young-care ==\n\n\n\n\n\n\n', /1 to 5 columns wide/],
    ['a character that is not plain ASCII', '== young-care ==\n\n\n\n\n\n ♥\n', /not plain ASCII/],
    ['the eye placeholder', '== young-care ==\n\n\n\n\n\n E\n', /eye placeholder/],
  ])('refuses %s', (_what, source, problem) => {
    expect(() => parseBranches(source, 'furred.sprite')).toThrow(problem);
  });
});

describe('tricks (assets/tricks.sprite)', () => {
  it('parses, with a choreography for every trick of the game and none other', () => {
    expect(() => parseTricks(TRICKS_SOURCE, TRICKS_FILE)).not.toThrow();
    expect([...choreographies().keys()].sort()).toEqual(TRICKS.map((trick) => trick.id).sort());
  });

  it('moves in every species\' art, hat or none: at least four different frames in every trick', () => {
    const still: string[] = [];
    for (const species of EVERY_SPECIES) {
      for (const hat of HATS) {
        for (const [id, choreography] of choreographies()) {
          const frames = new Set(choreography.steps.map((_, step) => composeBuddyFrame({ species, eye: '·', hat, shiny: false }, { kind: 'trick', trick: id, step }).join('\n')));
          if (frames.size < 4) still.push(`${species}/${hat}/${id}: ${frames.size} frames`);
        }
      }
    }
    expect(still).toEqual([]);
  });

  it('composes every species × trick × step at a constant size, in one-column characters, with no placeholder left and no art cut', () => {
    const problems: string[] = [];
    for (const species of EVERY_SPECIES) {
      const sprite = spriteFor(species);
      for (const [id, choreography] of choreographies()) {
        for (const stage of [undefined, ...STAGES]) {
          for (const [hat, shiny] of [['none', false], ['wizard', true], ['tinyduck', false]] as const) {
            const look = { species, eye: '◉', hat, shiny, stage } as const;
            const width = sprite.width + (stage ? stageAccessory(stage).width : 0);
            choreography.steps.forEach((step, index) => {
              const where = `${species}/${id}/${index}/${stage ?? 'no stage'}/${hat}`;
              const lines = composeBuddyFrame(look, { kind: 'trick', trick: id, step: index });
              if (lines.length !== FRAME_HEIGHT) problems.push(`${where}: height ${lines.length}`);
              for (const line of lines) {
                if (displayWidth(line) !== width) problems.push(`${where}: width ${displayWidth(line)}`);
                if ([...line].some((character) => displayWidth(character) !== 1)) problems.push(`${where}: a wide character`);
                if (line.includes(EYE_PLACEHOLDER)) problems.push(`${where}: eye placeholder left`);
              }
              const base = step.frame.kind === 'pose' ? ({ kind: 'pose', pose: step.frame.pose } as const) : ({ kind: 'idle', index: step.frame.index, blink: step.blink } as const);
              if (inkedCells(lines) < inkedCells(composeBuddyFrame(look, base))) problems.push(`${where}: art cut`);
            });
          }
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it.each([
    ['a frame no species has', '== spin ==\nidle-3\nidle-0\nidle-0\nidle-0\n', /idle-3: a trick may use idle-0 to idle-2/],
    ['a word that is no frame', '== spin ==\nwave\nidle-0\nidle-0\nidle-0\n', /'wave' is no frame/],
    ['a move without its number', '== spin ==\nidle-0 left\nidle-0\nidle-0\nidle-0\n', /'left' needs a number of columns/],
    ['a hop without its number', '== spin ==\nidle-0 up x\nidle-0\nidle-0\nidle-0\n', /'up' needs a number of lines/],
    ['an unknown move', '== spin ==\nidle-0 twirl\nidle-0\nidle-0\nidle-0\n', /'twirl' is no move/],
    ['a prop below the frame', '== spin ==\nidle-0 o@6:head\nidle-0\nidle-0\nidle-0\n', /row 6; rows go from 0 to 5/],
    ['a prop with the eye placeholder', '== spin ==\nidle-0 E@0:head\nidle-0\nidle-0\nidle-0\n', /eye placeholder/],
    ['a wide prop', '== spin ==\nidle-0 \u{1F600}@0:head\nidle-0\nidle-0\nidle-0\n', /not one column wide/],
    ['a blinking pose', '== spin ==\nhappy blink\nidle-0\nidle-0\nidle-0\n', /blink closes the eyes of an idle frame only/],
    ['too few steps', '== spin ==\nidle-0\nidle-0\nidle-0\n', /has 3 steps; a trick takes 4 to 16/],
    ['too many steps', `== spin ==\n${'idle-0\n'.repeat(17)}`, /has 17 steps/],
    ['a key beyond the steps', '== spin ==\nkey: 4\nidle-0\nidle-0\nidle-0\nidle-0\n', /key 4 is no step/],
    ['a step too quick', '== spin ==\nms: 50\nidle-0\nidle-0\nidle-0\nidle-0\n', /ms must be from 100 to 2000/],
    ['a step too slow', '== spin ==\nms: 2001\nidle-0\nidle-0\nidle-0\nidle-0\n', /ms must be from 100 to 2000/],
  ])('refuses %s, naming the problem', (_label, source, problem) => {
    expect(() => parseTricks(source, 'tricks.sprite')).toThrow(problem);
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
