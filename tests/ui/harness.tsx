// Shared harness for Ink component tests: fake timers (Date included, setImmediate left real so Ink
// can render), a step helper that advances time inside act(), and a PetScreen with test defaults.
import { act } from 'react';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { rollFromUserId, type Bones } from '../../src/engine/roll.js';
import type { Responder } from '../../src/pet/responder-port.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { PetScreen, type PetScreenProps } from '../../src/ui/PetScreen.js';
import { makePalette } from '../../src/render/ansi.js';

export const START = Date.UTC(2026, 10, 25, 12, 0, 0);

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
}

/** Advances fake time inside act(), so React flushes every update it causes. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

export async function press(stdin: { write: (data: string) => void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await act(async () => {
      stdin.write(key);
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

/** ui-55 rolls a plain common Pebblecrab with ◉ eyes, easy to tell from a blink. */
export const PLAIN: Bones = rollFromUserId('ui-55');

export const silentResponder: Responder = () => ({ thinking: false, reply: Promise.resolve({ text: '*blinks*' }) });

export async function renderPet(overrides: Partial<PetScreenProps> = {}) {
  const bones = overrides.bones ?? PLAIN;
  let instance!: ReturnType<typeof render>;
  await act(async () => {
    instance = render(
      <PetScreen
        bones={bones}
        name="Pim"
        personality="Pim collects shiny pebbles."
        soulNote="soul written offline"
        sprite={spriteFor(bones.species)}
        hats={hatTable()}
        animate
        palette={makePalette(false)}
        respond={silentResponder}
        now={Date.now}
        {...overrides}
      />,
    );
  });
  return instance;
}

export function setColumns(stdout: object, columns: number): void {
  Object.defineProperty(stdout, 'columns', { configurable: true, get: () => columns });
  (stdout as { emit: (event: string) => void }).emit('resize');
}
