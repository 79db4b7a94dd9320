// Reads a host's JSON payload from stdin without ever hanging: stops at EOF, as soon as what has
// arrived parses as a JSON object, when nothing has arrived for `idleMs` (some hosts keep stdin open),
// at an overall deadline, or past a size cap. (Reading descriptor 0 directly would skip setting up
// process.stdin, but a read blocked on a pipe the host keeps open would then hold the process at exit.)

export interface StdinRead {
  readonly text: string;
  readonly truncated: boolean;
}

/** Something that delivers chunks until it ends; `start` returns a function that stops it. */
interface ChunkSource {
  readonly interactive: boolean;
  start(onData: (chunk: Buffer) => void, onEnd: () => void): () => void;
}

/**
 * `open` gives the stream when it is first needed: creating process.stdin costs a few milliseconds, which a
 * caller that already has the whole payload (the light statusline script hands it over) never pays.
 */
export function streamSource(open: () => NodeJS.ReadStream): ChunkSource {
  return {
    get interactive() {
      return Boolean(open().isTTY);
    },
    start(onData, onEnd) {
      const stream = open();
      const data = (chunk: Buffer | string): void => onData(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      stream.on('data', data);
      stream.on('end', onEnd);
      stream.on('error', onEnd);
      return () => {
        stream.off('data', data);
        stream.off('end', onEnd);
        stream.off('error', onEnd);
        stream.pause();
      };
    },
  };
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * `head` is what an earlier reader (the light statusline script) already took from the stream: the
 * payload starts with it, and the stream is read only when it is not a whole JSON value yet.
 */
export function readJsonPayload(source: ChunkSource, idleMs: number, deadlineMs: number, maxBytes: number, head = ''): Promise<StdinRead> {
  if (head !== '' && parses(head)) return Promise.resolve({ text: head, truncated: false });
  if (source.interactive) return Promise.resolve({ text: head, truncated: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = head === '' ? [] : [Buffer.from(head)];
    let bytes = chunks[0]?.length ?? 0;
    let settled = false;
    let stop: () => void = () => undefined;
    const finish = (truncated: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idle);
      stop();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated });
    };
    const onData = (buffer: Buffer): void => {
      idle.refresh();
      bytes += buffer.length;
      if (bytes > maxBytes) {
        finish(true);
        return;
      }
      chunks.push(buffer);
      // A complete object may arrive without EOF: stop as soon as it parses.
      if (buffer.toString('utf8', Math.max(0, buffer.length - 8)).trimEnd().endsWith('}') && parses(Buffer.concat(chunks).toString('utf8'))) {
        finish(false);
      }
    };
    // A timer can come due while data already waits unread (a busy machine paused the process): timers
    // run before the loop polls for input, so each ends the read only after that poll has delivered it.
    const expire = (): void => void setImmediate(() => finish(false));
    const timer = setTimeout(expire, deadlineMs);
    const idle = setTimeout(expire, idleMs);
    stop = source.start(onData, () => finish(false));
    if (settled) stop();
  });
}
