// The achievements, as data: each has a name, a one-line description, a hint for when it is still locked,
// and the rule that earns it, checked after every event and whenever growth is brought up to date.
import { DAY_MS, localHour } from './clock.js';
import { isCareKind, type GameEvent } from './events.js';
import { levelForXp } from './levels.js';
import { FULL } from './needs.js';
import { MOODS, type Counter, type GrowthState } from './state.js';

export interface AchievementCheck {
  /** Growth after the event (or at the moment, when no event). */
  readonly state: GrowthState;
  readonly event: GameEvent | undefined;
  /** When it was last cared for before this event. */
  readonly previousCareAt: number | undefined;
  readonly now: number;
  /** Its own buddy is shiny. */
  readonly shiny: boolean;
  readonly careOn: boolean;
}

export interface Achievement {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** How to earn it, for the list of locked ones. */
  readonly hint: string;
  readonly earned: (check: AchievementCheck) => boolean;
  /** How far along it is: [have, goal]. */
  readonly progress?: (state: GrowthState) => readonly [number, number];
  /**
   * Earned by the clock (the hour, a week away, a year): first claimed, then earned by a later fold whose
   * clock has reached the claimed moment, so one run under a clock that ran ahead never unlocks it.
   */
  readonly byTheClock?: true;
}

const count = (counter: Counter, goal: number) => ({
  earned: ({ state }: AchievementCheck) => state.counts[counter] >= goal,
  progress: (state: GrowthState) => [Math.min(goal, state.counts[counter]), goal] as const,
});

const level = (goal: number) => ({
  earned: ({ state }: AchievementCheck) => levelForXp(state.xp) >= goal,
  progress: (state: GrowthState) => [Math.min(goal, levelForXp(state.xp)), goal] as const,
});

const streak = (goal: number) => ({
  earned: ({ state }: AchievementCheck) => state.streak.best >= goal,
  progress: (state: GrowthState) => [Math.min(goal, state.streak.best), goal] as const,
});

const careBetween = (fromHour: number, toHour: number, kinds: (event: GameEvent) => boolean) => ({
  byTheClock: true as const,
  earned: ({ event }: AchievementCheck) => {
    if (!event || !kinds(event)) return false;
    const hour = localHour(event.at, event.offsetMinutes);
    return hour >= fromHour && hour < toHour;
  },
});

const WELCOME_BACK_AFTER_MS = 7 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

