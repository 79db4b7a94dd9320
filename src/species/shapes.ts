// The shapes every species' words take: the events it reacts to, what it recognises when talked to, its
// voice and its lore. Both roll versions' tables (lines, voice, lore and their classic families) are
// typed by these, so neither family's file needs the other's.

export const REACTION_EVENTS = ['testsFailed', 'error', 'bigDiff', 'recovered', 'longSilence', 'petted', 'greeting', 'ignored'] as const;
export type ReactionEvent = (typeof REACTION_EVENTS)[number];

export type LineBank = Readonly<Record<ReactionEvent, readonly string[]>>;

/** What the buddy recognises in what it is told, offline. */
export const TALK_INTENTS = [
  'greeting',
  'thanks',
  'yesNo',
  'question',
  'joke',
  'request',
  'tests',
  'bugs',
  'errors',
  'deploys',
  'refactors',
  'coffee',
  'breaks',
  'lateHours',
  'praise',
  'insults',
  'askName',
  'askSpecies',
  'askStats',
  'askMood',
  'badNews',
  'goodNews',
  'chat',
] as const;
export type TalkIntent = (typeof TALK_INTENTS)[number];

export interface SpeciesVoice {
  /** Noises and small gestures, written as emotes. */
  readonly sounds: readonly [string, string, string];
  /** Where it curls up, with its article: "my shell". */
  readonly refuge: string;
  /** What it treasures, with its article: "a smooth pebble". */
  readonly treasure: string;
  /** How it celebrates, a verb phrase: "scuttle a lap sideways". */
  readonly move: string;
  /** Its kind in the plural, in lower case: "crabs". */
  readonly kin: string;
  /**
   * Lines only this species says, for some intents; bad and good news for every species. A work topic's lines
   * (tests, bugs, errors, deploys, refactors) are said with no news or bad news, so they must fit both.
   */
  readonly lines: Readonly<Partial<Record<TalkIntent, readonly string[]>>>;
}

export interface SpeciesLore {
  /** One or two sentences of lore, at most 200 characters, whimsical, for the persona prompt and `buddy dex`. */
  readonly lore: string;
  /** Three or four short adjectives/traits of the species' temperament. */
  readonly traits: readonly string[];
}
