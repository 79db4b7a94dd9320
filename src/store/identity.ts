// Whose buddy is this? --user, then BUDDY_USER_ID, then the Claude Code account on this machine,
// then a random ID created once and kept in Buddy's config.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { readConfigSnapshot } from './config-snapshot.js';
import { claudeGlobalConfigFile } from './paths.js';

export type IdentitySource = 'flag' | 'env' | 'claude-code' | 'local';

export interface Identity {
  readonly userId: string;
  readonly source: IdentitySource;
  /** Where it came from, for `buddy whoami`. */
  readonly origin: string;
}

function readClaudeCodeAccount(env: NodeJS.ProcessEnv): Identity | undefined {
  const file = claudeGlobalConfigFile(env);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { oauthAccount?: { accountUuid?: unknown }; userID?: unknown };
  const accountUuid = record.oauthAccount?.accountUuid;
  if (typeof accountUuid === 'string' && accountUuid.length > 0) {
    return { userId: accountUuid, source: 'claude-code', origin: `${file} (oauthAccount.accountUuid)` };
  }
  if (typeof record.userID === 'string' && record.userID.length > 0) {
    return { userId: record.userID, source: 'claude-code', origin: `${file} (userID)` };
  }
  return undefined;
}

/** Resolves without writing anything; `undefined` means a local ID must be created. */
export function findIdentity(flagUser: string | undefined, env: NodeJS.ProcessEnv = process.env): Identity | undefined {
  if (flagUser !== undefined) return { userId: flagUser, source: 'flag', origin: '--user' };
  if (env.BUDDY_USER_ID) return { userId: env.BUDDY_USER_ID, source: 'env', origin: 'BUDDY_USER_ID' };
  const account = readClaudeCodeAccount(env);
  if (account) return account;
  const local = readConfigSnapshot(env).localUserId;
  if (local) return { userId: local, source: 'local', origin: 'a random ID kept in Buddy config' };
  return undefined;
}

/** Resolves, creating and keeping a random local ID the first time one is needed. */
export async function resolveIdentity(
  flagUser: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Identity> {
  const found = findIdentity(flagUser, env);
  if (found) return found;
  const { openConfigStore } = await import('./config-store.js');
  const store = openConfigStore(env);
  const data = store.update((config) => {
    config.localUserId ??= randomUUID();
  });
  return { userId: data.localUserId as string, source: 'local', origin: `a random ID kept in ${store.file}` };
}
