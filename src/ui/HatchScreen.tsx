// The hatch: the egg wobbles while the soul is written, cracks once it is ready, then reveals the buddy.
import { useEffect, useRef, useState } from 'react';
import type { Rarity } from '../engine/constants.js';
import { hatchPhaseAt, WOBBLE_FRAME_MS } from '../pet/hatch-phase.js';
import { composeHatchScreen } from '../pet/hatch-screen.js';
import type { Palette } from '../render/ansi.js';
import { eggSprite } from '../sprites/egg.js';
import { ScreenLines } from './ScreenLines.js';
import { useClock } from './use-clock.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface HatchScreenProps<S> {
  readonly rarity: Rarity;
  readonly writeSoul: () => Promise<S>;
  readonly onHatched: (soul: S) => void;
  readonly now: () => number;
  readonly palette: Palette;
  readonly caption?: string;
}

export function HatchScreen<S>({ rarity, writeSoul, onHatched, now, palette, caption }: HatchScreenProps<S>) {
  const startedAt = useRef(now());
  const [ready, setReady] = useState<{ soul: S; at: number } | undefined>(undefined);
  const [time] = useClock({ active: true, intervalMs: WOBBLE_FRAME_MS / 2, now });
  const { columns, rows } = useTerminalSize();

  useEffect(() => {
    let cancelled = false;
    void writeSoul().then((soul) => {
      if (!cancelled) setReady({ soul, at: now() - startedAt.current });
    });
    return () => {
      cancelled = true;
    };
  }, [writeSoul, now]);

  const phase = hatchPhaseAt(time - startedAt.current, ready?.at);
  useEffect(() => {
    if (phase.phase === 'revealed' && ready) onHatched(ready.soul);
  }, [phase.phase, ready, onHatched]);

  return <ScreenLines lines={composeHatchScreen({ egg: eggSprite(), phase, rarity, caption, columns, rows, palette })} />;
}
