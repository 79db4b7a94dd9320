// `buddy roll`: the deterministic roll checker.
import { bonesToJson, rollFromHash } from '../../engine/roll.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { renderCard } from '../../render/card.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { checkSalt, resolveRollInput } from '../roll-input.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'roll',
    argv,
    {
      json: { type: 'boolean' },
      hash: { type: 'string' },
      salt: { type: 'string' },
      user: { type: 'string' },
      batch: { type: 'boolean' },
      'no-anim': { type: 'boolean' },
    },
    1,
  );
  if (values.batch) {
    if (positionals.length > 0 || values.hash !== undefined || values.user !== undefined) {
      throw new UsageError('roll: --batch reads IDs from stdin; give no ID, --user or --hash');
    }
    const salt = checkSalt('roll', values.salt);
    const { runBatch } = await import('./roll-batch.js');
    return runBatch(io, salt);
  }
  const input = await resolveRollInput(
    'roll',
    { id: positionals[0], hash: values.hash, salt: values.salt, user: values.user },
    io.env,
  );
  const bones = rollFromHash(input.idHash, input.salt);
  const shownId = input.identity?.source === 'flag' ? input.identity.userId : undefined;
  if (values.json) {
    writeLine(io.stdout, bonesToJson(bones, shownId));
    return 0;
  }
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY));
  const { composeCardArt } = await import('../card-art.js');
  const art = composeCardArt(bones, palette);
  for (const line of renderCard(bones, palette, { art, ...(shownId === undefined ? {} : { userId: shownId }) })) {
    writeLine(io.stdout, line);
  }
  // Seeing a shiny is an achievement: recorded for the next fold (an append, nothing more).
  if (bones.shiny) (await import('../../buddy/growth.js')).recordEvent(io.env, 'sawShiny');
  return 0;
}
