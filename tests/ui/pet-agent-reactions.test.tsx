// The pet hears what an agent CLI told the buddy: a reaction that arrives while it is open is said in its
// bubble, and the pet stops listening when it closes.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchReactions } from '../../src/ui/PetScreen.js';
import { renderPet, useFakeClock } from './harness.js';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

describe('agent reactions in the pet', () => {
  it('shows a reaction as it comes, and stops listening on close', async () => {
    let hear: Parameters<WatchReactions>[0] | undefined;
    let stopped = false;
    const watchReactions: WatchReactions = (listener) => {
      hear = listener;
      return () => {
        stopped = true;
      };
    };
    const { lastFrame, unmount } = await renderPet({ watchReactions });
    expect(lastFrame()).not.toContain('The tests pinched you.');
    await act(async () => {
      hear?.({ text: '*click click* The tests pinched you.', pose: 'alarmed' });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(lastFrame()).toContain('The tests pinched you.');
    await act(async () => {
      unmount();
    });
    expect(stopped).toBe(true);
  });
});
