// A real terminal for end-to-end screen tests: the built `buddy` runs under a pseudo-terminal (node-pty)
// and every byte it writes is fed to a headless xterm.js, whose screen buffer is what a person would see.
// Screens are recorded each time the app finishes a frame: Ink wraps every frame in synchronized-output
// marks (and so does every other write the pet makes), so the screen after each end mark is a whole frame.
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN } from './cli.js';

const { Terminal } = xterm;
const END_SYNC = '\u001b[?2026l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

export interface TerminalOptions {
  readonly args?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly columns?: number;
  readonly rows?: number;
  /** Node options before the script, e.g. a test-only preload. */
  readonly nodeArgs?: readonly string[];
  /** The folder the app starts in (its project scope); the test's own when absent. */
  readonly cwd?: string;
  /** Another program to run instead of Node with the bundle (the standalone executable); no nodeArgs then. */
  readonly program?: string;
  /**
   * When a screen is recorded: after each synchronized-output end mark (the default: Buddy's frames), or
   * after every write, for a program that marks none (another app, such as an agent CLI). A screen then
   * may be half drawn, so a wait for one shows only what the program has written.
   */
  readonly frames?: 'synchronized' | 'writes';
}

export interface Screen {
  readonly lines: readonly string[];
  readonly cursor: { readonly x: number; readonly y: number };
}

export class TerminalSession {
  /** Every whole frame the terminal showed, in order. */
  readonly screens: Screen[] = [];
  readonly exited: Promise<number>;
  private readonly pty: IPty;
  private readonly term: InstanceType<typeof Terminal>;
  private readonly everyWrite: boolean;
  private pending = '';
  private raw = '';
  private writing: Promise<void> = Promise.resolve();
  private waiters: Array<() => void> = [];
  /** Screens before this index were already looked at by waitFor: each wait continues from there. */
  private consumed = 0;
  /** Output before this index was already matched by waitForOutput. */
  private outputConsumed = 0;

  constructor(options: TerminalOptions) {
    const columns = options.columns ?? 100;
    const rows = options.rows ?? 30;
    this.everyWrite = options.frames === 'writes';
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 200 });
    // node-pty sets TERM to `name`: a test's TERM (dumb, vt100) goes there.
    const term = options.env.TERM || 'xterm-256color';
    const [file, ...before] = options.program ? [options.program] : [process.execPath, ...(options.nodeArgs ?? []), BIN];
    this.pty = spawn(file!, [...before, ...(options.args ?? [])], {
      name: term,
      cols: columns,
      rows,
      env: { ...options.env, TERM: term } as Record<string, string>,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    this.pty.onData((data) => this.receive(data));
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode }) => {
        // Whatever came after the last frame (the cursor shown again, the final newline) lands too.
        void this.flush(this.pending).then(() => resolve(exitCode));
        this.pending = '';
      });
    });
  }

  /** The process id of the program in the terminal (the leader of its session and process group). */
  get pid(): number {
    return this.pty.pid;
  }

  /** Every byte the app wrote so far. */
  get output(): string {
    return this.raw;
  }

  private receive(data: string): void {
    this.raw += data;
    this.pending += data;
    // waitForOutput looks at the bytes themselves, which need no frame end (a woken waitFor looks again).
    for (const wake of this.waiters.splice(0)) wake();
    if (this.everyWrite) {
      const written = this.pending;
      this.pending = '';
      void this.flush(written);
      return;
    }
    let end = this.pending.indexOf(END_SYNC);
    while (end >= 0) {
      const frame = this.pending.slice(0, end + END_SYNC.length);
      this.pending = this.pending.slice(end + END_SYNC.length);
      void this.flush(frame);
      end = this.pending.indexOf(END_SYNC);
    }
  }

  private flush(data: string): Promise<void> {
    this.writing = this.writing.then(
      () =>
        new Promise<void>((resolve) => {
          this.term.write(data, () => {
            this.screens.push(this.snapshot());
            for (const wake of this.waiters.splice(0)) wake();
            resolve();
          });
        }),
    );
    return this.writing;
  }

  /** The visible screen now, one string per row, trailing blanks trimmed. */
  snapshot(): Screen {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < this.term.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return { lines, cursor: { x: buffer.cursorX, y: buffer.cursorY } };
  }

  /**
   * Waits until a frame satisfies `test`, or fails after `timeoutMs` (a bound that only catches a hang).
   * Frames are looked at in order, each once: a wait starts after the frame the previous wait matched.
   */
  async waitFor(test: (screen: Screen) => boolean, what: string, timeoutMs = 10_000): Promise<Screen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.consumed < this.screens.length) {
        const screen = this.screens[this.consumed++] as Screen;
        if (test(screen)) return screen;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no screen showed ${what}; last screen:\n${this.screens.at(-1)?.lines.join('\n') ?? '(none)'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Waits until the app has written `text` (output outside frames, such as a question read with readline,
   * has no frame end to wait for), then returns the screen showing everything written so far. Like
   * waitFor, each wait continues after the text the previous one matched.
   */
  async waitForOutput(text: string, timeoutMs = 10_000): Promise<Screen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.raw.indexOf(text, this.outputConsumed);
      if (at >= 0) {
        this.outputConsumed = at + text.length;
        // What came since the last frame end is drawn too, without counting it as a whole frame.
        const rest = this.pending;
        this.pending = '';
        this.writing = this.writing.then(() => new Promise<void>((resolve) => this.term.write(rest, resolve)));
        await this.writing;
        return this.snapshot();
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the app never wrote ${JSON.stringify(text)}; it wrote:\n${this.raw}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Screens recorded from index `from` on (to check every frame of a stretch of time). */
  screensSince(from: number): Screen[] {
    return this.screens.slice(from);
  }

  type(data: string): void {
    this.pty.write(data);
  }

  resize(columns: number, rows: number): void {
    this.term.resize(columns, rows);
    this.pty.resize(columns, rows);
  }

  signal(name: NodeJS.Signals): void {
    process.kill(this.pty.pid, name);
  }

  /** Whether the app left the cursor visible (the last cursor mode it set was "show"). */
  cursorShown(): boolean {
    return this.raw.lastIndexOf(SHOW_CURSOR) >= this.raw.lastIndexOf(HIDE_CURSOR);
  }

  kill(): void {
    try {
      this.pty.kill('SIGKILL');
    } catch {
      // Already gone.
    }
    this.term.dispose();
  }
}

/** The non-empty rows of a screen, from the first row to the last drawn one, trailing blank rows dropped. */
export function drawnRows(screen: Screen): string[] {
  const lines = [...screen.lines];
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}
