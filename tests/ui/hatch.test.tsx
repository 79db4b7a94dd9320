// The hatch: the egg wobbles until the soul is ready, cracks, then the buddy appears and greets.
import { act } from 'react';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CRACK_MS, MIN_WOBBLE_MS } from '../../src/pet/hatch-phase.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { BuddyApp, type SoulView } from '../../src/ui/BuddyApp.js';
import { HatchScreen } from '../../src/ui/HatchScreen.js';
import { makePalette } from '../../src/render/ansi.js';
import { advance, PLAIN, silentResponder, useFakeClock } from './harness.js';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('HatchScreen', () => {
  it('wobbles for as long as the soul takes, then cracks and reveals', async () => {
    const soul = deferred<string>();
    const onHatched = vi.fn();
    let instance!: ReturnType<typeof render>;
    await act(async () => {
      instance = render(
        <HatchScreen rarity="rare" writeSoul={() => soul.promise} onHatched={onHatched} now={Date.now} palette={makePalette(false)} />,
      );
    });
    const frames = new Set<string>();
    for (let i = 0; i < 20; i++) {
      frames.add(instance.lastFrame() ?? '');
      await advance(250);
    }
    expect(frames.size).toBeGreaterThanOrEqual(2); // it wobbles
    expect(instance.lastFrame()).toContain('Something stirs inside the egg');
    expect(onHatched).not.toHaveBeenCalled(); // 5 s later, still waiting for the soul
    await act(async () => soul.resolve('soul'));
    await advance(250);
    expect(instance.lastFrame()).toContain('It is hatching!');
    await advance(CRACK_MS + 250);
    expect(onHatched).toHaveBeenCalledWith('soul');
  });

  it('wobbles at least a moment even when the soul is ready at once', async () => {
    const onHatched = vi.fn();
    await act(async () => {
      render(<HatchScreen rarity="common" writeSoul={() => Promise.resolve('fast')} onHatched={onHatched} now={Date.now} palette={makePalette(false)} />);
    });
    await advance(MIN_WOBBLE_MS - 250);
    expect(onHatched).not.toHaveBeenCalled();
    await advance(CRACK_MS + 500);
    expect(onHatched).toHaveBeenCalledWith('fast');
  });
});

describe('BuddyApp', () => {
  const soul: SoulView = { name: 'Pim', personality: 'Pim hoards pebbles.', soulNote: 'soul written offline' };

  it('hatches a new buddy, then greets with its name in a bubble', async () => {
    let instance!: ReturnType<typeof render>;
    await act(async () => {
      instance = render(
        <BuddyApp
          bones={PLAIN}
          soul={undefined}
          hatch={() => Promise.resolve(soul)}
          sprite={spriteFor(PLAIN.species)}
          hats={hatTable()}
          animate
          palette={makePalette(false)}
          respond={silentResponder}
          now={Date.now}
        />,
      );
    });
    expect(instance.lastFrame()).toContain('egg');
    await advance(MIN_WOBBLE_MS + CRACK_MS + 500);
    expect(instance.lastFrame()).toContain("Hello! I'm Pim.");
    expect(instance.lastFrame()).toContain('Pim ★☆☆☆☆');
  });

  it('goes straight to the pet when already hatched, and shows a notice', async () => {
    let instance!: ReturnType<typeof render>;
    await act(async () => {
      instance = render(
        <BuddyApp
          bones={PLAIN}
          soul={soul}
          hatch={() => Promise.reject(new Error('must not hatch'))}
          sprite={spriteFor(PLAIN.species)}
          hats={hatTable()}
          animate={false}
          palette={makePalette(false)}
          respond={silentResponder}
          now={Date.now}
          notice="keeping Pim: it was hatched for another identity"
        />,
      );
    });
    expect(instance.lastFrame()).toContain('Pim ★☆☆☆☆');
    expect(instance.lastFrame()).toContain('! keeping Pim');
  });
});
