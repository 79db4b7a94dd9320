// The hatch spinner redraws one line with escape sequences: only on a terminal that can redraw it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startSpinner } from '../../src/cli/spinner.js';

function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  (stream as { isTTY?: boolean }).isTTY = true;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, written: () => text };
}

describe('startSpinner', () => {
  it('draws and clears its line on a terminal that can redraw', () => {
    const { stream, written } = fakeTerminal();
    startSpinner(stream, 'Hatching', { TERM: 'xterm-256color' }).stop('Done.');
    expect(written()).toContain('\r\u001b[2K');
    expect(written().endsWith('Done.\n')).toBe(true);
  });

  it('writes no escape sequence at all on TERM=dumb, only the final line', () => {
    const { stream, written } = fakeTerminal();
    startSpinner(stream, 'Hatching', { TERM: 'dumb' }).stop('Done.');
    expect(written()).toBe('Done.\n');
  });
});
