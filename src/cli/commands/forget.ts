// `buddy forget N` lets one fact the buddy keeps go (numbered as `buddy memory` lists them); `buddy forget
// --all` lets every one go, after asking on a terminal, or with --yes in scripts: nothing is forgotten on
// a guess.
import { asciiOnly } from '../../render/terminal.js';
import { forgetAllFacts, forgetFact } from '../../store/fact-store.js';
import { readConfigSnapshot } from '../../store/config-snapshot.js';
import { FORGET } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { NOT_HATCHED_FAILURE } from '../not-hatched.js';
import { confirm } from '../prompts/confirm.js';

const facts = (count: number): string => (count === 1 ? '1 fact' : `${count} facts`);

async function forgetAll(io: CliIo, yes: boolean, name: string, count: number): Promise<number> {
  if (count === 0) {
    writeLine(io.stdout, `${name} keeps no facts: nothing to forget.`);
    return 0;
  }
  if (!yes) {
    if (!io.stdin.isTTY) throw new UserFacingError('forget --all: there is no terminal to ask on; pass --yes to go ahead. Nothing was forgotten.');
    if (!(await confirm(io, `Let go of all ${facts(count)} ${name} keeps? This cannot be undone.`))) {
      throw new UserFacingError('forget --all: not confirmed (answer y, or pass --yes). Nothing was forgotten.');
    }
  }
  const forgotten = forgetAllFacts(io.env) ?? 0;
  writeLine(io.stdout, `${name} let go of ${forgotten === 1 ? 'its only fact' : `all ${facts(forgotten)}`}.`);
  return 0;
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(FORGET, argv);
  const io = asciiIo(streams, asciiOnly(streams.env, values.ascii));
  const given = positionals[0];
  if (values.all && given !== undefined) throw new UsageError('forget: give a number or --all, not both');
  if (values.yes && !values.all) throw new UsageError('forget: --yes goes with --all');
  if (!values.all && given === undefined) throw new UsageError('forget: give the number of a fact (buddy memory lists them), or --all', 'e.g. buddy forget 2');
  if (given !== undefined && !/^[1-9]\d{0,5}$/.test(given)) throw new UsageError("forget: N is a fact's number, such as 1 (buddy memory lists them)");
  const buddy = readConfigSnapshot(io.env).buddy;
  if (!buddy) throw new UserFacingError(`forget: ${NOT_HATCHED_FAILURE}`);
  if (values.all) return forgetAll(io, values.yes === true, buddy.name, buddy.facts?.length ?? 0);
  const number = Number(given);
  const result = forgetFact(number, io.env);
  if (result.kind === 'no-buddy') throw new UserFacingError(`forget: ${NOT_HATCHED_FAILURE}`);
  if (result.kind === 'no-such') {
    const kept = result.count === 0 ? 'it keeps none' : `it keeps ${facts(result.count)} (buddy memory lists them)`;
    throw new UserFacingError(`forget: ${buddy.name} has no fact ${number}; ${kept}`);
  }
  writeLine(io.stdout, `${buddy.name} let go of fact ${number}: "${result.fact.text}". ${result.left === 0 ? 'It keeps none now.' : `${facts(result.left)} left.`}`);
  return 0;
}
