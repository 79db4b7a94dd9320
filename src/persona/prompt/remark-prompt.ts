// The request for a remark: the buddy's one short line about something that just happened in a coding
// session. The system part is stable (the rules, the same for every buddy, then who this buddy is, the
// same for every remark it makes), so both blocks are prompt-cache breakpoints; everything that changes
// from one remark to the next (what happened, the session's last lines, the hour's temperament) is in the
// user message. Every text that came from the session is scrubbed of credentials and cut to size here, so
// no caller can send one raw.
import type { BuddyBones } from '../../engine/bones.js';
import { MAX_FACT_LENGTH, MAX_NAMED_TESTS, type RemarkFacts, type RemarkKind } from '../../species/remark-facts.js';
import { SPECIES_LORE } from '../../species/lore.js';
import { redactSecrets } from '../../text/secrets.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { PromptLanguage } from './hatch-prompt.js';
import { REMARK_STATIC_PROMPT } from './static-prompts.js';
import type { SystemBlock } from './system-sections.js';
import type { ChatMessage } from './talk-prompt.js';

/** At most this many lines of the session's context are sent, each at most MAX_CONTEXT_LINE_LENGTH long. */
export const MAX_CONTEXT_LINES = 8;
export const MAX_CONTEXT_LINE_LENGTH = 160;
/** At most this many remembered facts, each at most MAX_REMEMBERED_LENGTH long. */
export const MAX_REMEMBERED = 5;
export const MAX_REMEMBERED_LENGTH = 120;

/** Opens the buddy's own block, which stays the same for every remark it makes. */
export const REMARK_BUDDY_HEADING = '=== THIS BUDDY (the same for every remark) ===';
export const SESSION_DATA_START = '<<<SESSION DATA';
export const SESSION_DATA_END = 'SESSION DATA>>>';

export interface RemarkBuddy {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly personality: string;
  /** The language to remark in; absent: English. */
  readonly language?: PromptLanguage | undefined;
}

export interface RemarkEvent {
  readonly facts: RemarkFacts;
  /** The session's last lines around the event (a test run's output, an error), oldest first. */
  readonly context?: readonly string[] | undefined;
  /** Things the buddy remembers about this person or project, if any. */
  readonly remembered?: readonly string[] | undefined;
  /** What its peak stat makes it at this hour, e.g. "wry, still waking up". */
  readonly temperament?: string | undefined;
  /** Its mood now, the one every face shows. */
  readonly mood?: string | undefined;
}

const WHAT_HAPPENED: Readonly<Record<RemarkKind, string>> = {
  testsFailed: 'a test run failed',
  testsPassed: 'a test run passed',
  error: 'an error was printed',
  bigDiff: 'a big edit landed',
  longSilence: 'the session went quiet for a long time',
  turnEnd: 'the agent finished its turn',
};

/** One text from the session, as it may be sent: no credentials, no controls, one line, cut to size. */
export function sendable(text: string, maxLength: number): string {
  return sanitizeLine(redactSecrets(sanitizeLine(text, maxLength * 4)), maxLength).replace(/\s+/g, ' ').trim();
}

export function remarkSystem(buddy: RemarkBuddy): SystemBlock[] {
  const { bones } = buddy;
  const lore = SPECIES_LORE[bones.species];
  const stats = Object.entries(bones.stats).map(([stat, value]) => `${stat} ${value}`).join(', ');
  const lines = [
    REMARK_BUDDY_HEADING,
    `Your name: ${buddy.name}. You are ${/^[aeiou]/.test(bones.rarity) ? 'an' : 'a'} ${bones.rarity}${bones.shiny ? ' shiny' : ''} ${bones.species}.`,
    lore ? `Your kind: ${lore.lore}` : '',
    `Your personality: ${buddy.personality}`,
    `Your stats: ${stats} (strongest ${bones.peak}, weakest ${bones.dump}).`,
    buddy.language ? `Language: remark in ${buddy.language.name} (${buddy.language.tag}).` : '',
  ].filter((line) => line.length > 0);
  return [
    { type: 'text', text: REMARK_STATIC_PROMPT, cache_control: { type: 'ephemeral' } },
    { type: 'text', text: lines.join('\n'), cache_control: { type: 'ephemeral' } },
  ];
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
};

const count = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 0;

/** The facts as lines, every text scrubbed and capped. */
export function factLines(facts: RemarkFacts): string[] {
  const counts = [count(facts.failed) ? `${facts.failed} failed` : '', count(facts.passed) ? `${facts.passed} passed` : ''].filter((part) => part !== '');
  const times = count(facts.timesToday) && facts.timesToday > 1 ? `, the ${ordinal(facts.timesToday)} time today` : '';
  const tests = (facts.tests ?? []).slice(0, MAX_NAMED_TESTS).map((test) => sendable(test, MAX_FACT_LENGTH)).filter((test) => test !== '');
  const text = (label: string, value: string | undefined): string => {
    const clean = value === undefined ? '' : sendable(value, MAX_FACT_LENGTH);
    return clean === '' ? '' : `${label}: ${clean}`;
  };
  return [
    `Event: ${WHAT_HAPPENED[facts.kind]}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}${times}.`,
    facts.recovered === true ? 'It turned green after failing.' : '',
    tests.length > 0 ? `Failing tests: ${tests.join('; ')}` : '',
    text('File', facts.file),
    text('Error', facts.error),
    text('Command', facts.command),
    count(facts.lines) ? `Lines written: ${facts.lines}` : '',
    count(facts.quietMinutes) ? `Quiet for: ${facts.quietMinutes} minutes` : '',
  ].filter((line) => line !== '');
}

/** The last context lines that say anything, scrubbed and capped. */
export function contextLines(context: readonly string[]): string[] {
  return context
    .map((line) => sendable(line, MAX_CONTEXT_LINE_LENGTH))
    .filter((line) => line !== '')
    .slice(-MAX_CONTEXT_LINES);
}

export function remarkMessages(event: RemarkEvent): ChatMessage[] {
  const context = contextLines(event.context ?? []);
  const remembered = (event.remembered ?? []).map((fact) => sendable(fact, MAX_REMEMBERED_LENGTH)).filter((fact) => fact !== '').slice(0, MAX_REMEMBERED);
  const lines = [
    SESSION_DATA_START,
    ...factLines(event.facts),
    ...(context.length > 0 ? ['Last lines of the session:', ...context.map((line) => `| ${line}`)] : []),
    SESSION_DATA_END,
    ...(remembered.length > 0 ? [`You remember: ${remembered.join('; ')}`] : []),
    event.temperament ? `Your temperament now: ${sendable(event.temperament, 80)}.` : '',
    event.mood ? `Your mood now: ${sendable(event.mood, 120)}.` : '',
    'Say your one line now.',
  ].filter((line) => line !== '');
  return [{ role: 'user', content: lines.join('\n') }];
}
