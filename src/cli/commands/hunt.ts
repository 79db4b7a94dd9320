// `buddy hunt`: search salts, on every core, until one gives the wanted buddy for your ID.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { rarityOf } from '../../engine/constants.js';
import { huntSalt } from '../../engine/hunt.js';
import { targetOdds, type HuntTarget } from '../../engine/odds.js';
import { bonesToJson, rollFromHash } from '../../engine/roll.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { renderCard } from '../../render/card.js';
import type { HuntMessage, HuntWorkerData } from '../../workers/hunt-worker.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_INTERRUPTED, UsageError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { resolveRollInput } from '../roll-input.js';
import { parseRarity, parseSpecies } from '../target.js';

const PROGRESS_EVERY_MS = 250;

function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'hunt',
    argv,
    {
      species: { type: 'string' },
      rarity: { type: 'string' },
      shiny: { type: 'boolean' },
      user: { type: 'string' },
      hash: { type: 'string' },
      json: { type: 'boolean' },
    },
    0,
  );
  const species = values.species === undefined ? undefined : parseSpecies('hunt', values.species);
  const rarity = values.rarity === undefined ? undefined : parseRarity('hunt', values.rarity);
  if (species === undefined && rarity === undefined && !values.shiny) {
    throw new UsageError('hunt: say what to hunt for with --species, --rarity or --shiny');
  }
  if (species !== undefined && rarity !== undefined && rarityOf(species) !== rarity) {
    throw new UsageError(`hunt: ${species} is ${rarityOf(species)}, never ${rarity}`);
  }
  const target: HuntTarget = {
    ...(species === undefined ? {} : { species }),
    ...(rarity === undefined ? {} : { rarity }),
    ...(values.shiny ? { shiny: true } : {}),
  };
  const input = await resolveRollInput('hunt', { hash: values.hash, user: values.user }, io.env);
  const odds = targetOdds(target);
  const expected = Math.round(1 / odds);
  const workerCount = os.availableParallelism();
  const started = performance.now();
  const counts = new Array<number>(workerCount).fill(0);
  const attempts = (): number => counts.reduce((sum, count) => sum + count, 0);
  const showProgress = Boolean(io.stderr.isTTY);

  const workers = counts.map((_, index) => {
    const data: HuntWorkerData = { idHash: input.idHash, target, start: index, stride: workerCount };
    return new Worker(new URL('./hunt-worker.js', import.meta.url), { workerData: data });
  });

  const outcome = await new Promise<{ n: number } | 'interrupted'>((resolve, reject) => {
    const progress = setInterval(() => {
      if (!showProgress) return;
      const seconds = (performance.now() - started) / 1000;
      io.stderr.write(
        `\r\u001b[2Khunting… ${attempts().toLocaleString('en-US')} salts tried, ${formatRate(attempts() / seconds)}, expect ~${expected.toLocaleString('en-US')}  (Ctrl-C stops)`,
      );
    }, PROGRESS_EVERY_MS);
    const finish = (value: { n: number } | 'interrupted'): void => {
      clearInterval(progress);
      process.off('SIGINT', onInterrupt);
      if (showProgress) io.stderr.write('\r\u001b[2K');
      resolve(value);
    };
    const onInterrupt = (): void => finish('interrupted');
    process.on('SIGINT', onInterrupt);
    workers.forEach((worker, index) => {
      worker.on('message', (message: HuntMessage) => {
        counts[index] = message.attempts;
        if (message.type === 'found') finish({ n: message.n });
      });
      worker.on('error', (error) => {
        clearInterval(progress);
        reject(error);
      });
    });
  });
  await Promise.all(workers.map((worker) => worker.terminate()));

  const seconds = (performance.now() - started) / 1000;
  if (outcome === 'interrupted') {
    io.stderr.write(`hunt stopped after ${attempts().toLocaleString('en-US')} salts (${formatRate(attempts() / seconds)})\n`);
    return EXIT_INTERRUPTED;
  }
  const salt = huntSalt(outcome.n);
  const bones = rollFromHash(input.idHash, salt);
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ salt, attempts: attempts(), seconds, roll: JSON.parse(bonesToJson(bones)) }));
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  writeLine(io.stdout, `found salt ${palette.bold(salt)} after ${attempts().toLocaleString('en-US')} attempts in ${seconds.toFixed(2)} s (${formatRate(attempts() / seconds)}; expected ~${expected.toLocaleString('en-US')})`);
  writeLine(io.stdout);
  const { composeCardArt } = await import('../card-art.js');
  for (const line of renderCard(bones, palette, { art: composeCardArt(bones, palette) })) writeLine(io.stdout, line);
  writeLine(io.stdout);
  writeLine(io.stdout, palette.dim(`check it: buddy roll --hash ${input.idHash} --salt ${salt}`));
  return 0;
}
