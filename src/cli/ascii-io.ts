// A command's streams for a terminal that takes only ASCII (asciiOnly in render/terminal.ts decides). Every
// string the command writes passes through the stand-ins of render/ascii.ts on its way out, so no line can
// slip past: its own glyphs (stars, bars, ticks, arrows, middle dots, a shiny's sparkles), the buddy's name
// and personality, what the model or the journal says, notes on stderr and the questions it asks. Words
// the stand-ins do not know keep their letters without accents, anything else is a `?` a column. JSON for
// scripts is data, not words: its characters beyond ASCII are written as \u escapes instead, which every
// JSON reader turns back into the same text, so nothing is lost.
import { asciiText } from '../render/ascii.js';
import type { CliIo } from './io.js';

type Convert = (text: string) => string;

/** Streams whose text is made ASCII here: the spinner draws its ASCII frames on them. */
const asciiStreams = new WeakSet<object>();

/** JSON with every character beyond ASCII as a \u escape (outside strings JSON has none). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The stream, writing every string through `convert`; everything else it does is the stream's own. */
function convertingStream<S extends NodeJS.WritableStream>(stream: S, convert: Convert): S {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stream.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? convert(chunk) : chunk, ...rest);
  const converting = new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the stream itself: its listeners, its state and its descriptor stay its own.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  asciiStreams.add(converting);
  return converting;
}

/** Whether the stream came from asciiIo, so what is drawn on it should use ASCII in the first place. */
export function isAsciiStream(stream: object): boolean {
  return asciiStreams.has(stream);
}

/**
 * The command's io, in ASCII when `ascii`: stdout and stderr as text, or stdout as JSON with `json` (the
 * command's --json). Without `ascii`, the io itself.
 */
export function asciiIo(io: CliIo, ascii: boolean, json = false): CliIo {
  if (!ascii) return io;
  return { ...io, stdout: convertingStream(io.stdout, json ? asciiJson : asciiText), stderr: convertingStream(io.stderr, asciiText) };
}
