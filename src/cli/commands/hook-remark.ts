// `buddy hook remark --session KEY`: the detached job a statusline refresh starts (startModelRemark, in
// remark-start.ts) when the model may remark on what the session just did. The event arrives in its
// environment; a job given no valid facts does nothing. It never prints: whatever happens is for the
// session's state and the debug log.
import { logDebug } from '../../store/debug-log.js';
import { sessionKey } from '../../statusline/payload.js';
import { parseRemarkFacts, remarkInBackground } from '../../statusline/remark-job.js';
import { DAILY_FACT_VARIABLE, DAILY_TEXT_VARIABLE, REMARK_AT_VARIABLE, REMARK_CONTEXT_VARIABLE, REMARK_FACTS_VARIABLE } from '../../statusline/remark-start.js';
import { dailyInBackground, parseDailyFact } from '../../statusline/daily-job.js';
import { HOOK_REMARK } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(HOOK_REMARK, argv.slice(1));
  const key = sessionKey(values.session);
  // The daily greeting's job carries its own fact instead of a remark's.
  const daily = parseDailyFact(io.env[DAILY_FACT_VARIABLE]);
  if (daily) {
    const reactionAt = Number(io.env[REMARK_AT_VARIABLE]);
    try {
      const outcome = await dailyInBackground(io.env, { sessionKey: key, fact: daily, offline: io.env[DAILY_TEXT_VARIABLE] ?? '', reactionAt });
      if (io.env.BUDDY_DEBUG === '1') logDebug(io.env, 'hook remark', new Error(`daily: ${outcome}`));
    } catch (error) {
      logDebug(io.env, 'hook remark', error);
    }
    return 0;
  }
  const facts = parseRemarkFacts(io.env[REMARK_FACTS_VARIABLE]);
  const reactionAt = Number(io.env[REMARK_AT_VARIABLE]);
  if (!facts || !Number.isFinite(reactionAt)) {
    logDebug(io.env, 'hook remark', new Error('no valid remark facts in the environment'));
    return 0;
  }
  try {
    const context = (io.env[REMARK_CONTEXT_VARIABLE] ?? '').split('\n');
    const outcome = await remarkInBackground(io.env, { sessionKey: key, facts, context, reactionAt });
    if (io.env.BUDDY_DEBUG === '1') logDebug(io.env, 'hook remark', new Error(`remark: ${outcome}`));
  } catch (error) {
    logDebug(io.env, 'hook remark', error);
  }
  return 0;
}
