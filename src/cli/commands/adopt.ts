// `buddy adopt --salt S [--classic [--hash-fn H]] [--user ID] [--yes]`: the buddy a salt gives this identity
// (the one `buddy hunt` found) becomes the current buddy, after a yes. The buddy it replaces is archived,
// never deleted, and `buddy switch` undoes it.
import { adoptBones, keptWithBones, type AdoptOutcome } from '../../buddy/adopt.js';
import { loadSession } from '../../buddy/session.js';
import { archivedLine } from '../../buddy/switch.js';
import type { BuddyBones } from '../../engine/bones.js';
import { rollClassic } from '../../engine/classic.js';
import { DEFAULT_HASH_FN } from '../../engine/classic-constants.js';
import { hashUserId } from '../../engine/hash.js';
import { rollFromHash } from '../../engine/roll.js';
import { colorEnabled, makePalette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { ADOPT } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { buddyCardLines } from '../card-art.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { printNotes } from '../notes.js';
import { confirm } from '../prompts/confirm.js';
import { checkSalt } from '../roll-input.js';
import { startSpinner } from '../spinner.js';
import { parseHashFn } from '../target.js';

function describe(outcome: Exclude<AdoptOutcome, { kind: 'already' }>, env: NodeJS.ProcessEnv): string[] {
  const { buddy } = outcome;
  const title = `${buddy.name} the ${buddy.bones.species}`;
  return [
    outcome.kind === 'restored' ? `${title} is back, and is your buddy again.` : `${title} hatched, and is your buddy now.`,
    ...(outcome.archived ? [archivedLine(outcome.archived, env)] : []),
    "buddy switch brings back this identity's own buddy.",
  ];
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(ADOPT, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii);
  if (values.salt === undefined) throw new UsageError('adopt: say which salt with --salt (buddy hunt finds one)');
  const salt = checkSalt('adopt', values.salt);
  if (values['hash-fn'] !== undefined && !values.classic) throw new UsageError('adopt: --hash-fn goes with --classic');
  const hashFn = values['hash-fn'] === undefined ? DEFAULT_HASH_FN : parseHashFn('adopt', values['hash-fn']);
  // Adopting answers a hunt, not the warning: the warning is shown later, by the adopted buddy's own rules.
  const session = await loadSession(io.env, values.user, { warning: false });
  printNotes(io, session, { warning: false });
  const { userId } = session.identity;
  const idHash = hashUserId(userId);
  const bones: BuddyBones = values.classic ? rollClassic(userId, salt, hashFn, idHash) : rollFromHash(idHash, salt);
  const kept = keptWithBones(bones, io.env);
  if (kept?.current) {
    writeLine(io.stdout, `${kept.buddy.name} the ${bones.species} is already your buddy; nothing changed.`);
    return 0;
  }
  // Nothing is shown, asked or changed on a guess: without a terminal, only --yes goes ahead.
  if (!values.yes && !io.stdin.isTTY) throw new UsageError('adopt: there is no terminal to ask on; pass --yes to adopt it. Nothing was changed.', 'buddy adopt --salt S --yes');
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  for (const line of buddyCardLines(bones, palette, kept?.buddy, terminalWidth(io.stdout))) writeLine(io.stdout, line);
  writeLine(io.stdout);
  if (!values.yes) {
    const current = session.stored ? `${session.stored.name} is archived, never deleted` : 'nothing is archived';
    const sure = await confirm(io, `Adopt this ${bones.species} as your buddy? (${current})`);
    if (!sure) throw new UserFacingError('adopt: not confirmed (answer y, or pass --yes). Nothing was changed.');
  }
  const spinner = kept ? undefined : startSpinner(io.stderr, 'Something stirs inside the egg…', io.env);
  let outcome: AdoptOutcome;
  try {
    outcome = await adoptBones(bones, io.env);
  } finally {
    spinner?.stop();
  }
  if (outcome.kind === 'already') {
    writeLine(io.stdout, `${outcome.buddy.name} the ${bones.species} is already your buddy; nothing changed.`);
    return 0;
  }
  if (outcome.warning) io.stderr.write(`buddy: ${outcome.warning}\n`);
  for (const line of describe(outcome, io.env)) writeLine(io.stdout, line);
  return 0;
}
