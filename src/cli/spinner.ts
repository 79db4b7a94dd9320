// A progress spinner on stderr (from cli-spinners) for work outside the Ink screen; silent without a TTY.
import spinners from 'cli-spinners';

export interface Spinner {
  stop(finalLine?: string): void;
}

export function startSpinner(stream: NodeJS.WriteStream, text: string): Spinner {
  if (!stream.isTTY) return { stop: (finalLine) => finalLine && stream.write(`${finalLine}\n`) };
  const { frames, interval } = spinners.dots;
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
