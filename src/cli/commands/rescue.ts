// `buddy rescue`: brings back the companion Claude Code hatched on this machine, under its own name, with
// its personality and hatch date, as the current buddy. Reads Claude Code's config and never writes it;
// works offline and without a key. Which seed function is asked once and kept with the buddy, so running it
// again changes nothing and says so in one line.
import { readClaudeCompanion, type ClaudeCompanionRecord } from '../../buddy/claude-companion.js';
import {
  classicCandidates,
  currentWithBones,
  decideHashFn,
  fitSoul,
  hatchClassic,
  keptBuddyOf,
  keptHashFn,
  rememberHashFn,
  rescueCompanion,
  type Candidates,
  type HashFnDecision,
} from '../../buddy/rescue.js';
import { archivedLine } from '../../buddy/switch.js';
import type { ClassicBones } from '../../engine/classic.js';
import { HASH_FN_ORIGIN, HASH_FNS, type HashFn } from '../../engine/classic-constants.js';
import { hashUserId } from '../../engine/hash.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { colorEnabled, makePalette, type Palette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import type { Adoption } from '../../store/buddy-store.js';
import { repairConfigIfNeeded } from '../../store/config-health.js';
import { RESCUE } from '../command-specs.js';
import type { StoredBuddy } from '../../store/schema.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { buddyCardLines } from '../card-art.js';
import { chooseOne } from '../prompts/choose.js';
import { confirm } from '../prompts/confirm.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { terminalWidth, writeLine, type CliIo } from '../io.js';
import { sideBySide } from '../side-by-side.js';
import { startSpinner } from '../spinner.js';
import { parseHashFn } from '../target.js';

function describeRecord(io: CliIo, record: ClaudeCompanionRecord): void {
  writeLine(io.stdout, `Claude Code's config: ${sanitizeLine(record.file)}`);
  const account =
    record.accountSource === 'none'
      ? `none (the classic roll uses '${record.userId}', as Claude Code did)`
      : `${record.accountSource} (hash ${hashUserId(record.userId).slice(0, 8)}…)`;
  writeLine(io.stdout, `  account    ${account}`);
  const { companion } = record;
  writeLine(
    io.stdout,
    companion
      ? `  companion  ${sanitizeLine(companion.name, 40)}, hatched ${companion.hatchedAt?.slice(0, 10) ?? 'on an unknown day'}`
      : '  companion  none: Claude Code never hatched one for this account here',
  );
  writeLine(io.stdout, `  muted      ${record.muted ? 'yes' : 'no'}`);
  writeLine(io.stdout);
}

const otherHashFn = (hashFn: HashFn): HashFn => (hashFn === 'wyhash' ? 'fnv1a' : 'wyhash');

/**
 * Which seed function the person's Claude Code used, said aloud: asked only when the two give different
 * buddies and nothing was chosen before; without a terminal, what was taken and how to take the other.
 */
async function pickHashFn(io: CliIo, palette: Palette, candidates: Candidates, decision: HashFnDecision): Promise<{ readonly hashFn: HashFn; readonly chosen: boolean }> {
  if (decision.kind === 'given' || (decision.kind === 'kept' && decision.chosen)) return decision;
  const { wyhash, fnv1a } = candidates;
  if (candidates.same) {
    writeLine(io.stdout, `Both of Claude Code's runtimes give this account the same ${wyhash.rarity} ${wyhash.species}.`);
    return decision.kind === 'ask' ? { hashFn: 'wyhash', chosen: false } : decision;
  }
  writeLine(io.stdout, 'Claude Code rolled differently depending on how it was installed; this account had one of these:');
  writeLine(io.stdout);
  for (const line of sideBySide(wyhash, fnv1a, palette)) writeLine(io.stdout, line);
  writeLine(io.stdout);
  if (decision.kind !== 'ask') {
    const other = candidates[otherHashFn(decision.hashFn)];
    const taken = decision.kind === 'kept' ? `the ${decision.hashFn} one rescued before was kept` : `the wyhash one (${HASH_FN_ORIGIN.wyhash}) was taken`;
    io.stderr.write(`buddy: not a terminal, so ${taken}; if yours was the ${other.rarity} ${other.species}, run buddy rescue --hash-fn ${other.hashFn}\n`);
    return decision;
  }
  const answer = await chooseOne(io, 'Which one did you have?', HASH_FNS);
  if (!answer) throw new UserFacingError('rescue: no buddy chosen; nothing was changed (buddy rescue --hash-fn wyhash|fnv1a chooses without asking)');
  return { hashFn: answer, chosen: true };
}

/** The one line of a rescue that finds its buddy already there. */
function alreadyLine(buddy: StoredBuddy, nameInstead: string | undefined): string {
  const rename = nameInstead !== undefined && nameInstead !== buddy.name ? ` (buddy rename ${sanitizeLine(nameInstead, 40)} renames it)` : '';
  return `${buddy.name} the ${buddy.bones.species} is already your buddy; nothing changed${rename}.`;
}

function describeAdoption(io: CliIo, adoption: Adoption, bones: ClassicBones, muted: boolean): void {
  const { buddy } = adoption;
  const title = `${buddy.name} the ${buddy.bones.species}`;
  if (adoption.kind === 'already') {
    writeLine(io.stdout, `${title} is already your buddy; nothing changed.`);
  } else {
    const from = adoption.kind === 'restored' ? ' from the archive' : '';
    writeLine(io.stdout, `${title} is back${from}, and is your buddy again (classic roll, ${bones.hashFn}).`);
    if (adoption.archived) writeLine(io.stdout, archivedLine(adoption.archived, io.env));
  }
  if (muted) writeLine(io.stdout, 'Claude Code had it muted, so Buddy is muted too (buddy unmute wakes it).');
}

