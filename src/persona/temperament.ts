// The buddy's temperament: what its peak stat makes it most of the time ("wry", "calm"), and how the hour
// colours it. This is not its mood: the mood (cheerful, content, hungry, sleepy, worried) comes from its
// growth (src/game/mood.ts) and is what every face shows as "mood". The talk prompt gets both, each named.
// Pure.
import type { BuddyBones } from '../engine/bones.js';

const PEAK_TEMPERAMENT: Readonly<Record<BuddyBones['peak'], string>> = {
  DEBUGGING: 'alert and curious',
  PATIENCE: 'calm',
  CHAOS: 'mischievous',
  WISDOM: 'thoughtful',
  SNARK: 'wry',
};

/** Its temperament apart from the time of day. */
export function temperamentOf(bones: BuddyBones): string {
  return PEAK_TEMPERAMENT[bones.peak];
}

/** Its temperament at an hour of the day (0 to 23): the same, waking up or drowsy at the ends of the day. */
export function temperamentAt(bones: BuddyBones, hour: number): string {
  if (hour < 5) return `${PEAK_TEMPERAMENT[bones.peak]}, and drowsy in the middle of the night`;
  if (hour < 9) return `${PEAK_TEMPERAMENT[bones.peak]}, still waking up`;
  if (hour >= 22) return `${PEAK_TEMPERAMENT[bones.peak]}, getting drowsy`;
  return PEAK_TEMPERAMENT[bones.peak];
}
