// Reads a host's JSON payload from stdin without ever hanging: stops at EOF, as soon as what has
// arrived parses as a JSON object, when nothing has arrived for `idleMs` (some hosts keep stdin open),
// at an overall deadline, or past a size cap.

export interface StdinRead {
  readonly text: string;
  readonly truncated: boolean;
}

export function readStdinJson(stream: NodeJS.ReadStream, idleMs: number, deadlineMs: number, maxBytes: number): Promise<StdinRead> {
  if (stream.isTTY) return Promise.resolve({ text: '', truncated: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (truncated: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idle);
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onEnd);
      stream.pause();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated });
    };
    const onData = (chunk: Buffer | string): void => {
      idle.refresh();
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (bytes > maxBytes) {
        finish(true);
        return;
      }
      chunks.push(buffer);
      // A complete object may arrive without EOF: stop as soon as it parses.
      if (buffer.toString('utf8', Math.max(0, buffer.length - 8)).trimEnd().endsWith('}')) {
        try {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          finish(false);
        } catch {
          // not complete yet
        }
      }
    };
    const onEnd = (): void => finish(false);
    const timer = setTimeout(() => finish(false), deadlineMs);
    const idle = setTimeout(() => finish(false), idleMs);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onEnd);
  });
}
