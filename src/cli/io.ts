// The streams and environment a command runs against; tests swap them.
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: NodeJS.ProcessEnv;
  /**
   * The real process's descriptors, for the statusline's hot path, which writes its line directly
   * instead of setting up process.stdout. Absent when tests pass streams.
   */
  readonly descriptors?: { readonly stdout: number };
}

export type CommandRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}

/** The terminal's width when the stream is one, so printed prose can wrap to it; undefined otherwise. */
export function terminalWidth(stream: NodeJS.WriteStream): number | undefined {
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}
