// `buddy hatch`: write the buddy's soul (name and personality) and keep it. `--again` writes the next one.
import { hatchSoul, type HatchMode } from '../../buddy/hatch.js';
import type { GrowthView } from '../../game/view.js';
import { offlineLanguageNote } from '../../buddy/language-note.js';
import { loadSession } from '../../buddy/session.js';
import { SWITCH_COMMAND } from '../../buddy/warning.js';
import { effectiveLanguage, languageName, sameLanguage } from '../../persona/language.js';
import { hasApiKey } from '../../persona/model-client.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import type { StoredBuddy } from '../../store/schema.js';
import { HATCH } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { buddyCardLines } from '../card-art.js';
import { viewNow } from '../growth-lines.js';
import { growthOf } from '../../store/growth-schema.js';
import { confirm } from '../prompts/confirm.js';
import { UserFacingError } from '../command-errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { soulLanguageOf } from '../language-notes.js';
import { printNotes } from '../notes.js';
import { startSpinner } from '../spinner.js';

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(HATCH, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  // The card converts itself; the lines around it (the name, the questions of --again) need the streams.
  const io = asciiIo(streams, ascii);
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  const stored = session.stored;
  if (stored && !values.again) {
    writeLine(io.stdout, `${stored.name} the ${stored.bones.species} has already hatched (buddy hatch --again writes it a new soul; ${SWITCH_COMMAND} changes buddy).`);
    return 0;
  }
  let mode: HatchMode = { kind: 'first' };
  if (stored && values.again) mode = await chooseAgain(io, stored, session.settings.language, values.yes === true);
  const spinner = startSpinner(io.stderr, mode.kind === 'rewrite' ? 'Finding the words…' : 'Something stirs inside the egg…', io.env);
  let result;
  try {
    result = await hatchSoul(session.bones, io.env, mode);
  } finally {
    spinner.stop();
  }
  const hatched = result.buddy;
  if (result.warning) io.stderr.write(`buddy: ${result.warning}\n`);
  if (mode.kind === 'rewrite' && hatched === stored) return 1;
  writeLine(io.stdout, palette.bold(mode.kind === 'rewrite' ? `${hatched.name}'s soul, in ${languageName(soulLanguageOf(hatched))}:` : `${hatched.name} hatched!`));
  writeLine(io.stdout);
  const growth = await grownNow(io, hatched, session.settings.care);
  const note = offlineLanguageNote(session.settings, io.env);
  for (const line of buddyCardLines(hatched.bones, palette, hatched, terminalWidth(io.stdout), growth, note)) writeLine(io.stdout, line);
  return 0;
}

/**
 * The growth the card shows: folded first, as `buddy status` folds it, so the two agree (a new soul keeps
 * the buddy's growth); a config busy for too long shows it as stored.
 */
async function grownNow(io: CliIo, hatched: StoredBuddy, careOn: boolean): Promise<GrowthView> {
  try {
    const { recordAndFold } = await import('../../buddy/growth.js');
    const folded = await recordAndFold(io.env, { announce: false });
    if (folded.growth && folded.buddy?.hatchedAt === hatched.hatchedAt) return viewNow(folded.growth, folded.settings.care);
  } catch {
    // Shown as stored.
  }
  return viewNow(growthOf(hatched, Date.now()), careOn);
}

/**
 * What `hatch --again` does: when the language changed since the soul was written (and a model can write
 * it), it first offers the same soul in the new language under the same name; otherwise, or when that is
 * declined, a whole new soul.
 */
async function chooseAgain(io: CliIo, stored: StoredBuddy, setting: string | undefined, yes: boolean): Promise<HatchMode> {
  const language = effectiveLanguage(setting, io.env);
  const written = soulLanguageOf(stored);
  if (!sameLanguage(written, language.tag)) {
    const wanted = languageName(language.tag);
    if (hasApiKey(io.env)) {
      writeLine(io.stdout, `${stored.name}'s soul is in ${languageName(written)}, and your language is now ${wanted} (${language.tag}).`);
      if (yes || (await confirm(io, `Rewrite it in ${wanted}, keeping the name ${stored.name} and what it says?`))) return { kind: 'rewrite', previous: stored };
    } else {
      writeLine(io.stdout, `Your language is ${wanted}, but without an API key souls are written offline, in English.`);
    }
  }
  // Said before asking, so nobody loses a name they chose without knowing.
  if (stored.renamed) writeLine(io.stdout, `You named it ${stored.name} yourself: the new soul comes with a new name, and that name will be replaced.`);
  else if (stored.soulSource === 'claude-code') writeLine(io.stdout, `${stored.name}'s name and personality came from Claude Code: the new soul replaces them too.`);
  if (!yes) {
    const sure = await confirm(io, `Rewrite ${stored.name}'s name and personality? The old soul is replaced (a copy stays in the backup).`);
    if (!sure) throw new UserFacingError('hatch --again: not confirmed (answer y, or pass --yes)');
  }
  return { kind: 'again', previous: stored };
}
