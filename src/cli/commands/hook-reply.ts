// `buddy hook reply --session KEY`: the detached job started by `buddy hook prompt`. It writes the
// buddy's answer into the session state for the statusline; the message arrives in BUDDY_HOOK_MESSAGE.
import { logDebug } from '../../store/debug-log.js';
import { sessionKey } from '../../statusline/payload.js';
import { answerInBackground } from '../../statusline/reply-job.js';
import { readHookState, updateHookState } from '../../statusline/session-state.js';
import { HOOK_REPLY } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(HOOK_REPLY, argv.slice(1));
  const key = sessionKey(values.session);
  try {
    const askedAt = readHookState(io.env, key).pending?.at ?? Date.now();
    const text = await answerInBackground(io.env, io.env.BUDDY_HOOK_MESSAGE ?? '', key);
    updateHookState(io.env, key, (state) => {
      // A newer question may have been asked meanwhile; its own job answers it.
      if (state.pending && state.pending.at > askedAt) return state;
      return { ...state, reply: { text, at: Date.now(), askedAt } };
    });
  } catch (error) {
    logDebug(io.env, 'hook reply', error);
  }
  return 0;
}