export const ACHIEVEMENTS: readonly Achievement[] = [
  { id: 'first-pet', name: 'First pet', description: 'You pet it for the first time.', hint: 'press p in the pet, or run buddy pet', ...count('pets', 1) },
  { id: 'pets-100', name: 'Well loved', description: 'A hundred pets.', hint: 'pet it 100 times', ...count('pets', 100) },
  { id: 'first-snack', name: 'First snack', description: 'You fed it a snack.', hint: 'press f in the pet, or run buddy feed', ...count('feeds', 1) },
  { id: 'snacks-50', name: 'Regular meals', description: 'Fifty snacks, never skipped a crumb.', hint: 'feed it 50 snacks', ...count('feeds', 50) },
  {
    id: 'full-belly',
    name: 'Full belly',
    description: 'Fed right up to full.',
    hint: 'feed it until it is completely full (needs care on)',
    earned: ({ event, state, careOn }) => careOn && event?.kind === 'feed' && state.fullness >= FULL,
  },
  { id: 'first-words', name: 'First words', description: 'Your first conversation.', hint: 'call it by name in the pet, in buddy say or in a prompt', ...count('talks', 1) },
  { id: 'talks-50', name: 'Chatterbox', description: 'Fifty conversations.', hint: 'talk with it 50 times, calling it by name', ...count('talks', 50) },
  { id: 'night-owl', name: 'Night owl', description: 'A conversation in the small hours.', hint: 'talk with it between midnight and 4 a.m.', ...careBetween(0, 4, (event) => event.kind === 'talk') },
  { id: 'early-bird', name: 'Early bird', description: 'Cared for it at dawn.', hint: 'pet, feed or talk with it between 5 and 7 a.m.', ...careBetween(5, 7, (event) => isCareKind(event.kind)) },
  { id: 'streak-3', name: 'Three in a row', description: 'Cared for it three days in a row.', hint: 'care for it on three days in a row', ...streak(3) },
  { id: 'streak-7', name: 'A week together', description: 'A seven-day care streak.', hint: 'care for it on seven days in a row', ...streak(7) },
  { id: 'streak-30', name: 'A month together', description: 'A thirty-day care streak.', hint: 'care for it on thirty days in a row', ...streak(30) },
  {
    id: 'welcome-back',
    name: 'Welcome back',
    description: 'Came back after a week away; it kept your spot.',
    hint: 'come back after a week or more away',
    byTheClock: true,
    earned: ({ event, previousCareAt }) => event !== undefined && isCareKind(event.kind) && previousCareAt !== undefined && event.at - previousCareAt >= WELCOME_BACK_AFTER_MS,
  },
  { id: 'first-session', name: 'Coworker', description: 'Kept you company in a coding session.', hint: 'work in Claude Code with the buddy in the statusline (buddy install claude-code)', ...count('sessions', 1) },
  { id: 'sessions-50', name: 'Old hands', description: 'Fifty coding sessions together.', hint: 'work 50 sessions with it in the statusline', ...count('sessions', 50) },
  { id: 'red-to-green', name: 'Red to green', description: 'Saw failing tests turn green.', hint: 'fix a failing test suite while it watches', ...count('recoveries', 1) },
  { id: 'fixes-10', name: 'Bug squasher', description: 'Saw failing tests turn green ten times.', hint: 'fix ten failing suites while it watches', ...count('recoveries', 10) },
  { id: 'big-diff', name: 'Big change', description: 'Saw a big diff land.', hint: 'make a large edit while it watches', ...count('bigDiffs', 1) },
  { id: 'quiet-company', name: 'Quiet company', description: 'Sat through a long silence with you.', hint: 'leave a session quiet for a while', ...count('silences', 1) },
  { id: 'level-5', name: 'Growing', description: 'Reached level 5.', hint: 'reach level 5', ...level(5) },
  { id: 'level-10', name: 'Young one', description: 'Reached level 10 and grew up a little.', hint: 'reach level 10', ...level(10) },
  { id: 'level-25', name: 'All grown up', description: 'Reached level 25, a grown-up.', hint: 'reach level 25', ...level(25) },
  { id: 'level-40', name: 'Elder', description: 'Reached level 40, wise with age.', hint: 'reach level 40', ...level(40) },
  { id: 'level-50', name: 'Fifty', description: 'Reached level 50, the very top.', hint: 'reach level 50', ...level(50) },
  { id: 'shiny', name: 'Shiny!', description: 'Saw a shiny buddy.', hint: 'see a shiny buddy (buddy roll shows anyone\'s)', earned: ({ shiny, event }) => shiny || event?.kind === 'sawShiny' },
  {
    id: 'every-mood',
    name: 'Many moods',
    description: 'Saw it in every mood.',
    hint: 'see it cheerful, content, hungry, sleepy and worried',
    earned: ({ state }) => MOODS.every((mood) => state.moodsSeen.includes(mood)),
    progress: (state) => [state.moodsSeen.length, MOODS.length],
  },
  { id: 'one-year', name: 'One year', description: 'A year since it hatched.', hint: 'a year after hatching', byTheClock: true, earned: ({ state, now }) => now - state.startedAt >= YEAR_MS },
];

export const ACHIEVEMENT_BY_ID: ReadonlyMap<string, Achievement> = new Map(ACHIEVEMENTS.map((achievement) => [achievement.id, achievement]));
