// What `buddy status` says about the model remarks: the watch mode, and how much of the budget this hour
// and this local day have used (`remarks: 2 of 6 this hour · 1,234 of 20,000 tokens today`).
import { hasApiKey } from '../persona/model-client.js';
import { remarkUse } from '../store/remark-budget.js';
import type { Settings, WatchMode } from '../store/schema.js';

export interface RemarkStatus {
  readonly watch: WatchMode;
  /** Whether a key is set, without which `on` remarks offline. */
  readonly model: boolean;
  readonly remarksThisHour: number;
  readonly remarksPerHour: number;
  readonly tokensToday: number;
  readonly tokensPerDay: number;
}

export function remarkStatus(settings: Settings, env: NodeJS.ProcessEnv, now: number): RemarkStatus {
  const use = remarkUse(env, now);
  return {
    watch: settings.watch,
    model: hasApiKey(env),
    remarksThisHour: use.remarksThisHour,
    remarksPerHour: settings.remarksPerHour,
    tokensToday: use.tokensToday,
    tokensPerDay: settings.remarkTokensPerDay,
  };
}

/** Digits in groups of three, the same on every machine (1,234). */
export function grouped(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The status line's words after its label. */
export function remarkStatusText(status: RemarkStatus): string {
  if (status.watch === 'off') return 'off (no remarks on the session; buddy config watch on)';
  if (status.watch === 'local') return 'local (offline remarks only, nothing is sent)';
  const use = `${status.remarksThisHour} of ${status.remarksPerHour} this hour · ${grouped(status.tokensToday)} of ${grouped(status.tokensPerDay)} tokens today`;
  return status.model ? use : `${use} (offline: no ANTHROPIC_API_KEY)`;
}
