// `buddy log`: what the buddy said, in every face, from its journal. `--since 2h`, `-n 50`, `--json` (one
// object per line), `--follow` (new lines as they come), `--clear` (after asking).
import { isCalendarStamp, looksLikeStamp, parseDuration, recordJson, selectRecords, formatRecord, type JournalRecord } from '../../render/journal-lines.js';
import { localStamp } from '../../journal/stamp.js';
import { colorEnabled, makePalette, type Palette } from '../../render/ansi.js';
import { asciiOnly } from '../../render/terminal.js';
import { LOG } from '../command-specs.js';
import { parseCommandArgs, parseCount } from '../args.js';
import { asciiIo } from '../ascii-io.js';
import { confirm } from '../prompts/confirm.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';

/** Without --since or -n, the last this many lines. */
export const DEFAULT_LOG_LINES = 20;
const MAX_LOG_LINES = 1_000_000;

/**
 * `2h`-style durations back from now, or a date or date and time (`2026-05-01`, `2026-05-01T14:00`) that
 * exists on the calendar: 2026-02-30 is refused, not read as 2 March.
 */
export function parseSince(text: string, now: number): number {
  const duration = parseDuration(text);
  if (duration !== undefined) return now - duration;
  const stamp = text.trim();
  if (isCalendarStamp(stamp)) {
    const moment = Date.parse(stamp.replace(' ', 'T'));
    if (Number.isFinite(moment)) return moment;
  }
  if (looksLikeStamp(stamp)) throw new UsageError(`log: --since ${stamp} is not a date on the calendar`);
  throw new UsageError(`log: --since takes a duration such as 30m, 2h, 7d or 1h30m, or a date such as 2026-05-01`);
}

function printer(io: CliIo, json: boolean, palette: Palette): (record: JournalRecord) => void {
  if (json) return (record) => writeLine(io.stdout, recordJson(record));
  return (record) => {
    const line = formatRecord(record, localStamp(record.time));
    const stampEnd = line.indexOf('  ');
    writeLine(io.stdout, palette.enabled ? `${palette.dim(line.slice(0, stampEnd))}${line.slice(stampEnd)}` : line);
  };
}

async function clear(io: CliIo, yes: boolean): Promise<number> {
  const { clearJournal, readJournal } = await import('../../journal/read-back.js');
  const count = readJournal(io.env).length;
  if (count === 0) {
    writeLine(io.stdout, 'The journal is already empty.');
    return 0;
  }
  if (!yes && !(await confirm(io, `Clear the journal (${count} line${count === 1 ? '' : 's'})? This cannot be undone.`))) {
    throw new UserFacingError('log --clear: not confirmed (answer y, or pass --yes)');
  }
  clearJournal(io.env);
  writeLine(io.stdout, `Cleared the journal (${count} line${count === 1 ? '' : 's'}).`);
  return 0;
}

export async function run(argv: readonly string[], streams: CliIo): Promise<number> {
  const { values } = parseCommandArgs(LOG, argv);
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii, values.json);
  if (values.clear) {
    if (values.since !== undefined || values.lines !== undefined || values.json || values.follow) throw new UsageError('log: --clear takes no other option but --yes');
    return clear(io, values.yes === true);
  }
  const now = Date.now();
  const since = values.since === undefined ? undefined : parseSince(values.since, now);
  const count = parseCount('log', '-n', values.lines, MAX_LOG_LINES) ?? (since === undefined ? DEFAULT_LOG_LINES : undefined);
  const print = printer(io, values.json === true, makePalette(!values.json && colorEnabled(io.env, io.stdout.isTTY), ascii));
  const { readJournal } = await import('../../journal/read-back.js');

  if (!values.follow) {
    const shown = selectRecords(readJournal(io.env), { since, count });
    if (shown.length === 0 && !values.json) io.stderr.write(since === undefined ? 'buddy: nothing in the journal yet\n' : 'buddy: nothing in the journal since then\n');
    for (const record of shown) print(record);
    return 0;
  }
  const { followJournal } = await import('../../journal/follow.js');
  return new Promise((resolve) => {
    const follower = followJournal(io.env, (records) => records.forEach(print));
    for (const record of selectRecords(readJournal(io.env, follower.startedAt), { since, count })) print(record);
    const stop = (): void => {
      follower.stop();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
