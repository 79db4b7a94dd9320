// `buddy wear ITEM` puts on an item the buddy has earned (one per slot), `buddy wear --none` takes
// everything off. Folds what was recorded first, so an item earned a moment ago can be worn at once.
import { recordAndFold } from '../../buddy/growth.js';
import { announcementTexts } from '../../game/view.js';
import { ruleHint } from '../../game/wardrobe.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { changeWorn } from '../../store/wardrobe-store.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { WEAR } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { announcementLines } from '../growth-lines.js';
import { writeLine, type CliIo } from '../io.js';
import { NOT_HATCHED_FAILURE } from '../not-hatched.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(WEAR, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii);
  const [id] = positionals;
  if (id === undefined && !values.none) throw new UsageError('wear: name an item, or --none', 'buddy wardrobe lists what it has earned');
  if (id !== undefined && values.none) throw new UsageError('wear: give an item or --none, not both');
  const fold = await recordAndFold(io.env, { announce: true });
  const buddy = fold.buddy;
  if (!buddy) throw new UserFacingError(`wear: ${NOT_HATCHED_FAILURE}`);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of announcementLines(announcementTexts(fold.announcements, buddy.name), palette)) writeLine(io.stdout, line);
  const result = changeWorn(io.env, id === undefined ? { kind: 'none' } : { kind: 'wear', id }, Date.now());
  switch (result.kind) {
    case 'noBuddy':
      throw new UserFacingError(`wear: ${NOT_HATCHED_FAILURE}`);
    case 'unknown':
      throw new UserFacingError(`wear: there is no item '${sanitizeLine(id ?? '').slice(0, 40)}'; buddy wardrobe lists them all`);
    case 'locked':
      throw new UserFacingError(`wear: ${result.item.name} is still locked; to unlock it, ${ruleHint(result.item.rule)}`);
    case 'none':
      writeLine(io.stdout, `${buddy.name} took everything off.`);
      return 0;
    case 'worn':
      writeLine(io.stdout, result.item.slot === 'head' ? `${buddy.name} is wearing the ${result.item.name}.` : `${buddy.name}'s card now has the ${result.item.name} accent.`);
      return 0;
  }
}
