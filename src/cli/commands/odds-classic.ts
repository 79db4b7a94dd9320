// `buddy odds --classic`: the exact odds of the classic roll, and with --sample N a goodness-of-fit check
// on N generated IDs rolled with the chosen seed function.
import { chiSquareTest, type ChiSquareResult } from '../../engine/chi-square.js';
import { rollClassic } from '../../engine/classic.js';
import { CLASSIC_DEFAULT_SALT, CLASSIC_SHINY_ODDS, CLASSIC_SPECIES, type HashFn } from '../../engine/classic-constants.js';
import { CLASSIC_RARITY_ODDS, CLASSIC_SPECIES_ODDS } from '../../engine/classic-odds.js';
import { RARITIES } from '../../engine/constants.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { rarityStars } from '../../render/card.js';
import { writeLine, type CliIo } from '../io.js';
import { formatPercent, oneIn } from './odds-format.js';

interface ClassicSample {
  readonly size: number;
  readonly species: Map<string, number>;
  readonly rarities: Map<string, number>;
  readonly shiny: number;
}

/** Counts over IDs `sample-0` … `sample-(N-1)`, the same IDs as roll v1's sample. */
function sampleClassic(size: number, hashFn: HashFn): ClassicSample {
  const species = new Map<string, number>(CLASSIC_SPECIES.map((name) => [name, 0]));
  const rarities = new Map<string, number>(RARITIES.map((name) => [name, 0]));
  let shiny = 0;
  for (let i = 0; i < size; i++) {
    // The idHash is never drawn from: skipping its SHA-256 halves the time of a large sample.
    const bones = rollClassic(`sample-${i}`, CLASSIC_DEFAULT_SALT, hashFn, '');
    species.set(bones.species, (species.get(bones.species) ?? 0) + 1);
    rarities.set(bones.rarity, (rarities.get(bones.rarity) ?? 0) + 1);
    if (bones.shiny) shiny++;
  }
  return { size, species, rarities, shiny };
}

function describeTest(label: string, result: ChiSquareResult): string {
  const caution = result.minExpected < 5 ? ' (some expected counts < 5: use a larger sample)' : '';
  return `${label}: chi² = ${result.statistic.toFixed(2)}, df = ${result.degreesOfFreedom}, p = ${result.pValue.toFixed(4)}${caution}`;
}

export function runClassicOdds(io: CliIo, options: { readonly sampleSize: number | undefined; readonly hashFn: HashFn; readonly json: boolean }): number {
  const sample = options.sampleSize === undefined ? undefined : sampleClassic(options.sampleSize, options.hashFn);
  const tests = sample && {
    species: chiSquareTest(CLASSIC_SPECIES.map((name) => sample.species.get(name) ?? 0), CLASSIC_SPECIES.map(() => CLASSIC_SPECIES_ODDS)),
    rarity: chiSquareTest(RARITIES.map((name) => sample.rarities.get(name) ?? 0), RARITIES.map((name) => CLASSIC_RARITY_ODDS[name])),
    shiny: chiSquareTest([sample.shiny, sample.size - sample.shiny], [CLASSIC_SHINY_ODDS, 1 - CLASSIC_SHINY_ODDS]),
  };
  if (options.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        version: 'classic',
        rarities: CLASSIC_RARITY_ODDS,
        shiny: CLASSIC_SHINY_ODDS,
        species: CLASSIC_SPECIES.map((species) => ({
          species,
          odds: CLASSIC_SPECIES_ODDS,
          shinyOdds: CLASSIC_SPECIES_ODDS * CLASSIC_SHINY_ODDS,
          ...(sample ? { observed: sample.species.get(species) } : {}),
        })),
        ...(sample && tests ? { sample: { size: sample.size, hashFn: options.hashFn, shinyObserved: sample.shiny, tests } } : {}),
      }),
    );
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  writeLine(io.stdout, palette.bold('Classic roll: rarity tiers (any species at any rarity)'));
  for (const rarity of RARITIES) {
    const odds = CLASSIC_RARITY_ODDS[rarity];
    const each = odds * CLASSIC_SPECIES_ODDS;
    writeLine(io.stdout, `  ${palette.rarity(rarity)(rarityStars(rarity))} ${rarity.padEnd(10)} ${formatPercent(odds).padStart(7)}   a given species: ${oneIn(each)}, shiny ${oneIn(each * CLASSIC_SHINY_ODDS)}`);
  }
  writeLine(io.stdout, `  shiny (any species, independent)  ${formatPercent(CLASSIC_SHINY_ODDS)}  ${oneIn(CLASSIC_SHINY_ODDS)}`);
  writeLine(io.stdout);
  writeLine(io.stdout, palette.bold(`Every classic species: ${formatPercent(CLASSIC_SPECIES_ODDS)} (${oneIn(CLASSIC_SPECIES_ODDS)}), shiny ${formatPercent(CLASSIC_SPECIES_ODDS * CLASSIC_SHINY_ODDS)} (${oneIn(CLASSIC_SPECIES_ODDS * CLASSIC_SHINY_ODDS)})`));
  writeLine(io.stdout, `  ${CLASSIC_SPECIES.join(', ')}`);
  if (sample && tests) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold(`Sample of ${sample.size.toLocaleString('en-US')} IDs (sample-0 … sample-${sample.size - 1}), seed function ${options.hashFn}`));
    for (const species of CLASSIC_SPECIES) {
      writeLine(io.stdout, `  ${species.padEnd(10)} ${formatPercent((sample.species.get(species) ?? 0) / sample.size).padStart(7)}`);
    }
    writeLine(io.stdout, `  shiny observed ${formatPercent(sample.shiny / sample.size)} (expected ${formatPercent(CLASSIC_SHINY_ODDS)})`);
    writeLine(io.stdout, `  ${describeTest('species', tests.species)}`);
    writeLine(io.stdout, `  ${describeTest('rarity', tests.rarity)}`);
    writeLine(io.stdout, `  ${describeTest('shiny', tests.shiny)}`);
    writeLine(io.stdout, '  A p-value above 0.01 means the sample agrees with the exact odds.');
  }
  return 0;
}
