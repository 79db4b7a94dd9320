// The daily greeting's words, offline: one template of the fact's kind whose every slot has a value, filled
// with the fact's numbers (plurals right: "one session", "twice") and the species' voice (its noises, its
// refuge, its treasure), chosen by the buddy's seeded generator and the date. Pure: the same buddy, fact and
// date always give the same line, and it never says more than the fact holds.
import type { BuddyBones } from '../engine/bones.js';
import type { DailyFact, DailyFactKind } from '../game/daily.js';
import { SPECIES_VOICES } from '../species/voice.js';
import { sanitizeLine } from '../text/sanitize.js';
import { truncateToWidth } from '../text/wrap.js';
import { choose, soulRng } from './soul-rng.js';

/** A remembered fact is quoted at most this wide, so the greeting stays one short line. */
export const DAILY_FACT_WIDTH = 40;

const TEMPLATES: Readonly<Record<DailyFactKind, readonly string[]>> = {
  green: [
    '{sound} Yesterday the tests went red {failedTimes}, then green. Nice fix.',
    '{sound} Yesterday the tests turned green {greenTimes}. I saw every one.',
    'Good morning! Yesterday: {sessions}, and green tests {greenTimes}. {sound}',
  ],
  sessions: ['{sound} Hello again! We had {sessions} together yesterday.', 'Yesterday was {sessions} of work. Ready for today? {sound}'],
  streak: ['{sound} {days} days in a row now. I have been counting.', 'Day after day: that makes {days} in a row. {sound}'],
  remembered: ['{sound} Hello! I still remember: {fact}', '{sound} You told me: {fact} I kept it.'],
  hello: ['{sound} A new day! Hello.', '{sound} Good to see you. I saved you {treasure}.', 'Hello! I waited in {refuge} for you. {sound}'],
};

/** Said only on a streak at its best: counting it is the news. */
const BEST_STREAK_TEMPLATE = '{sound} {days} days in a row: our best run yet!';

/** "once", "twice", "3 times". */
export function timesWord(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** "one session", "2 sessions". */
export function sessionsWord(count: number): string {
  return count === 1 ? 'one session' : `${count} sessions`;
}

/** A remembered fact as it is quoted: one line, single spaces, no closing stop, cut to DAILY_FACT_WIDTH. */
export function quotedFact(text: string): string {
  const line = sanitizeLine(text, 1_000).replace(/\s+/g, ' ').trim().replace(/[\s.,;:!?]+$/, '');
  return truncateToWidth(line, DAILY_FACT_WIDTH);
}

/** Each slot's value for this fact; a slot the fact cannot fill truly is absent. */
function slotsOf(bones: BuddyBones, fact: DailyFact, sound: string): Readonly<Record<string, string | undefined>> {
  const voice = SPECIES_VOICES[bones.species];
  const base = { sound, treasure: voice.treasure, refuge: voice.refuge };
  switch (fact.kind) {
    case 'green':
      return {
        ...base,
        greenTimes: timesWord(fact.green),
        failedTimes: fact.failed > 0 ? timesWord(fact.failed) : undefined,
        sessions: fact.sessions > 0 ? sessionsWord(fact.sessions) : undefined,
      };
    case 'sessions':
      return { ...base, sessions: sessionsWord(fact.sessions) };
    case 'streak':
      return { ...base, days: String(fact.days) };
    case 'remembered': {
      // A fact cut short ends in its ellipsis; a whole one gets its full stop back.
      const quoted = quotedFact(fact.text);
      return { ...base, fact: quoted === '' ? undefined : quoted.endsWith('…') ? quoted : `${quoted}.` };
    }
    case 'hello':
      return base;
  }
}

const SLOT = /\{([a-zA-Z]+)\}/g;

/** The template with every slot filled, or undefined when one has no value. */
function fill(template: string, slots: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const text = template.replace(SLOT, (_, name: string) => {
    const value = slots[name];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/** The greeting for `fact` on `date` (YYYY-MM-DD), in the species' voice. */
export function dailyWords(bones: BuddyBones, fact: DailyFact, date: string): string {
  const rng = soulRng(bones.inspirationSeed, `daily:${date}`);
  const voice = SPECIES_VOICES[bones.species];
  const sound = choose(voice.sounds, rng) as string;
  const slots = slotsOf(bones, fact, sound);
  const templates = fact.kind === 'streak' && fact.best ? [BEST_STREAK_TEMPLATE] : TEMPLATES[fact.kind];
  const filled = templates.map((template) => fill(template, slots)).filter((text): text is string => text !== undefined);
  // Every kind has a template that needs nothing beyond its own fact, so `filled` is never empty.
  return choose(filled, rng) as string;
}
