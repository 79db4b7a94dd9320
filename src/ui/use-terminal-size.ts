// The terminal's size, updated live on resize. On every resize the screen is cleared and the frame drawn
// again from the top: the terminal has already reflowed what was on screen to the new width, so rows the
// app drew before can no longer be found and erased one by one.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export const DEFAULT_COLUMNS = 80;
/** Erase the whole screen, then home the cursor. Scrollback is left alone. */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

export interface TerminalSize {
  readonly columns: number;
  /** Infinity when the stream reports no height (not a terminal): nothing can scroll it. */
  readonly rows: number;
}

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || DEFAULT_COLUMNS, rows: stdout.rows || Infinity };
}

export function useTerminalSize(): TerminalSize {
  const { stdout, write } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = (): void => {
      // Ink's write() erases its frame, writes this, then draws its last frame again: at the top.
      if (stdout.isTTY) write(CLEAR_SCREEN);
      setSize(sizeOf(stdout));
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, write]);
  return size;
}
