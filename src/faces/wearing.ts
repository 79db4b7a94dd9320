// What a buddy wears, as its own cards say it: the names of its worn items (head, then card accent) and the
// accent's terminal colour. One place, so the printed card and the pet's card panel say the same. Pure.
import { itemById } from '../game/wardrobe.js';
import { wornAccent } from '../sprites/wardrobe-art.js';

export interface Wearing {
  readonly names: readonly string[];
  readonly accent?: number | undefined;
}

export function wearingOf(worn: { readonly head?: string | undefined; readonly card?: string | undefined } | undefined): Wearing {
  const names = [worn?.head, worn?.card].flatMap((id) => (id === undefined ? [] : [itemById(id)?.name ?? id]));
  return { names, accent: wornAccent(worn?.card)?.term };
}
