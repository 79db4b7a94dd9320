// The hatch: the egg wobbles while the soul is written, cracks once it is ready, then reveals the buddy.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Rarity } from '../engine/constants.js';
import { hatchPhaseAt, WOBBLE_FRAME_MS } from '../pet/hatch.js';
import { eggSprite } from '../sprites/egg.js';
import type { Theme } from './theme.js';
import { useClock } from './use-clock.js';

export interface HatchScreenProps<S> {
  readonly rarity: Rarity;
  readonly writeSoul: () => Promise<S>;
  readonly onHatched: (soul: S) => void;
  readonly now: () => number;
  readonly theme: Theme;
  readonly caption?: string;
}

export function HatchScreen<S>({ rarity, writeSoul, onHatched, now, theme, caption }: HatchScreenProps<S>) {
  const startedAt = useRef(now());
  const [ready, setReady] = useState<{ soul: S; at: number } | undefined>(undefined);
  const [time] = useClock({ active: true, intervalMs: WOBBLE_FRAME_MS / 2, now });

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

  const egg = eggSprite();
  const lines = phase.phase === 'crack' ? egg.crack[phase.frame]! : phase.phase === 'wobble' ? egg.wobble[phase.frame]! : egg.crack[1]!;
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Text key={index} color={theme.rarity(rarity)}>
          {line}
        </Text>
      ))}
      <Text dimColor>{phase.phase === 'wobble' ? (caption ?? 'Something stirs inside the egg…') : 'It is hatching!'}</Text>
    </Box>
  );
}
