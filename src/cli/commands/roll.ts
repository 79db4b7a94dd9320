// `buddy roll`: the deterministic roll checker, for roll v1 and (with --classic) the classic roll.
import type { BuddyBones } from '../../engine/bones.js';
import { classicBonesToJson, rollClassic } from '../../engine/classic.js';
import { DEFAULT_HASH_FN } from '../../engine/classic-constants.js';
import { bonesToJson, rollFromHash } from '../../engine/roll.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { renderCard } from '../../render/card.js';
import { ROLL } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { checkSalt, resolveRollInput } from '../roll-input.js';
import { parseHashFn } from '../target.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(ROLL, argv);
  if (values['hash-fn'] !== undefined && !values.classic) throw new UsageError('roll: --hash-fn goes with --classic');
  const hashFn = values['hash-fn'] === undefined ? DEFAULT_HASH_FN : parseHashFn('roll', values['hash-fn']);
  // The classic roll draws from the ID itself: a hash alone cannot roll it.
  if (values.classic && values.hash !== undefined) throw new UsageError('roll: --classic rolls from an ID, not from --hash');
  if (values.batch) {
    if (positionals.length > 0 || values.hash !== undefined || values.user !== undefined) {
      throw new UsageError('roll: --batch reads IDs from stdin; give no ID, --user or --hash');
    }
    const salt = checkSalt('roll', values.salt);
    const { runBatch } = await import('./roll-batch.js');
    return runBatch(io, salt, values.classic ? hashFn : undefined);
  }
  const input = await resolveRollInput(
    'roll',
    { id: positionals[0], hash: values.hash, salt: values.salt, user: values.user },
    io.env,
  );
  const userId = input.identity?.userId;
  const bones: BuddyBones = values.classic && userId !== undefined ? rollClassic(userId, input.salt, hashFn, input.idHash) : rollFromHash(input.idHash, input.salt);
  const shownId = input.identity?.source === 'flag' ? input.identity.userId : undefined;
  if (values.json) {
    writeLine(io.stdout, bones.version === 'classic' ? classicBonesToJson(bones, shownId) : bonesToJson(bones, shownId));
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), asciiOnly(io.env, values.ascii));
  const { composeCardArt } = await import('../card-art.js');
  const art = composeCardArt(bones, palette);
  for (const line of renderCard(bones, palette, { art, ...(shownId === undefined ? {} : { userId: shownId }) })) {
    writeLine(io.stdout, line);
  }
  // Seeing a shiny is an achievement: recorded for the next fold (an append, nothing more).
  if (bones.shiny) (await import('../../buddy/growth.js')).recordEvent(io.env, 'sawShiny');
  return 0;
}
