// What Claude Code's own config (~/.claude.json, or $CLAUDE_CONFIG_DIR/.claude.json) says about the
// companion it once hatched: read only, never written, and checked through a schema before use. The file is
// another program's: keys Buddy does not know are left alone, and the few it reads must have the right
// types, or the file counts as damaged and nothing is done with it.
import * as v from 'valibot';
import { CLASSIC_ANONYMOUS_ID } from '../engine/classic-constants.js';
import { FileAccessError } from '../files/errors.js';
import { HOST_FILE_CAP, readRegularText } from '../files/read.js';
import { sanitizeLine } from '../text/sanitize.js';
import { claudeGlobalConfigFile } from '../store/paths.js';

/** The parts of Claude Code's config the rescue reads; everything else may be anything. */
const ClaudeConfigSchema = v.looseObject({
  oauthAccount: v.nullish(v.looseObject({ accountUuid: v.nullish(v.string()) })),
  userID: v.nullish(v.string()),
  companion: v.nullish(
    v.looseObject({
      name: v.string(),
      personality: v.string(),
      hatchedAt: v.nullish(v.union([v.number(), v.string()])),
    }),
  ),
  companionMuted: v.nullish(v.boolean()),
});

export type AccountSource = 'oauthAccount.accountUuid' | 'userID' | 'none';

export interface ClaudeCompanion {
  /** One line, sanitized: the original may hold anything. */
  readonly name: string;
  readonly personality: string;
  /** ISO time, or undefined when the record has no usable date. */
  readonly hatchedAt: string | undefined;
}

export interface ClaudeCompanionRecord {
  readonly file: string;
  /** The account's ID as the original rolled it: accountUuid, else userID, else `anon`. */
  readonly userId: string;
  readonly accountSource: AccountSource;
  readonly companion: ClaudeCompanion | undefined;
  readonly muted: boolean;
}

/** Claude Code's config could not be used; the message is one line and quotes nothing from the file. */
export class ClaudeConfigError extends Error {
  override readonly name = 'ClaudeConfigError';
}

/** Timestamps before 2020 or after 2100 are not a hatch date, whatever their type. */
const EARLIEST = Date.UTC(2020, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

function hatchDate(value: number | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST && time < LATEST ? new Date(time).toISOString() : undefined;
}

function describeProblem(issue: v.BaseIssue<unknown> | undefined): string {
  const where = issue?.path?.map((item) => String(item.key)).join('.');
  if (!where) return 'is not a JSON object';
  return issue?.received === 'undefined' ? `has no ${where}` : `has a ${where} of the wrong type (expected ${issue?.expected ?? 'another type'})`;
}

/** The file's text: a regular file (or a link to one) of at most 16 MB, opened without blocking. */
function readText(file: string): string {
  let text: string | null;
  try {
    text = readRegularText(file, { maxBytes: HOST_FILE_CAP });
  } catch (error) {
    if (error instanceof FileAccessError) throw new ClaudeConfigError(`${error.message}; nothing was changed`);
    throw error;
  }
  if (text === null) throw new ClaudeConfigError(`no Claude Code config at ${file}: there is no companion to rescue on this machine`);
  return text;
}

/** Reads and checks Claude Code's config; throws ClaudeConfigError (one line) when it cannot be used. */
export function readClaudeCompanion(env: NodeJS.ProcessEnv): ClaudeCompanionRecord {
  const file = claudeGlobalConfigFile(env);
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof ClaudeConfigError) throw error;
    throw new ClaudeConfigError(`Claude Code's config ${file} is damaged (not valid JSON); nothing was changed`);
  }
  const parsed = v.safeParse(ClaudeConfigSchema, raw);
  if (!parsed.success || Array.isArray(raw)) {
    throw new ClaudeConfigError(`Claude Code's config ${file} ${describeProblem(parsed.success ? undefined : parsed.issues[0])}; nothing was changed`);
  }
  const config = parsed.output;
  const accountUuid = config.oauthAccount?.accountUuid;
  const [userId, accountSource]: [string, AccountSource] = accountUuid
    ? [accountUuid, 'oauthAccount.accountUuid']
    : config.userID
      ? [config.userID, 'userID']
      : [CLASSIC_ANONYMOUS_ID, 'none'];
  const companion = config.companion
    ? {
        name: sanitizeLine(config.companion.name, 200).trim(),
        personality: sanitizeLine(config.companion.personality, 4_000).trim().replace(/\s+/g, ' '),
        hatchedAt: hatchDate(config.companion.hatchedAt),
      }
    : undefined;
  return { file, userId, accountSource, companion, muted: config.companionMuted === true };
}
