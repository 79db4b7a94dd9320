// A one-word mood for the talk prompt, from the hour (passed in) and the buddy's temperament. Pure.
import type { BuddyBones } from '../engine/bones.js';

const PEAK_MOOD: Readonly<Record<BuddyBones['peak'], string>> = {
  DEBUGGING: 'alert and curious',
  PATIENCE: 'calm',
  CHAOS: 'mischievous',
  WISDOM: 'thoughtful',
  SNARK: 'wry',
};

/** Its mood apart from the time of day: what its temperament makes it most of the time. */
export function temperamentMood(bones: BuddyBones): string {
  return PEAK_MOOD[bones.peak];
}

export function moodAt(bones: BuddyBones, hour: number): string {
  if (hour < 5) return 'sleepy (it is the middle of the night)';
  if (hour < 9) return `${PEAK_MOOD[bones.peak]}, still waking up`;
  if (hour >= 22) return `${PEAK_MOOD[bones.peak]}, getting drowsy`;
  return PEAK_MOOD[bones.peak];
}
