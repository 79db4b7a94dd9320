// Whose buddy is this? --user, then BUDDY_USER_ID, then the Claude Code account on this machine, then a
// random ID created once and kept in Buddy's config. Every face asks here, and every face gets the same
// answer for the same ID: an ID that fails validation is refused everywhere with the same one line.
import { validateUserId } from '../engine/validate.js';
import { FileAccessError } from '../files/errors.js';
import { HOST_FILE_CAP, readJsonFile, type JsonFileRead } from '../files/read.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { claudeGlobalConfigFile } from '../store/paths.js';
import { recordOf } from '../store/schema.js';
import { InvalidIdentityError, type RejectedIdentity } from './identity-error.js';

export type IdentitySource = RejectedIdentity['source'];

export interface Identity {
  readonly userId: string;
  readonly source: IdentitySource;
  /** Where it came from, for `buddy whoami`. */
  readonly origin: string;
  /**
   * IDs the same person had before this one, read from the same place: Claude Code's `userID` once
   * `oauthAccount.accountUuid` names the account. (Buddy's own local ID is the other; the config holds it.)
   */
  readonly earlierUserIds?: readonly string[];
}

export { InvalidIdentityError };

/**
 * Claude Code's account file, read under the layer's rules (a regular file, or a link to one, at most 16 MB,
 * never blocking). Missing or not JSON: no account here. One that cannot be read at all (a FIFO, a device,
 * too big, not permitted) stops the command with one line: taking it for "no account" would quietly give
 * the person another identity, and another buddy.
 */
function readAccountFile(file: string): JsonFileRead {
  try {
    return readJsonFile(file, { maxBytes: HOST_FILE_CAP });
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    throw new FileAccessError(error.problem, file, `${error.message}; it names your Claude Code account, and Buddy will not guess another (BUDDY_USER_ID or --user names one)`);
  }
}

function readClaudeCodeAccount(env: NodeJS.ProcessEnv): Identity | undefined {
  const file = claudeGlobalConfigFile(env);
  const read = readAccountFile(file);
  if (read.state !== 'parsed') return undefined;
  const record = recordOf(read.value);
  const accountUuid = recordOf(record.oauthAccount).accountUuid;
  if (typeof accountUuid === 'string' && accountUuid.length > 0) {
    const earlier = typeof record.userID === 'string' && record.userID.length > 0 && record.userID !== accountUuid ? [record.userID] : [];
    return { userId: accountUuid, source: 'claude-code', origin: `${file} (oauthAccount.accountUuid)`, ...(earlier.length > 0 ? { earlierUserIds: earlier } : {}) };
  }
  if (typeof record.userID === 'string' && record.userID.length > 0) {
    return { userId: record.userID, source: 'claude-code', origin: `${file} (userID)` };
  }
  return undefined;
}

/** Resolves without writing anything or validating; `undefined` means a local ID must be created. */
export function findIdentity(flagUser: string | undefined, env: NodeJS.ProcessEnv = process.env): Identity | undefined {
  if (flagUser !== undefined) return { userId: flagUser, source: 'flag', origin: '--user' };
  if (env.BUDDY_USER_ID) return { userId: env.BUDDY_USER_ID, source: 'env', origin: 'BUDDY_USER_ID' };
  const account = readClaudeCodeAccount(env);
  if (account) return account;
  const local = readConfigSnapshot(env).localUserId;
  if (local) return { userId: local, source: 'local', origin: 'a random ID kept in Buddy config' };
  return undefined;
}

/** The identity when it is valid; throws InvalidIdentityError (one line) when it is not. */
export function checkIdentity(identity: Identity): Identity {
  const validation = validateUserId(identity.userId);
  if (!validation.ok) throw new InvalidIdentityError(identity, validation.reason);
  return identity;
}

/** Resolves and validates, creating and keeping a random local ID the first time one is needed. */
export async function resolveIdentity(flagUser: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Identity> {
  const found = findIdentity(flagUser, env);
  if (found) return checkIdentity(found);
  const { openConfigStore } = await import('../store/config-store.js');
  const store = openConfigStore(env);
  const data = store.update((config) => {
    config.localUserId ??= randomUUID();
  });
  const userId = data.localUserId ?? randomUUID();
  return checkIdentity({ userId, source: 'local', origin: `a random ID kept in ${store.file}` });
}

/** Web Crypto's, so loading this module (on every statusline refresh) never loads node:crypto. */
function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
