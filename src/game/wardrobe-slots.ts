// Every wardrobe item's id and the slot it is worn in, and nothing else: the stored growth's schema and the
// statusline need to know which ids exist without loading the unlock rules (src/game/wardrobe.ts).

/** 'head': drawn on the top line in place of the rolled hat; 'card': a colour accent for the cards. */
export const WARDROBE_SLOTS = ['head', 'card'] as const;
export type WardrobeSlot = (typeof WARDROBE_SLOTS)[number];

export const ITEM_SLOT = {
  bow: 'head',
  cherry: 'head',
  'chef-hat': 'head',
  'speech-bubble': 'head',
  'night-cap': 'head',
  sunrise: 'head',
  bandana: 'head',
  headband: 'head',
  laurel: 'head',
  feather: 'head',
  headphones: 'head',
  goggles: 'head',
  antenna: 'head',
  'hard-hat': 'head',
  sprout: 'head',
  cap: 'head',
  'pirate-hat': 'head',
  mortarboard: 'head',
  tiara: 'head',
  'star-clip': 'head',
  flower: 'head',
  'party-hat': 'head',
  gamepad: 'head',
  joystick: 'head',
  trophy: 'head',
  rose: 'card',
  peach: 'card',
  midnight: 'card',
  terminal: 'card',
  meadow: 'card',
  aurora: 'card',
  confetti: 'card',
  gold: 'card',
} as const satisfies Readonly<Record<string, WardrobeSlot>>;

export type WardrobeId = keyof typeof ITEM_SLOT;

export function isWardrobeId(id: string): id is WardrobeId {
  return Object.hasOwn(ITEM_SLOT, id);
}
