// A progress spinner on stderr (from cli-spinners) for work outside the Ink screen; silent without a TTY,
// and on a terminal that cannot redraw a line (TERM=dumb: the escape would be printed raw).
import spinners from 'cli-spinners';
import { canRedraw } from '../render/terminal.js';
import { isAsciiStream } from './ascii-io.js';

export interface Spinner {
  stop(finalLine?: string): void;
}

export function startSpinner(stream: NodeJS.WriteStream, text: string, env: NodeJS.ProcessEnv = process.env): Spinner {
  if (!stream.isTTY || !canRedraw(env, process.platform)) return { stop: (finalLine) => finalLine && stream.write(`${finalLine}\n`) };
  // Braille dots, or on a stream that takes only ASCII a turning line.
  const { frames, interval } = isAsciiStream(stream) ? spinners.line : spinners.dots;
  let index = 0;
  const draw = (): void => {
    stream.write(`\r\u001b[2K${frames[index++ % frames.length]} ${text}`);
  };
  draw();
  const timer = setInterval(draw, interval);
  return {
    stop(finalLine) {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
      if (finalLine) stream.write(`${finalLine}\n`);
    },
  };
}
