// Offline talk: replies from word banks when the buddy is called by name and no model is at hand.
import type { BuddyBones } from '../engine/bones.js';
import { choose, soulRng } from './soul-rng.js';
import { OFFLINE_REPLIES } from './words.js';

/** `variety` makes successive replies differ (e.g. the number of exchanges so far). */
export function offlineReply(bones: BuddyBones, name: string, message: string, variety: number): string {
  const rng = soulRng(bones.inspirationSeed, `reply:${variety}:${message}`);
  return (choose(OFFLINE_REPLIES[bones.peak], rng) ?? '…').replace(/\{name\}/g, name);
}