function printCard(io: CliIo, palette: Palette, adoption: Adoption): void {
  writeLine(io.stdout);
  for (const line of buddyCardLines(adoption.buddy.bones, palette, adoption.buddy, terminalWidth(io.stdout))) writeLine(io.stdout, line);
}

/** No companion record: the account's classic bones, hatched with a new soul when the person wants it. */
async function offerHatch(io: CliIo, palette: Palette, record: ClaudeCompanionRecord, bones: ClassicBones, yes: boolean, chosen: boolean): Promise<number> {
  const kept = keptBuddyOf(bones, io.env);
  if (!kept) {
    writeLine(io.stdout, `There is no companion to bring back, but this account's classic bones are a ${bones.rarity} ${bones.species}:`);
    writeLine(io.stdout);
    for (const line of buddyCardLines(bones, palette, undefined, terminalWidth(io.stdout))) writeLine(io.stdout, line);
    writeLine(io.stdout);
    const wanted = yes || (await confirm(io, `Hatch this ${bones.species} with a new soul? Your current buddy, if any, is archived.`));
    if (!wanted) {
      writeLine(io.stdout, 'Nothing was hatched (buddy rescue --yes hatches it with a new soul).');
      return 0;
    }
  }
  const spinner = startSpinner(io.stderr, 'Something stirs inside the egg…', io.env);
  let result;
  try {
    result = await hatchClassic(bones, record.muted, io.env, new Date());
  } finally {
    spinner.stop();
  }
  if (result.warning) io.stderr.write(`buddy: ${result.warning}\n`);
  const { adoption } = result;
  if (chosen) rememberHashFn(bones, io.env);
  if (adoption.kind === 'adopted') {
    writeLine(io.stdout, `${adoption.buddy.name} the ${bones.species} hatched (classic roll, ${bones.hashFn}).`);
    if (adoption.archived) writeLine(io.stdout, archivedLine(adoption.archived, io.env));
    if (record.muted) writeLine(io.stdout, 'Claude Code had its companion muted, so Buddy is muted too (buddy unmute wakes it).');
  } else {
    describeAdoption(io, adoption, bones, record.muted);
  }
  printCard(io, palette, adoption);
  return 0;
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(RESCUE, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii);
  const given = values['hash-fn'] === undefined ? undefined : parseHashFn('rescue', values['hash-fn']);
  const record = readClaudeCompanion(io.env);
  if (values.name !== undefined && !record.companion) {
    throw new UsageError('rescue: --name renames a rescued companion, and there is none here', 'buddy rename NAME works after hatching');
  }
  const candidates = classicCandidates(record);
  const terminal = Boolean(io.stdin.isTTY);
  // Rescued already, with the seed function decided before (or given now): one line, and nothing is
  // written, not even a mute the person has since undone.
  const early = decideHashFn(candidates, given, keptHashFn(candidates, io.env), terminal);
  const there = early.kind === 'ask' ? undefined : currentWithBones(candidates[early.hashFn], io.env);
  if (early.kind !== 'ask' && there) {
    if (early.chosen) rememberHashFn(candidates[early.hashFn], io.env);
    writeLine(io.stdout, alreadyLine(there, values.name));
    return 0;
  }
  const now = new Date();
  // A name that does not fit is said before any question, so nobody chooses for nothing.
  const check = record.companion ? fitSoul(record.companion, candidates.wyhash, now, values.name) : undefined;
  if (check && !check.ok) throw new UserFacingError(`rescue: ${check.problem}; nothing was changed`);

  // Buddy's own config is repaired (never overwritten) before anything is stored in it, and what was
  // decided before is read again from the repaired file.
  for (const repair of await repairConfigIfNeeded(io.env)) io.stderr.write(`buddy: ${sanitizeLine(repair)}\n`);
  const palette = makePalette(colorEnabled(io.env, io.stdout.isTTY), ascii);
  describeRecord(io, record);
  const { hashFn, chosen } = await pickHashFn(io, palette, candidates, decideHashFn(candidates, given, keptHashFn(candidates, io.env), terminal));
  const bones = candidates[hashFn];
  // The answer may be the buddy already there: the answer is kept, and nothing else changes.
  const current = currentWithBones(bones, io.env);
  if (current) {
    if (chosen) rememberHashFn(bones, io.env);
    writeLine(io.stdout, alreadyLine(current, values.name));
    return 0;
  }
  if (!record.companion) return offerHatch(io, palette, record, bones, Boolean(values.yes), chosen);

  const fitted = fitSoul(record.companion, bones, now, values.name);
  if (!fitted.ok) throw new UserFacingError(`rescue: ${fitted.problem}; nothing was changed`);
  const adoption = rescueCompanion(bones, fitted, record.muted, io.env, now);
  if (chosen) rememberHashFn(bones, io.env);
  describeAdoption(io, adoption, bones, record.muted);
  if (adoption.kind !== 'already') for (const note of fitted.notes) writeLine(io.stdout, `Note: ${note}.`);
  printCard(io, palette, adoption);
  return 0;
}
