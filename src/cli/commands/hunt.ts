// `buddy hunt`: search salts, on every core, until one gives the wanted buddy for your ID (by roll v1, or
// with --classic by the classic roll).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { rarityOf } from '../../engine/constants.js';
import { huntSalt } from '../../engine/hunt.js';
import { targetOdds, type HuntTarget } from '../../engine/odds.js';
import { buddyBonesToJson, type BuddyBones } from '../../engine/bones.js';
import { rollClassic } from '../../engine/classic.js';
import { DEFAULT_HASH_FN, type HashFn } from '../../engine/classic-constants.js';
import { classicTargetOdds, type ClassicHuntTarget } from '../../engine/classic-odds.js';
import { rollFromHash } from '../../engine/roll.js';
import type { Identity } from '../../buddy/identity.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { renderCard } from '../../render/card.js';
import type { HuntMessage, HuntWorkerData } from '../../workers/hunt-worker.js';
import { HUNT } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { EXIT_INTERRUPTED, UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { resolveRollInput } from '../roll-input.js';
import { parseClassicSpecies, parseHashFn, parseRarity, parseSpecies } from '../target.js';
import { asciiOnly, canRedraw } from '../../render/terminal.js';

const PROGRESS_EVERY_MS = 250;

function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`;
}

/**
 * The command that adopts the salt found, for the identity hunted for (with --user when it was given); none
 * for a hunt by --hash, which has no identity to adopt it for.
 */
function adoptCommand(salt: string, identity: Identity | undefined, hashFn: HashFn | undefined): string | undefined {
  if (identity === undefined) return undefined;
  const user = identity.source === 'flag' ? ` --user ${JSON.stringify(sanitizeLine(identity.userId))}` : '';
  return hashFn === undefined ? `buddy adopt --salt ${salt}${user}` : `buddy adopt --classic --hash-fn ${hashFn} --salt ${salt}${user}`;
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(HUNT, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii, values.json);
  if (values['hash-fn'] !== undefined && !values.classic) throw new UsageError('hunt: --hash-fn goes with --classic');
  if (values.classic && values.hash !== undefined) throw new UsageError('hunt: --classic rolls from an ID, not from --hash');
  const rarity = values.rarity === undefined ? undefined : parseRarity('hunt', values.rarity);
  if (values.species === undefined && rarity === undefined && !values.shiny) {
    throw new UsageError('hunt: say what to hunt for with --species, --rarity or --shiny');
  }
  const shiny = values.shiny ? { shiny: true } : {};
  const wantedRarity = rarity === undefined ? {} : { rarity };
  let target: HuntTarget = {};
  let classic: HuntWorkerData['classic'];
  let odds: number;
  const input = await resolveRollInput('hunt', { hash: values.hash, user: values.user }, io.env);
  if (values.classic) {
    // Any classic species comes at any rarity: both may be asked for together.
    const species = values.species === undefined ? undefined : parseClassicSpecies('hunt', values.species);
    const classicTarget: ClassicHuntTarget = { ...(species === undefined ? {} : { species }), ...wantedRarity, ...shiny };
    const hashFn = values['hash-fn'] === undefined ? DEFAULT_HASH_FN : parseHashFn('hunt', values['hash-fn']);
    classic = { userId: (input.identity as Identity).userId, hashFn, target: classicTarget };
    odds = classicTargetOdds(classicTarget);
  } else {
    const species = values.species === undefined ? undefined : parseSpecies('hunt', values.species);
    if (species !== undefined && rarity !== undefined && rarityOf(species) !== rarity) {
      throw new UsageError(`hunt: ${species} is ${rarityOf(species)}, never ${rarity}`);
    }
    target = { ...(species === undefined ? {} : { species }), ...wantedRarity, ...shiny };
    odds = targetOdds(target);
  }
  const expected = Math.round(1 / odds);
  const workerCount = os.availableParallelism();
  const started = performance.now();
  const counts = new Array<number>(workerCount).fill(0);
  const attempts = (): number => counts.reduce((sum, count) => sum + count, 0);
  // A line redrawn in place needs a terminal that can redraw (not TERM=dumb).
  const showProgress = Boolean(io.stderr.isTTY) && canRedraw(io.env, process.platform);

  const workers = counts.map((_, index) => {
    const data: HuntWorkerData = { idHash: input.idHash, target, start: index, stride: workerCount, ...(classic ? { classic } : {}) };
    return new Worker(new URL('./hunt-worker.mjs', import.meta.url), { workerData: data });
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
  const bones: BuddyBones = classic ? rollClassic(classic.userId, salt, classic.hashFn, input.idHash) : rollFromHash(input.idHash, salt);
  const adopt = adoptCommand(salt, input.identity, classic?.hashFn);
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ salt, attempts: attempts(), seconds, roll: JSON.parse(buddyBonesToJson(bones)), ...(adopt ? { adopt } : {}) }));
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  writeLine(io.stdout, `found salt ${palette.bold(salt)} after ${attempts().toLocaleString('en-US')} attempts in ${seconds.toFixed(2)} s (${formatRate(attempts() / seconds)}; expected ~${expected.toLocaleString('en-US')})`);
  writeLine(io.stdout);
  const { composeCardArt } = await import('../card-art.js');
  for (const line of renderCard(bones, palette, { art: composeCardArt(bones, palette) })) writeLine(io.stdout, line);
  writeLine(io.stdout);
  const check = classic
    ? `buddy roll --classic --hash-fn ${classic.hashFn} --salt ${salt}${input.identity?.source === 'flag' ? ` --user ${JSON.stringify(sanitizeLine(classic.userId))}` : ''}`
    : `buddy roll --hash ${input.idHash} --salt ${salt}`;
  writeLine(io.stdout, palette.dim(`check it: ${check}`));
  if (adopt) writeLine(io.stdout, `adopt it: ${adopt}`);
  return 0;
}
