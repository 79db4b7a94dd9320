// The tricks a buddy learns as it grows: one at each of ten levels, spread so that the first comes after a
// day of use and the last with the elder stage. A trick is only something to watch: performing one earns
// nothing and changes nothing in growth. How each trick moves is the art's (assets/tricks.sprite, parsed
// by src/sprites/tricks.ts); which tricks there are, and when each is learned, is decided here. Pure.

export interface Trick {
  /** What `buddy trick` takes, and the choreography's name in assets/tricks.sprite. */
  readonly id: string;
  readonly name: string;
  /** The level it is learned at. */
  readonly level: number;
  /** One line, after the name: what the buddy does. */
  readonly description: string;
}

/** In the order they are learned. */
export const TRICKS: readonly Trick[] = [
  { id: 'spin', name: 'Spin', level: 2, description: 'turns right round on the spot' },
  { id: 'hop', name: 'Hop', level: 4, description: 'hops up and down, as high as it can' },
  { id: 'nap', name: 'Nap', level: 7, description: 'curls up for a short nap on command' },
  { id: 'dance', name: 'Dance', level: 10, description: 'dances from side to side to a little tune' },
  { id: 'bow', name: 'Bow', level: 14, description: 'takes a bow, stars and all' },
  { id: 'fetch', name: 'Fetch', level: 19, description: 'chases a ball and brings it back' },
  { id: 'juggle', name: 'Juggle', level: 25, description: 'juggles three balls over its head' },
  { id: 'roll', name: 'Roll over', level: 32, description: 'rolls right over, upside down and back' },
  { id: 'moonwalk', name: 'Moonwalk', level: 36, description: 'glides backwards while facing forwards' },
  { id: 'encore', name: 'Encore', level: 40, description: 'a little of everything, with fireworks' },
];

export function trickById(id: string): Trick | undefined {
  return TRICKS.find((trick) => trick.id === id);
}

/** The tricks a buddy of this level knows, in the order they were learned. */
export function tricksLearnedAt(level: number): Trick[] {
  return TRICKS.filter((trick) => trick.level <= level);
}

/** The tricks it has still to learn at this level, the next first. */
export function tricksToLearnAt(level: number): Trick[] {
  return TRICKS.filter((trick) => trick.level > level);
}

/** The next trick a buddy of this level will learn; undefined once it knows them all. */
export function nextTrickAfter(level: number): Trick | undefined {
  return TRICKS.find((trick) => trick.level > level);
}

/** The tricks a level-up from `before` to `after` teaches (none when the level did not rise). */
export function tricksLearnedBetween(before: number, after: number): Trick[] {
  return TRICKS.filter((trick) => trick.level > before && trick.level <= after);
}

/**
 * The trick to perform after `last` (the one performed last time), cycling through the learned ones in
 * order: the first when none was performed yet, or when the last one is not among them.
 */
export function nextTrickToPerform(learned: readonly Trick[], last: string | undefined): Trick | undefined {
  const index = learned.findIndex((trick) => trick.id === last);
  return learned[(index + 1) % learned.length];
}

/** The words for a trick learned: how it is announced, once. */
export function trickLearnedText(trick: Trick, name: string): string {
  return `${name} learned a trick: ${trick.name}! Press k in the pet, or run buddy trick ${trick.id}`;
}

/** What the pet says when asked for a trick before any is learned. */
export function noTrickYetText(name: string, level: number): string {
  const next = nextTrickAfter(level);
  return next ? `${name} knows no tricks yet: ${next.name} comes at level ${next.level}.` : `${name} knows no tricks.`;
}

/** Why a trick cannot be performed yet, for `buddy trick`. */
export function notLearnedYetText(trick: Trick, name: string, level: number): string {
  return `${name} has not learned ${trick.name} yet: it comes at level ${trick.level} (${name} is level ${level}).`;
}
