// The resting sprite for printed cards (roll, dex, the non-TTY pet), coloured by rarity.
import type { BuddyBones } from '../engine/bones.js';
import type { GrowthView } from '../game/view.js';
import type { Palette } from '../render/ansi.js';
import { renderCard } from '../render/card.js';
import type { StoredBuddy } from '../store/schema.js';
import { composeBuddyFrame } from '../faces/frame.js';
import { STILL_FRAME, type FrameChoice } from '../sprites/animation.js';
import { soulNote } from '../buddy/session.js';
import { wornHeadArt } from '../sprites/wardrobe-art.js';
import { wearingOf as wearingOfWorn, type Wearing } from '../faces/wearing.js';

export function composeCardArt(bones: BuddyBones, palette: Palette, frame: FrameChoice = STILL_FRAME, growth?: GrowthView, wornHat?: string): string[] {
  const lines = composeBuddyFrame({ ...bones, stage: growth?.stage, branch: growth?.branch, wornHat }, frame);
  const tint = palette.rarity(bones.rarity);
  // Drop the hat line when it is empty so printed cards stay compact.
  const visible = lines[0]?.trim() === '' ? lines.slice(1) : lines;
  return visible.map((line) => tint(line.trimEnd()));
}

/**
 * The card of a buddy with its art, and its soul and growth when it has hatched (pet without a TTY,
 * hatch, card). On a terminal, pass its width: prose then wraps at word boundaries instead of wherever the
 * terminal cuts it. `languageNote` is the one line saying the buddy speaks English offline, when it does.
 */
export function buddyCardLines(bones: BuddyBones, palette: Palette, stored: StoredBuddy | undefined, width?: number, growth?: GrowthView, languageNote?: string): string[] {
  return renderCard(bones, palette, {
    // The buddy's own card shows what it wears; the roll's card (no stored buddy) always the rolled hat.
    art: composeCardArt(bones, palette, STILL_FRAME, growth, wornHeadArt(stored?.growth?.wardrobe?.worn.head)),
    ...(width ? { width } : {}),
    ...(stored ? { name: stored.name, personality: stored.personality, soulNote: soulNote(stored) } : {}),
    progress: growth,
    ...(stored && languageNote ? { languageNote } : {}),
    ...(stored ? { wearing: wearingOf(stored) } : {}),
  });
}

/** The names of what a stored buddy wears, and its card accent's terminal colour, for its own cards. */
export function wearingOf(stored: StoredBuddy): Wearing {
  return wearingOfWorn(stored.growth?.wardrobe?.worn);
}
