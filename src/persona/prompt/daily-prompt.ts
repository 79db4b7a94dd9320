// The request for the daily greeting: the buddy's one short line on the first sight of a day, grounded in
// the one fact chosen for it (game/daily.ts). The system part is the rules, then who this buddy is (the
// remark's own block, the same for every line it says); the user message holds only the fact, scrubbed and
// cut to size here, so no caller can send a remembered fact raw.
import type { DailyFact } from '../../game/daily.js';
import type { ChatMessage } from './talk-prompt.js';
import { remarkSystem, sendable, type RemarkBuddy } from './remark-prompt.js';
import type { SystemBlock } from './system-sections.js';

/** A remembered fact is sent at most this long. */
export const DAILY_FACT_SEND_LENGTH = 120;

export const DAILY_RULES = [
  'You are a small terminal companion greeting the person the first time you see them today.',
  'Say one short line (at most 100 characters), in character, warm and a little playful.',
  'Build it on the fact below and on nothing else: never invent numbers, names or events, and never say more than the fact says.',
  'No quotes, no markdown, no emoji, no second line.',
].join('\n');

/** The fact as the lines the model reads. */
export function dailyFactLines(fact: DailyFact): string[] {
  switch (fact.kind) {
    case 'green':
      return [
        `Yesterday: ${fact.sessions} session(s) with you; test runs failed ${fact.failed} time(s) and went green again ${fact.green} time(s).`,
      ];
    case 'sessions':
      return [`Yesterday: ${fact.sessions} session(s) with you, nothing red or green worth naming.`];
    case 'streak':
      return [`The person has cared for you ${fact.days} days in a row${fact.best ? ', their best run so far' : ''}.`];
    case 'remembered':
      return [`Something the person asked you to remember: ${sendable(fact.text, DAILY_FACT_SEND_LENGTH)}`];
    case 'hello':
      return ['Nothing in particular happened lately: just say hello for the new day.'];
  }
}

export function dailySystem(buddy: RemarkBuddy): SystemBlock[] {
  // The buddy's own block is the remark's second block: one cache entry serves both.
  return [{ type: 'text', text: DAILY_RULES }, remarkSystem(buddy)[1] as SystemBlock];
}

export function dailyMessages(fact: DailyFact): ChatMessage[] {
  return [{ role: 'user', content: [...dailyFactLines(fact), 'Say your one greeting line now.'].join('\n') }];
}
