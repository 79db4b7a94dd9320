// `buddy odds`: the exact odds of roll v1 (or with --classic, the classic roll's), and with --sample N a
// goodness-of-fit check on N generated IDs.
import { ALL_SPECIES, RARITIES, RARITY_ODDS, SHINY_ODDS } from '../../engine/constants.js';
import { chiSquareTest, type ChiSquareResult } from '../../engine/chi-square.js';
import { oddsTable, speciesOdds } from '../../engine/odds.js';
import { rollFromUserId } from '../../engine/roll.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { rarityStars } from '../../render/card.js';
import { asciiOnly } from '../../render/terminal.js';
import { DEFAULT_HASH_FN } from '../../engine/classic-constants.js';
import { ODDS } from '../command-specs.js';
import { parseCommandArgs, parseCount } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError } from '../command-errors.js';
import { parseHashFn } from '../target.js';
import { writeLine, type CliIo } from '../io.js';
import { formatPercent, oneIn } from './odds-format.js';

const MAX_SAMPLE = 100_000_000;

/** Counts species and shininess over IDs `sample-0` … `sample-(N-1)` (documented, so anyone can repeat it). */
export function sampleCounts(size: number): { species: Map<string, number>; shiny: number } {
  const species = new Map<string, number>(ALL_SPECIES.map((name) => [name, 0]));
  let shiny = 0;
  for (let i = 0; i < size; i++) {
    const bones = rollFromUserId(`sample-${i}`);
    species.set(bones.species, (species.get(bones.species) ?? 0) + 1);
    if (bones.shiny) shiny++;
  }
  return { species, shiny };
}

function describeTest(label: string, result: ChiSquareResult): string {
  const caution = result.minExpected < 5 ? ' (some expected counts < 5: use a larger sample)' : '';
  return `${label}: chi² = ${result.statistic.toFixed(2)}, df = ${result.degreesOfFreedom}, p = ${result.pValue.toFixed(4)}${caution}`;
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(ODDS, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii, values.json);
  const sampleSize = parseCount('odds', '--sample', values.sample, MAX_SAMPLE);
  if (values['hash-fn'] !== undefined && !values.classic) throw new UsageError('odds: --hash-fn goes with --classic');
  if (values.classic) {
    const hashFn = values['hash-fn'] === undefined ? DEFAULT_HASH_FN : parseHashFn('odds', values['hash-fn']);
    const { runClassicOdds } = await import('./odds-classic.js');
    return runClassicOdds(io, { sampleSize, hashFn, json: Boolean(values.json) });
  }
  const sample = sampleSize === undefined ? undefined : sampleCounts(sampleSize);
  const rows = oddsTable();
  const tests =
    sample && sampleSize
      ? {
          species: chiSquareTest(
            ALL_SPECIES.map((name) => sample.species.get(name) ?? 0),
            ALL_SPECIES.map(speciesOdds),
          ),
          shiny: chiSquareTest([sample.shiny, sampleSize - sample.shiny], [SHINY_ODDS, 1 - SHINY_ODDS]),
        }
      : undefined;

  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        rarities: RARITY_ODDS,
        shiny: SHINY_ODDS,
        species: rows.map((row) => ({
          ...row,
          ...(sample ? { observed: sample.species.get(row.species) } : {}),
        })),
        ...(sample && tests ? { sample: { size: sampleSize, shinyObserved: sample.shiny, tests } } : {}),
      }),
    );
    return 0;
  }

  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  writeLine(io.stdout, palette.bold('Rarity tiers'));
  for (const rarity of RARITIES) {
    const tint = palette.rarity(rarity);
    writeLine(io.stdout, `  ${tint(rarityStars(rarity))} ${rarity.padEnd(10)} ${formatPercent(RARITY_ODDS[rarity]).padStart(7)}`);
  }
  writeLine(io.stdout, `  shiny (any species, independent)  ${formatPercent(SHINY_ODDS)}  ${oneIn(SHINY_ODDS)}`);
  writeLine(io.stdout);
  const observedHeader = sample ? '   observed' : '';
  writeLine(
    io.stdout,
    palette.bold(`${'Species'.padEnd(14)}${'rarity'.padEnd(11)}${'odds'.padStart(8)}${'shiny'.padStart(10)}  ${'shiny, 1 in'.padEnd(14)}${observedHeader}`),
  );
  for (const row of rows) {
    const tint = palette.rarity(row.rarity);
    const observed = sample
      ? `   ${formatPercent((sample.species.get(row.species) ?? 0) / (sampleSize as number)).padStart(7)}`
      : '';
    writeLine(
      io.stdout,
      `${tint(row.species.padEnd(14))}${row.rarity.padEnd(11)}${formatPercent(row.odds).padStart(8)}${formatPercent(row.shinyOdds).padStart(10)}  ${oneIn(row.shinyOdds).replace('1 in ', '').padEnd(14)}${observed}`,
    );
  }
  if (sample && sampleSize && tests) {
    writeLine(io.stdout);
    writeLine(io.stdout, palette.bold(`Sample of ${sampleSize.toLocaleString('en-US')} IDs (sample-0 … sample-${sampleSize - 1})`));
    writeLine(io.stdout, `  shiny observed ${formatPercent(sample.shiny / sampleSize)} (expected ${formatPercent(SHINY_ODDS)})`);
    writeLine(io.stdout, `  ${describeTest('species', tests.species)}`);
    writeLine(io.stdout, `  ${describeTest('shiny', tests.shiny)}`);
    writeLine(io.stdout, '  A p-value above 0.01 means the sample agrees with the exact odds.');
  }
  return 0;
}
