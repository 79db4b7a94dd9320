// How each mood shows: the pose it takes in the idle loop and on the face, and the mark beside the one-line
// face. The mood itself is the game's (src/game/mood.ts); how it looks is the art's, as with a stage
// (stage-art.ts).
import type { Mood } from '../game/state.js';
import type { Pose } from './parse.js';

/** The pose each mood shows in the idle loop and on the face (content shows none: the plain idle loop). */
export const MOOD_POSE: Readonly<Record<Mood, Pose | undefined>> = {
  cheerful: 'happy',
  content: undefined,
  hungry: 'sad',
  sleepy: 'sleepy',
  worried: 'alarmed',
};

/** A mark beside the one-line face, where there is no room for a pose. */
export const MOOD_MARK: Readonly<Record<Mood, string>> = { cheerful: '♪', content: '', hungry: '~', sleepy: 'z', worried: '!' };
